import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShardKeys, bundlesHolding, summarizeShards } from '../../src/core/search/shard-summary.ts';
import { WORD_CHAR } from '../../src/core/search/tokens.ts';
import { foldText } from '../../src/core/search/fold.ts';
import { fullFoldMap } from '../../scripts/search-index/fold-map.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

/** What Pagefind matches a phrase against: the page's word characters, one per position. */
const words = (text: string) => [...text].filter((ch) => WORD_CHAR.test(ch)).join('');

function keysOf(pages: string[]): Set<number> {
  const keys = new ShardKeys();
  for (const p of pages) keys.add(p);
  return new Set(keys.stored());
}

/** The bundles whose pages hold the phrase as Pagefind would find it. */
function holders(bundles: string[][], phrase: string): number[] {
  return holdersIn(
    bundles.map((pages) => pages.map(words)),
    phrase,
  );
}

/** The same over pages already reduced to their word characters. */
function holdersIn(bundleWords: string[][], phrase: string): number[] {
  const needle = words(phrase);
  return bundleWords.flatMap((pages, k) =>
    k > 0 && pages.some((p) => p.includes(needle)) ? [k] : [],
  );
}

const CHARS = ['协', '商', '民', '主', '政', '1', '9', 'a', 'B', '，', ' ', '“'];
const page = fc.array(fc.constantFrom(...CHARS), { maxLength: 30 }).map((cs) => cs.join(''));
const archive = fc.array(fc.array(page, { minLength: 1, maxLength: 4 }), {
  minLength: 2,
  maxLength: 5,
});

describe('the summary of which bundles may hold a phrase', () => {
  it('never rules out a bundle that holds the phrase, however short the summary is cut', () => {
    fc.assert(
      fc.property(
        archive,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 40 }),
        (bundles, at, from, length, maxChars) => {
          const pages = bundles.flat();
          const text = pages[at % pages.length];
          const start = from % (text.length + 1);
          const phrase = text.slice(start, start + length);
          const summary = summarizeShards(bundles.map(keysOf), maxChars);
          const may = bundlesHolding(summary, bundles.length)(phrase);
          for (const k of holders(bundles, phrase))
            expect(may.has(k), `${phrase} in ${k}`).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('rules out the bundles that lack a character or a pair of the phrase', () => {
    const bundles = [['协商民主'], ['协商，民主'], ['民主协商'], ['政协']];
    const holding = bundlesHolding(summarizeShards(bundles.map(keysOf)), 4);
    // Punctuation is not a word: 协商，民主 holds 商民 for Pagefind as well.
    expect([...holding('协商民主')]).toEqual([0, 1]);
    expect([...holding('主协')]).toEqual([2]);
    expect([...holding('政协')]).toEqual([3]);
    expect([...holding('民主协商民主')]).toEqual([]);
    // Letters rule out nothing: Pagefind folds their case.
    expect([...holding('ab')]).toEqual([0, 1, 2, 3]);
  });

  it('keeps every character and pair past the first 8,192 characters it has numbered, which its bitmaps hold', () => {
    const codePoints = [
      ...Array.from({ length: 20_000 }, (_, i) => 0x4e00 + i),
      ...Array.from({ length: 14_000 }, (_, i) => 0x20000 + i),
    ];
    const keys = new ShardKeys();
    keys.add(String.fromCodePoint(...codePoints));
    const stored = new Set(keys.stored());
    expect(stored.size).toBe(codePoints.length * 2 - 1);
    for (const [i, cp] of codePoints.entries()) {
      expect(stored.has(cp)).toBe(true);
      if (i > 0) expect(stored.has(codePoints[i - 1] * 0x110000 + cp)).toBe(true);
    }
  });

  it('lists only what some bundle lacks', () => {
    const summary = summarizeShards([['协商'], ['协商民主'], ['民主协商']].map(keysOf));
    expect(summary.chars).toEqual({ '1,2': '主民' });
    expect(summary.pairs).toEqual({ '1': '商民', '2': '主协', '1,2': '民主' });
  });

  it('rules out bundles for phrases of the shipped articles cut into three bundles, and never one that holds them', () => {
    const map = fullFoldMap();
    const texts = shippedArticles().map((a) => foldText(`${a.data.title}${a.body}`, map));
    const third = Math.ceil(texts.length / 3);
    const bundles = [0, 1, 2].map((k) => texts.slice(k * third, (k + 1) * third));
    const holding = bundlesHolding(summarizeShards(bundles.map(keysOf)), 3);
    const bundleWords = bundles.map((pages) => pages.map(words));
    let ruledOut = 0;
    for (const text of texts)
      for (let i = 0; i + 4 <= text.length; i += 97) {
        const phrase = text.slice(i, i + 4);
        const may = holding(phrase);
        for (const k of holdersIn(bundleWords, phrase)) expect(may.has(k), phrase).toBe(true);
        ruledOut += 3 - may.size;
      }
    expect(ruledOut).toBeGreaterThan(0);
  });
});
