import { describe, expect, it } from 'vitest';
import { fullFoldMap } from '../../scripts/search-index/fold-map.ts';
import {
  editShapes,
  knownPhrase,
  maxMissing,
  phraseAt,
  rankSuggestions,
  shapeStarts,
  type Suggestion,
} from '../../src/core/search/suggest.ts';
import { replaceTerm } from '../../src/lib/search/suggest.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

/**
 * The suggestion rules over the archive's own text: a phrase taken from the articles, damaged the
 * ways readers damage it (one character wrong, characters missing, one extra, two swapped), comes
 * back as a suggestion. Character positions are computed here from the text, as the per-character
 * index gives them in the browser.
 */
const map = fullFoldMap();
const HAN = /^\p{Script=Han}$/u;
const pages = shippedArticles().map((a) =>
  [...`${a.data.title}${a.body}`.replace(/\s+/gu, '')].map((c) => map[c] ?? c),
);
const positions = pages.map((tokens) => {
  const at = new Map<string, number[]>();
  tokens.forEach((ch, i) => at.set(ch, [...(at.get(ch) ?? []), i]));
  return at;
});
const texts = pages.map((t) => t.join(''));
const pagesHolding = (phrase: string) => texts.filter((t) => t.includes(phrase)).length;

function suggest(typed: string): Suggestion[] {
  const found: Suggestion[] = [];
  for (const shape of editShapes([...typed]))
    pages.forEach((tokens, k) => {
      for (const start of shapeStarts(shape, positions[k])) {
        const phrase = knownPhrase(shape) ?? phraseAt(tokens, start, shape);
        if (phrase) found.push({ phrase, cost: shape.cost, count: pagesHolding(phrase) });
      }
    });
  return rankSuggestions(found);
}

/** The archive's runs of `length` distinct Han characters, most frequent first. */
function commonPhrases(length: number): string[] {
  const counts = new Map<string, number>();
  for (const tokens of pages)
    for (let i = 0; i + length <= Math.min(tokens.length, 20_000); i += 1) {
      const run = tokens.slice(i, i + length);
      if (run.every((c) => HAN.test(c)) && new Set(run).size === length)
        counts.set(run.join(''), (counts.get(run.join('')) ?? 0) + 1);
    }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p);
}

/**
 * The most frequent phrase whose damaged form has no exact hit (in a larger archive the damaged
 * form of the most frequent one may itself occur), with that form.
 */
function damage(length: number, damaged: (p: string) => string): [typed: string, meant: string] {
  const meant = commonPhrases(length).find((p) => pagesHolding(damaged(p)) === 0) ?? '';
  return [damaged(meant), meant];
}

/** A character that stands nowhere in the archive, so the damaged phrase has no exact hit. */
const absent = [...'鼯鼱鼹麑麚'].find((c) => !texts.some((t) => t.includes(c))) ?? '鼯';

describe('did-you-mean over the shipped articles’ text', () => {
  const five = commonPhrases(5)[0] ?? '';
  const seven = commonPhrases(7)[0] ?? '';

  it('finds phrases to damage, which occur in the archive', () => {
    expect(pagesHolding(five)).toBeGreaterThan(0);
    expect(pagesHolding(seven)).toBeGreaterThan(0);
  });

  const damaged: [string, () => [typed: string, meant: string]][] = [
    [
      'one character wrong',
      () => damage(5, (p) => [...p].map((c, i) => (i === 2 ? absent : c)).join('')),
    ],
    ['one character extra', () => damage(5, (p) => p.slice(0, 2) + absent + p.slice(2))],
    ['two characters swapped', () => damage(5, (p) => p[0] + p[2] + p[1] + p.slice(3))],
    ['one character missing', () => damage(5, (p) => p.slice(0, 2) + p.slice(3))],
    [
      'two characters missing from a longer phrase',
      () => damage(7, (p) => p.slice(0, 2) + p.slice(4)),
    ],
  ];
  it.each(damaged)('%s: the phrase comes back, with its count', (_, make) => {
    const [typed, meant] = make();
    expect(pagesHolding(typed)).toBe(0);
    const suggestions = suggest(typed);
    expect(suggestions.map((s) => s.phrase)).toContain(meant);
    expect(suggestions.find((s) => s.phrase === meant)?.count).toBe(pagesHolding(meant));
  });

  it('suggests nothing for two characters, and nothing that is not in the archive', () => {
    expect(editShapes([...five.slice(0, 2)])).toEqual([]);
    for (const s of suggest(five.slice(0, 2) + absent + absent + five.slice(2, 4)))
      expect(pagesHolding(s.phrase)).toBe(s.count);
  });
});

describe('did-you-mean rules', () => {
  it('allows more missing characters in longer phrases', () => {
    expect([2, 3, 4, 5, 7, 8].map(maxMissing)).toEqual([0, 1, 1, 2, 2, 3]);
  });
  it('never reads a gap across punctuation', () => {
    const [wrong] = editShapes([...'甲乙丙']).filter(
      (s) => s.kind === 'wrong' && s.before.length === 1,
    );
    expect(phraseAt([...'甲，丙'], 0, wrong)).toBeUndefined();
    expect(phraseAt([...'甲丁丙'], 0, wrong)).toBe('甲丁丙');
  });
  it('ranks the nearest first, then the most found, and keeps each phrase once', () => {
    expect(
      rankSuggestions([
        { phrase: '乙', cost: 2, count: 9 },
        { phrase: '甲', cost: 1, count: 1 },
        { phrase: '丙', cost: 1, count: 3 },
        { phrase: '丙', cost: 2, count: 3 },
        { phrase: '丁', cost: 1, count: 0 },
      ]).map((s) => s.phrase),
    ).toEqual(['丙', '甲', '乙']);
  });
  it('leaves out a phrase held within another found on as many pages', () => {
    expect(
      rankSuggestions([
        { phrase: '甲乙丙', cost: 1, count: 3 },
        { phrase: '甲乙丙丁', cost: 1, count: 3 },
        { phrase: '乙丙', cost: 1, count: 5 },
      ]).map((s) => s.phrase),
    ).toEqual(['乙丙', '甲乙丙丁']);
  });
  it('puts the phrase in the place of what was typed, leaving the rest of the query', () => {
    expect(replaceTerm('新质生产率 作者:李强', '新质生产率', '新质生产力')).toBe(
      '新质生产力 作者:李强',
    );
  });
});
