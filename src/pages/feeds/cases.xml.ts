/** RSS 2.0 feed of the model cases, newest first, absolute links from the configured site URL. */
import rss from '@astrojs/rss';
import portal from '../../../portal.config.ts';
import { feedItems } from '../../lib/site/feeds.ts';
import { site } from '../../site/store.ts';

export async function GET() {
  const s = await site();
  return rss({ ...feedItems('cases', s, portal.siteUrl), title: `${portal.siteName} · 诚信典型案例`, description: `${portal.city}诚信典型案例`, site: portal.siteUrl });
}
