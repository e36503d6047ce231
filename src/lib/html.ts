/**
 * How the build reads its own pages: htmlparser2, with entities decoded and tag and attribute
 * names in lower case, as a browser sees them. The search extraction and the safety checks'
 * links parse with the same options, so that one parse can serve both (page-read.ts).
 */
import { Parser, type Handler } from 'htmlparser2';

export type ParseHandler = Partial<Handler>;

/**
 * Elements that end a run of text as a reader reads a page: a paragraph, a cell, an item, a line
 * break. The search index cuts its blocks at them (search/extract.ts), and the case check reads a
 * body's text the same way (schemas/case-body.ts): text within one run is one run of characters
 * to both, whatever inline markup (<em>, <tt>, a link) stands in it.
 */
export const TEXT_BREAKS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'option', 'select', 'textarea', 'img', 'button', 'input', 'label',
]);

export const htmlParser = (handler: ParseHandler): Parser => new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });

export function parseHtml(source: string, handler: ParseHandler): void {
  const parser = htmlParser(handler);
  parser.write(source);
  parser.end();
}
