import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCaseFiles } from '../../../src/lib/export/cases.ts';
import { tempDir } from '../support/temp-dir.ts';

const dir = tempDir('cases-');
mkdirSync(join(dir, 'cases'));
writeFileSync(join(dir, 'cases', 'a-case.md'), '---\ntitle: 案例\ndate: 2026-10-20\nsummary: 摘要\n---\n\n正文第一段\n');
writeFileSync(join(dir, 'cases', 'b-case.mdx'), '\uFEFF---\r\ntitle: 案例\r\nregion: 市直\r\n---\r\n正文\r\n');
writeFileSync(join(dir, 'cases', 'c-no-front-matter.md'), '# 没有 front matter\n');
writeFileSync(join(dir, 'cases', 'd-bad-yaml.md'), '---\ntitle: [未闭合\n---\n正文\n');
writeFileSync(join(dir, 'cases', 'notes.txt'), '不是案例');

const cases = await readCaseFiles(dir);
const byFile = (name: string) => cases.cases.find((c) => c.file === `cases/${name}`)!;

describe('§5 reading cases/*.md and cases/*.mdx', () => {
  test('each .md or .mdx file is one case keyed by its name; other files are listed as ignored', () => {
    assert.deepEqual(cases.cases.map((c) => [c.slug, c.format]), [['a-case', 'md'], ['b-case', 'mdx'], ['c-no-front-matter', 'md'], ['d-bad-yaml', 'md']]);
    assert.deepEqual(cases.ignored, ['cases/notes.txt']);
  });
  test('front matter is parsed, dates kept as strings', () => {
    assert.deepEqual(byFile('a-case.md').data, { title: '案例', date: '2026-10-20', summary: '摘要' });
  });
  test('a front-matter key\'s line is its line in the file', () => {
    const c = byFile('a-case.md');
    assert.equal(c.lineOf('title'), 2);
    assert.equal(c.lineOf('summary'), 4);
    assert.equal(c.lineOf('missing'), 1);
  });
  test('the body starts on the line after the closing ---', () => {
    const c = byFile('a-case.md');
    assert.equal(c.bodyLine, 6);
    assert.equal(c.body, '\n正文第一段\n');
  });
  test('a BOM and CRLF line ends are accepted around the front matter', () => {
    const c = byFile('b-case.mdx');
    assert.equal(c.yamlError, undefined);
    assert.deepEqual(c.data, { title: '案例', region: '市直' });
    assert.equal(c.bodyLine, 5);
    assert.equal(c.lineOf('region'), 3);
  });
  test('a file without front matter is reported as such', () => {
    assert.match(byFile('c-no-front-matter.md').yamlError ?? '', /缺少以 --- 开头和结尾的 front matter/);
  });
  test('invalid YAML is reported with the parser\'s first line', () => {
    assert.match(byFile('d-bad-yaml.md').yamlError ?? '', /^front matter 不是有效的 YAML：/);
  });
  test('an export without cases/ has no cases', async () => {
    assert.deepEqual(await readCaseFiles(join(dir, 'nowhere')), { cases: [], ignored: [] });
  });
});

describe('a cases folder that is a link', () => {
  test('is not read: its cases could come from outside the export', async () => {
    const root = tempDir('cases-link-');
    mkdirSync(join(root, 'export'));
    symlinkSync(dir + '/cases', join(root, 'export', 'cases'));
    const linked = await readCaseFiles(join(root, 'export'));
    assert.deepEqual(linked, { cases: [], ignored: [], unreadable: 'cases 是符号链接，导出中的文件夹必须是普通文件夹，其中的案例均未读取' });
  });
});
