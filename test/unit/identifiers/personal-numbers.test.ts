import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonalNumbers, maskNumber, maskPersonalNumbers, personalNumbersInPieces } from '../../../src/lib/identifiers/personal-numbers.ts';

// Valid 居民身份证号码 (birth date and GB 11643 check digit computed for these tests).
const ID18 = '370902199001011235';
const ID18_X = '11010519491231002X';
const ID18_LEAP = '370902200002290016';
const ID15 = '370902900101123'; // born 1990-01-01
const MOBILE = '13812345678';

const kinds = (text: string) => findPersonalNumbers(text).map((h) => h.kind);

describe('§3 居民身份证号码 in a cell', () => {
  test('an 18-digit number with a valid birth date and check digit is found', () => {
    assert.deepEqual(kinds(ID18), ['identity']);
    assert.deepEqual(kinds(`联系人身份证${ID18}，已核实`), ['identity']);
    assert.deepEqual(kinds(ID18_LEAP), ['identity']);
  });
  test('an 18-character number ending in the check character X (or x) is found', () => {
    assert.deepEqual(kinds(ID18_X), ['identity']);
    assert.deepEqual(kinds(ID18_X.toLowerCase()), ['identity']);
  });
  test('a 15-digit old-style number with a valid birth date is found', () => {
    assert.deepEqual(kinds(`证号 ${ID15}`), ['identity']);
  });
  test('a 15-digit run without a valid birth date is not an identity number', () => {
    assert.deepEqual(kinds('370902901301123'), []); // month 13
  });
  test('an 18-digit number with an invalid check digit is not flagged', () => {
    assert.deepEqual(kinds('370902199001011234'), []);
  });
  test('an 18-digit number with an impossible birth date is not flagged', () => {
    // 1990-02-30 with a matching check digit would still not be a date
    assert.deepEqual(kinds('370902199002301234'), []);
  });
  test('an identity number inside a longer run of digits or letters is not flagged', () => {
    assert.deepEqual(kinds(`9${ID18}`), []);
    assert.deepEqual(kinds(`${ID18}7`), []);
    assert.deepEqual(kinds(`A${ID18}`), []);
    assert.deepEqual(kinds(`${ID18}B`), []);
    assert.deepEqual(kinds(`NO${ID15}X1`), []);
  });
  test('an identity number next to punctuation or Chinese text stands alone', () => {
    assert.deepEqual(kinds(`（${ID18}）`), ['identity']);
    assert.deepEqual(kinds(`号码:${ID18}.`), ['identity']);
  });
});

describe('§3 手机号码 in a cell', () => {
  test('11 digits starting 13–19 standing alone are a mobile number', () => {
    for (const prefix of ['13', '14', '15', '16', '17', '18', '19']) {
      assert.deepEqual(kinds(`电话${prefix}812345678`), ['mobile'], prefix);
    }
  });
  test('11 digits starting 12 (or 10, 11) are not a mobile number', () => {
    assert.deepEqual(kinds('12812345678'), []);
    assert.deepEqual(kinds('10812345678'), []);
    assert.deepEqual(kinds('11812345678'), []);
  });
  test('a mobile number inside a longer run of digits or letters is not flagged', () => {
    assert.deepEqual(kinds(`8${MOBILE}`), []);
    assert.deepEqual(kinds(`${MOBILE}0`), []);
    assert.deepEqual(kinds(`TEL${MOBILE}`), []);
    assert.deepEqual(kinds(`${MOBILE}a`), []);
  });
  test('a landline such as 0538-8266019 is not a mobile number', () => {
    assert.deepEqual(kinds('0538-8266019'), []);
  });
  test('every number in a cell is found, each with its position', () => {
    const text = `电话 ${MOBILE}，身份证 ${ID18}`;
    const hits = findPersonalNumbers(text);
    assert.deepEqual(hits.map((h) => h.kind), ['mobile', 'identity']);
    assert.equal(text.slice(hits[1]!.index, hits[1]!.index + hits[1]!.length), ID18);
  });
});

describe('masking: a report never prints the number in full', () => {
  test('keeps the first and last four characters: 3709**********1235', () => {
    assert.equal(maskNumber(ID18), '3709**********1235');
    assert.equal(maskNumber(MOBILE), '1381***5678');
  });
  test('a hit carries the masked form, never the number', () => {
    const [hit] = findPersonalNumbers(ID18);
    assert.equal(hit!.masked, '3709**********1235');
  });
  test('short strings are masked whole', () => {
    assert.equal(maskNumber('12345678'), '********');
  });
  test('maskPersonalNumbers masks every number in a text and keeps the rest', () => {
    const out = maskPersonalNumbers(`张某 ${ID18}，电话 ${MOBILE}，案号 20261234`);
    assert.equal(out, '张某 3709**********1235，电话 1381***5678，案号 20261234');
    assert.ok(!out.includes(ID18) && !out.includes(MOBILE));
  });
  test('maskPersonalNumbers leaves a text without personal numbers unchanged', () => {
    assert.equal(maskPersonalNumbers('罚款 5 万元，0538-8266019'), '罚款 5 万元，0538-8266019');
  });
});

describe('a number disguised as it would still read on a page', () => {
  // Full-width digits: 0 is U+FF10, so each ASCII digit d is U+FF10 + d.
  const wide = (digits: string) => [...digits].map((d) => (d === 'X' ? '\uFF38' : String.fromCharCode(0xff10 + Number(d)))).join('');
  test('in full-width digits (and a full-width check character X)', () => {
    assert.deepEqual(findPersonalNumbers(`身份证${wide(ID18)}`), [{ kind: 'identity', masked: '3709**********1235', index: 3, length: 18 }]);
    assert.deepEqual(kinds(`电话${wide(MOBILE)}`), ['mobile']);
    assert.deepEqual(kinds(wide(ID18_X)), ['identity']);
  });
  test('split by invisible characters (zero-width space and joiners, a soft hyphen, a direction mark)', () => {
    // 3709021990, U+200C, 01011235: the hit spans the 19 characters of the text.
    assert.deepEqual(findPersonalNumbers(`身份证3709021990\u200c01011235，`), [{ kind: 'identity', masked: '3709**********1235', index: 3, length: 19 }]);
    assert.deepEqual(kinds('手机138\u200b1234\u200d5678'), ['mobile']);
    assert.deepEqual(kinds('138\u00ad1234\u200e5678'), ['mobile']);
    assert.equal(maskPersonalNumbers('手机138\u200b1234\u200b5678。'), '手机1381***5678。');
  });
  test('split by default-ignorable characters that are not format characters (a page draws them as nothing too)', () => {
    // U+034F combining grapheme joiner, U+FE0F and U+E0100 variation selectors, U+180B Mongolian
    // free variation selector, U+3164 and U+FFA0 Hangul fillers, U+17B4 a Khmer inherent vowel.
    for (const ch of ['\u034f', '\ufe0f', '\u{e0100}', '\u180b', '\u3164', '\uffa0', '\u17b4']) {
      assert.deepEqual(kinds(`当事人身份证370902${ch}199001011235，`), ['identity'], ch.codePointAt(0)!.toString(16));
      assert.deepEqual(kinds(`手机138${ch}12345678。`), ['mobile'], ch.codePointAt(0)!.toString(16));
    }
  });
  test('every invisible format or default-ignorable character splits no number, and every character NFKC makes an ASCII digit or X counts as one, in all of Unicode', () => {
    const missed: string[] = [];
    for (let c = 0x80; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      const folds = ch.normalize('NFKC');
      // 138, the character, 12345678; or a mobile number (or, for an X, the identity number) that ends in it.
      const text = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(ch) ? `手机138${ch}12345678。` : /^[0-9]$/.test(folds) ? `手机1380000000${ch}。` : /^[Xx]$/.test(folds) ? `证号${ID18_X.slice(0, 17)}${ch}。` : undefined;
      if (text && findPersonalNumbers(text).length !== 1) missed.push(c.toString(16));
    }
    assert.deepEqual(missed, []);
  });
  test('a number beside full-width letters still stands alone; other characters still end it', () => {
    assert.deepEqual(kinds(`ＡＢ${MOBILE}`), ['mobile']);
    assert.deepEqual(kinds(`${MOBILE.slice(0, 5)}-${MOBILE.slice(5)}`), []);
    assert.deepEqual(kinds(`9${wide(ID18)}`), []);
  });
});

describe('a text too big for one string, searched in pieces', () => {
  const text = `${ID18}，手机${MOBILE}；编号 9${ID18} 与 ${ID15}X，末尾 ${ID18_X}`;
  // By hand: the first ID, the mobile number, not the ID inside a longer run, not the 15 digits
  // followed by a letter, and the X-ending ID at the very end.
  const expected = [ID18, MOBILE, ID18_X];
  const piecesOf = (size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
  const found = (pieces: Iterable<string>) => [...personalNumbersInPieces(pieces)].map((f) => f.number);

  test('the same numbers, once each and in order, wherever the pieces are cut', () => {
    for (let size = 1; size <= text.length + 1; size++) assert.deepEqual(found(piecesOf(size)), expected, `pieces of ${size}`);
  });
  test('a piece boundary does not make a standalone number of part of a longer run', () => {
    // 30 digits: cut after 11 (a mobile number's length) or after 18, neither part is a number.
    const run = `1${'3'.repeat(29)}`;
    for (const cut of [11, 15, 18]) assert.deepEqual(found([`甲${run.slice(0, cut)}`, `${run.slice(cut)}乙`]), []);
  });
  test('empty pieces and no pieces find nothing wrong', () => {
    assert.deepEqual(found([]), []);
    assert.deepEqual(found(['', MOBILE, '']), [MOBILE]);
  });
});
