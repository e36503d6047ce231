/** One search result as DOM (text nodes and <mark>, never markup from the data), and the live count. */
import { formatChineseDate } from '../dates/civil-date.ts';
import type { ShownResult } from './cursor.ts';
import { searchKindLabel } from './kinds.ts';
import { partForms, type QueryPart } from './query.ts';
import { snippet } from './snippet.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function renderResult(r: ShownResult, parts: readonly QueryPart[]): HTMLLIElement {
  const li = el('li', 'search-result');
  const h = el('h3', 'search-result-title');
  const a = el('a', undefined, r.title);
  a.href = r.url;
  h.append(a);
  const meta = el('p', 'search-result-meta');
  const bits = [searchKindLabel(r.kind), r.region, r.date ? formatChineseDate(r.date) : '', r.status].filter(Boolean);
  bits.forEach((b, i) => {
    if (i) meta.append(' · ');
    meta.append(el('span', undefined, b));
  });
  const snip = el('p', 'search-result-snippet');
  for (const piece of snippet(r.text, parts.flatMap((p) => partForms(p).map((f) => f.text)))) snip.append(piece.mark ? el('mark', undefined, piece.text) : document.createTextNode(piece.text));
  li.append(h, meta, snip);
  return li;
}

/** The status line after a page of results. */
export function countText(c: { total: number; complete: boolean; shown: number }): string {
  if (c.total === 0) return '没有找到包含这些文字的公示信息。可以换个说法，或减少筛选条件。';
  const n = c.complete ? `共找到 ${c.total} 条结果` : `已找到至少 ${c.total} 条结果（较早的记录还没有全部搜索）`;
  return `${n}，显示第 1–${c.shown} 条。`;
}
