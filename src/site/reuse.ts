/**
 * Which pages this build renders and which it copies from the previous release
 * (src/lib/release/page-reuse.ts). The routes of record pages, list pages and profiles ask
 * here while Astro lists their paths;
 * each route's pages to copy are sent at once to the build command (scripts/build.ts), which
 * copies them while Astro renders the rest (page-copy.ts). The page-reuse integration then
 * writes this build's manifest. Kept on globalThis, like decided.ts: the routes and the
 * integrations are separate module instances in the one Astro process.
 */
import { existsSync } from 'node:fs';
import { codeDigest, copiableUrl, pageDigest, readPageManifest, REUSE_ENV, siteContext, WITHHELD_MANIFEST, type PageManifest } from '../lib/release/page-reuse.ts';
import { readsDir } from '../lib/release/page-reads.ts';
import { pageFile, sendToCopier, type ReusedPages } from '../lib/release/page-copy.ts';
import type { CivilDate } from '../lib/dates/civil-date.ts';

export interface ReuseState {
  asOf: CivilDate;
  context: string;
  /** The previous release's folder and manifests (its withheld records' notices' empty when it kept none), when there is one to reuse from. */
  previous?: { dir: string; manifest: PageManifest; withheld: PageManifest['pages'] };
  /** Why nothing is reused, when a previous release was named but cannot be used. */
  refused?: string;
  /** Every reusable page's URL → digest, rendered or reused: release-pages.json. */
  digests: Map<string, string>;
  /** The same for the withheld records' notices: WITHHELD_MANIFEST, kept out of the site. */
  withheld: Map<string, string>;
  /** URLs of the pages to copy instead of render (a set: Astro may list a route's paths more than once). */
  reused: Set<string>;
  /** The messages naming them, until each has reached the build command. */
  sending: Promise<void>[];
}

const KEY = Symbol.for('integrity-portal.page-reuse');
type Shared = { [KEY]?: ReuseState };

/** What the layout shows of the export besides its pages: the as-of date and the sample flag. */
interface SiteWide {
  asOf: CivilDate;
  sample: boolean;
}

function start({ asOf, sample }: SiteWide): ReuseState {
  // The build runs in the project folder (scripts/build.ts), whose code the digest covers.
  const state: ReuseState = { asOf, context: siteContext(codeDigest(process.cwd()), sample), digests: new Map(), withheld: new Map(), reused: new Set(), sending: [] };
  const from = process.env[REUSE_ENV];
  if (!from) return state;
  // The build command copies the pages; a bare `astro build` has none to send them to.
  if (!process.send) state.refused = `${REUSE_ENV} 只在构建命令（npm run build）中生效`;
  else {
    const read = readPageManifest(from);
    // Without the notices' manifest of the same build (an older build's reads, or none) the notices are rendered.
    const withheld = readPageManifest(readsDir(from), WITHHELD_MANIFEST);
    if (read.ok) state.previous = { dir: from, manifest: read.manifest, withheld: withheld.ok && withheld.manifest.asOf === read.manifest.asOf ? withheld.manifest.pages : {} };
    else state.refused = read.reason;
  }
  return state;
}

function reuseState(siteWide: SiteWide): ReuseState {
  const shared = globalThis as Shared;
  shared[KEY] ??= start(siteWide);
  return shared[KEY];
}

/** The state, once some reusable route has listed its paths (undefined before). */
export const listedReuseState = (): ReuseState | undefined => (globalThis as Shared)[KEY];

/**
 * The paths Astro should render of a route whose pages render only their props: every page
 * is digested, and those unchanged since the previous release are left out, sent to the
 * build command to be copied. `urlOf` gives a page's URL from its params, as its folder is
 * named (not percent-encoded). `withheld`: the pages are withheld records' notices, whose
 * digests are kept out of the public manifest.
 */
export function pathsToRender<P extends { params: object; props: object }>(paths: P[], urlOf: (params: P['params']) => string, siteWide: SiteWide, { withheld = false } = {}): P[] {
  const state = reuseState(siteWide);
  const previous = state.previous;
  const digests = withheld ? state.withheld : state.digests;
  const before = withheld ? previous?.withheld : previous?.manifest.pages;
  const copy: string[] = [];
  const render = paths.filter(({ params, props }) => {
    const url = urlOf(params);
    const digest = pageDigest(state.context, url, props);
    digests.set(url, digest);
    if (!previous || !copiableUrl(url) || before?.[url] !== digest || !existsSync(pageFile(previous.dir, url))) return true;
    if (!state.reused.has(url)) copy.push(url);
    state.reused.add(url);
    return false;
  });
  if (previous && copy.length) {
    const message: ReusedPages = { type: 'portal-reused-pages', from: previous.dir, fromAsOf: previous.manifest.asOf, toAsOf: state.asOf, urls: copy };
    state.sending.push(sendToCopier(message));
  }
  return render;
}
