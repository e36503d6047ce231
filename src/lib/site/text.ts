import { formatChineseDate, type CivilDate } from '../dates/civil-date.ts';

/** Multi-line export text (承诺内容 …) as paragraphs: one per non-empty line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * A record page's <title> (not its heading): the heading and the record's date. One party's
 * records of a kind often share a heading, and a tab, bookmark or shared link must tell them apart.
 */
export const datedTitle = (heading: string, date: CivilDate): string => `${heading}（${formatChineseDate(date)}）`;
