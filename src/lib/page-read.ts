/**
 * One parse of a built page for both steps that read pages: its search extraction
 * (search/extract.ts) and the URLs the safety checks judge (safety/links.ts). Parsing is most
 * of the cost of reading a page, and each step used to parse it on its own.
 *
 * The links are taken from every event of the whole page, exactly as pageRefs takes them, and
 * the extraction from the events of its searched parts, exactly as extractPage takes them
 * (extract.ts parseSearchedParts).
 */
import { pageRefs, refsParse, type PageRef } from './safety/links.ts';
import { extractionParse, hasSearchMeta, parseSearchedParts, type Extraction } from './search/extract.ts';

export interface PageRead {
  extraction: Extraction;
  refs: PageRef[];
}

export function readPage(html: string, url: string): PageRead {
  if (!hasSearchMeta(html)) return { extraction: { skipped: 'no-meta' }, refs: pageRefs(html) };
  const links = refsParse();
  const search = extractionParse(url);
  parseSearchedParts(html, search.handler, links.handler);
  return { extraction: search.done(), refs: links.refs };
}
