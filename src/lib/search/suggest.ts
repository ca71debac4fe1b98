/**
 * "您是不是要找" in the browser: for a typed phrase with no exact hit, the per-character index gives
 * where each of its characters stands on every page (Pagefind's word positions; its index chunks for
 * those characters were fetched by the exact search already), the rules of src/core/search/suggest.ts
 * find where a near phrase stands, and a few pages' stored text supplies the characters the reader
 * did not type. Each suggestion is counted by running the search it links to.
 */
import {
  editShapes,
  knownPhrase,
  phraseAt,
  rankSuggestions,
  shapeStarts,
  type EditShape,
  type Suggestion,
} from '../../core/search/suggest.ts';
import { MIN_SUGGEST_LENGTH } from '../../core/search/suggest.ts';
import type { CharPositions } from '../../core/search/positions.ts';
import type { Term } from './query.ts';

/** Pages whose text is fetched to read the characters of a gap: each costs one fragment file. */
const MAX_PAGES_READ = 3;

export interface SuggestSources {
  /** Every page holding the character, with the positions it stands at. */
  charPositions(ch: string): Promise<Map<string, number[]>>;
  /** The page's stored text, one folded character per token. */
  pageTokens(id: string): Promise<string[]>;
  /** How many pages the query finds (with the reader's filters). */
  count(query: string): Promise<number>;
}

export interface Suggested extends Suggestion {
  /** The whole query with the phrase put in place of what was typed: the search the link runs. */
  query: string;
}

/** A term worth suggesting for: one unbroken phrase, long enough to be specific. */
export function suggestible(term: Term): boolean {
  return term.pieces.length === 1 && [...term.match].length >= MIN_SUGGEST_LENGTH;
}

/** The query with the typed term replaced by a phrase (the first place it was typed). */
export function replaceTerm(query: string, typed: string, phrase: string): string {
  const at = query.indexOf(typed);
  return at < 0 ? phrase : query.slice(0, at) + phrase + query.slice(at + typed.length);
}

/** Near phrases of the archive for a term with no exact hit, nearest and most frequent first. */
export async function suggestFor(
  query: string,
  term: Term,
  sources: SuggestSources,
): Promise<Suggested[]> {
  const chars = [...term.match];
  const byChar = await Promise.all([...new Set(chars)].map((ch) => sources.charPositions(ch)));
  const perPage = pagePositions([...new Set(chars)], byChar);
  const shapes = editShapes(chars);
  const found = new Map<string, number>();
  const gaps: { page: string; start: number; shape: EditShape }[] = [];
  for (const [page, positions] of perPage)
    for (const shape of shapes)
      for (const start of shapeStarts(shape, positions)) {
        const phrase = knownPhrase(shape);
        if (phrase === undefined) gaps.push({ page, start, shape });
        else keepNearest(found, phrase, shape.cost);
      }
  await readGaps(gaps, sources, found);
  const counted = await Promise.all(
    [...found].map(async ([phrase, cost]) => {
      const replaced = replaceTerm(query, term.typed, phrase);
      return { phrase, cost, count: await sources.count(replaced), query: replaced };
    }),
  );
  const queries = new Map(counted.map((c) => [c.phrase, c.query]));
  return rankSuggestions(counted).map((s) => ({ ...s, query: queries.get(s.phrase) ?? s.phrase }));
}

function keepNearest(found: Map<string, number>, phrase: string, cost: number): void {
  found.set(phrase, Math.min(cost, found.get(phrase) ?? cost));
}

/** Pages holding at least two of the characters, each with every character's positions. */
function pagePositions(
  chars: string[],
  byChar: Map<string, number[]>[],
): Map<string, CharPositions> {
  const pages = new Map<string, Map<string, number[]>>();
  chars.forEach((ch, k) => {
    for (const [page, at] of byChar[k]) {
      const positions = pages.get(page) ?? new Map<string, number[]>();
      positions.set(ch, at);
      pages.set(page, positions);
    }
  });
  for (const [page, positions] of pages) if (positions.size < 2) pages.delete(page);
  return pages;
}

/**
 * Reads the untyped characters of each gap from the pages' text: the pages covering the most
 * shapes first, at most MAX_PAGES_READ of them (a phrase found on one page is counted over all).
 */
async function readGaps(
  gaps: { page: string; start: number; shape: EditShape }[],
  sources: SuggestSources,
  found: Map<string, number>,
): Promise<void> {
  const shapesOn = new Map<string, Set<EditShape>>();
  for (const g of gaps)
    (shapesOn.get(g.page) ?? shapesOn.set(g.page, new Set()).get(g.page))?.add(g.shape);
  const chosen: string[] = [];
  const covered = new Set<EditShape>();
  while (chosen.length < MAX_PAGES_READ) {
    let best: [string, number] | undefined;
    for (const [page, shapes] of shapesOn) {
      const gain = [...shapes].filter((s) => !covered.has(s)).length;
      if (gain > 0 && (!best || gain > best[1])) best = [page, gain];
    }
    if (!best) break;
    chosen.push(best[0]);
    for (const s of shapesOn.get(best[0]) ?? []) covered.add(s);
  }
  const tokens = await Promise.all(chosen.map((page) => sources.pageTokens(page)));
  chosen.forEach((page, k) => {
    for (const g of gaps) {
      if (g.page !== page) continue;
      const phrase = phraseAt(tokens[k], g.start, g.shape);
      if (phrase !== undefined) keepNearest(found, phrase, g.shape.cost);
    }
  });
}
