/**
 * The full search page (/search/): reads the query, filters and order from the URL, shows the top
 * results with filter counts and the query's year chart, keeps the URL in step so a search can be
 * shared, and loads the rest on request. The form also works without JavaScript: it is a plain GET
 * to this page. The results list is aria-busy from the first paint until results are shown.
 */
import { FILTER_KEYS, byRankLoaded, type FilterKey, type Hit, type LoadedHit, type Outcome, type Selected, type SortOrder } from './engine.ts';
import { loadEngine } from './load.ts';
import { resultElement } from './render.ts';
import { describeQuery } from './syntax.ts';
import { chartElement, yearChart, yearSeries } from '../../core/year-chart.ts';

const PAGE_SIZE = 10;

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const results = document.querySelector<HTMLElement>('[data-search-results]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  const years = document.querySelector<HTMLElement>('[data-search-years]');
  if (!form || !results || !status || !more || !years) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortBox = form.querySelector<HTMLSelectElement>('select[name="sort"]');

  let run = 0;
  let hits: Hit[] = [];
  let shown = 0;
  /** The archive's first and last year, so every chart spans the same years. */
  let span: [number, number] | undefined;

  const selected = (): Selected => {
    const out: Selected = {};
    for (const key of FILTER_KEYS) {
      const values = [...form.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((c) => c.value);
      if (values.length > 0) out[key] = values;
    }
    return out;
  };
  const sort = (): SortOrder => (sortBox?.value === 'date' ? 'date' : 'relevance');

  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    if (sortBox) sortBox.value = params.get('sort') === 'date' ? 'date' : '';
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = params.getAll(box.name).includes(box.value);
  };

  const urlFor = (filters: Selected) => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const [key, values] of Object.entries(filters)) for (const v of values ?? []) params.append(key, v);
    if (sort() === 'date') params.set('sort', 'date');
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
  const toUrl = () => history.replaceState(null, '', urlFor(selected()));

  const showCounts = (counts: Outcome['counts']) => {
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const n = counts[box.name as FilterKey]?.get(box.value) ?? 0;
      const label = box.closest('label');
      label?.querySelector('[data-count]')?.replaceChildren(String(n));
      label?.toggleAttribute('hidden', n === 0 && !box.checked);
    }
  };

  const showYears = (outcome: Outcome, q: string) => {
    const series = yearSeries(outcome.years, span?.[0], span?.[1]);
    if (!q || series.every((s) => s.count === 0)) {
      years.replaceChildren();
      return;
    }
    const chosen = selected().year;
    const chart = yearChart(series, {
      caption: `含${describeQuery(outcome.read)}的文章逐年篇数`,
      href: (year) => urlFor({ ...selected(), year: [String(year)] }),
      selected: chosen?.length === 1 ? Number(chosen[0]) : undefined,
    });
    years.replaceChildren(chartElement(chart, document));
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
      // Newest first is known before loading; relevance needs the counts a loaded page gives.
      if (sort() === 'relevance') ready.sort(byRankLoaded);
      for (const r of ready) {
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
      years.replaceChildren();
      more.hidden = true;
      status.textContent = '请输入要查找的词句。';
      results.setAttribute('aria-busy', 'false');
      return;
    }
    status.textContent = '正在检索…';
    try {
      const engine = await loadEngine();
      span ??= archiveSpan(engine.years());
      const outcome = await engine.run(q, filters, sort());
      if (mine !== run) return;
      hits = outcome.hits;
      shown = 0;
      results.replaceChildren();
      showCounts(outcome.counts);
      showYears(outcome, q);
      const read = describeQuery(outcome.read);
      const what = read ? read : '所选条件';
      const plain = outcome.read.plain ? '（检索式不完整，已按普通词句查找）' : '';
      status.textContent = hits.length > 0 ? `${what}：共找到 ${hits.length} 篇${plain}` : `没有找到${what}的文章${plain}`;
      await showMore(mine);
    } catch (error) {
      if (mine !== run) return;
      status.textContent = `检索出错：${(error as Error).message}`;
      results.setAttribute('aria-busy', 'false');
    }
  };

  // The Enter that confirms characters in an input method is not a search.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229)) e.preventDefault();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    toUrl();
    void search();
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).matches('input[type="checkbox"], select[name="sort"]')) {
      toUrl();
      void search();
    }
  });
  // A year in the chart (bar or table row) narrows the results to it, as ticking that year would.
  years.addEventListener('click', (e) => {
    const link = (e.target as Element).closest('[data-year]');
    if (!link) return;
    e.preventDefault();
    const year = link.getAttribute('data-year');
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="year"]')) box.checked = box.value === year;
    toUrl();
    void search();
  });
  more.addEventListener('click', () => void showMore(run));
  window.addEventListener('popstate', () => {
    fromUrl();
    void search();
  });
  fromUrl();
  void search();
}

function archiveSpan(all: Map<string, number>): [number, number] | undefined {
  const years = [...all.keys()].map(Number).filter(Number.isInteger);
  return years.length > 0 ? [Math.min(...years), Math.max(...years)] : undefined;
}
