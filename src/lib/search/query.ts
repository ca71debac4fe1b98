/**
 * Reads what a reader types into the terms a page must contain. Spaces separate terms (all must
 * match); quotes (" “” 「」 『』) keep a term whole; outside quotes punctuation also separates
 * terms, since readers paste phrases with the commas around them. Each term is compared folded
 * and without spaces, as Ctrl-F over the printed text would.
 */
import { foldText, type FoldMap, SKIPPED } from '../../core/search/fold.ts';
import { WORD_CHAR } from '../../core/search/tokens.ts';

export interface Term {
  /** As the reader typed it (for display). */
  typed: string;
  /** Folded, whitespace removed: the exact string a page must contain. */
  match: string;
  /** Runs of letters and digits of `match`: what Pagefind can search as phrases. */
  pieces: string[];
}

const QUOTED = /"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』|‘([^’]*)’/gu;

export function parseQuery(raw: string, map: FoldMap): Term[] {
  const found: string[] = [];
  const outside = raw.replace(QUOTED, (_m, ...groups: (string | undefined)[]) => {
    const inner = groups.slice(0, 5).find((g) => g !== undefined) ?? '';
    found.push(inner.replace(SKIPPED, ''));
    return ' ';
  });
  // An unmatched quote mark is just punctuation; everything else that is not a letter or digit splits.
  for (const part of outside.split(/[^\p{L}\p{N}]+/u)) found.push(part);
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const typed of found) {
    const match = foldText(typed, map);
    const pieces = piecesOf(match);
    if (pieces.length === 0 || seen.has(match)) continue;
    seen.add(match);
    terms.push({ typed, match, pieces });
  }
  return terms;
}

function piecesOf(match: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of match) {
    if (WORD_CHAR.test(ch)) current += ch;
    else if (current) {
      pieces.push(current);
      current = '';
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Every start index of `needle` in `haystack` (both folded characters, one per array slot). */
export function occurrences(haystack: string[], needle: string): number[] {
  const n = [...needle];
  const out: number[] = [];
  if (n.length === 0) return out;
  outer: for (let i = 0; i + n.length <= haystack.length; i += 1) {
    for (let j = 0; j < n.length; j += 1) if (haystack[i + j] !== n[j]) continue outer;
    out.push(i);
  }
  return out;
}
