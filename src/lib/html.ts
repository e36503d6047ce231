/**
 * How the build reads its own pages: htmlparser2, with entities decoded and tag and attribute
 * names in lower case, as a browser sees them. The search extraction and the safety checks'
 * links parse with the same options, so that one parse can serve both (page-read.ts).
 */
import { Parser, type Handler } from 'htmlparser2';

export type ParseHandler = Partial<Handler>;

export const htmlParser = (handler: ParseHandler): Parser => new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });

export function parseHtml(source: string, handler: ParseHandler): void {
  const parser = htmlParser(handler);
  parser.write(source);
  parser.end();
}
