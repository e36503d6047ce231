/**
 * The two feeds (/feeds/cases.xml, /feeds/commitments.xml): items newest first with
 * absolute links from the configured site URL. The newest 50 keep the feed small at 100,000 records.
 */
import type { SiteIndex } from './records.ts';
import { recordUrl } from './kinds.ts';

export const FEEDS = [
  { kind: 'cases', href: '/feeds/cases.xml', title: '诚信典型案例订阅（RSS）' },
  { kind: 'commitments', href: '/feeds/commitments.xml', title: '政务承诺订阅（RSS）' },
] as const;

const FEED_ITEMS = 50;

/** A CST calendar date as the instant it begins, for the item's pubDate. */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

export function feedItems(kind: 'cases' | 'commitments', s: Pick<SiteIndex, 'cases' | 'commitments'>, siteUrl: string) {
  const link = (path: string) => new URL(path, siteUrl).href;
  const items =
    kind === 'cases'
      ? s.cases.slice(0, FEED_ITEMS).map((c) => ({ title: c.title, link: link(recordUrl('cases', c.slug)), pubDate: dayStart(c.date), description: c.summary, categories: [c.category, c.region] }))
      : s.commitments.slice(0, FEED_ITEMS).map((c) => ({ title: `${c.committer}：${c.reason}`, link: link(recordUrl('commitments', c.id)), pubDate: dayStart(c.madeOn), description: `${c.type}承诺，承诺受理单位${c.acceptingUnit}，履行状态：${c.status}。`, categories: [c.type] }));
  return { items };
}
