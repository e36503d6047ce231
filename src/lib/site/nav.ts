/** The main navigation: one list, so later pages (governance, data) add one line each. */
export const NAV = [
  { href: '/', label: '首页' },
  { href: '/commitments/', label: '政务承诺专栏' },
  { href: '/subjects/', label: '信用画像' },
  { href: '/cases/', label: '诚信典型案例' },
  { href: '/guide/repair/', label: '信用修复' },
  { href: '/guide/objection/', label: '异议申诉' },
  { href: '/governance/', label: '失信治理' },
  { href: '/data/', label: '开放数据' },
  { href: '/search/', label: '搜索' },
] as const;

/** The nav entry a path belongs to: the longest prefix match ('/' only for the home page). */
export function currentNav(path: string): string | undefined {
  let best: string | undefined;
  for (const { href } of NAV) {
    if (href === '/' ? path === '/' : path.startsWith(href)) if (!best || href.length > best.length) best = href;
  }
  return best;
}
