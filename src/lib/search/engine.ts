/**
 * The search itself, without the page around it: Pagefind finds the pages where every term's
 * characters stand next to each other; the sidecar filters and ranks them (title, then headings,
 * then how often, then newest); a loaded hit is checked against its stored text and cut into an
 * excerpt and section sub-results, mapped back to the characters the page was written in.
 */
import { foldMapFromPairs, type Sidecar, type SidecarPage } from './sidecar.ts';
import { occurrences, parseQuery, type Term } from './query.ts';
import { contentTokens, pagefindPhrase } from './tokens.ts';
import { unfoldRange, type Unfold } from './unfold.ts';
import type { FoldMap } from './fold.ts';

/** The part of Pagefind's browser API used here. */
export interface PagefindApi {
  search(term: string | null): Promise<{ results: { id: string; data(): Promise<PagefindData> }[] } | null>;
}

export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; location: number }[];
}

interface Candidate {
  data(): Promise<PagefindData>;
}

export const FILTER_KEYS = ['column', 'author', 'region', 'tag', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Selected = Partial<Record<FilterKey, string[]>>;

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
  /** Occurrences of all terms on the page. */
  count: number;
}

export interface Outcome {
  terms: Term[];
  hits: Hit[];
  /** For each filter, value → pages among the hits that would match with that value chosen. */
  counts: Record<FilterKey, Map<string, number>>;
}

export class ArchiveSearch {
  readonly fold: FoldMap;
  private readonly pagefind: PagefindApi;
  private readonly sidecar: Sidecar;
  private readonly pieceCache = new Map<string, Map<string, Candidate>>();
  /** Page text already fetched, by page id: the next query showing the same page does not fetch it again. */
  private readonly dataCache = new Map<string, Promise<PagefindData>>();

  constructor(pagefind: PagefindApi, sidecar: Sidecar) {
    this.pagefind = pagefind;
    this.sidecar = sidecar;
    this.fold = foldMapFromPairs(sidecar.fold);
  }

  async run(query: string, selected: Selected): Promise<Outcome> {
    const terms = parseQuery(query, this.fold);
    const found = terms.length > 0 ? await this.pagesWithAll(terms) : await this.allPages();
    const candidates = [...found.entries()].filter(([id]) => this.sidecar.pages[id]);
    const counts = facetCounts(candidates.map(([id]) => this.sidecar.pages[id]), selected);
    const hits = candidates
      .filter(([id]) => matchesFilters(this.sidecar.pages[id], selected))
      .map(([id, { data }]) => this.hit(id, data, terms));
    hits.sort(byRank);
    return { terms, hits, counts };
  }

  /** Pages holding every piece of every term as a phrase. */
  private async pagesWithAll(terms: Term[]): Promise<Map<string, Candidate>> {
    const pieces = [...new Set(terms.flatMap((t) => t.pieces))];
    const perPiece = await Promise.all(pieces.map((p) => this.searchPiece(p)));
    perPiece.sort((a, b) => a.size - b.size);
    return new Map([...perPiece[0]].filter(([id]) => perPiece.every((m) => m.has(id))));
  }

  private async searchPiece(piece: string) {
    const cached = this.pieceCache.get(piece);
    if (cached) return cached;
    const search = await this.pagefind.search(pagefindPhrase(piece));
    const map = new Map<string, Candidate>((search?.results ?? []).map((r) => [r.id, { data: () => r.data() }]));
    this.pieceCache.set(piece, map);
    return map;
  }

  /** An empty query (filters only) lists every page, newest first. */
  private async allPages() {
    const search = await this.pagefind.search(null);
    return new Map<string, Candidate>((search?.results ?? []).map((r) => [r.id, { data: () => r.data() }]));
  }

  private hit(id: string, fetchData: () => Promise<PagefindData>, terms: Term[]): Hit {
    const page = this.sidecar.pages[id];
    const data = () => {
      let cached = this.dataCache.get(id);
      if (!cached) {
        cached = fetchData();
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
      load: () => (loaded ??= data().then((d) => loadHit(d, terms, page))),
    };
  }
}

/** Title, then headings, then newest: what is known before a page's text is fetched. */
function byRank(a: Hit, b: Hit): number {
  return Number(b.inTitle) - Number(a.inTitle) || Number(b.inHeading) - Number(a.inHeading) || b.page.d.localeCompare(a.page.d) || a.id.localeCompare(b.id);
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
    b.hit.page.d.localeCompare(a.hit.page.d) ||
    a.hit.id.localeCompare(b.hit.id)
  );
}

export function matchesFilters(page: SidecarPage, selected: Selected, except?: FilterKey): boolean {
  return FILTER_KEYS.every((key) => {
    const want = selected[key];
    if (key === except || !want || want.length === 0) return true;
    return want.some((v) => page.f[key]?.includes(v));
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

/** Checks the stored text really holds every term and cuts the excerpt and sub-results. */
export function loadHit(d: PagefindData, terms: Term[], page: SidecarPage): LoadedHit | undefined {
  const tokens = contentTokens(d.content);
  const unfold: Unfold = { usual: d.meta.unfold ?? '', exceptions: d.meta.unfoldAt ?? '' };
  const bodyStart = [...page.ti].length;
  const found = terms.map((t) => occurrences(tokens, t.match).map((at) => ({ at, len: [...t.match].length })));
  if (terms.length > 0 && found.some((f) => f.length === 0)) return undefined;
  const all = found.flat().sort((a, b) => a.at - b.at);
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
  const hl = terms.map((t) => `hl=${encodeURIComponent(t.match)}`).join('&');
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
