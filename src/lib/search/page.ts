/**
 * The full search page (/search/): reads the query, filters and order from the URL, shows the top
 * results with filter counts and the query's year chart, keeps the URL in step so a search can be
 * shared, and loads the rest on request. The form also works without JavaScript: it is a plain GET
 * to this page. The results list is aria-busy from the first paint until results are shown.
 *
 * Of a sharded index the first screen is shown as soon as the newest bundles fill it (or all are
 * searched); the older bundles are searched after that, and until they are the status line is
 * aria-busy and says the count is still growing. The first screen never changes under the reader:
 * later bundles only add to the rest, in their order, so a title or heading match in an older
 * bundle comes first among the rest, not above pages already shown.
 */
import {
  FACET_KEYS,
  byRankLoaded,
  type FacetKey,
  type Hit,
  type LoadedHit,
  type Outcome,
  type Selected,
  type SortOrder,
} from './engine.ts';
import { loadEngine } from './load.ts';
import { resultElement } from './render.ts';
import { describeQuery } from './syntax.ts';
import { chartElement, yearChart, yearSeries } from '../../core/year-chart.ts';

const PAGE_SIZE = 10;
/** How long a first screen stands before the older bundles are searched to complete its counts. */
const SETTLE_MS = 300;

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
  /** Every bundle searched: the count, the filter counts and the chart are final. */
  let complete = true;
  /** The archive's first and last year, so every chart spans the same years. */
  let span: [number, number] | undefined;

  const selected = (): Selected => {
    const out: Selected = {};
    for (const key of FACET_KEYS) {
      const values = [
        ...form.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`),
      ].map((c) => c.value);
      if (values.length > 0) out[key] = values;
    }
    return out;
  };
  const sort = (): SortOrder => (sortBox?.value === 'date' ? 'date' : 'relevance');

  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    if (sortBox) sortBox.value = params.get('sort') === 'date' ? 'date' : '';
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
      box.checked = params.getAll(box.name).includes(box.value);
  };

  const urlFor = (filters: Selected) => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const [key, values] of Object.entries(filters))
      for (const v of values ?? []) params.append(key, v);
    if (sort() === 'date') params.set('sort', 'date');
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
  const toUrl = () => history.replaceState(null, '', urlFor(selected()));

  const showCounts = (outcome: Outcome) => {
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const n = outcome.counts[box.name as FacetKey]?.get(box.value) ?? 0;
      const label = box.closest('label');
      label?.querySelector('[data-count]')?.replaceChildren(String(n));
      // A value with no hits yet may have some in the bundles still to search.
      label?.toggleAttribute('hidden', n === 0 && !box.checked && outcome.complete);
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
      caption: `含${describeQuery(outcome.read)}的文章逐年篇数${outcome.complete ? '' : '（统计中）'}`,
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
      const ready = batch.flatMap((hit, i) =>
        loaded[i] ? [{ hit, loaded: loaded[i] as LoadedHit }] : [],
      );
      // Newest first is known before loading; relevance needs the counts a loaded page gives.
      if (sort() === 'relevance') ready.sort(byRankLoaded);
      for (const r of ready) {
        results.append(resultElement(r.hit, r.loaded));
        added += 1;
      }
    }
    showRest();
    results.setAttribute('aria-busy', 'false');
  };

  const showRest = () => {
    const rest = hits.length - shown;
    more.hidden = rest <= 0;
    more.textContent = `显示其余 ${rest} 篇${complete ? '' : '（仍在统计）'}`;
  };

  /** The count, filter counts and chart of a stage of the search. */
  const showOutcome = (outcome: Outcome, q: string) => {
    complete = outcome.complete;
    showCounts(outcome);
    showYears(outcome, q);
    const read = describeQuery(outcome.read);
    const what = read ? read : '所选条件';
    const plain = outcome.read.plain ? '（检索式不完整，已按普通词句查找）' : '';
    if (!complete)
      status.textContent = `${what}：已找到 ${outcome.hits.length} 篇，正在检索较早的文章…${plain}`;
    else
      status.textContent =
        outcome.hits.length > 0
          ? `${what}：共找到 ${outcome.hits.length} 篇${plain}`
          : `没有找到${what}的文章${plain}`;
    status.setAttribute('aria-busy', String(!complete));
  };

  const search = async () => {
    const mine = ++run;
    results.setAttribute('aria-busy', 'true');
    status.setAttribute('aria-busy', 'true');
    const q = input.value.trim();
    const filters = selected();
    if (!q && Object.keys(filters).length === 0) {
      results.replaceChildren();
      years.replaceChildren();
      more.hidden = true;
      status.textContent = '请输入要查找的词句。';
      results.setAttribute('aria-busy', 'false');
      status.setAttribute('aria-busy', 'false');
      return;
    }
    status.textContent = '正在检索…';
    try {
      const engine = await loadEngine();
      span ??= archiveSpan(engine.years());
      let firstScreen = true;
      for await (const outcome of engine.progress(q, filters, sort())) {
        if (mine !== run) return;
        if (firstScreen) {
          // The first screen waits for a screenful of results, or for the last bundle.
          if (!outcome.complete && outcome.hits.length < PAGE_SIZE) continue;
          firstScreen = false;
          hits = outcome.hits;
          shown = 0;
          results.replaceChildren();
          showOutcome(outcome, q);
          await showMore(mine);
          // The older bundles are searched only if the reader stays with this query a moment: one
          // typed over at once would only compete with its successor for the main thread.
          if (!outcome.complete) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
          if (mine !== run) return;
        } else {
          // Results already shown keep their place; the older bundles' hits join the rest, in order.
          const onScreen = new Set(hits.slice(0, shown).map((h) => h.id));
          hits = [...hits.slice(0, shown), ...outcome.hits.filter((h) => !onScreen.has(h.id))];
          showOutcome(outcome, q);
          showRest();
        }
      }
    } catch (error) {
      if (mine !== run) return;
      status.textContent = `检索出错：${(error as Error).message}`;
      results.setAttribute('aria-busy', 'false');
      status.setAttribute('aria-busy', 'false');
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
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="year"]'))
      box.checked = box.value === year;
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
