import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phraseStarts, type CharPositions } from '../../src/core/search/positions.ts';
import { occurrences } from '../../src/lib/search/query.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

/** What the per-character index holds for a page: every character's positions. */
function indexOf(tokens: string[]): CharPositions {
  const positions = new Map<string, number[]>();
  tokens.forEach((ch, i) => positions.set(ch, [...(positions.get(ch) ?? []), i]));
  return positions;
}

describe('a phrase counted from character positions', () => {
  it('stands where a search of the text finds it, overlaps and repeats included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('协', '商', '民', '主', '1', '9'), { maxLength: 60 }),
        fc.array(fc.constantFrom('协', '商', '民', '主', '1', '9'), { minLength: 1, maxLength: 4 }),
        (text, phrase) => {
          const needle = phrase.join('');
          expect(phraseStarts(needle, indexOf(text))).toEqual(occurrences(text, needle));
        },
      ),
    );
  });

  it('finds phrases of the shipped articles as often as their text holds them', () => {
    const articles = shippedArticles();
    let compared = 0;
    for (const { body } of articles.slice(0, 6)) {
      const tokens = [...body].filter((c) => /[\p{L}\p{N}]/u.test(c));
      const index = indexOf(tokens);
      for (let at = 0; at + 4 < tokens.length; at += 97) {
        const needle = tokens.slice(at, at + 2 + (at % 3)).join('');
        const starts = phraseStarts(needle, index);
        expect(starts, needle).toEqual(occurrences(tokens, needle));
        expect(starts).toContain(at);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});
