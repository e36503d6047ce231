import { test } from 'node:test';
import assert from 'node:assert/strict';
import { askedId, likelyAddresses } from '../../../src/lib/site/likely-addresses.ts';

test('a credit code or record id typed in lower case is tried in capitals', () => {
  assert.deepEqual(likelyAddresses('/subjects/91370900ma3c000044/'), ['/subjects/91370900MA3C000044/']);
  assert.deepEqual(likelyAddresses('/penalties/xzcf-2026-0001/'), ['/penalties/XZCF-2026-0001/']);
  // A mixed-case id (export-format §3 allows one) is tried as written first, then in capitals.
  assert.deepEqual(likelyAddresses('/Commitments/Cn2026000003'), ['/commitments/Cn2026000003/', '/commitments/CN2026000003/']);
});

test("a case's slug is tried in lower case", () => {
  assert.deepEqual(likelyAddresses('/cases/2026-Taishan-Ledger/'), ['/cases/2026-taishan-ledger/']);
  assert.deepEqual(likelyAddresses('/CASES/2026-taishan-ledger'), ['/cases/2026-taishan-ledger/']);
});

test('what is pasted with an id is dropped: fullwidth forms, a closing bracket or full stop, spaces', () => {
  // ＸＺＣＦ is fullwidth; %EF%BC%89 is ）, %E3%80%82 is 。, %20 a space.
  assert.deepEqual(likelyAddresses('/penalties/%EF%BC%B8%EF%BC%BA%EF%BC%A3%EF%BC%A6-2026-0001/'), ['/penalties/XZCF-2026-0001/']);
  assert.deepEqual(likelyAddresses('/penalties/XZCF-2026-0001%EF%BC%89'), ['/penalties/XZCF-2026-0001/']);
  assert.deepEqual(likelyAddresses('/dishonest/SX-2026-0001%E3%80%82/'), ['/dishonest/SX-2026-0001/']);
  assert.deepEqual(likelyAddresses('/honors/%20BZ-2026-0001%20/'), ['/honors/BZ-2026-0001/']);
});

test("a list's page 1 is the list itself; a folder in capitals is tried in lower case", () => {
  assert.deepEqual(likelyAddresses('/commitments/page/1/'), ['/commitments/']);
  assert.deepEqual(likelyAddresses('/cases/region/%E6%B3%B0%E5%B1%B1%E5%8C%BA/page/1/'), ['/cases/region/泰山区/']);
  assert.deepEqual(likelyAddresses('/COMMITMENTS/page/2/'), ['/commitments/page/2/']);
  assert.deepEqual(likelyAddresses('/DATA/commitments.csv'), ['/data/commitments.csv']);
});

test('no guess: an address already tidy, the home page, a path that does not decode, nothing that could be an id', () => {
  assert.deepEqual(likelyAddresses('/no-such-page/'), []);
  assert.deepEqual(likelyAddresses('/penalties/XZCF-2026-0001/'), []);
  assert.deepEqual(likelyAddresses('/'), []);
  assert.deepEqual(likelyAddresses('/penalties/%E0%A4%A/'), []);
  assert.deepEqual(likelyAddresses('/penalties/%EF%BC%89/'), []);
});

test('never an address a browser would take to another host or out of its folder: a backslash, decoded or folded from fullwidth, or dot segments', () => {
  // %5C is \, %EF%BC%BC is fullwidth ＼ (NFKC \), %EF%BC%8E is fullwidth ．
  for (const hostile of ['/%5Cevil.example', '/%EF%BC%BCevil.example', '/%5C%5Cevil.example/x', '/%2F%2Fevil.example', '/penalties/%EF%BC%8E%EF%BC%8E/', '/a/%2E%2E/%2E%2E/x', '/%5Cevil.example/page/1/'])
    assert.deepEqual(likelyAddresses(hostile).filter((a) => !/^\/[a-z]/.test(a) || a.includes('\\') || a.startsWith('//') || a.split('/').includes('..')), [], hostile);
  assert.deepEqual(likelyAddresses('/%5Cevil.example'), []);
  assert.deepEqual(likelyAddresses('/%EF%BC%BCevil.example'), []);
});

test('the id asked for, to search for when no address exists', () => {
  assert.equal(askedId('/penalties/xzcf-2099-0001）/'), 'xzcf-2099-0001');
  assert.equal(askedId('/subjects/91370900ma3c000044/index.html'), '91370900ma3c000044');
  assert.equal(askedId('/penalties/XZCF-2026-0001/extra/'), undefined);
  assert.equal(askedId('/guide/repair/'), undefined);
  assert.equal(askedId('/no-such-page/'), undefined);
});
