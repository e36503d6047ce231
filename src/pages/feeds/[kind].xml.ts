/** The RSS 2.0 feeds (FEEDS): the newest model cases and commitments, absolute links from the configured site URL. */
import rss from '@astrojs/rss';
import type { GetStaticPaths } from 'astro';
import portal from '../../../portal.config.ts';
import { FEEDS, feedOf } from '../../lib/site/feeds.ts';
import { site } from '../../site/store.ts';

export const getStaticPaths = (() => FEEDS.map((f) => ({ params: { kind: f.kind } }))) satisfies GetStaticPaths;

export async function GET({ params }: { params: { kind: (typeof FEEDS)[number]['kind'] } }) {
  return rss(feedOf(params.kind, await site(), portal));
}
