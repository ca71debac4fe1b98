/**
 * The search over the archive's bundles: Pagefind finds the pages where a term's characters stand
 * next to each other; the query language (syntax.ts) combines those page sets (and, or, not, title
 * only, typed facets); facet-match.ts narrows them by the facets chosen and counts them; hits.ts
 * orders them; a hit, once loaded, is checked and cut into excerpts (excerpts.ts).
 *
 * A large archive's index is cut into bundles newest first (scripts/search-index/shards.ts). A search
 * runs over the newest bundle alone, then over the older ones, and reports after each stage
 * (`progress`): the newest bundle usually fills the first screen, and most of what a first query
 * would fetch (index chunks for every character, a sidecar per bundle) is in the older ones. A
 * bundle whose summary (shard-summary.ts) says it cannot hold the query is not visited, the newest
 * one included.
 */
import { foldMapFromPairs, type Sidecar, type SidecarPage } from '../../core/search/sidecar.ts';
import { contentTokens, pagefindPhrase } from '../../core/search/tokens.ts';
import { phraseStarts } from '../../core/search/positions.ts';
import { bundlesHolding, type ShardSummary } from '../../core/search/shard-summary.ts';
import type { FoldMap } from '../../core/search/fold.ts';
import type { Term } from './query.ts';
import { readQuery, shownTerms, type Alternative, type ReadQuery } from './syntax.ts';
import type { FacetKey, Selected } from './facets.ts';
import { facetCounts, matchesFacets, matchesTyped, yearCounts } from './facet-match.ts';
import { byDate, byRank, type Hit, type SortOrder } from './hits.ts';
import { loadHit, type LoadedHit, type PagefindData } from './excerpts.ts';
import { suggestFor, suggestible, type Suggested } from './suggest.ts';
import { nextSlice } from './slices.ts';

/**
 * The most pages the newest bundle may hold for a screen to be counted from its index (indexCounter).
 * A character's positions come from a search for that character alone, which Pagefind answers for
 * every page holding it: over the 2,011 pages of the bench archive's newest bundle that took
 * 70–220 ms per character on a desktop (the phrase itself 15–45 ms), more than fetching ten short
 * texts. Over a few hundred pages it takes a few milliseconds.
 */
const INDEX_COUNT_MAX_PAGES = 500;

/** Results on a screen of the search page: the first screen waits for this many, or for the last bundle. */
export const SCREEN = 10;

/** The part of Pagefind's browser API used here. */
export interface PagefindApi {
  /** `words`: the positions of the matched words on the page (every position, for one character). */
  search(term: string | null): Promise<{ results: { id: string; words?: number[] }[] } | null>;
}

export interface Outcome {
  read: ReadQuery;
  /** The terms shown and highlighted (every alternative; exclusions are not shown). */
  terms: Term[];
  hits: Hit[];
  /** For each facet, value → pages among the hits that would match with that value chosen. */
  counts: Record<FacetKey, Map<string, number>>;
  /** The hits by year: the chart adds up to the count with `undated`. */
  years: Map<string, number>;
  /** Hits without a year. */
  undated: number;
  /** Whether every bundle has been searched: until then hits, counts and years are a lower bound. */
  complete: boolean;
}

export interface EngineSources {
  /** The newest bundle's sidecar: it carries the fold map, the older bundles' folders and the archive's years. */
  first: Sidecar;
  /** Bundle k's sidecar (k ≥ 1). */
  sidecar: (k: number) => Promise<Sidecar>;
  /** Which bundles may hold a phrase; a sharded index has one, and without it every bundle may. */
  summary: () => Promise<ShardSummary>;
  /**
   * Pagefind, loaded on the first query that needs it (filters and titles alone do not): for [0]
   * over the newest bundle alone; for older bundles over those at least (one index that older
   * bundles join as they are asked for; pages of a bundle joined for another query are ignored).
   */
  pagefind: (bundles: Scope) => Promise<PagefindApi>;
  /** A page's stored text by its bundle and id (the fragment file). */
  fetchPage: (bundle: number, id: string) => Promise<PagefindData>;
}

/** A page a search found, with its bundle and sidecar entry. */
interface Found {
  id: string;
  bundle: number;
  page: SidecarPage;
}

/** The bundles a stage of a search looks at, in ascending order: [0], or older bundles. */
export type Scope = readonly number[];

const NEWEST: Scope = [0];

export class ArchiveSearch {
  readonly fold: FoldMap;
  /** How many bundles the index has (1 unless sharded). */
  readonly bundleCount: number;
  /** Whether a screen of the newest bundle's pages can be counted from its index (indexCounter). */
  private readonly newestIsSmall: boolean;
  private readonly sources: EngineSources;
  /** Each bundle's pages, once its sidecar is asked for. */
  private readonly bundles: Promise<Record<string, SidecarPage>>[] = [];
  /** Each bundle's pages, once its sidecar has arrived. */
  private readonly loaded: Record<string, SidecarPage>[] = [];
  /** The bundle of every page whose sidecar has arrived. */
  private readonly home = new Map<string, number>();
  /** Older bundles loaded and joined: a later search looks at all of them in one stage. */
  private readonly joined = new Set<number>();
  /** Which bundles may hold a phrase (every one when the summary cannot be had). */
  private holding?: Promise<(phrase: string) => ReadonlySet<number>>;
  private readonly pieceCache = new Map<string, Promise<Set<string>>>();
  /** A character's positions per page, by stage and character (positionsIn). */
  private readonly positionCache = new Map<string, Promise<Map<string, number[]>>>();
  /** Page text already fetched, by page id: the next query showing the same page does not fetch it again. */
  private readonly dataCache = new Map<string, Promise<PagefindData>>();

  constructor(sources: EngineSources) {
    this.sources = sources;
    this.fold = foldMapFromPairs(sources.first.fold);
    this.bundleCount = 1 + (sources.first.bundles?.length ?? 0);
    this.newestIsSmall = Object.keys(sources.first.pages).length <= INDEX_COUNT_MAX_PAGES;
    this.bundles[0] = Promise.resolve(this.note(0, sources.first));
    // Fetched while Pagefind loads, so that the first query can tell which bundles to search.
    if (this.bundleCount > 1) void this.summaryLookup();
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
    if (!last) throw new Error('a search yields at least one stage');
    return last;
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
    const wanted = await this.bundlesFor(read);
    // A newest bundle that cannot hold the query gives an empty first stage at once.
    const newest = wanted.includes(0) ? await this.matching(read, NEWEST) : [];
    yield this.outcome(read, terms, newest, selected, sort, this.bundleCount === 1);
    if (this.bundleCount === 1) return;
    const stages = this.olderStages(
      wanted.filter((k) => k > 0),
      newest.length,
    );
    if (stages.length === 0) yield this.outcome(read, terms, newest, selected, sort, true);
    for (const [k, scope] of stages.entries()) {
      const older = await this.matching(read, scope);
      const complete = k === stages.length - 1;
      yield this.outcome(read, terms, [...newest, ...older], selected, sort, complete);
    }
  }

  /** The bundles that may hold a query: where some alternative of every clause may stand. */
  private async bundlesFor(read: ReadQuery): Promise<number[]> {
    const all = this.allBundles();
    if (this.bundleCount === 1 || read.clauses.length === 0) return all;
    const holding = await this.summaryLookup();
    // Each piece is looked up once: the bundles holding every piece of an alternative.
    const holders = read.clauses.map((alts) =>
      alts.map((alt: Alternative) => alt.terms.flatMap((t) => t.pieces.map((p) => holding(p)))),
    );
    return all.filter((k) =>
      holders.every((alts) => alts.some((sets) => sets.every((s) => s.has(k)))),
    );
  }

  private summaryLookup(): Promise<(phrase: string) => ReadonlySet<number>> {
    this.holding ??= this.sources.summary().then(
      (summary) => bundlesHolding(summary, this.bundleCount),
      () => {
        const every: ReadonlySet<number> = new Set(this.allBundles());
        return () => every;
      },
    );
    return this.holding;
  }

  /**
   * The scopes of the older stages: the bundles joined already (searched with any one, as they
   * share an index) and as many more of `wanted` as the first screen seems to need, then the rest.
   * Bundles hold about as many pages each, so the newest bundle's hits tell how many older ones
   * fill a screen; with none (a rare phrase, or one the newest bundle cannot hold) or a screen
   * already full, the rest are searched at once: one stage, their index chunks fetched together.
   */
  private olderStages(wanted: number[], newestHits: number): Scope[] {
    const pending = wanted.filter((k) => !this.joined.has(k));
    let scope: Scope = [...this.joined].sort((a, b) => a - b);
    if (pending.length === 0) return wanted.length > 0 ? [scope] : [];
    const needed =
      newestHits === 0 || newestHits >= SCREEN
        ? pending.length
        : Math.ceil((SCREEN - newestHits) / newestHits);
    return [pending.slice(0, needed), pending.slice(needed)]
      .filter((batch) => batch.length > 0)
      .map((batch) => (scope = [...scope, ...batch].sort((a, b) => a - b)));
  }

  /** Pagefind over a scope; the older bundles asked for join the older index and stay in it. */
  private pagefind(scope: Scope): Promise<PagefindApi> {
    if (!scope.includes(0)) for (const k of scope) this.joined.add(k);
    return this.sources.pagefind(scope);
  }

  private allOlder(): number[] {
    return this.allBundles().slice(1);
  }

  private allBundles(): number[] {
    return Array.from({ length: this.bundleCount }, (_, k) => k);
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
    const scopes: Scope[] = [NEWEST, ...(last > 0 ? [this.allOlder()] : [])];
    for (const term of shownTerms(read)) {
      if (!suggestible(term)) continue;
      const held = await Promise.all(scopes.map((scope) => this.termPages(term, scope)));
      if (held.some((pages) => pages.size > 0)) continue;
      const suggestions = await suggestFor(query, term, {
        charPositions: (ch) => this.charPositions(ch),
        pageTokens: async (id) => {
          // A page is fetched from its own bundle: the sidecars that place it, and no others.
          await this.place(new Set([id]), this.allBundles());
          return contentTokens((await this.pageData(id)).content);
        },
        count: async (q) => (await this.run(q, selected)).hits.length,
      });
      return { typed: term.typed, suggestions };
    }
    return undefined;
  }

  /** Every page holding a character, with its positions there: the per-character index's answer. */
  private async charPositions(ch: string): Promise<Map<string, number[]>> {
    const stages = this.bundleCount > 1 ? [NEWEST, this.allOlder()] : [NEWEST];
    const found = await Promise.all(stages.map((scope) => this.positionsIn(ch, scope)));
    return new Map(found.flatMap((positions) => [...positions]));
  }

  /**
   * A character's positions on the pages of the newest bundle or of the older bundles the index
   * has joined: the index chunks are the ones its phrase searches fetched already.
   */
  private positionsIn(ch: string, scope: Scope): Promise<Map<string, number[]>> {
    return memoized(this.positionCache, `${scope.join()}\u0000${ch}`, async () => {
      const found = await (await this.pagefind(scope)).search(ch);
      return new Map((found?.results ?? []).map((r) => [r.id, r.words ?? []]));
    });
  }

  /**
   * How often the shown terms occur on a page of the newest bundle, from the per-character index
   * alone, when every term is one unbroken run of letters and digits (the index has no punctuation)
   * and the bundle is small (INDEX_COUNT_MAX_PAGES; older bundles are full shards): the count its
   * loaded text would give, known before the text is fetched. Decided once per query.
   */
  private indexCounter(terms: Term[]): ((id: string) => Promise<number>) | undefined {
    const plain = terms.every((t) => t.pieces.length === 1 && t.pieces[0] === t.match);
    if (!plain || !this.newestIsSmall) return undefined;
    return async (id) => {
      const counts = await Promise.all(
        terms.map(async (t) => {
          const chars = [...new Set(t.match)];
          const found = await Promise.all(chars.map((ch) => this.positionsIn(ch, NEWEST)));
          const positions = new Map(chars.map((ch, k) => [ch, found[k].get(id) ?? []]));
          return phraseStarts(t.match, positions).length;
        }),
      );
      return counts.reduce((a, b) => a + b, 0);
    };
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

  /** Every page of the scope's bundles: for a search by facets or titles alone. */
  private async scopePages(scope: Scope): Promise<[string, SidecarPage][]> {
    const all = await Promise.all(scope.map((k) => this.bundlePages(k)));
    return all.flatMap((pages) => Object.entries(pages));
  }

  /**
   * Fetches the sidecars that hold the pages found, from the newest-joined bundle back, until every
   * page is placed: a bundle none of whose pages was found costs no sidecar. A rare phrase, looked
   * for in every bundle, is found in few of them.
   */
  private async place(ids: Set<string>, scope: Scope): Promise<void> {
    for (const k of [...scope].reverse()) {
      if ([...ids].every((id) => this.home.has(id))) return;
      await this.bundlePages(k);
    }
  }

  /** The scope's pages that satisfy the query's words (not yet its facets). */
  private async matching(read: ReadQuery, scope: Scope): Promise<Found[]> {
    let matched =
      read.clauses.length > 0
        ? await this.allClauses(read.clauses, scope)
        : new Set((await this.scopePages(scope)).map(([id]) => id));
    if (read.exclude.length > 0) {
      const out = await Promise.all(read.exclude.map((t) => this.termPages(t, scope)));
      matched = new Set([...matched].filter((id) => !out.some((s) => s.has(id))));
    }
    await this.place(matched, scope);
    return [...matched].flatMap((id): Found[] => {
      const bundle = this.home.get(id);
      const page = bundle === undefined ? undefined : this.loaded[bundle]?.[id];
      return page && bundle !== undefined && scope.includes(bundle) ? [{ id, bundle, page }] : [];
    });
  }

  private outcome(
    read: ReadQuery,
    terms: Term[],
    found: Found[],
    selected: Selected,
    sort: SortOrder,
    complete: boolean,
  ): Outcome {
    const typed = found.filter((f) => matchesTyped(f.page, read.filters, this.fold));
    const counts = facetCounts(
      typed.map((f) => f.page),
      selected,
    );
    const counter = this.indexCounter(terms);
    const hits = typed
      .filter((f) => matchesFacets(f.page, selected))
      .map((f) => this.hit(f, read, terms, counter));
    hits.sort(sort === 'date' ? byDate : byRank);
    // The chart counts what the result count counts: the hits, after typed and ticked facets.
    const { years, undated } = yearCounts(hits.map((h) => h.page));
    return { read, terms, hits, counts, years, undated, complete };
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
        (await this.scopePages(scope))
          .filter(([, p]) => alt.terms.every((t) => p.ti.includes(t.match)))
          .map(([id]) => id),
      );
    return intersect(await Promise.all(alt.terms.map((t) => this.termPages(t, scope))));
  }

  /** Pages holding every piece of a term as a phrase. */
  private async termPages(term: Term, scope: Scope): Promise<Set<string>> {
    return intersect(await Promise.all(term.pieces.map((p) => this.piecePages(p, scope))));
  }

  /** The newest bundle's pages holding a piece, or those of the older bundles the index has joined. */
  private piecePages(piece: string, scope: Scope): Promise<Set<string>> {
    return memoized(this.pieceCache, `${scope.join()}\u0000${piece}`, async () => {
      const found = await (await this.pagefind(scope)).search(pagefindPhrase(piece));
      return new Set((found?.results ?? []).map((r) => r.id));
    });
  }

  /** A page's stored text, fetched once. */
  private pageData(id: string): Promise<PagefindData> {
    return memoized(this.dataCache, id, () => {
      const bundle = this.home.get(id);
      return bundle === undefined
        ? Promise.reject(new Error(`no bundle holds page ${id}`))
        : this.sources.fetchPage(bundle, id);
    });
  }

  private hit(
    { id, bundle, page }: Found,
    read: ReadQuery,
    terms: Term[],
    counter: ((id: string) => Promise<number>) | undefined,
  ): Hit {
    const data = () => this.pageData(id);
    let loaded: Promise<LoadedHit | undefined> | undefined;
    return {
      id,
      bundle,
      page,
      inTitle: terms.some((t) => page.ti.includes(t.match)),
      inHeading: terms.some((t) => page.hd.includes(t.match)),
      count: counter && bundle === 0 ? () => counter(id) : undefined,
      // Each page's text is checked and cut in a task of its own, not ten in one (slices.ts).
      load: () =>
        (loaded ??= data().then(async (d) => {
          await nextSlice();
          return loadHit(d, read, page);
        })),
    };
  }
}

/** A promise made once per key and kept; one that fails is forgotten, so the next ask tries again. */
function memoized<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  let cached = cache.get(key);
  if (!cached) {
    cached = make();
    cached.catch(() => cache.delete(key));
    cache.set(key, cached);
  }
  return cached;
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
