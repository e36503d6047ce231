/**
 * Wires the search page (bundled by Astro from src/pages/search/index.astro): the form, the
 * filters, the address, the results, the live count and 加载更多.
 */
import type { ShardInfo } from './manifest.ts';
import type { SearchCursor } from './cursor.ts';
import { ShardedSearch } from './engine.ts';
import type { QueryPart } from './query.ts';
import { countText, renderResult } from './render.ts';
import { FILTERS, readState, stateFromUrl, stateToQuery, type SearchState } from './state.ts';

/** What an empty box, or one of only punctuation, is told. */
const NOTHING_TO_SEARCH = '请输入要搜索的文字（汉字、数字或字母）。';

export function initSearch(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results') as HTMLOListElement | null;
  const more = document.getElementById('search-more') as HTMLButtonElement | null;
  const heading = document.getElementById('search-results-title');
  if (!form || !input || !status || !list || !more || !heading) return;
  document.getElementById('search-nojs')?.setAttribute('hidden', '');
  const engine = new ShardedSearch();
  let current: { parts: QueryPart[]; cursor: SearchCursor<ShardInfo> } | undefined;
  let run = 0;

  const read = (): SearchState => {
    const data = new FormData(form);
    return readState((name) => (data.get(name) as string | null) ?? null);
  };
  /**
   * Shows the address's search in the form and gives back what the form shows: a filter value
   * the page does not offer (a year no record has any more, a typo in a shared link) is left out,
   * never applied unseen, and the address says so too.
   */
  const show = (fromUrl: SearchState): SearchState => {
    input.value = fromUrl.q;
    for (const f of FILTERS) {
      const sel = form.elements.namedItem(f) as HTMLSelectElement | null;
      if (sel) sel.value = fromUrl.filters[f] ?? '';
      if (sel && sel.value !== (fromUrl.filters[f] ?? '')) sel.value = '';
    }
    const sort = form.elements.namedItem('sort') as HTMLSelectElement | null;
    if (sort) sort.value = fromUrl.sort;
    const shown = read();
    const query = stateToQuery(shown);
    if (query !== stateToQuery(fromUrl)) history.replaceState(null, '', `${location.pathname}${query}`);
    return shown;
  };
  const announce = (text: string) => {
    status.textContent = text;
  };

  const showPage = async (mine: number, focusFirst: boolean) => {
    if (!current) return;
    const { parts, cursor } = current;
    more.disabled = true;
    const page = await cursor.next();
    if (mine !== run) return;
    const items = page.map((r) => renderResult(r, parts));
    list.append(...items);
    heading.hidden = false;
    announce(countText(cursor));
    more.hidden = !cursor.hasMore;
    more.disabled = false;
    if (focusFirst && items[0]) items[0].querySelector('a')?.focus();
  };

  /** `asked`: someone asked for this search (the button, Enter, a ?q= address), so an empty box gets an answer too. */
  const search = async (s: SearchState, asked: boolean) => {
    const mine = ++run;
    list.replaceChildren();
    more.hidden = true;
    heading.hidden = true;
    current = undefined;
    if (!s.q) {
      announce(asked ? NOTHING_TO_SEARCH : '');
      return;
    }
    announce('正在搜索…');
    try {
      const started = await engine.start(s);
      if (mine !== run) return;
      if (!started) {
        announce(NOTHING_TO_SEARCH);
        return;
      }
      current = started;
      await showPage(mine, false);
    } catch (e) {
      if (mine === run) announce('搜索暂时不可用，请稍后再试，或通过下方栏目浏览。');
      console.error(e);
    }
  };

  /**
   * A new query is a step of the history (Back returns to the one before); a filter changed on a
   * query replaces its step: arrowing through a list's options changes it at each one, and Back
   * would otherwise walk back through every option passed.
   */
  const submit = (step: 'push' | 'replace') => {
    const s = read();
    const url = `${location.pathname}${stateToQuery(s)}`;
    if (url !== `${location.pathname}${location.search}`) history[step === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    void search(s, true);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit('push');
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).tagName !== 'SELECT' || !input.value.trim()) return;
    // A filter on the query the address holds replaces its step; on a query typed since, it is a new query.
    submit(read().q === stateFromUrl(location.search).q ? 'replace' : 'push');
  });
  more.addEventListener('click', () => void showPage(run, true).catch((e) => console.error(e)));
  const asked = () => new URLSearchParams(location.search).has('q');
  window.addEventListener('popstate', () => void search(show(stateFromUrl(location.search)), asked()));
  input.addEventListener('focus', () => engine.warm(), { once: true });
  // The home page's box sent empty is /search/?q=: asked, and answered.
  const initial = show(stateFromUrl(location.search));
  if (initial.q || asked()) void search(initial, asked());
}
