/**
 * The search page's elements and how each part of an answer is shown: the form (read and filled),
 * the facet counts, the status line, the year chart, the suggestions and the results. No state is
 * kept here; page.ts decides what to show when.
 */
import { chartElement, yearChart, yearSeries } from '../../core/year-chart.ts';
import type { Suggested } from './suggest.ts';
import type { Outcome } from './engine.ts';
import { FACET_KEYS, type FacetKey, type Selected } from './facets.ts';
import type { PageQuery } from './page-state.ts';

export interface SearchPageView {
  form: HTMLFormElement;
  input: HTMLInputElement;
  sortBox: HTMLSelectElement | null;
  results: HTMLElement;
  status: HTMLElement;
  more: HTMLButtonElement;
  years: HTMLElement;
  suggest: HTMLElement;
}

/** The page's parts, or undefined on a page that is not the search page. */
export function findSearchPage(doc: Document): SearchPageView | undefined {
  const form = doc.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const results = doc.querySelector<HTMLElement>('[data-search-results]');
  const status = doc.querySelector<HTMLElement>('[data-search-status]');
  const more = doc.querySelector<HTMLButtonElement>('[data-search-more]');
  const years = doc.querySelector<HTMLElement>('[data-search-years]');
  const suggest = doc.querySelector<HTMLElement>('[data-search-suggest]');
  if (!form || !input || !results || !status || !more || !years || !suggest) return undefined;
  const sortBox = form.querySelector<HTMLSelectElement>('select[name="sort"]');
  return { form, input, sortBox, results, status, more, years, suggest };
}

const facetBoxes = (view: SearchPageView) =>
  view.form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');

/** What the form asks now. */
export function readForm(view: SearchPageView): PageQuery {
  const selected: Selected = {};
  for (const key of FACET_KEYS) {
    const boxes = view.form.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`);
    const values = [...boxes].map((c) => c.value);
    if (values.length > 0) selected[key] = values;
  }
  const sort = view.sortBox?.value === 'date' ? 'date' : 'relevance';
  return { q: view.input.value.trim(), selected, sort };
}

export function fillForm(view: SearchPageView, query: PageQuery): void {
  view.input.value = query.q;
  if (view.sortBox) view.sortBox.value = query.sort === 'date' ? 'date' : '';
  for (const box of facetBoxes(view))
    box.checked = query.selected[box.name]?.includes(box.value) ?? false;
}

/** Ticks one year alone, as a click on the chart asks. */
export function tickYear(view: SearchPageView, year: string): void {
  for (const box of view.form.querySelectorAll<HTMLInputElement>('input[name="year"]'))
    box.checked = box.value === year;
}

export function showCounts(view: SearchPageView, outcome: Outcome): void {
  for (const box of facetBoxes(view)) {
    const n = outcome.counts[box.name as FacetKey]?.get(box.value) ?? 0;
    const label = box.closest('label');
    label?.querySelector('[data-count]')?.replaceChildren(String(n));
    // A value with no hits yet may have some in the bundles still to search.
    label?.toggleAttribute('hidden', n === 0 && !box.checked && outcome.complete);
  }
}

export interface ChartRequest {
  outcome: Outcome;
  caption: string;
  span: [number, number] | undefined;
  href: (year: number) => string;
  selectedYear: number | undefined;
}

/** The hits by year, with the undated ones said in words: the chart adds up to the count. */
export function showYears(view: SearchPageView, r: ChartRequest): void {
  const series = yearSeries(r.outcome.years, r.span?.[0], r.span?.[1]);
  if (r.outcome.hits.length === 0) {
    view.years.replaceChildren();
    return;
  }
  const chart = yearChart(series, {
    caption: r.caption,
    href: r.href,
    selected: r.selectedYear,
    undated: r.outcome.undated,
  });
  view.years.replaceChildren(chartElement(chart, document));
}

export function showStatus(view: SearchPageView, text: string, busy: boolean): void {
  view.status.textContent = text;
  view.status.setAttribute('aria-busy', String(busy));
}

export function setResultsBusy(view: SearchPageView, busy: boolean): void {
  view.results.setAttribute('aria-busy', String(busy));
}

export function showRest(view: SearchPageView, rest: number, complete: boolean): void {
  view.more.hidden = rest <= 0;
  view.more.textContent = `显示其余 ${rest} 篇${complete ? '' : '（仍在统计）'}`;
}

/** 您是不是要找：“…”（3 篇）: links that run the suggested search, set apart from the results. */
export function showSuggestions(
  view: SearchPageView,
  suggestions: Suggested[],
  href: (query: string) => string,
): void {
  view.suggest.replaceChildren();
  view.suggest.hidden = suggestions.length === 0;
  // How many were offered, once the look-up is over (0 included): what tests and the bench wait for.
  view.suggest.setAttribute('data-suggested', String(suggestions.length));
  if (suggestions.length === 0) return;
  view.suggest.append('您是不是要找：');
  suggestions.forEach((s, k) => {
    if (k > 0) view.suggest.append('、');
    const link = document.createElement('a');
    link.href = href(s.query);
    link.textContent = s.phrase;
    link.setAttribute('data-suggestion', s.query);
    view.suggest.append(link, `（${s.count} 篇）`);
  });
}

export function clearAnswer(view: SearchPageView): void {
  view.results.replaceChildren();
  view.years.replaceChildren();
  view.suggest.replaceChildren();
  view.suggest.hidden = true;
  view.suggest.removeAttribute('data-suggested');
  view.more.hidden = true;
}
