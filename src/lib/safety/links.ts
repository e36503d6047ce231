/**
 * What a built page refers to, read from its parsed tree (htmlparser2): every URL-bearing
 * attribute, split into what the browser loads by itself (scripts, styles, images, frames…)
 * and what the visitor follows (links, forms). The rules over them live in file-checks.ts.
 */
import { parseHtml, type ParseHandler } from '../html.ts';

export interface PageRef {
  url: string;
  /** Fetched without the visitor asking: must stay on the site's own host. */
  loads: boolean;
  /** `tag[attr]`, for the message. */
  where: string;
}

// Relations of <link> that make the browser fetch the target.
const LOADING_RELS = new Set(['stylesheet', 'icon', 'shortcut', 'apple-touch-icon', 'mask-icon', 'preload', 'modulepreload', 'prefetch', 'manifest', 'dns-prefetch', 'preconnect']);
// tag → attributes whose URL the browser loads. Maps, not objects: a tag is page text, and <constructor> must not find Object's.
const LOADING_ATTRS = new Map<string, string[]>(Object.entries({
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
}));
const FOLLOWED_ATTRS = new Map<string, string[]>(Object.entries({
  a: ['href', 'xlink:href'],
  area: ['href'],
  form: ['action'],
  button: ['formaction'],
  input: ['formaction'],
  base: ['href'],
}));
const CSS_URL = /url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]*)\3/g;

/** URLs inside CSS text (style attributes, <style>, .css files). */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => (m[2] ?? m[4] ?? '').trim()).filter(Boolean);
}

const srcsetUrls = (v: string) =>
  v
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

export function pageRefs(html: string): PageRef[] {
  const refs = refsParse();
  parseHtml(html, refs.handler);
  return refs.refs;
}

/** pageRefs as parse events: feed `handler` the whole page; `refs` fills as it goes. */
export function refsParse(): { handler: ParseHandler; refs: PageRef[] } {
  const refs: PageRef[] = [];
  let inStyle = false;
  const handler: ParseHandler = {
    onopentag(name, attrs) {
      const add = (url: string, loads: boolean, attr: string) => refs.push({ url, loads, where: `<${name} ${attr}>` });
      for (const attr of LOADING_ATTRS.get(name) ?? []) {
        const v = attrs[attr];
        if (v !== undefined) for (const url of attr === 'srcset' ? srcsetUrls(v) : [v]) add(url, true, attr);
      }
      for (const attr of FOLLOWED_ATTRS.get(name) ?? []) if (attrs[attr] !== undefined) add(attrs[attr]!, false, attr);
      if (name === 'link' && attrs.href !== undefined) {
        const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        add(attrs.href, rels.some((r) => LOADING_RELS.has(r)), 'href');
      }
      if (name === 'meta') {
        const refresh = (attrs['http-equiv'] ?? '').toLowerCase() === 'refresh' && /url\s*=\s*(.+)$/i.exec(attrs.content ?? '');
        if (refresh) add(refresh[1]!.trim().replace(/^['"]|['"]$/g, ''), false, 'http-equiv=refresh');
        if (/^(og:image|og:url|twitter:image)$/.test(attrs.property ?? attrs.name ?? '') && attrs.content) add(attrs.content, false, `property=${attrs.property ?? attrs.name}`);
      }
      if (attrs.style) for (const url of cssUrls(attrs.style)) add(url, true, 'style');
      if (name === 'style') inStyle = true;
    },
    ontext(text) {
      if (inStyle) for (const url of cssUrls(text)) refs.push({ url, loads: true, where: '<style>' });
    },
    onclosetag(name) {
      if (name === 'style') inStyle = false;
    },
  };
  return { handler, refs };
}
