import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentUrl, pageOfOneLinked } from '../../../src/lib/site/kinds.ts';
import { resolvesInBuild } from '../../../src/lib/safety/file-checks.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.ts';

test("an attachment's address encodes each part of its path, and leads back to the file", () => {
  // Worked out from the URL standard: a space %20, # %23, ? %3F, % %25; Han characters as their UTF-8 bytes.
  assert.equal(attachmentUrl('commitments/签 名 #1%20?.pdf'), '/attachments/commitments/%E7%AD%BE%20%E5%90%8D%20%231%2520%3F.pdf');
  assert.equal(attachmentUrl('commitments/CN2026000030.pdf'), '/attachments/commitments/CN2026000030.pdf');
  // What a browser asks for is the file the build wrote under that name.
  const dir = tempDir('attachment-url-');
  mkdirSync(join(dir, 'attachments', 'commitments'), { recursive: true });
  writeFileSync(join(dir, 'attachments', 'commitments', '签 名 #1%20?.pdf'), '%PDF-1.4\n');
  const url = new URL(attachmentUrl('commitments/签 名 #1%20?.pdf'), 'https://example.gov.cn/');
  assert.equal(url.hash + url.search, '');
  assert.ok(resolvesInBuild(dir, url.pathname));
});

test("a case's link to the page of one record, subject or case is recognised as a browser resolves it", () => {
  const site = 'https://credit.taian.gov.cn';
  const from = '/cases/some-case/';
  const linked = (href: string) => pageOfOneLinked(href, from, site);
  // Worked out from the URL standard: relative to /cases/some-case/, dot segments removed, a backslash is a slash.
  assert.deepEqual(linked('/penalties/XZCF-1/'), { kind: 'penalties', id: 'XZCF-1' });
  assert.deepEqual(linked('/penalties/XZCF-1/index.html'), { kind: 'penalties', id: 'XZCF-1' });
  // Without the `/` its folder needs: noted, as the build's link check refuses it.
  assert.deepEqual(linked('/penalties/XZCF-1'), { kind: 'penalties', id: 'XZCF-1', unslashed: true });
  assert.deepEqual(linked('../../subjects/11370900MB2850001B/?from=case#top'), { kind: 'subjects', id: '11370900MB2850001B' });
  assert.deepEqual(linked('../other-case/'), { kind: 'cases', id: 'other-case' });
  assert.deepEqual(linked('\\commitments\\CN1\\'), { kind: 'commitments', id: 'CN1' });
  assert.deepEqual(linked('/honors/./BZ-1/x/../'), { kind: 'honors', id: 'BZ-1' });
  assert.deepEqual(linked('https://credit.taian.gov.cn/dishonest/SX-1/'), { kind: 'dishonest', id: 'SX-1' });
  // The host is what makes a link internal, as for the build's link check.
  assert.deepEqual(linked('http://credit.taian.gov.cn/dishonest/SX-1/'), { kind: 'dishonest', id: 'SX-1' });
  assert.deepEqual(linked('/enforcement/%E6%A1%88/'), { kind: 'enforcement', id: '案' });
  assert.deepEqual(linked('#基本情况'), { kind: 'cases', id: 'some-case' });
  // Not the page of one record: lists, facets, pages of a list, other folders, other hosts and schemes.
  for (const href of ['/cases/index.html', '/subjects/index.html', '/penalties/X/y/', '/penalties/', '/commitments/page/2/', '/cases/region/泰山区/', '/data/commitments.csv', '/guide/repair/', '/penalties/X//', 'https://other.example/penalties/X/', '//other.example/penalties/X/', 'mailto:a@b.cn', '/penalties/%E0%A4%A/']) {
    assert.equal(linked(href), undefined, href);
  }
});
