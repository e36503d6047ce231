import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sitemapUrls } from '../../../src/integrations/sitemap.ts';

const SITE = 'https://credit.example.gov.cn';

test('the sitemap lists pages in English numeric order, as @astrojs/sitemap did: page 9 before page 10', () => {
  const pages = ['commitments/page/10/', 'commitments/page/9/', 'commitments/', '', 'subjects/', 'cases/'];
  assert.deepEqual(sitemapUrls(SITE, pages, () => true), [
    'https://credit.example.gov.cn/',
    'https://credit.example.gov.cn/cases/',
    'https://credit.example.gov.cn/commitments/',
    'https://credit.example.gov.cn/commitments/page/9/',
    'https://credit.example.gov.cn/commitments/page/10/',
    'https://credit.example.gov.cn/subjects/',
  ]);
});

test('status pages and pages the filter refuses (robots noindex) stay out; Chinese paths are percent-encoded', () => {
  const seen: string[] = [];
  const urls = sitemapUrls(SITE, ['404/', '500', 'commitments/CN1/', 'commitments/region/市直/', 'cases/old-slug/'], (pathname) => {
    seen.push(pathname);
    return pathname !== '/cases/old-slug/';
  });
  assert.deepEqual(urls, ['https://credit.example.gov.cn/commitments/CN1/', 'https://credit.example.gov.cn/commitments/region/%E5%B8%82%E7%9B%B4/']);
  assert.deepEqual(seen, ['/commitments/CN1/', '/commitments/region/%E5%B8%82%E7%9B%B4/', '/cases/old-slug/']);
});

test('custom pages (endpoints such as feeds) join the pages, pass the same filter and sort among them', () => {
  const urls = sitemapUrls(SITE, ['commitments/', 'cases/'], (pathname) => pathname !== '/feeds/hidden.xml', [`${SITE}/feeds/commitments.xml`, `${SITE}/feeds/hidden.xml`]);
  assert.deepEqual(urls, ['https://credit.example.gov.cn/cases/', 'https://credit.example.gov.cn/commitments/', 'https://credit.example.gov.cn/feeds/commitments.xml']);
});
