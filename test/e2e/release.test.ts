/**
 * The daily release (`npm run publish`, `rollback`, `serve`) end to end, against an HTTP
 * server on 127.0.0.1 started here. Three builds in all (a zip and a tar.gz of the good
 * fixture into two fresh roots, then the withdrawn fixture with --accept-drop); every
 * failing case stops before the build, so it costs no build.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import * as tar from 'tar';
import { folderEntries, makeTarGz, makeZip } from '../unit/support/archives.ts';
import { ROOT } from './support/build.ts';
import { tempDir } from '../unit/support/temp-dir.ts';

const AS_OF = '2026-11-28';
const FIXTURES = join(ROOT, 'test/fixtures/exports');
const node = process.execPath;

let temp: string;
let origin: string;
let server: Server;
/** Files the archive server sends: path → body, or a behaviour. */
const routes = new Map<string, Buffer | 'stall' | 'chunked-big'>();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<Run> {
  return new Promise((ok) => {
    execFile(node, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const publish = (from: string, out: string, ...extra: string[]) => run('publish.ts', ['--from', from, '--out', out, '--as-of', AS_OF, ...extra]);

/** Every path under dir (links as their target, files as their bytes), except ROOT/work/. */
function snapshot(dir: string, skip: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (path === skip) continue;
      const st = lstatSync(path);
      const rel = relative(dir, path);
      if (st.isSymbolicLink()) out.set(rel, `-> ${readlinkSync(path)}`);
      else if (st.isDirectory()) {
        out.set(rel, 'dir');
        walk(path);
      } else out.set(rel, readFileSync(path).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

const currentId = (root: string) => readlinkSync(join(root, 'current')).replace(/^releases\//, '');

before(async () => {
  temp = tempDir('portal-release-');
  server = createServer((req, res) => {
    const body = routes.get(req.url ?? '');
    if (body === undefined) return void res.writeHead(404).end('not found');
    if (body === 'stall') {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': '100000' });
      res.write(Buffer.from('PK\u0003\u0004'));
      return; // never ends: the download must give up by its time limit
    }
    if (body === 'chunked-big') {
      // No Content-Length: only counting while streaming can stop it.
      res.writeHead(200, { 'content-type': 'application/zip' });
      const chunk = Buffer.alloc(256 * 1024, 1);
      let sent = 0;
      const more = () => {
        while (sent < 8 && res.write(chunk)) sent++;
        if (sent >= 8) res.end();
        else res.once('drain', more);
      };
      res.on('error', () => {});
      more();
      return;
    }
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  routes.set('/good.zip', makeZip(folderEntries(join(FIXTURES, 'good'), 'export-2026-11-28/')));
  const tgz = join(temp, 'good.tar.gz');
  await tar.c({ gzip: true, portable: true, file: tgz, cwd: join(FIXTURES, 'good') }, readdirSync(join(FIXTURES, 'good')).sort());
  routes.set('/good.tar.gz', readFileSync(tgz));
  routes.set('/withdrawn.zip', makeZip(folderEntries(join(FIXTURES, 'withdrawn'))));
  routes.set('/truncated.zip', makeZip(folderEntries(join(FIXTURES, 'truncated'))));
  const corrupt = Buffer.from(routes.get('/good.zip') as Buffer);
  corrupt.fill(0xff, 200, 1200); // inside the first entries' compressed data
  routes.set('/corrupt.zip', corrupt);
  routes.set('/dotdot.zip', makeZip([...folderEntries(join(FIXTURES, 'good')), { name: '../../../../../../evil-dotdot.txt', data: 'escaped' }]));
  routes.set('/link.tar.gz', makeTarGz([...folderEntries(join(FIXTURES, 'good')), { name: 'attachments/passwd', type: 'symlink', data: '/etc/passwd' }]));
  routes.set('/big.zip', Buffer.concat([routes.get('/good.zip') as Buffer, Buffer.alloc(2_000_000)]));
  routes.set('/big-chunked.zip', 'chunked-big');
  routes.set('/stall.zip', 'stall');
});

after(async () => {
  server?.closeAllConnections();
  await new Promise((ok) => server?.close(ok));
});

describe('npm run publish', () => {
  let rootA: string;
  let rootB: string;
  let firstId: string;

  test('a good zip from an http URL goes live: ROOT/current points at the new release', async () => {
    rootA = join(temp, 'root-a');
    const r = await publish(`${origin}/good.zip`, rootA);
    assert.equal(r.code, 0, r.stderr);
    firstId = currentId(rootA);
    // The release, and beside it what its build read of its pages, for the next run (page-reads.ts).
    assert.deepEqual(readdirSync(join(rootA, 'releases')).sort(), [firstId, `${firstId}.reads`]);
    const home = readFileSync(join(rootA, 'current', 'index.html'), 'utf8');
    assert.match(home, /泰安市政务诚信公示/);
    assert.match(home, /href="\/updates\/"/);
    // 17 published rows in the good fixture: 5 subjects, 5 commitments, 2 penalties, 1+1+1, 2 cases.
    const digest = JSON.parse(readFileSync(join(rootA, 'current', 'release.json'), 'utf8'));
    assert.equal(digest.published_rows, 17);
    assert.equal(JSON.parse(readFileSync(join(rootA, 'current', 'changes.json'), 'utf8')).previous, null);
    // What was rejected, and why, is in the log of a release that went live, and its report is kept.
    assert.match(r.stdout, /^\[publish\] cases\/bad-script-case\.md:9: \[bad-script-case\] 不允许使用 <script> 标签$/m);
    assert.match(r.stdout, /^\[publish\] 共 1 个错误、0 个警告。$/m);
    assert.match(r.stdout, new RegExp(`报告：${join(rootA, 'work', 'reports', `${firstId}.json`)}`));
  });

  test('a good tar.gz goes live in a fresh root', async () => {
    rootB = join(temp, 'root-b');
    const r = await publish(`${origin}/good.tar.gz`, rootB);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(rootB, 'current', 'commitments', 'CN2026000001', 'index.html')));
  });

  test('two builds of one export and as-of date are byte-identical, file by file', () => {
    const a = snapshot(join(rootA, 'current') + '/', '');
    const b = snapshot(join(rootB, 'current') + '/', '');
    assert.ok(a.size > 50, `only ${a.size} files`);
    assert.deepEqual([...a.keys()], [...b.keys()]);
    for (const [path, bytes] of a) assert.ok(b.get(path) === bytes, `${path} differs`);
  });

  const failures: [string, string, string[], RegExp][] = [
    ['a truncated export', '/truncated.zip', [], /阶段 validate/],
    ['a corrupted archive', '/corrupt.zip', [], /阶段 unpack/],
    ['an archive with ../ entries', '/dotdot.zip', [], /阶段 unpack[\s\S]*越出目标目录/],
    ['an archive with a link', '/link.tar.gz', [], /阶段 unpack[\s\S]*链接/],
    ['a download over the size limit (Content-Length)', '/big.zip', ['--max-download-mb', '1'], /阶段 download[\s\S]*超过上限/],
    ['a download over the size limit (no Content-Length)', '/big-chunked.zip', ['--max-download-mb', '1'], /阶段 download[\s\S]*超过大小上限/],
    ['a download that stalls past the time limit', '/stall.zip', ['--timeout', '1', '--retries', '1'], /阶段 download[\s\S]*超时[\s\S]*共尝试 2 次/],
    ['a 404', '/missing.zip', [], /阶段 download[\s\S]*HTTP 404[\s\S]*共尝试 1 次/],
  ];
  for (const [what, path, extra, message] of failures) {
    test(`${what} leaves current exactly as it was and writes nothing outside the work folder`, async () => {
      const before = snapshot(temp, join(rootA, 'work'));
      const r = await publish(`${origin}${path}`, rootA, ...extra);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /正在提供的版本未改动/);
      assert.deepEqual(snapshot(temp, join(rootA, 'work')), before);
      assert.equal(currentId(rootA), firstId);
      assert.ok(!existsSync(join(temp, '..', 'evil-dotdot.txt')) && !existsSync('/evil-dotdot.txt'));
    });
  }

  test('a truncated export names its report, which says what made it unusable', async () => {
    const r = await publish(`${origin}/truncated.zip`, rootA);
    const reportPath = /报告：(\S+)/.exec(r.stderr)?.[1];
    assert.ok(reportPath && reportPath.startsWith(join(rootA, 'work')), r.stderr);
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    assert.equal(report.usable, false);
    assert.ok(report.problems.some((p: { file: string }) => p.file === 'commitments.csv'));
  });

  test('the drop guard stops an export with more than 20% fewer published rows (17 → 13)', async () => {
    const before = snapshot(temp, join(rootA, 'work'));
    const r = await publish(`${origin}/withdrawn.zip`, rootA);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /阶段 drop-guard[\s\S]*17 条降到 13 条[\s\S]*--accept-drop/);
    assert.deepEqual(snapshot(temp, join(rootA, 'work')), before);
  });

  test('--accept-drop lets the same export through the guard', async () => {
    const r = await publish(`${origin}/withdrawn.zip`, rootA, '--accept-drop');
    assert.equal(r.code, 0, r.stderr);
    assert.notEqual(currentId(rootA), firstId);
    assert.match(r.stdout, /新公示 0，停止公示 4，内容更新 1/);
    // The live release's pages are reused. Rendered again: of 6 published records' pages, only
    // CN2026000006's (备注 edited; withheld records' pages always are); the 7 lists, whose facet
    // counts lost the 3 letters gone; of 5 profiles, the 3 agencies that lost a letter (the
    // hospital, 街道办, 城建集团); of 7 withheld records' notices, XZCF-2026-0001's (newly
    // withheld); and the notices of the 3 letters gone from the export. Copied: 5 records' pages,
    // 2 profiles and 6 notices.
    assert.match(r.stdout, /复用上一版本的 13 个页面，重新生成 15 个/);
    // What the live release's build read of them went live with it: they are not read again.
    assert.match(r.stdout, /复用上一版本读取的 13 个页面/);
  });

  test('changes.json lists the withdrawn records with their reasons and the changed one', () => {
    const changes = JSON.parse(readFileSync(join(rootA, 'current', 'changes.json'), 'utf8'));
    assert.deepEqual(changes.previous, { as_of: AS_OF, exported_at: '2026-11-27T23:10:00+08:00' });
    assert.deepEqual(changes.published, []);
    assert.deepEqual(changes.withdrawn, [
      { kind: 'commitments', id: 'CN2026000002', reason: 'absent' },
      { kind: 'commitments', id: 'CN2026000003', reason: 'absent' },
      { kind: 'commitments', id: 'CN2026000004', reason: 'absent' },
      { kind: 'penalties', id: 'XZCF-2026-0001', reason: 'repaired' },
    ]);
    assert.deepEqual(changes.changed, [{ kind: 'commitments', id: 'CN2026000006' }]);
  });

  test('a record gone from the export keeps its address with a notice that does not say 依法, and the release remembers it', () => {
    for (const id of ['CN2026000002', 'CN2026000003', 'CN2026000004']) {
      const html = readFileSync(join(rootA, 'current', 'commitments', id, 'index.html'), 'utf8');
      assert.match(html, /<h1>该信息已停止公示<\/h1>/, id);
      assert.match(html, /停止公示原因：<strong>导出中已无此记录<\/strong>/, id);
      assert.match(html, /<meta name="robots" content="noindex">/, id);
      assert.ok(!readFileSync(join(rootA, 'current', 'sitemap-0.xml'), 'utf8').includes(id), id);
    }
    const digest = JSON.parse(readFileSync(join(rootA, 'current', 'release.json'), 'utf8'));
    assert.deepEqual(digest.gone, ['commitments/CN2026000002', 'commitments/CN2026000003', 'commitments/CN2026000004']);
  });

  test('/updates/ lists the withdrawn records, each linked to the notice its address keeps', () => {
    const html = readFileSync(join(rootA, 'current', 'updates', 'index.html'), 'utf8');
    assert.match(html, /停止公示（4 条）/);
    assert.match(html, /<li><a href="\/commitments\/CN2026000002\/">信用承诺 CN2026000002<\/a>：导出中已无此记录<\/li>/);
    assert.match(html, /<li><a href="\/penalties\/XZCF-2026-0001\/">行政处罚 XZCF-2026-0001<\/a>：已完成信用修复<\/li>/);
    assert.match(html, /<a href="\/commitments\/CN2026000006\/">信用承诺 CN2026000006<\/a>/);
    const history = JSON.parse(readFileSync(join(rootA, 'current', 'updates', 'history.json'), 'utf8'));
    assert.equal(history.length, 1);
  });

  test('rollback restores the previous release', async () => {
    const r = await run('rollback.ts', ['--out', rootA]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(currentId(rootA), firstId);
    assert.ok(existsSync(join(rootA, 'current', 'commitments', 'CN2026000002', 'index.html')));
  });

  test('npm run serve serves ROOT/current on 127.0.0.1 with content types', async () => {
    const child = spawn(node, [join(ROOT, 'scripts/serve.ts'), '--out', rootA, '--port', '0'], { cwd: ROOT });
    try {
      const started = await new Promise<string>((ok, fail) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(d.toString());
          if (m) ok(m[1]!);
        });
        child.on('exit', (code) => fail(new Error(`serve exited ${code}`)));
      });
      const home = await fetch(`${started}/`);
      assert.equal(home.status, 200);
      assert.equal(home.headers.get('content-type'), 'text/html; charset=utf-8');
      const changes = await fetch(`${started}/changes.json`);
      assert.equal(changes.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal((await fetch(`${started}/no-such-page/`)).status, 404);
    } finally {
      child.kill();
    }
  });

  test('an agency and a model case gone from the export keep their addresses, each with the notice, linked from /updates/', async () => {
    // The good export (live again after the rollback) without 新泰市青云街道办事处, its two rows
    // (line 6 of commitments.csv, line 5 of penalties.csv, each one line) and the 城建 case.
    const CODE = '11370982MB2850005G';
    const SLUG = '2026-chengjian-rectification';
    const next = join(temp, 'agency-and-case-gone');
    cpSync(join(FIXTURES, 'good'), next, { recursive: true });
    const dropLine = (file: string, line: number, holds: string) => {
      const lines = readFileSync(join(next, file), 'utf8').split('\n');
      assert.match(lines[line - 1]!, new RegExp(`^${holds}|,${holds},`), `${file}:${line}`);
      writeFileSync(join(next, file), lines.filter((_, i) => i !== line - 1).join('\n'));
    };
    dropLine('subjects.csv', 6, CODE);
    dropLine('commitments.csv', 6, 'CN2026000003');
    dropLine('penalties.csv', 5, 'XZCF-2025-0004');
    rmSync(join(next, 'cases', `${SLUG}.mdx`));
    execFileSync(node, [join(ROOT, 'scripts/export-manifest.ts'), next], { stdio: 'ignore' });
    const r = await publish(next, rootA, '--accept-drop');
    assert.equal(r.code, 0, r.stderr);
    const live = join(rootA, 'current');
    const changes = JSON.parse(readFileSync(join(live, 'changes.json'), 'utf8'));
    assert.deepEqual(
      changes.withdrawn.filter((w: { kind: string }) => w.kind === 'subjects' || w.kind === 'cases'),
      [{ kind: 'cases', id: SLUG, reason: 'absent' }, { kind: 'subjects', id: CODE, reason: 'absent' }],
    );
    const sitemap = readFileSync(join(live, 'sitemap-0.xml'), 'utf8');
    for (const [path, what] of [[`subjects/${CODE}`, '主体'], [`cases/${SLUG}`, '典型案例']] as const) {
      const html = readFileSync(join(live, path, 'index.html'), 'utf8');
      assert.match(html, /<h1>该信息已停止公示<\/h1>/, path);
      assert.match(html, new RegExp(`<p>本条${what}信息已停止公示。</p>`), path);
      assert.match(html, /停止公示原因：<strong>导出中已无此记录<\/strong>/, path);
      assert.match(html, /<meta name="robots" content="noindex">/, path);
      // Nothing of the agency or the case is left on its page.
      assert.ok(!html.includes('新泰市青云街道办事处') && !html.includes('城建集团失信整改'), path);
      assert.ok(!sitemap.includes(path), path);
    }
    const digest = JSON.parse(readFileSync(join(live, 'release.json'), 'utf8'));
    assert.ok(digest.gone.includes(`subjects/${CODE}`) && digest.gone.includes(`cases/${SLUG}`), digest.gone.join(' '));
    const updates = readFileSync(join(live, 'updates', 'index.html'), 'utf8');
    assert.match(updates, new RegExp(`<li><a href="/subjects/${CODE}/">信用画像 ${CODE}</a>：导出中已无此记录</li>`));
    assert.match(updates, new RegExp(`<li><a href="/cases/${SLUG}/">诚信典型案例 ${SLUG}</a>：导出中已无此记录</li>`));
  });

  test('a case renamed a second time, naming only its last key, keeps every earlier address redirecting to it', async () => {
    // 2026-taishan-commitment-ledger (once taishan-ledger) becomes ledger-v2, whose redirect_from
    // names only 2026-taishan-commitment-ledger.
    const next = join(temp, 'case-renamed-again');
    cpSync(join(temp, 'agency-and-case-gone'), next, { recursive: true });
    const body = readFileSync(join(next, 'cases', '2026-taishan-commitment-ledger.md'), 'utf8');
    const renamed = body.replace('redirect_from:\n  - taishan-ledger\n', 'redirect_from:\n  - 2026-taishan-commitment-ledger\n');
    assert.notEqual(renamed, body);
    writeFileSync(join(next, 'cases', 'ledger-v2.md'), renamed);
    rmSync(join(next, 'cases', '2026-taishan-commitment-ledger.md'));
    execFileSync(node, [join(ROOT, 'scripts/export-manifest.ts'), next], { stdio: 'ignore' });
    const r = await publish(next, rootA);
    assert.equal(r.code, 0, r.stderr);
    const live = join(rootA, 'current');
    for (const old of ['taishan-ledger', '2026-taishan-commitment-ledger']) {
      const html = readFileSync(join(live, 'cases', old, 'index.html'), 'utf8');
      assert.match(html, /<meta http-equiv="refresh" content="0; url=\/cases\/ledger-v2\/">/, old);
    }
    const changes = JSON.parse(readFileSync(join(live, 'changes.json'), 'utf8'));
    assert.deepEqual(changes.changed, [{ kind: 'cases', id: 'ledger-v2', renamed_from: '2026-taishan-commitment-ledger' }]);
    assert.deepEqual([changes.published, changes.withdrawn], [[], []]);
    assert.deepEqual(JSON.parse(readFileSync(join(live, 'release.json'), 'utf8')).moved, { 'cases/2026-taishan-commitment-ledger': 'cases/ledger-v2', 'cases/taishan-ledger': 'cases/ledger-v2' });
  });
});

describe('arguments and release roots', () => {
  test('an unknown flag is an error (exit 2), in publish, rollback and serve', async () => {
    for (const [script, args, unknown] of [
      ['publish.ts', ['--from', 'x', '--out', 'y', '--acept-drop'], '--acept-drop'],
      ['rollback.ts', ['--out', 'y', '--force'], '--force'],
      ['serve.ts', ['--out', 'y', '--host', '0.0.0.0'], '--host'],
    ] as const) {
      const r = await run(script, [...args]);
      assert.equal(r.code, 2, `${script}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^未知的选项：${unknown}\\n用法：`, 'm'));
    }
  });

  test('a missing --from is an error', async () => {
    const r = await run('publish.ts', ['--out', join(temp, 'root-c')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /缺少 --from/);
  });

  test('an --out that is a non-empty folder of something else is refused and left alone', async () => {
    const other = join(temp, 'not-a-root');
    mkdirSync(other);
    writeFileSync(join(other, 'index.html'), 'somebody else');
    const before = snapshot(other, '');
    const r = await publish(join(FIXTURES, 'good'), other);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /阶段 root[\s\S]*不是发布根目录/);
    // It serves nothing yet: no 'unchanged' about a current release that is not there.
    assert.match(r.stderr, /尚无正在提供的版本（\S+current 不存在），未做任何更改/);
    assert.deepEqual(snapshot(other, ''), before);
    const rb = await run('rollback.ts', ['--out', other]);
    assert.equal(rb.code, 1);
    assert.match(rb.stderr, /不是发布根目录/);
  });
});
