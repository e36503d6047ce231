/** Splits a sorted list into static pages: page 1 at `base`, page N at `base + 'page/N/'`. */
export interface Page<T> {
  /** 1-based page number. */
  number: number;
  count: number;
  items: T[];
  total: number;
  /** The list's URL, page 1's: page N is at `pageUrl(base, N)`. Plain data, so that the page's digest covers it. */
  base: string;
  prev?: string;
  next?: string;
}

const PAGE_SIZE = 30;

export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** One page of `items`; `base` ends with a slash. */
export function pageOf<T>(items: readonly T[], number: number, base: string, size = PAGE_SIZE): Page<T> {
  const count = pageCount(items.length, size);
  return {
    number,
    count,
    items: items.slice((number - 1) * size, number * size),
    total: items.length,
    base,
    ...(number > 1 ? { prev: pageUrl(base, number - 1) } : {}),
    ...(number < count ? { next: pageUrl(base, number + 1) } : {}),
  };
}

/** Every page after the first, for getStaticPaths of `page/[page]` routes. */
export function laterPages<T>(items: readonly T[], base: string, size = PAGE_SIZE): Page<T>[] {
  const pages: Page<T>[] = [];
  for (let n = 2; n <= pageCount(items.length, size); n++) pages.push(pageOf(items, n, base, size));
  return pages;
}

/** Page numbers to link: first, last and a window around the current one (0 marks a gap). */
export function pageLinks(current: number, count: number, around = 2): number[] {
  const out: number[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= around) out.push(n);
    else if (out[out.length - 1] !== 0) out.push(0);
  }
  return out;
}
