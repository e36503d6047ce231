/** RSS 2.0 feed of the latest public commitments, newest first. */
import rss from '@astrojs/rss';
import portal from '../../../portal.config.ts';
import { feedItems } from '../../lib/site/feeds.ts';
import { site } from '../../site/store.ts';

export async function GET() {
  const s = await site();
  return rss({ ...feedItems('commitments', s, portal.siteUrl), title: `${portal.siteName} · 政务承诺专栏`, description: `${portal.city}政务承诺专栏最新公开的信用承诺`, site: portal.siteUrl });
}
