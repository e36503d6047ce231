/** Multi-line export text (承诺内容 …) as paragraphs: one per non-empty line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
