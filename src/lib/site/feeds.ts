/**
 * The two feeds (/feeds/cases.xml, /feeds/commitments.xml): items newest first with
 * absolute links from the configured site URL. The newest 50 keep the feed small at 100,000 records.
 */
import { escapeUTF8 } from 'entities';
import type { SiteIndex } from './records.ts';
import { recordUrl } from './kinds.ts';
import { committerLabel } from './list-item.ts';

export const FEEDS = [
  { kind: 'cases', href: '/feeds/cases.xml', title: '诚信典型案例订阅（RSS）' },
  { kind: 'commitments', href: '/feeds/commitments.xml', title: '政务承诺订阅（RSS）' },
] as const;

const FEED_ITEMS = 50;

/** A CST calendar date as the instant it begins, for the item's pubDate. */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * Export text as a feed reader shows it: RSS readers render an item's title and description as
 * HTML, so markup in a cell (`<img src=https://…>`) would be drawn, and load from another host,
 * where the site shows it as text. Escaped here, it is text there too (@astrojs/rss then escapes
 * it again for XML).
 */
const asText = (text: string) => escapeUTF8(text);

/** What a feed's channel says of itself and its items, for @astrojs/rss. */
export function feedOf(kind: 'cases' | 'commitments', s: Pick<SiteIndex, 'cases' | 'commitments' | 'exportInfo'>, portal: { siteUrl: string; siteName: string; city: string }) {
  const link = (path: string) => new URL(path, portal.siteUrl).href;
  const items =
    kind === 'cases'
      ? s.cases.slice(0, FEED_ITEMS).map((c) => ({ title: asText(c.title), link: link(recordUrl('cases', c.slug)), pubDate: dayStart(c.date), description: asText(c.summary), categories: [c.category, c.region] }))
      : s.commitments.slice(0, FEED_ITEMS).map((c) => ({ title: asText(`${committerLabel(c)}：${c.reason}`), link: link(recordUrl('commitments', c.id)), pubDate: dayStart(c.madeOn), description: asText(`${c.type}承诺，承诺受理单位${c.acceptingUnit}，履行状态：${c.status}。`), categories: [c.type] }));
  const self = link(FEEDS.find((f) => f.kind === kind)!.href);
  return {
    title: `${portal.siteName} · ${kind === 'cases' ? '诚信典型案例' : '政务承诺专栏'}`,
    description: kind === 'cases' ? `${portal.city}诚信典型案例` : `${portal.city}政务承诺专栏最新公开的信用承诺`,
    // The channel's link is the column the feed follows.
    site: link(`/${kind}/`),
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-cn</language><lastBuildDate>${dayStart(s.exportInfo.asOf).toUTCString()}</lastBuildDate><atom:link href="${escapeUTF8(self)}" rel="self" type="application/rss+xml"/>`,
  };
}
