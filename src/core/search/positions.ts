/**
 * Where characters stand on a page, from the per-character index: every Han character, letter and
 * digit is a word of its own (tokens.ts), so Pagefind's word positions for a character are the
 * places it stands in the page's stored text, and a phrase stands wherever its characters follow
 * one another.
 */

/** Where each character stands on one page (word positions of the per-character index). */
export type CharPositions = ReadonlyMap<string, readonly number[]>;

/** Characters at offsets from a start: a phrase, or a phrase with a gap of unknown characters. */
export type Placed = readonly (readonly [offset: number, ch: string])[];

/** The starts on a page where every placed character stands at its offset, in order. */
export function placedStarts(known: Placed, positions: CharPositions): number[] {
  if (known.length === 0) return [];
  const sets = new Map<string, Set<number>>();
  const setOf = (ch: string) => {
    let s = sets.get(ch);
    if (!s) sets.set(ch, (s = new Set(positions.get(ch) ?? [])));
    return s;
  };
  // Walk the rarest character's positions and check the others against them.
  const [anchorOffset, anchorChar] = known.reduce((best, k) =>
    setOf(k[1]).size < setOf(best[1]).size ? k : best,
  );
  const starts: number[] = [];
  for (const at of setOf(anchorChar)) {
    const start = at - anchorOffset;
    if (start >= 0 && known.every(([offset, ch]) => setOf(ch).has(start + offset)))
      starts.push(start);
  }
  return starts.sort((a, b) => a - b);
}

/** The starts of a phrase on a page: the same places a search of the page's text would find. */
export function phraseStarts(phrase: string, positions: CharPositions): number[] {
  return placedStarts(
    [...phrase].map((ch, k) => [k, ch] as const),
    positions,
  );
}
