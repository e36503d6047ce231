/**
 * What the search index takes from one built page (Node only). The page markup contract:
 *
 * - `<div hidden data-search-meta data-kind data-title data-region data-date data-status>`
 *   (src/components/SearchMeta.astro) says the page is searchable and what to show on a
 *   result; a page without it is not indexed (lists, navigation, guides, withheld records).
 * - Elements with `data-search-body` hold the searchable text; inside them, `hidden`,
 *   `data-search-ignore`, scripts and styles are skipped.
 * - A page with `<meta name="robots" content="noindex">` is never indexed.
 *
 * - In a `<dl>` of the search region, a `<dt>` names the field of the `<dd>` after it; the
 *   values of the kind's OWN_NUMBER_FIELDS are the page's own numbers.
 *
 * Text is cut into blocks as a reader sees it: a block element (paragraph, heading, list
 * item, table cell, field name or value…) or a <br> ends a block, inline elements do not.
 * The block of the region's first `<h1>` is the page's heading (an agency's name, a record's
 * title), which the ranking weighs above the rest (shard-index.ts relevance).
 */
import { htmlParser, TEXT_BREAKS, type ParseHandler } from '../html.ts';
import { commitmentFile } from '../schemas/commitment.ts';
import { dishonestFile } from '../schemas/dishonest.ts';
import { enforcementFile } from '../schemas/enforcement.ts';
import { honorFile } from '../schemas/honor.ts';
import { penaltyFile } from '../schemas/penalty.ts';
import { subjectFile } from '../schemas/subject.ts';

export interface SearchMetaFields {
  kind: string;
  title: string;
  region: string;
  date: string;
  status: string;
}

export interface ExtractedPage extends SearchMetaFields {
  url: string;
  /** A profile's subject name (data-name), '' on other pages. */
  name: string;
  blocks: string[];
  /** The index in `blocks` of the page's heading (its first <h1> in the search region), -1 without one. */
  heading: number;
  /** The page's own numbers, as written in its field list (for the number lookup). */
  numbers: string[];
}

/**
 * The fields that hold a page's own number, by kind: a query that is exactly one of them
 * shows the page first (src/lib/search/numbers.ts). A credit code is its subject's number,
 * so it leads to the profile, not to every record that names the subject.
 */
const OWN_NUMBER_FIELDS: Record<string, readonly string[]> = {
  subjects: [subjectFile.labels.creditCode],
  commitments: [commitmentFile.labels.id],
  penalties: [penaltyFile.labels.id, penaltyFile.labels.decisionNumber],
  enforcement: [enforcementFile.labels.id, enforcementFile.labels.caseNumber],
  dishonest: [dishonestFile.labels.id, dishonestFile.labels.caseNumber],
  honors: [honorFile.labels.id],
};

export type Extraction = { page: ExtractedPage } | { skipped: 'no-meta' | 'noindex' } | { error: string };

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head', 'title', 'iframe', 'object']);
const META_MARK = 'data-search-meta';

/** A page's marker of search markup: a page without it is not parsed for the search at all. */
export const hasSearchMeta = (html: string): boolean => html.includes(META_MARK);

/**
 * One parse of a page, its searched parts to `search`: the <head> (for robots noindex) with
 * its end tag, and the page from <main> on. The site's header and navigation come before
 * <main> and are never searchable, so the search markup must be inside <main> (a page with the
 * meta element but no region there fails the build); a page with no <main> after its head is
 * searched whole. `all`, when given, gets every event of the page (page-read.ts: its links).
 */
export function parseSearchedParts(html: string, search: ParseHandler, all?: ParseHandler): void {
  const headEnd = html.indexOf('</head>');
  const main = html.indexOf('<main');
  const whole = headEnd < 0 || main <= headEnd;
  const searched = () => whole || parser.startIndex <= headEnd || parser.startIndex >= main;
  const parser = htmlParser({
    onopentag(name, attrs, implied) {
      all?.onopentag?.(name, attrs, implied);
      if (searched()) search.onopentag?.(name, attrs, implied);
    },
    ontext(text) {
      all?.ontext?.(text);
      if (searched()) search.ontext?.(text);
    },
    onclosetag(name, implied) {
      all?.onclosetag?.(name, implied);
      if (searched()) search.onclosetag?.(name, implied);
    },
  });
  parser.write(html);
  parser.end();
}

/** Extracts one page; cheap for pages that do not carry the marker (no parse at all). */
export function extractPage(html: string, url: string): Extraction {
  if (!hasSearchMeta(html)) return { skipped: 'no-meta' };
  const extraction = extractionParse(url);
  parseSearchedParts(html, extraction.handler);
  return extraction.done();
}

/** The extraction as parse events: feed `handler` the searched parts of a page, then ask `done`. */
export function extractionParse(url: string): { handler: ParseHandler; done(): Extraction } {
  let noindex = false;
  let meta: SearchMetaFields | undefined;
  let subjectName = '';
  let metaCount = 0;
  let regions = 0;
  const blocks: string[] = [];
  let heading = -1;
  let inHeading = false; // inside the region's first <h1>
  let current = '';
  const stack: { body: boolean; skip: boolean }[] = [];
  let bodyDepth = 0; // open data-search-body elements
  let skipDepth = 0; // open skipped elements
  const fields: [string, string][] = []; // <dt> label, <dd> value
  let label = '';
  let field: 'dt' | 'dd' | undefined;
  let fieldText = '';
  const flush = () => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) {
      if (inHeading && heading < 0) heading = blocks.length;
      blocks.push(t);
    }
    current = '';
  };
  const handler: ParseHandler = {
    onopentag(name, attrs) {
      if (name === 'meta' && attrs.name?.toLowerCase() === 'robots' && /noindex/i.test(attrs.content ?? '')) noindex = true;
      if (META_MARK in attrs) {
        metaCount++;
        meta = {
          kind: attrs['data-kind'] ?? '',
          title: attrs['data-title'] ?? '',
          region: attrs['data-region'] ?? '',
          date: attrs['data-date'] ?? '',
          status: attrs['data-status'] ?? '',
        };
        subjectName = attrs['data-name'] ?? '';
      }
      const body = 'data-search-body' in attrs;
      const skip = SKIP.has(name) || 'hidden' in attrs || 'data-search-ignore' in attrs || attrs['aria-hidden'] === 'true';
      stack.push({ body, skip });
      if (body) {
        if (bodyDepth === 0) flush();
        bodyDepth++;
        regions++;
      }
      if (skip) skipDepth++;
      if (bodyDepth > 0 && skipDepth === 0 && TEXT_BREAKS.has(name)) flush();
      if (name === 'h1' && bodyDepth > 0 && skipDepth === 0 && heading < 0) inHeading = true;
      if (bodyDepth > 0 && (name === 'dt' || name === 'dd')) {
        field = name;
        fieldText = '';
      }
    },
    ontext(text) {
      if (bodyDepth > 0 && skipDepth === 0) current += text;
      if (field) fieldText += text;
    },
    onclosetag(name) {
      const top = stack.pop();
      if (!top) return;
      if (field === name) {
        const t = fieldText.replace(/\s+/g, ' ').trim();
        if (name === 'dt') label = t;
        else if (label && t) fields.push([label, t]);
        field = undefined;
      }
      if (bodyDepth > 0 && skipDepth === 0 && TEXT_BREAKS.has(name)) flush();
      if (name === 'h1') inHeading = false;
      if (top.skip) skipDepth--;
      if (top.body) {
        bodyDepth--;
        if (bodyDepth === 0) flush();
      }
    },
  };
  return { handler, done: () => decide(url, { noindex, meta, subjectName, metaCount, regions, blocks, heading, fields }) };
}

/** What the parse found, decided: the page, or why it is left out or breaks the contract. */
function decide(url: string, found: { noindex: boolean; meta: SearchMetaFields | undefined; subjectName: string; metaCount: number; regions: number; blocks: string[]; heading: number; fields: [string, string][] }): Extraction {
  const { noindex, meta, subjectName, metaCount, regions, blocks, heading, fields } = found;
  if (noindex) return { skipped: 'noindex' };
  if (!meta) return { skipped: 'no-meta' };
  const problems: string[] = [];
  if (metaCount > 1) problems.push(`${metaCount} 个 data-search-meta 元素（应为 1 个）`);
  if (!meta.kind) problems.push('data-search-meta 缺少 data-kind');
  if (!meta.title) problems.push('data-search-meta 缺少 data-title');
  if (meta.date && !/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) problems.push(`data-date 不是 YYYY-MM-DD：${meta.date}`);
  if (regions === 0) problems.push('有 data-search-meta 但没有 data-search-body 区域');
  else if (blocks.length === 0) problems.push('data-search-body 区域没有文字');
  if (problems.length) return { error: `${url}: ${problems.join('；')}` };
  // The kind is page text: only the table's own keys count (not `constructor`).
  const own = Object.hasOwn(OWN_NUMBER_FIELDS, meta.kind) ? OWN_NUMBER_FIELDS[meta.kind]! : [];
  const numbers = [...new Set(fields.filter(([l]) => own.includes(l)).map(([, v]) => v))];
  return { page: { url, ...meta, name: subjectName, blocks, heading, numbers } };
}
