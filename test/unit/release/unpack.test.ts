/** Unpacking an export archive: refuse the whole archive on any entry that could escape, link or bomb. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { create, Header } from 'tar';
import { ArchiveError, safeEntryPath, unpackArchive } from '../../../src/lib/release/unpack.ts';
import { makeTarGz, makeZip, type ArchiveEntry } from '../support/archives.ts';
import { tempDir } from '../support/temp-dir.ts';

const LIMITS = { maxBytes: 10_000, maxFiles: 10 };

/** Writes the archive in <tmp>/a/, unpacks into <tmp>/a/out/; returns the tmp root. */
async function tryUnpack(bytes: Buffer, limits = LIMITS) {
  const root = tempDir('portal-unpack-');
  const work = join(root, 'a');
  const archive = join(root, 'archive.bin');
  writeFileSync(archive, bytes);
  const out = join(work, 'out');
  let error: unknown;
  try {
    await unpackArchive(archive, out, limits);
  } catch (e) {
    error = e;
  }
  return { root, out, error };
}

const GOOD: ArchiveEntry[] = [
  { name: 'manifest.json', data: '{"schema_version":1}' },
  { name: 'cases/一个案例.md', data: '# 案例' },
  { name: 'attachments/', type: 'dir' },
];

for (const [format, make] of [['zip', makeZip], ['tar.gz', makeTarGz]] as const) {
  test(`${format}: a good archive unpacks every file with its bytes (Chinese names included)`, async () => {
    const { out, error } = await tryUnpack(make(GOOD));
    assert.equal(error, undefined);
    assert.equal(readFileSync(join(out, 'manifest.json'), 'utf8'), '{"schema_version":1}');
    assert.equal(readFileSync(join(out, 'cases/一个案例.md'), 'utf8'), '# 案例');
  });

  test(`${format}: a ../ entry refuses the archive and nothing lands outside the target`, async () => {
    const { root, error } = await tryUnpack(make([...GOOD, { name: 'cases/../../evil.txt', data: 'x' }]));
    assert.ok(error instanceof ArchiveError, String(error));
    assert.match(error.message, /越出目标目录/);
    assert.ok(!existsSync(join(root, 'evil.txt')) && !existsSync(join(root, 'a', 'evil.txt')));
  });

  test(`${format}: an absolute path refuses the archive`, async () => {
    const { error } = await tryUnpack(make([{ name: '/tmp/evil.txt', data: 'x' }]));
    assert.ok(error instanceof ArchiveError);
    assert.match(error.message, /越出目标目录/);
  });

  test(`${format}: a symbolic link refuses the archive`, async () => {
    const { out, error } = await tryUnpack(make([...GOOD, { name: 'attachments/passwd', type: 'symlink', data: '/etc/passwd' }]));
    assert.ok(error instanceof ArchiveError);
    assert.match(error.message, /链接/);
    assert.ok(!existsSync(join(out, 'attachments/passwd')));
  });

  test(`${format}: more files than the limit refuses the archive`, async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' }));
    const { error } = await tryUnpack(make(many));
    assert.ok(error instanceof ArchiveError);
    assert.match(error.message, /文件数.*上限 10/);
  });

  test(`${format}: an unpacked size over the limit refuses the archive`, async () => {
    const { error } = await tryUnpack(make([{ name: 'big.csv', data: Buffer.alloc(10_001, 0x61) }]));
    assert.ok(error instanceof ArchiveError);
    assert.match(error.message, /解压后大小超过上限/);
  });

  test(`${format}: files each under the size limit but together over it refuse the archive`, async () => {
    const { error } = await tryUnpack(make([{ name: 'a.csv', data: Buffer.alloc(6000, 0x61) }, { name: 'b.csv', data: Buffer.alloc(6000, 0x62) }]));
    assert.ok(error instanceof ArchiveError);
    assert.match(error.message, /解压后大小超过上限/);
  });
}

test('tar.gz: a hard link refuses the archive', async () => {
  const { error } = await tryUnpack(makeTarGz([...GOOD, { name: 'hard', type: 'hardlink', data: 'manifest.json' }]));
  assert.ok(error instanceof ArchiveError);
  assert.match(error.message, /链接/);
});

test("tar.gz: what follows the archive's end is refused beyond a record's padding, unread (node-tar would buffer it in quadratic time)", async () => {
  const tar = gunzipSync(makeTarGz(GOOD));
  // 8 KB of zeros: padding to a record, as tar writes it.
  const padded = await tryUnpack(gzipSync(Buffer.concat([tar, Buffer.alloc(8192)])));
  assert.equal(padded.error, undefined);
  assert.deepEqual(readdirSync(padded.out).sort(), ['attachments', 'cases', 'manifest.json']);
  // 2 MB of zeros, well within maxBytes: no limit counted them.
  const { error } = await tryUnpack(gzipSync(Buffer.concat([tar, Buffer.alloc(2 << 20)])), { maxBytes: 10_000_000, maxFiles: 10 });
  assert.ok(error instanceof ArchiveError, String(error));
  assert.equal(error.message, '压缩包在归档结束标记之后还有超过 1 MB 的多余数据');
});

test('tar.gz: headers do not count against the size limit: 1,900 one-byte files with long Chinese names, each with an extended header, unpack', async () => {
  const src = tempDir('portal-many-names-');
  const names = Array.from({ length: 1900 }, (_, i) => `泰安市某某单位关于信用承诺履行情况的说明材料第${i}号.txt`);
  for (const name of names) writeFileSync(join(src, name), 'x');
  const archive = join(tempDir('portal-many-names-tgz-'), 'a.tar.gz');
  await create({ gzip: true, file: archive, cwd: src, portable: true }, names);
  const { out, error } = await tryUnpack(readFileSync(archive), { maxBytes: 100_000, maxFiles: 1901 });
  assert.equal(error, undefined);
  assert.equal(readdirSync(out).length, 1900);
});

test('tar.gz: a stream longer than its entries can be is refused by the bytes actually unpacked', async () => {
  // A 2 MB extended header (pax) before the entries: node-tar skips one over 1 MB unread, and no file entry counts it.
  const pax = new Header({ path: 'PaxHeader/x', type: 'ExtendedHeader', size: 2 << 20, mode: 0o644, mtime: new Date(0) });
  pax.encode();
  const tar = Buffer.concat([pax.block!, Buffer.alloc(2 << 20), gunzipSync(makeTarGz(GOOD))]);
  const { error } = await tryUnpack(gzipSync(tar), { maxBytes: 10_000, maxFiles: 10 });
  assert.ok(error instanceof ArchiveError, String(error));
  assert.equal(error.message, '压缩包解压后大小超过上限 0.0 MB');
});

test('zip: a bomb whose headers claim a small size is stopped by the bytes actually written', async () => {
  const { out, error } = await tryUnpack(makeZip([{ name: 'bomb.csv', data: Buffer.alloc(50_000), claimedSize: 100 }]));
  assert.ok(error instanceof ArchiveError, String(error));
  assert.ok(!existsSync(join(out, 'bomb.csv')) || readFileSync(join(out, 'bomb.csv')).length <= 10_000);
});

test('a truncated or corrupted archive is refused as damaged', async () => {
  const zip = makeZip(GOOD);
  const { error: cut } = await tryUnpack(zip.subarray(0, zip.length - 30));
  assert.ok(cut instanceof ArchiveError);
  assert.match(cut.message, /损坏/);
  const tgz = makeTarGz(GOOD);
  const { error: cutTar } = await tryUnpack(tgz.subarray(0, tgz.length / 2));
  assert.ok(cutTar instanceof ArchiveError);
});

test('a file that is neither zip nor gzip is refused by its content, whatever its name', async () => {
  const { error, out } = await tryUnpack(Buffer.from('<html>404</html>'));
  assert.ok(error instanceof ArchiveError);
  assert.match(error.message, /不是 \.zip 或 \.tar\.gz/);
  assert.ok(!existsSync(out) || readdirSync(out).length === 0);
});

test('safeEntryPath keeps names inside the target and refuses every way out', () => {
  assert.equal(safeEntryPath('a/./b.csv'), 'a/b.csv');
  assert.equal(safeEntryPath('cases/'), 'cases');
  for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\..\\x', 'a\0b', '', '..']) assert.throws(() => safeEntryPath(bad), ArchiveError, bad);
});
