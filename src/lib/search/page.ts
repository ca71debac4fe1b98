/**
 * The search page (/search/?q=…&tag=…): reads the query and filters from the URL, shows the top
 * results with filter counts, keeps the URL in step so a search can be shared, and loads the
 * rest on request. The form also works without JavaScript: it is a plain GET to this page.
 */
import { FILTER_KEYS, byRankLoaded, type FilterKey, type Hit, type LoadedHit, type Outcome, type Selected } from './engine.ts';
import { loadEngine } from './load.ts';
import { resultElement } from './render.ts';

const PAGE_SIZE = 10;

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const results = document.querySelector<HTMLElement>('[data-search-results]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !results || !status || !more) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;

  let run = 0;
  let hits: Hit[] = [];
  let shown = 0;

  const selected = (): Selected => {
    const out: Selected = {};
    for (const key of FILTER_KEYS) {
      const values = [...form.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((c) => c.value);
      if (values.length > 0) out[key] = values;
    }
    return out;
  };

  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = params.getAll(box.name).includes(box.value);
  };

  const toUrl = () => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const [key, values] of Object.entries(selected())) for (const v of values ?? []) params.append(key, v);
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  };

  const showCounts = (counts: Outcome['counts']) => {
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const n = counts[box.name as FilterKey]?.get(box.value) ?? 0;
      const label = box.closest('label');
      label?.querySelector('[data-count]')?.replaceChildren(String(n));
      label?.toggleAttribute('hidden', n === 0 && !box.checked);
    }
  };

  /** Renders the next batch; a hit whose stored text turns out not to hold the terms is dropped. */
  const showMore = async (mine: number) => {
    results.setAttribute('aria-busy', 'true');
    let added = 0;
    while (added < PAGE_SIZE && shown < hits.length) {
      const batch = hits.slice(shown, shown + PAGE_SIZE - added);
      shown += batch.length;
      const loaded = await Promise.all(batch.map((h) => h.load()));
      if (mine !== run) return;
      const ready = batch.flatMap((hit, i) => (loaded[i] ? [{ hit, loaded: loaded[i] as LoadedHit }] : []));
      for (const r of ready.sort(byRankLoaded)) {
        results.append(resultElement(r.hit, r.loaded));
        added += 1;
      }
    }
    const rest = hits.length - shown;
    more.hidden = rest <= 0;
    more.textContent = `显示其余 ${rest} 篇`;
    results.setAttribute('aria-busy', 'false');
  };

  const search = async () => {
    const mine = ++run;
    results.setAttribute('aria-busy', 'true');
    const q = input.value.trim();
    const filters = selected();
    if (!q && Object.keys(filters).length === 0) {
      results.replaceChildren();
      more.hidden = true;
      status.textContent = '请输入要查找的词句。空格分隔的几个词须同时出现；整句可加引号。';
      results.setAttribute('aria-busy', 'false');
      return;
    }
    status.textContent = '正在检索…';
    try {
      const engine = await loadEngine();
      const outcome = await engine.run(q, filters);
      if (mine !== run) return;
      hits = outcome.hits;
      shown = 0;
      results.replaceChildren();
      showCounts(outcome.counts);
      const what = q ? `“${outcome.terms.map((t) => t.typed).join(' ')}”` : '所选条件';
      status.textContent = hits.length > 0 ? `${what}：共找到 ${hits.length} 篇` : `没有找到含${what}的文章`;
      await showMore(mine);
    } catch (error) {
      if (mine !== run) return;
      status.textContent = `检索出错：${(error as Error).message}`;
      results.setAttribute('aria-busy', 'false');
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    toUrl();
    void search();
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).matches('input[type="checkbox"]')) {
      toUrl();
      void search();
    }
  });
  more.addEventListener('click', () => void showMore(run));
  window.addEventListener('popstate', () => {
    fromUrl();
    void search();
  });
  fromUrl();
  void search();
}
