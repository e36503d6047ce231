/**
 * One parse of a built page for both steps that read pages: its search extraction
 * (search/extract.ts) and the URLs the safety checks judge (safety/links.ts). Parsing is most
 * of the cost of reading a page, and each step used to parse it on its own.
 *
 * The links are taken from every event of the whole page, exactly as pageRefs takes them. The
 * extraction is fed the events of its searched parts only (the <head> and its end tag, then
 * the page from <main> on), which gives what extractPage gives as long as every element the
 * site's header opens before <main> is closed before it (the layout's markup, not the
 * export's). Shown equal over every page of the 20,000-record site.
 */
import { htmlParser, parseHtml, type ParseHandler } from './html.ts';
import { refsParse, type PageRef } from './safety/links.ts';
import { extractionParse, hasSearchMeta, searchedParts, type Extraction } from './search/extract.ts';

export interface PageRead {
  extraction: Extraction;
  refs: PageRef[];
}

export function readPage(html: string, url: string): PageRead {
  const links = refsParse();
  if (!hasSearchMeta(html)) {
    parseHtml(html, links.handler);
    return { extraction: { skipped: 'no-meta' }, refs: links.refs };
  }
  const search = extractionParse(url);
  const parts = searchedParts(html);
  const searched = () => !parts || parser.startIndex <= parts.headEnd || parser.startIndex >= parts.main;
  const both: ParseHandler = {
    onopentag(name, attrs, implied) {
      links.handler.onopentag!(name, attrs, implied);
      if (searched()) search.handler.onopentag!(name, attrs, implied);
    },
    ontext(text) {
      links.handler.ontext!(text);
      if (searched()) search.handler.ontext!(text);
    },
    onclosetag(name, implied) {
      links.handler.onclosetag!(name, implied);
      if (searched()) search.handler.onclosetag!(name, implied);
    },
  };
  const parser = htmlParser(both);
  parser.write(html);
  parser.end();
  return { extraction: search.done(), refs: links.refs };
}
