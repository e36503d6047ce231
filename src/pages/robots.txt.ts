import type { APIRoute } from 'astro';
import portal from '../../portal.config.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', portal.siteUrl).href}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
