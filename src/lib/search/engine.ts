/**
 * The search itself, without the page around it: Pagefind finds the pages where a term's
 * characters stand next to each other; the query language (syntax.ts) combines those page sets
 * (and, or, not, title only, typed filters); the sidecar filters and ranks them (title, then
 * headings, then how often, then newest, or newest first) and counts them per year; a loaded hit is
 * checked against its stored text and cut into an excerpt and section sub-results, mapped back to
 * the characters the page was written in.
 *
 * A large archive's index is cut into bundles newest first (scripts/search-index/shards.ts). A search
 * runs over the newest bundle alone, then over the older ones, and reports after each stage
 * (`progress`): the newest bundle usually fills the first screen, and most of what a first query
 * would fetch (index chunks for every character, a sidecar per bundle) is in the older ones.
 */
import { isSectionTag } from '../../core/sections.ts';
import { foldMapFromPairs, type Sidecar, type SidecarPage } from '../../core/search/sidecar.ts';
import { occurrences, type Term } from './query.ts';
import { readQuery, shownTerms, type Alternative, type ReadQuery } from './syntax.ts';
import { contentTokens, pagefindPhrase } from '../../core/search/tokens.ts';
import { unfoldRange, type Unfold } from '../../core/search/unfold.ts';
import { foldText, type FoldMap } from '../../core/search/fold.ts';
import { FILTER_KEYS, type FilterKey, type Selected } from './facets.ts';
import { suggestFor, suggestible, type Suggested } from './suggest.ts';

export { FILTER_KEYS, type FilterKey, type Selected } from './facets.ts';

/** The part of Pagefind's browser API used here. */
export interface PagefindApi {
  /** `words`: the positions of the matched words on the page (every position, for one character). */
  search(term: string | null): Promise<{ results: { id: string; words?: number[] }[] } | null>;
}

/** A page as Pagefind stored it (its fragment). */
export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; location: number }[];
}

export type SortOrder = 'relevance' | 'date';

export interface Hit {
  id: string;
  /** The bundle holding the page: 0 is the newest. */
  bundle: number;
  page: SidecarPage;
  inTitle: boolean;
  inHeading: boolean;
  load(): Promise<LoadedHit | undefined>;
}

export interface Snippet {
  /** Alternating plain and highlighted runs, plain first. */
  parts: string[];
}

export interface SubResult {
  id: string;
  heading: string;
  url: string;
  count: number;
  snippet: Snippet;
}

export interface LoadedHit {
  url: string;
  title: string;
  date: string;
  snippet: Snippet;
  subResults: SubResult[];
  /** Occurrences of all shown terms on the page. */
  count: number;
}

export interface Outcome {
  read: ReadQuery;
  /** The terms shown and highlighted (every alternative; exclusions are not shown). */
  terms: Term[];
  hits: Hit[];
  /** For each filter, value → pages among the hits that would match with that value chosen. */
  counts: Record<FilterKey, Map<string, number>>;
  /** Pages matching the query (before any filter), by year: the phrase's history over the archive. */
  years: Map<string, number>;
  /** Whether every bundle has been searched: until then hits, counts and years are a lower bound. */
  complete: boolean;
}

export interface EngineSources {
  /** The newest bundle's sidecar: it carries the fold map, the older bundles' folders and the archive's years. */
  first: Sidecar;
  /** Bundle k's sidecar (k ≥ 1). */
  sidecar: (k: number) => Promise<Sidecar>;
  /**
   * Pagefind, loaded on the first query that needs it (filters and titles alone do not): for k = 0
   * over the newest bundle alone; for k ≥ 1 over the older bundles 1…k at least (one index that
   * older bundles join in turn; pages of a bundle joined for another query are ignored).
   */
  pagefind: (k: number) => Promise<PagefindApi>;
  /** A page's stored text by its bundle and id (the fragment file). */
  fetchPage: (bundle: number, id: string) => Promise<PagefindData>;
}

/** Pages of bundles from…to, the ones a stage of a search looks at. */
interface Scope {
  from: number;
  to: number;
  pages: [string, SidecarPage][];
}

export class ArchiveSearch {
  readonly fold: FoldMap;
  /** How many bundles the index has (1 unless sharded). */
  readonly bundleCount: number;
  private readonly sources: EngineSources;
  /** Each bundle's pages, once its sidecar is asked for. */
  private readonly bundles: Promise<Record<string, SidecarPage>>[] = [];
  /** Each bundle's pages, once its sidecar has arrived. */
  private readonly loaded: Record<string, SidecarPage>[] = [];
  /** The bundle of every page whose sidecar has arrived. */
  private readonly home = new Map<string, number>();
  /** Older bundles 1…joined are loaded and joined: a later search looks at all of them in one stage. */
  private joined = 0;
  private readonly pieceCache = new Map<string, Promise<Set<string>>>();
  /** Page text already fetched, by page id: the next query showing the same page does not fetch it again. */
  private readonly dataCache = new Map<string, Promise<PagefindData>>();

  constructor(sources: EngineSources) {
    this.sources = sources;
    this.fold = foldMapFromPairs(sources.first.fold);
    this.bundleCount = 1 + (sources.first.bundles?.length ?? 0);
    this.bundles[0] = Promise.resolve(this.note(0, sources.first));
  }

  /** Every page of the archive by year (the span a year chart covers). */
  years(): Map<string, number> {
    // The index writes the whole archive's years into the newest bundle's sidecar; counting that
    // bundle's own pages would leave out every older bundle.
    return new Map(Object.entries(this.sources.first.years ?? {}));
  }

  /** The whole answer: every bundle searched. */
  async run(query: string, selected: Selected, sort: SortOrder = 'relevance'): Promise<Outcome> {
    let last: Outcome | undefined;
    for await (const outcome of this.progress(query, selected, sort)) last = outcome;
    return last!;
  }

  /**
   * The answer in stages: the newest bundle alone, then the newest together with more and more of
   * the older bundles (all of them at once when an earlier search has loaded them), the last stage
   * `complete`. A caller that stops iterating stops the search.
   */
  async *progress(
    query: string,
    selected: Selected,
    sort: SortOrder = 'relevance',
  ): AsyncGenerator<Outcome> {
    const read = readQuery(query, this.fold);
    const terms = shownTerms(read);
    const newest = await this.matching(read, await this.scope(0, 0));
    yield this.outcome(read, terms, newest, selected, sort, this.bundleCount === 1);
    for (let to = 0; to < this.bundleCount - 1;) {
      to = Math.max(to + 1, this.joined);
      const older = await this.matching(read, await this.scope(1, to));
      this.joined = Math.max(this.joined, to);
      yield this.outcome(
        read,
        terms,
        [...newest, ...older],
        selected,
        sort,
        to === this.bundleCount - 1,
      );
    }
  }

  /**
   * For the first term typed that has no exact hit anywhere in the archive: the nearest phrases
   * that do occur, each counted as the search its link runs (with the same filters).
   */
  async suggest(
    query: string,
    selected: Selected,
  ): Promise<{ typed: string; suggestions: Suggested[] } | undefined> {
    const read = readQuery(query, this.fold);
    const last = this.bundleCount - 1;
    const scopes = [await this.scope(0, 0), ...(last > 0 ? [await this.scope(1, last)] : [])];
    for (const term of shownTerms(read)) {
      if (!suggestible(term)) continue;
      const held = await Promise.all(scopes.map((scope) => this.termPages(term, scope)));
      if (held.some((pages) => pages.size > 0)) continue;
      const suggestions = await suggestFor(query, term, {
        charPositions: (ch) => this.charPositions(ch),
        pageTokens: async (id) => contentTokens((await this.pageData(id)).content),
        count: async (q) => (await this.run(q, selected)).hits.length,
      });
      return { typed: term.typed, suggestions };
    }
    return undefined;
  }

  /** Every page holding a character, with its positions there: the per-character index's answer. */
  private async charPositions(ch: string): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    const stages = this.bundleCount > 1 ? [0, this.bundleCount - 1] : [0];
    for (const to of stages) {
      const found = await (await this.sources.pagefind(to)).search(ch);
      for (const r of found?.results ?? []) {
        const k = this.home.get(r.id);
        // The newest bundle's index answers for it alone, the joined one for the older bundles.
        if (k !== undefined && (to === 0 ? k === 0 : k > 0)) out.set(r.id, r.words ?? []);
      }
    }
    return out;
  }

  private note(k: number, sidecar: Sidecar): Record<string, SidecarPage> {
    for (const id of Object.keys(sidecar.pages)) this.home.set(id, k);
    this.loaded[k] = sidecar.pages;
    return sidecar.pages;
  }

  private bundlePages(k: number): Promise<Record<string, SidecarPage>> {
    let pages = this.bundles[k];
    if (!pages) {
      pages = this.bundles[k] = this.sources.sidecar(k).then((s) => this.note(k, s));
      pages.catch(() => delete this.bundles[k]);
    }
    return pages;
  }

  private async scope(from: number, to: number): Promise<Scope> {
    const all = await Promise.all(
      Array.from({ length: to - from + 1 }, (_, i) => this.bundlePages(from + i)),
    );
    return { from, to, pages: all.flatMap((pages) => Object.entries(pages)) };
  }

  /** Ids of the scope's pages that satisfy the query's words (not yet its filters). */
  private async matching(read: ReadQuery, scope: Scope): Promise<string[]> {
    let matched =
      read.clauses.length > 0
        ? await this.allClauses(read.clauses, scope)
        : new Set(scope.pages.map(([id]) => id));
    if (read.exclude.length > 0) {
      const out = await Promise.all(read.exclude.map((t) => this.termPages(t, scope)));
      matched = new Set([...matched].filter((id) => !out.some((s) => s.has(id))));
    }
    return [...matched].filter((id) => {
      const k = this.home.get(id);
      return k !== undefined && k >= scope.from && k <= scope.to;
    });
  }

  private outcome(
    read: ReadQuery,
    terms: Term[],
    ids: string[],
    selected: Selected,
    sort: SortOrder,
    complete: boolean,
  ): Outcome {
    const pageOf = (id: string) => this.sidecarPage(id)!;
    const years = new Map<string, number>();
    for (const id of ids)
      for (const y of pageOf(id).f.year ?? []) years.set(y, (years.get(y) ?? 0) + 1);
    const typed = ids.filter((id) => matchesTyped(pageOf(id), read.filters, this.fold));
    const counts = facetCounts(typed.map(pageOf), selected);
    const hits = typed
      .filter((id) => matchesFilters(pageOf(id), selected))
      .map((id) => this.hit(id, read, terms));
    hits.sort(sort === 'date' ? byDate : byRank);
    return { read, terms, hits, counts, years, complete };
  }

  private sidecarPage(id: string): SidecarPage | undefined {
    const k = this.home.get(id);
    return k === undefined ? undefined : this.loaded[k]?.[id];
  }

  /** Pages satisfying every clause: any alternative of each. */
  private async allClauses(clauses: Alternative[][], scope: Scope): Promise<Set<string>> {
    const perClause = await Promise.all(
      clauses.map(async (alternatives) =>
        union(await Promise.all(alternatives.map((a) => this.alternativePages(a, scope)))),
      ),
    );
    return intersect(perClause);
  }

  private async alternativePages(alt: Alternative, scope: Scope): Promise<Set<string>> {
    // A title is in the sidecar, folded: no index needed.
    if (alt.titleOnly)
      return new Set(
        scope.pages
          .filter(([, p]) => alt.terms.every((t) => p.ti.includes(t.match)))
          .map(([id]) => id),
      );
    return intersect(await Promise.all(alt.terms.map((t) => this.termPages(t, scope))));
  }

  /** Pages holding every piece of a term as a phrase. */
  private async termPages(term: Term, scope: Scope): Promise<Set<string>> {
    return intersect(await Promise.all(term.pieces.map((p) => this.piecePages(p, scope))));
  }

  /** The newest bundle's pages holding a piece (scope 0…0), or those of the older bundles the index has joined (1…to). */
  private piecePages(piece: string, scope: Scope): Promise<Set<string>> {
    const key = `${scope.to}\u0000${piece}`;
    let cached = this.pieceCache.get(key);
    if (!cached) {
      cached = this.sources
        .pagefind(scope.to)
        .then(
          async (pagefind) =>
            new Set(
              ((await pagefind.search(pagefindPhrase(piece)))?.results ?? []).map((r) => r.id),
            ),
        );
      cached.catch(() => this.pieceCache.delete(key));
      this.pieceCache.set(key, cached);
    }
    return cached;
  }

  /** A page's stored text, fetched once. */
  private pageData(id: string): Promise<PagefindData> {
    let cached = this.dataCache.get(id);
    if (!cached) {
      const bundle = this.home.get(id);
      cached =
        bundle === undefined
          ? Promise.reject(new Error(`no bundle holds page ${id}`))
          : this.sources.fetchPage(bundle, id);
      cached.catch(() => this.dataCache.delete(id));
      this.dataCache.set(id, cached);
    }
    return cached;
  }

  private hit(id: string, read: ReadQuery, terms: Term[]): Hit {
    const page = this.sidecarPage(id)!;
    const bundle = this.home.get(id)!;
    const data = () => this.pageData(id);
    let loaded: Promise<LoadedHit | undefined> | undefined;
    return {
      id,
      bundle,
      page,
      inTitle: terms.some((t) => page.ti.includes(t.match)),
      inHeading: terms.some((t) => page.hd.includes(t.match)),
      load: () => (loaded ??= data().then((d) => loadHit(d, read, page))),
    };
  }
}

function union(sets: Set<string>[]): Set<string> {
  const out = new Set<string>();
  for (const s of sets) for (const id of s) out.add(id);
  return out;
}

function intersect(sets: Set<string>[]): Set<string> {
  if (sets.length === 0) return new Set();
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...smallest].filter((id) => rest.every((s) => s.has(id))));
}

/** Title, then headings, then newest: what is known before a page's text is fetched. */
function byRank(a: Hit, b: Hit): number {
  return (
    Number(b.inTitle) - Number(a.inTitle) ||
    Number(b.inHeading) - Number(a.inHeading) ||
    byDate(a, b)
  );
}

/**
 * Newest first. Bundles are cut newest first, so between pages of one date the newer bundle's come
 * first: a page of an older bundle never goes above one already shown from a newer bundle.
 */
function byDate(a: Hit, b: Hit): number {
  return (
    (a.page.d < b.page.d ? 1 : a.page.d > b.page.d ? -1 : 0) ||
    a.bundle - b.bundle ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The full order within a batch of loaded results: title, headings, how often, newest. A batch is
 * what one screen shows, so when every match fits on it (up to ten) the order is exact.
 */
export function byRankLoaded(
  a: { hit: Hit; loaded: LoadedHit },
  b: { hit: Hit; loaded: LoadedHit },
): number {
  return (
    Number(b.hit.inTitle) - Number(a.hit.inTitle) ||
    Number(b.hit.inHeading) - Number(a.hit.inHeading) ||
    b.loaded.count - a.loaded.count ||
    byDate(a.hit, b.hit)
  );
}

export function matchesFilters(page: SidecarPage, selected: Selected, except?: FilterKey): boolean {
  return FILTER_KEYS.every((key) => {
    const want = selected[key];
    if (key === except || !want || want.length === 0) return true;
    return want.some((v) => page.f[key]?.includes(v));
  });
}

/**
 * Filters typed into the box (作者:李强): a value matches when it holds what was typed, folded, so
 * 栏目:政府 finds 政府工作报告 and 作者:李強 finds 李强. Several typed for one facet are alternatives.
 */
export function matchesTyped(page: SidecarPage, typed: Selected, map: FoldMap): boolean {
  return FILTER_KEYS.every((key) => {
    const want = typed[key];
    if (!want || want.length === 0) return true;
    return want.some((w) =>
      (page.f[key] ?? []).some((v) => foldText(v, map).includes(foldText(w, map))),
    );
  });
}

/** Counts per value as if that filter were chosen on top of all the others (values within a filter are alternatives). */
export function facetCounts(
  pages: SidecarPage[],
  selected: Selected,
): Record<FilterKey, Map<string, number>> {
  const counts = {} as Record<FilterKey, Map<string, number>>;
  for (const key of FILTER_KEYS) {
    const m = new Map<string, number>();
    for (const p of pages) {
      if (!matchesFilters(p, selected, key)) continue;
      for (const v of p.f[key] ?? []) m.set(v, (m.get(v) ?? 0) + 1);
    }
    counts[key] = m;
  }
  return counts;
}

const BEFORE = 24;
const AFTER = 56;

/**
 * Checks the stored text really satisfies the query (each clause by some alternative, a title-only
 * one within the title, no excluded term anywhere) and cuts the excerpt and sub-results around the
 * shown terms the page holds.
 */
export function loadHit(
  d: PagefindData,
  read: ReadQuery,
  page: SidecarPage,
): LoadedHit | undefined {
  const tokens = contentTokens(d.content);
  const unfold: Unfold = { usual: d.meta.unfold ?? '', exceptions: d.meta.unfoldAt ?? '' };
  const bodyStart = [...page.ti].length;
  const where = new Map<string, number[]>();
  const at = (t: Term) => {
    let found = where.get(t.match);
    if (!found) where.set(t.match, (found = occurrences(tokens, t.match)));
    return found;
  };
  const inTitle = (t: Term) => at(t).some((i) => i + [...t.match].length <= bodyStart);
  const holds = (a: Alternative) =>
    a.terms.every((t) => (a.titleOnly ? inTitle(t) : at(t).length > 0));
  if (!read.clauses.every((clause) => clause.some(holds))) return undefined;
  if (read.exclude.some((t) => at(t).length > 0)) return undefined;

  const all = shownTerms(read)
    .flatMap((t) => at(t).map((i) => ({ at: i, len: [...t.match].length })))
    .sort((a, b) => a.at - b.at);
  const inBody = all.filter((m) => m.at >= bodyStart);
  const first = inBody[0] ?? all[0];
  const snippet = first
    ? snippetAround(tokens, first.at, all, unfold, bodyStart)
    : {
        parts: [
          unfoldRange(tokens.slice(bodyStart, bodyStart + BEFORE + AFTER), bodyStart, unfold).join(
            '',
          ),
        ],
      };

  const sections = d.anchors
    .filter((a) => isSectionTag(a.element))
    .sort((a, b) => a.location - b.location);
  const bySection = new Map<string, { anchor: (typeof sections)[number]; matches: typeof all }>();
  for (const m of inBody) {
    const anchor = [...sections].reverse().find((a) => a.location <= m.at);
    if (!anchor) continue;
    const entry = bySection.get(anchor.id) ?? { anchor, matches: [] };
    entry.matches.push(m);
    bySection.set(anchor.id, entry);
  }
  const hl = shownTerms(read)
    .filter((t) => at(t).length > 0)
    .map((t) => `hl=${encodeURIComponent(t.match)}`)
    .join('&');
  const withHl = (anchor?: string) => `${d.url}${hl ? `?${hl}` : ''}${anchor ? `#${anchor}` : ''}`;
  const subResults: SubResult[] = [...bySection.values()].map(({ anchor, matches }) => {
    const n = contentTokens(anchor.text).length;
    return {
      id: anchor.id,
      heading: unfoldRange(
        tokens.slice(anchor.location, anchor.location + n),
        anchor.location,
        unfold,
      ).join(''),
      url: withHl(anchor.id),
      count: matches.length,
      snippet: snippetAround(tokens, matches[0].at, all, unfold, bodyStart),
    };
  });
  return {
    url: withHl(),
    title: d.meta.title ?? '',
    date: d.meta.date ?? '',
    snippet,
    subResults,
    count: all.length,
  };
}

function snippetAround(
  tokens: string[],
  at: number,
  all: { at: number; len: number }[],
  unfold: Unfold,
  bodyStart: number,
): Snippet {
  const start = Math.max(at >= bodyStart ? bodyStart : 0, at - BEFORE);
  const end = Math.min(tokens.length, at + AFTER);
  const text = unfoldRange(tokens.slice(start, end), start, unfold);
  const parts: string[] = [];
  let cursor = start;
  for (const m of all) {
    if (m.at < cursor || m.at >= end) continue;
    parts.push(
      text.slice(cursor - start, m.at - start).join(''),
      text.slice(m.at - start, Math.min(end, m.at + m.len) - start).join(''),
    );
    cursor = Math.min(end, m.at + m.len);
  }
  parts.push(text.slice(cursor - start).join(''));
  if (start > 0) parts[0] = `…${parts[0]}`;
  if (end < tokens.length) parts[parts.length - 1] += '…';
  return { parts };
}
