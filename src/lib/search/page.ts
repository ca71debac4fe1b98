/**
 * The full search page (/search/): reads the query, facets and order from the URL, shows the top
 * results with facet counts and the hits' year chart, keeps the URL in step so a search can be
 * shared, offers the archive's nearest phrases when a phrase has no hit, and loads the rest on
 * request. The form also works without JavaScript: it is a plain GET to this page. The results list
 * is aria-busy from the first paint until results are shown.
 *
 * Of a sharded index the first screen is shown as soon as the newest bundles fill it (or all are
 * searched); the older bundles are searched after that, and until they are the status line is
 * aria-busy and says the count is still growing. The first screen never changes under the reader:
 * later bundles only add to the rest, in their order, so a title or heading match in an older
 * bundle comes first among the rest, not above pages already shown.
 *
 * The parts: page-state.ts (the query and its URL), page-view.ts (the elements and how an answer
 * is shown), and here the search's own state and the events that start one.
 */
import { watchInputMethod } from './ime-enter.ts';
import { chartCaption, statusLine, type SearchConditions } from '../../core/search/sentences.ts';
import { SCREEN, type ArchiveSearch, type Outcome } from './engine.ts';
import { SEARCH_FACETS } from './facets.ts';
import { byRankLoaded, orderBeforeLoading, rankGroups, type Hit, type SortOrder } from './hits.ts';
import type { LoadedHit } from './excerpts.ts';
import { loadEngine } from './load.ts';
import { archiveSpan, queryFromUrl, urlOf, type PageQuery } from './page-state.ts';
import * as view from './page-view.ts';
import { resultElement } from './render.ts';
import { nextSlice } from './slices.ts';
import { queryConditions } from './syntax.ts';

/** How long a first screen stands before the older bundles are searched to complete its counts. */
const SETTLE_MS = 300;
/** How many results' texts are fetched at once, in the order shown. */
const FETCH_AHEAD = 3;

/** One page's search state: which search is current and how far its results are shown. */
interface PageState {
  page: view.SearchPageView;
  /** Increases with every search: an older search stops at its next step. */
  run: number;
  hits: Hit[];
  shown: number;
  /** Every bundle searched: the count, the facet counts and the chart are final. */
  complete: boolean;
  span: [number, number] | undefined;
}

export function startSearchPage(): void {
  const page = view.findSearchPage(document);
  if (!page) return;
  const state: PageState = { page, run: 0, hits: [], shown: 0, complete: true, span: undefined };
  listen(state);
  view.fillForm(page, queryFromUrl(location.search));
  void search(state);
}

/** The events that start a search, keep the URL in step, or show more. */
function listen(state: PageState): void {
  const { page } = state;
  const again = () => {
    history.replaceState(null, '', urlOf(location.pathname, view.readForm(page)));
    void search(state);
  };
  watchInputMethod(page.input);
  page.form.addEventListener('submit', (e) => {
    e.preventDefault();
    again();
  });
  page.form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).matches('input[type="checkbox"], select[name="sort"]')) again();
  });
  // A year in the chart (bar or table row) narrows the results to it, as ticking that year would.
  page.years.addEventListener('click', (e) => {
    const year = (e.target as Element).closest('[data-year]')?.getAttribute('data-year');
    if (!year) return;
    e.preventDefault();
    view.tickYear(page, year);
    again();
  });
  // A suggestion runs its search here, with the facets kept.
  page.suggest.addEventListener('click', (e) => {
    const query = (e.target as Element)
      .closest('[data-suggestion]')
      ?.getAttribute('data-suggestion');
    if (query === null || query === undefined) return;
    e.preventDefault();
    page.input.value = query;
    again();
  });
  page.more.addEventListener('click', () => void showMore(state, state.run));
  window.addEventListener('popstate', () => {
    view.fillForm(page, queryFromUrl(location.search));
    void search(state);
  });
}

async function search(state: PageState): Promise<void> {
  const mine = ++state.run;
  const { page } = state;
  const asked = view.readForm(page);
  view.setResultsBusy(page, true);
  if (!asked.q && Object.keys(asked.selected).length === 0) {
    view.clearAnswer(page);
    view.showStatus(page, '请输入要查找的词句。', false);
    view.setResultsBusy(page, false);
    return;
  }
  view.showStatus(page, '正在检索…', true);
  try {
    const engine = await loadEngine();
    state.span ??= archiveSpan(engine.years());
    await followStages(state, engine, asked, mine);
  } catch (error) {
    if (mine !== state.run) return;
    view.showStatus(page, `检索出错：${(error as Error).message}`, false);
    view.setResultsBusy(page, false);
  }
}

/** Shows the first screen once it is filled, then lets the older bundles complete the counts. */
async function followStages(
  state: PageState,
  engine: ArchiveSearch,
  asked: PageQuery,
  mine: number,
): Promise<void> {
  let firstScreen = true;
  for await (const outcome of engine.progress(asked.q, asked.selected, asked.sort)) {
    if (mine !== state.run) return;
    if (firstScreen) {
      // The first screen waits for a screenful of results, or for the last bundle.
      if (!outcome.complete && outcome.hits.length < SCREEN) continue;
      firstScreen = false;
      state.hits = outcome.hits;
      state.shown = 0;
      view.clearAnswer(state.page);
      showOutcome(state, outcome, asked);
      await showMore(state, mine);
      // The older bundles are searched only if the reader stays with this query a moment: one
      // typed over at once would only compete with its successor for the main thread.
      if (!outcome.complete) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      if (mine !== state.run) return;
    } else {
      // Results already shown keep their place; the older bundles' hits join the rest, in order.
      const onScreen = new Set(state.hits.slice(0, state.shown).map((h) => h.id));
      const shown = state.hits.slice(0, state.shown);
      state.hits = [...shown, ...outcome.hits.filter((h) => !onScreen.has(h.id))];
      showOutcome(state, outcome, asked);
      view.showRest(state.page, state.hits.length - state.shown, state.complete);
    }
    if (outcome.complete && outcome.hits.length === 0)
      await offerSuggestions(state, engine, asked, mine);
  }
}

/** What the search looked for: the query's conditions and the facets ticked on the page. */
function conditionsOf(outcome: Outcome, asked: PageQuery): SearchConditions {
  const ticked = SEARCH_FACETS.flatMap((f) => {
    const values = asked.selected[f.key];
    return values ? [{ label: f.label, values }] : [];
  });
  return { ...queryConditions(outcome.read), ticked };
}

/** The count, facet counts and chart of a stage of the search. */
function showOutcome(state: PageState, outcome: Outcome, asked: PageQuery): void {
  const { page } = state;
  state.complete = outcome.complete;
  view.showCounts(page, outcome);
  const conditions = conditionsOf(outcome, asked);
  const years = asked.selected.year;
  view.showYears(page, {
    outcome,
    caption: chartCaption(conditions, outcome.complete),
    span: state.span,
    href: (year) =>
      urlOf(location.pathname, { ...asked, selected: { ...asked.selected, year: [String(year)] } }),
    selectedYear: years?.length === 1 ? Number(years[0]) : undefined,
  });
  const found = outcome.hits.length;
  const line = statusLine(conditions, {
    found,
    complete: outcome.complete,
    plain: outcome.read.plain,
  });
  view.showStatus(page, line, !outcome.complete);
}

/** For a phrase with no hit: the archive's nearest phrases, each a link running that search. */
async function offerSuggestions(
  state: PageState,
  engine: ArchiveSearch,
  asked: PageQuery,
  mine: number,
): Promise<void> {
  const offered = await engine.suggest(asked.q, asked.selected);
  if (mine !== state.run) return;
  view.showSuggestions(state.page, offered?.suggestions ?? [], (q) =>
    urlOf(location.pathname, { ...asked, q }),
  );
}

/**
 * Renders the next batch, one result per slice of the main thread; a hit whose stored text turns
 * out not to hold the terms is dropped.
 */
async function showMore(state: PageState, mine: number): Promise<void> {
  const { page } = state;
  view.setResultsBusy(page, true);
  let added = 0;
  while (added < SCREEN && state.shown < state.hits.length) {
    const batch = state.hits.slice(state.shown, state.shown + SCREEN - added);
    state.shown += batch.length;
    for await (const r of loadedInOrder(batch, view.readForm(page).sort)) {
      if (mine !== state.run) return;
      page.results.append(resultElement(r.hit, r.loaded));
      added += 1;
      await nextSlice();
      if (mine !== state.run) return;
    }
  }
  view.showRest(page, state.hits.length - state.shown, state.complete);
  view.setResultsBusy(page, false);
}

/**
 * A batch's loaded results in the order they are shown. Where the order is known before the
 * texts are (orderBeforeLoading), the texts are fetched in that order: the first alone (on a phone
 * it is the one result on the first screen), then FETCH_AHEAD at a time, so on a slow line the
 * results at the top do not share it with the whole screen's texts. Otherwise a rank group at a
 * time (rankGroups), ordered by its texts' counts.
 */
async function* loadedInOrder(
  batch: Hit[],
  sort: SortOrder,
): AsyncGenerator<{ hit: Hit; loaded: LoadedHit }> {
  const order = await orderBeforeLoading(batch, sort);
  if (order) {
    for (const [i, hit] of order.entries()) {
      // Started ahead, awaited in turn; a failure is reported when its turn comes.
      if (i > 0)
        for (const next of order.slice(i + 1, i + FETCH_AHEAD)) next.load().catch(() => undefined);
      const loaded = await hit.load();
      if (loaded) yield { hit, loaded };
    }
    return;
  }
  for (const group of rankGroups(batch, sort)) {
    const loaded = await Promise.all(group.map((h) => h.load()));
    yield* group
      .flatMap((hit, i) => {
        const l = loaded[i];
        return l ? [{ hit, loaded: l }] : [];
      })
      .sort(byRankLoaded);
  }
}
