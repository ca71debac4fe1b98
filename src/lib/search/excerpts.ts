/**
 * A found page's stored text, checked and cut for showing: the text must really satisfy the query
 * (Pagefind's answers are per piece and per bundle), and the excerpt and section sub-results are
 * cut around the shown terms, mapped back to the characters the page was written in.
 */
import { isSectionTag } from '../../core/sections.ts';
import type { SidecarPage } from '../../core/search/sidecar.ts';
import { contentTokens } from '../../core/search/tokens.ts';
import { unfoldRange, type Unfold } from '../../core/search/unfold.ts';
import { occurrences, type Term } from './query.ts';
import { shownTerms, type Alternative, type ReadQuery } from './syntax.ts';

/** A page as Pagefind stored it (its fragment). */
export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; location: number }[];
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
const BEFORE = 24;
const AFTER = 56;

/** A match of a shown term: where it starts among the page's tokens and how many it spans. */
interface Match {
  at: number;
  len: number;
}

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
  const at = occurrencesOn(tokens);
  const inTitle = (t: Term) => at(t).some((i) => i + [...t.match].length <= bodyStart);
  const holds = (a: Alternative) =>
    a.terms.every((t) => (a.titleOnly ? inTitle(t) : at(t).length > 0));
  if (!read.clauses.every((clause) => clause.some(holds))) return undefined;
  if (read.exclude.some((t) => at(t).length > 0)) return undefined;

  const shown = shownTerms(read);
  const all = shown
    .flatMap((t) => at(t).map((i) => ({ at: i, len: [...t.match].length })))
    .sort((a, b) => a.at - b.at);
  const first = all.find((m) => m.at >= bodyStart) ?? all[0];
  const cut = { tokens, all, unfold, bodyStart };
  const found = shown.filter((t) => at(t).length > 0).map((t) => t.match);
  const withHl = highlightLink(d.url, found);
  return {
    url: withHl(),
    title: d.meta.title ?? '',
    date: d.meta.date ?? '',
    snippet: first ? snippetAround(cut, first.at) : openingSnippet(cut),
    subResults: subResults(d, cut, withHl),
    count: all.length,
  };
}

/** Every start of a term among the tokens, looked for once per term. */
function occurrencesOn(tokens: string[]): (t: Term) => number[] {
  const where = new Map<string, number[]>();
  return (t) => {
    let found = where.get(t.match);
    if (!found) where.set(t.match, (found = occurrences(tokens, t.match)));
    return found;
  };
}

/** The page's link with the found phrases to highlight there (?hl=…), to an anchor or the top. */
function highlightLink(url: string, found: string[]): (anchor?: string) => string {
  const hl = found.map((t) => `hl=${encodeURIComponent(t)}`).join('&');
  return (anchor) => `${url}${hl ? `?${hl}` : ''}${anchor ? `#${anchor}` : ''}`;
}

/** What an excerpt is cut from: the page's tokens, every match, and how to unfold them. */
interface Cut {
  tokens: string[];
  all: Match[];
  unfold: Unfold;
  bodyStart: number;
}

/** The body's opening, for a page found by a facet or its title alone. */
function openingSnippet({ tokens, unfold, bodyStart }: Cut): Snippet {
  const opening = tokens.slice(bodyStart, bodyStart + BEFORE + AFTER);
  return { parts: [unfoldRange(opening, bodyStart, unfold).join('')] };
}

/** One sub-result per section holding a match in the body, linked to the section. */
function subResults(d: PagefindData, cut: Cut, withHl: (anchor?: string) => string): SubResult[] {
  const sections = d.anchors
    .filter((a) => isSectionTag(a.element))
    .sort((a, b) => a.location - b.location);
  type Anchor = (typeof sections)[number];
  const bySection = new Map<string, { anchor: Anchor; matches: Match[] }>();
  for (const m of cut.all) {
    if (m.at < cut.bodyStart) continue;
    const anchor = sections.findLast((a) => a.location <= m.at);
    if (!anchor) continue;
    const entry = bySection.get(anchor.id) ?? { anchor, matches: [] };
    entry.matches.push(m);
    bySection.set(anchor.id, entry);
  }
  return [...bySection.values()].map(({ anchor, matches }) => {
    const n = contentTokens(anchor.text).length;
    const heading = cut.tokens.slice(anchor.location, anchor.location + n);
    return {
      id: anchor.id,
      heading: unfoldRange(heading, anchor.location, cut.unfold).join(''),
      url: withHl(anchor.id),
      count: matches.length,
      snippet: snippetAround(cut, matches[0].at),
    };
  });
}

function snippetAround({ tokens, all, unfold, bodyStart }: Cut, at: number): Snippet {
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
