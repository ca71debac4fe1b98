/**
 * "您是不是要找": the phrases of the archive nearest to a phrase that has no exact hit. Pure rules
 * over character positions (the per-character index answers "where does this character stand on
 * each page"), so the browser needs no second index and the rules are tested on plain strings.
 *
 * Every edit is written as the shape of the phrase on the page: known characters `before`, then
 * `gap` characters the reader did not type (read from the page's text), then known characters
 * `after`. How far a suggestion may be from what was typed depends on the length typed:
 *
 * - under 3 characters: none (too many phrases are one character away from any two);
 * - 3 or more: one edit: one character wrong, one extra, two neighbours swapped, one missing;
 * - 5 or more: also 2 characters missing in one place (全过程民主 → 全过程人民民主);
 * - 8 or more: also 3 characters missing in one place.
 */

import { placedStarts, type CharPositions } from './positions.ts';

export type EditKind = 'wrong' | 'extra' | 'swapped' | 'missing';

/** A phrase on the page: `before`, then `gap` characters not typed, then `after`. */
export interface EditShape {
  kind: EditKind;
  before: string[];
  gap: number;
  after: string[];
  /** How far from what was typed: 1 for one edit, the number of missing characters for a gap. */
  cost: number;
}

/** The shortest phrase that gets suggestions. */
export const MIN_SUGGEST_LENGTH = 3;

/** How many characters may be missing in one place from a phrase of `length` characters. */
export function maxMissing(length: number): number {
  if (length < MIN_SUGGEST_LENGTH) return 0;
  return length >= 8 ? 3 : length >= 5 ? 2 : 1;
}

/** Every shape a phrase near `typed` (folded characters) can take on a page. */
export function editShapes(typed: string[]): EditShape[] {
  const n = typed.length;
  if (n < MIN_SUGGEST_LENGTH) return [];
  const shapes: EditShape[] = [];
  const seen = new Set<string>();
  const add = (shape: EditShape) => {
    const key = `${shape.before.join('')}\u0000${shape.gap}\u0000${shape.after.join('')}`;
    if (seen.has(key)) return;
    seen.add(key);
    shapes.push(shape);
  };
  for (let i = 0; i < n; i += 1) {
    add({ kind: 'wrong', before: typed.slice(0, i), gap: 1, after: typed.slice(i + 1), cost: 1 });
    add({
      kind: 'extra',
      before: [...typed.slice(0, i), ...typed.slice(i + 1)],
      gap: 0,
      after: [],
      cost: 1,
    });
  }
  for (let i = 0; i + 1 < n; i += 1) {
    if (typed[i] === typed[i + 1]) continue;
    const swapped = [...typed];
    [swapped[i], swapped[i + 1]] = [typed[i + 1], typed[i]];
    add({ kind: 'swapped', before: swapped, gap: 0, after: [], cost: 1 });
  }
  // Missing inside the phrase only: characters missing at either end still leave an exact hit.
  for (let g = 1; g <= maxMissing(n); g += 1)
    for (let i = 1; i < n; i += 1)
      add({ kind: 'missing', before: typed.slice(0, i), gap: g, after: typed.slice(i), cost: g });
  return shapes;
}

/** The start positions on a page where the shape stands. */
export function shapeStarts(shape: EditShape, positions: CharPositions): number[] {
  return placedStarts(
    [
      ...shape.before.map((ch, k) => [k, ch] as const),
      ...shape.after.map((ch, k) => [shape.before.length + shape.gap + k, ch] as const),
    ],
    positions,
  );
}

/** The phrase a shape stands for when it has no gap: every character is known. */
export function knownPhrase(shape: EditShape): string | undefined {
  return shape.gap === 0 ? [...shape.before, ...shape.after].join('') : undefined;
}

/**
 * The phrase a shape stands for at `start` on a page of folded characters (one per token), or
 * undefined when a character of the gap is not a letter or digit (the phrase would run over a
 * comma or a line break, which is no phrase a reader meant).
 */
export function phraseAt(
  tokens: readonly string[],
  start: number,
  shape: EditShape,
): string | undefined {
  const length = shape.before.length + shape.gap + shape.after.length;
  const chars = tokens.slice(start, start + length);
  if (chars.length !== length) return undefined;
  const gap = chars.slice(shape.before.length, shape.before.length + shape.gap);
  if (!gap.every((c) => [...c].length === 1 && /[\p{L}\p{N}]/u.test(c))) return undefined;
  return chars.join('');
}

export interface Suggestion {
  phrase: string;
  /** Pages the search for it finds. */
  count: number;
  cost: number;
}

/**
 * The nearest first, then the most pages, then in code-point order; at most `limit`. A phrase held
 * within another suggestion found on as many pages is left out: it finds the same pages.
 */
export function rankSuggestions(found: Suggestion[], limit = 5): Suggestion[] {
  const best = new Map<string, Suggestion>();
  for (const s of found) {
    const had = best.get(s.phrase);
    if (s.count > 0 && (!had || s.cost < had.cost)) best.set(s.phrase, s);
  }
  // A phrase inside another found on as many pages adds nothing (新质生产 beside 新质生产力).
  const kept = [...best.values()].filter(
    (s) =>
      ![...best.values()].some(
        (t) => t.phrase !== s.phrase && t.phrase.includes(s.phrase) && t.count === s.count,
      ),
  );
  return kept
    .sort(
      (a, b) =>
        a.cost - b.cost ||
        b.count - a.count ||
        (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0),
    )
    .slice(0, limit);
}
