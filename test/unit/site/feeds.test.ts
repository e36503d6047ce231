import { test } from 'node:test';
import assert from 'node:assert/strict';
import rss from '@astrojs/rss';
import { feedOf } from '../../../src/lib/site/feeds.ts';
import { commitment } from './fixtures.ts';

const portal = { siteUrl: 'https://credit.example.gov.cn', siteName: '某市政务诚信公示平台', city: '某市' };
const exportInfo = { asOf: '2026-12-07' } as never;
const hostileCase = { slug: 'a-case', title: '<i>标题</i>', summary: '<img src="https://evil.example/t.png"> <a href="javascript:alert(1)">点我</a>', date: '2026-03-18', category: '诚信建设经验', region: '市直' } as never;

test("markup in export text reaches a feed reader as text: an item's title and description are HTML-escaped, then XML-escaped", async () => {
  const feed = feedOf('cases', { cases: [hostileCase], commitments: [], exportInfo }, portal);
  assert.equal(feed.items[0]!.title, '&lt;i&gt;标题&lt;/i&gt;');
  assert.equal(feed.items[0]!.description, '&lt;img src=&quot;https://evil.example/t.png&quot;&gt; &lt;a href=&quot;javascript:alert(1)&quot;&gt;点我&lt;/a&gt;');
  const xml = await (await rss(feed)).text();
  // What a reader decodes from the XML is the escaped HTML above: it draws the text, loads nothing.
  assert.ok(xml.includes('<title>&amp;lt;i&amp;gt;标题&amp;lt;/i&amp;gt;</title>'), xml);
  assert.ok(!xml.includes('<img') && !xml.includes('&lt;img'), xml);
});

test('a channel names its column, language, build day and own address; a letter is titled with its committer and post as on the site', async () => {
  const feed = feedOf('commitments', { cases: [], commitments: [commitment({ committer: '彭霞嘉', committerCategory: '公务员', post: '科长', reason: '年度廉洁从政承诺' })], exportInfo }, portal);
  assert.equal(feed.items[0]!.title, '彭霞嘉（科长）：年度廉洁从政承诺');
  const xml = await (await rss(feed)).text();
  for (const part of [
    '<link>https://credit.example.gov.cn/commitments/</link>',
    '<language>zh-cn</language>',
    // 2026-12-07 00:00 in China is 16:00 UTC the day before.
    '<lastBuildDate>Sun, 06 Dec 2026 16:00:00 GMT</lastBuildDate>',
    '<atom:link href="https://credit.example.gov.cn/feeds/commitments.xml" rel="self" type="application/rss+xml"/>',
    'xmlns:atom="http://www.w3.org/2005/Atom"',
  ])
    assert.ok(xml.includes(part), part);
});
