/**
 * Case bodies through the build: a case holding constructs the allowlist removes is rejected
 * with each one named at its line, and nothing of it reaches the site; a case using what the
 * allowlist keeps renders it, as valid HTML.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildSite, FIXTURE_EXPORT, ROOT, type BuiltSite } from './support/build.ts';
import { htmlErrors } from './support/html-validity.ts';
import { existsPath, read, walk } from './support/site.ts';
import { tempDir } from '../unit/support/temp-dir.ts';

let exportDir: string;
let built: BuiltSite;

before(async () => {
  exportDir = tempDir('portal-case-body-export-');
  await cp(FIXTURE_EXPORT, exportDir, { recursive: true });
  for (const name of ['hostile-body.md', 'allowed-body.md']) await cp(join(ROOT, 'test/fixtures/case-bodies', name), join(exportDir, 'cases', name));
  built = await buildSite(exportDir);
});

const link = (url: string) => `链接只能是 http(s)、mailto、tel、相对地址或页内锚点：${url}`;
const image = (src: string) => `图片只能引用导出包 attachments/ 下的文件：${src}`;

test('the hostile case is rejected, each construct named at its line in the file', async () => {
  const report = JSON.parse(await readFile(built.reportPath, 'utf8')) as { problems: { file: string; line: number; message: string }[] };
  const problems = report.problems.filter((p) => p.file === 'cases/hostile-body.md').map((p) => [p.line, p.message]);
  // Read off test/fixtures/case-bodies/hostile-body.md: one construct per paragraph.
  assert.deepEqual(problems, [
    [11, '不允许使用 javascript: 链接'],
    [13, '不允许使用 <object> 标签'],
    [15, '不允许使用 <embed> 标签'],
    [17, link('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==')],
    [19, link('vbscript:msgbox(1)')],
    [21, '不允许使用 javascript: 链接'],
    [24, image('//evil.example/x.png')],
    [26, image('http://evil.example/y.png')],
    [28, '不允许使用 <svg> 标签'],
    [28, '不允许使用 <script> 标签'],
    [30, '不允许使用 <form> 标签'],
    [30, '不允许使用 <button> 标签'],
    [32, '不允许使用 <base> 标签'],
    [34, '不允许使用 <meta> 标签'],
    [36, '不允许使用 <iframe> 标签'],
    [38, '不允许使用 <style> 标签'],
    [40, '不允许使用内联事件处理属性（on…=）'],
    [42, '不允许使用 <script> 标签'],
  ]);
});

test('nothing of the hostile case is on the site or in its search index', async () => {
  assert.ok(!existsPath(built.outDir, '/cases/hostile-body/'));
  for (const path of walk(built.outDir)) {
    const bytes = await readFile(path);
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    for (const s of ['HOSTILE-MARKER', 'hostile-marker', 'evil.example', '含有各种绕过写法的案例']) assert.ok(!text.includes(s), `${path} holds ${s}`);
  }
});

test('the allowed case renders headings, lists, tables, links, line breaks and its attachment image', () => {
  const html = read(join(built.outDir, 'cases/allowed-body/index.html'));
  // The body to the end of main: a table's scrolling box closes a div of its own within it.
  const prose = html.slice(html.indexOf('<div class="prose">'), html.indexOf('</main>'));
  for (const s of ['<h2 id="user-content-主要做法">主要做法</h2>', '<strong>按月</strong>', '<a href="/commitments/">政务承诺专栏</a>', '<table>', '<td>公开公示</td>', '<img src="/attachments/cases/cover.png" alt="承诺公示栏">', '<a href="mailto:xyb@taian.gov.cn">', '<a href="tel:0538-8266019">', '<a href="https://www.taian.gov.cn/">', '<br>', '<a href="#user-content-%E4%B8%BB%E8%A6%81%E5%81%9A%E6%B3%95">上文</a>'])
    assert.ok(prose.includes(s), `${s} in ${prose}`);
  assert.ok(existsPath(built.outDir, '/attachments/cases/cover.png'));
});

test('the allowed case page is valid HTML', async () => {
  assert.deepEqual(await htmlErrors(built.outDir, [join(built.outDir, 'cases/allowed-body/index.html')]), []);
});
