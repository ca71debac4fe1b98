/**
 * The search itself, without the page around it: Pagefind finds the pages where a term's
 * characters stand next to each other; the query language (syntax.ts) combines those page sets
 * (and, or, not, title only, typed filters); the sidecar filters and ranks them (title, then
 * headings, then how often, then newest, or newest first) and counts them per year; a loaded hit is
 * checked against its stored text and cut into an excerpt and section sub-results, mapped back to
 * the characters the page was written in.
 */
import { foldMapFromPairs, type Sidecar, type SidecarPage } from './sidecar.ts';
import { occurrences, type Term } from './query.ts';
import { readQuery, shownTerms, type Alternative, type ReadQuery } from './syntax.ts';
import { contentTokens, pagefindPhrase } from './tokens.ts';
import { unfoldRange, type Unfold } from './unfold.ts';
import { foldText, type FoldMap } from './fold.ts';
import { FILTER_KEYS, type FilterKey, type Selected } from './facets.ts';

export { FILTER_KEYS, type FilterKey, type Selected } from './facets.ts';

/** The part of Pagefind's browser API used here. */
export interface PagefindApi {
  search(term: string | null): Promise<{ results: { id: string }[] } | null>;
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
}

export interface EngineSources {
  /** Pagefind, loaded on the first query that needs it (filters and titles alone do not). */
  pagefind: () => Promise<PagefindApi>;
  sidecar: Sidecar;
  /** A page's stored text by its id (the fragment file, from the bundle that holds it). */
  fetchPage: (id: string) => Promise<PagefindData>;
}

export class ArchiveSearch {
  readonly fold: FoldMap;
  private readonly sources: EngineSources;
  private readonly sidecar: Sidecar;
  private readonly pieceCache = new Map<string, Promise<Set<string>>>();
  /** Page text already fetched, by page id: the next query showing the same page does not fetch it again. */
  private readonly dataCache = new Map<string, Promise<PagefindData>>();

  constructor(sources: EngineSources) {
    this.sources = sources;
    this.sidecar = sources.sidecar;
    this.fold = foldMapFromPairs(sources.sidecar.fold);
  }

  /** Every page of the archive by year (the span a year chart covers). */
  years(): Map<string, number> {
    const years = new Map<string, number>();
    for (const p of Object.values(this.sidecar.pages)) for (const y of p.f.year ?? []) years.set(y, (years.get(y) ?? 0) + 1);
    return years;
  }

  async run(query: string, selected: Selected, sort: SortOrder = 'relevance'): Promise<Outcome> {
    const read = readQuery(query, this.fold);
    const terms = shownTerms(read);
    let matched = read.clauses.length > 0 ? await this.allClauses(read.clauses) : new Set(Object.keys(this.sidecar.pages));
    if (read.exclude.length > 0) {
      const out = await Promise.all(read.exclude.map((t) => this.termPages(t)));
      matched = new Set([...matched].filter((id) => !out.some((s) => s.has(id))));
    }
    const ids = [...matched].filter((id) => this.sidecar.pages[id]);
    const years = new Map<string, number>();
    for (const id of ids) for (const y of this.sidecar.pages[id].f.year ?? []) years.set(y, (years.get(y) ?? 0) + 1);
    const typed = ids.filter((id) => matchesTyped(this.sidecar.pages[id], read.filters, this.fold));
    const counts = facetCounts(typed.map((id) => this.sidecar.pages[id]), selected);
    const hits = typed.filter((id) => matchesFilters(this.sidecar.pages[id], selected)).map((id) => this.hit(id, read, terms));
    hits.sort(sort === 'date' ? byDate : byRank);
    return { read, terms, hits, counts, years };
  }

  /** Pages satisfying every clause: any alternative of each. */
  private async allClauses(clauses: Alternative[][]): Promise<Set<string>> {
    const perClause = await Promise.all(clauses.map(async (alternatives) => union(await Promise.all(alternatives.map((a) => this.alternativePages(a))))));
    return intersect(perClause);
  }

  private async alternativePages(alt: Alternative): Promise<Set<string>> {
    // A title is in the sidecar, folded: no index needed.
    if (alt.titleOnly) return new Set(Object.entries(this.sidecar.pages).filter(([, p]) => alt.terms.every((t) => p.ti.includes(t.match))).map(([id]) => id));
    return intersect(await Promise.all(alt.terms.map((t) => this.termPages(t))));
  }

  /** Pages holding every piece of a term as a phrase. */
  private async termPages(term: Term): Promise<Set<string>> {
    return intersect(await Promise.all(term.pieces.map((p) => this.piecePages(p))));
  }

  private piecePages(piece: string): Promise<Set<string>> {
    let cached = this.pieceCache.get(piece);
    if (!cached) {
      cached = this.sources.pagefind().then(async (pagefind) => new Set(((await pagefind.search(pagefindPhrase(piece)))?.results ?? []).map((r) => r.id)));
      cached.catch(() => this.pieceCache.delete(piece));
      this.pieceCache.set(piece, cached);
    }
    return cached;
  }

  private hit(id: string, read: ReadQuery, terms: Term[]): Hit {
    const page = this.sidecar.pages[id];
    const data = () => {
      let cached = this.dataCache.get(id);
      if (!cached) {
        cached = this.sources.fetchPage(id);
        cached.catch(() => this.dataCache.delete(id));
        this.dataCache.set(id, cached);
      }
      return cached;
    };
    let loaded: Promise<LoadedHit | undefined> | undefined;
    return {
      id,
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
  return Number(b.inTitle) - Number(a.inTitle) || Number(b.inHeading) - Number(a.inHeading) || byDate(a, b);
}

function byDate(a: Hit, b: Hit): number {
  return b.page.d.localeCompare(a.page.d) || a.id.localeCompare(b.id);
}

/**
 * The full order within a batch of loaded results: title, headings, how often, newest. A batch is
 * what one screen shows, so when every match fits on it (up to ten) the order is exact.
 */
export function byRankLoaded(a: { hit: Hit; loaded: LoadedHit }, b: { hit: Hit; loaded: LoadedHit }): number {
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
    return want.some((w) => (page.f[key] ?? []).some((v) => foldText(v, map).includes(foldText(w, map))));
  });
}

/** Counts per value as if that filter were chosen on top of all the others (values within a filter are alternatives). */
export function facetCounts(pages: SidecarPage[], selected: Selected): Record<FilterKey, Map<string, number>> {
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
export function loadHit(d: PagefindData, read: ReadQuery, page: SidecarPage): LoadedHit | undefined {
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
  const holds = (a: Alternative) => a.terms.every((t) => (a.titleOnly ? inTitle(t) : at(t).length > 0));
  if (!read.clauses.every((clause) => clause.some(holds))) return undefined;
  if (read.exclude.some((t) => at(t).length > 0)) return undefined;

  const all = shownTerms(read)
    .flatMap((t) => at(t).map((i) => ({ at: i, len: [...t.match].length })))
    .sort((a, b) => a.at - b.at);
  const inBody = all.filter((m) => m.at >= bodyStart);
  const first = inBody[0] ?? all[0];
  const snippet = first ? snippetAround(tokens, first.at, all, unfold, bodyStart) : { parts: [unfoldRange(tokens.slice(bodyStart, bodyStart + BEFORE + AFTER), bodyStart, unfold).join('')] };

  const sections = d.anchors.filter((a) => a.element === 'h2' || a.element === 'h3').sort((a, b) => a.location - b.location);
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
      heading: unfoldRange(tokens.slice(anchor.location, anchor.location + n), anchor.location, unfold).join(''),
      url: withHl(anchor.id),
      count: matches.length,
      snippet: snippetAround(tokens, matches[0].at, all, unfold, bodyStart),
    };
  });
  return { url: withHl(), title: d.meta.title ?? '', date: d.meta.date ?? '', snippet, subResults, count: all.length };
}

function snippetAround(tokens: string[], at: number, all: { at: number; len: number }[], unfold: Unfold, bodyStart: number): Snippet {
  const start = Math.max(at >= bodyStart ? bodyStart : 0, at - BEFORE);
  const end = Math.min(tokens.length, at + AFTER);
  const text = unfoldRange(tokens.slice(start, end), start, unfold);
  const parts: string[] = [];
  let cursor = start;
  for (const m of all) {
    if (m.at < cursor || m.at >= end) continue;
    parts.push(text.slice(cursor - start, m.at - start).join(''), text.slice(m.at - start, Math.min(end, m.at + m.len) - start).join(''));
    cursor = Math.min(end, m.at + m.len);
  }
  parts.push(text.slice(cursor - start).join(''));
  if (start > 0) parts[0] = `…${parts[0]}`;
  if (end < tokens.length) parts[parts.length - 1] += '…';
  return { parts };
}
