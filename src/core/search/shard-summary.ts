/**
 * Which bundles of a sharded index may hold a phrase. A phrase on fewer pages than a screen is
 * looked for in every bundle, and each visit costs the bundle's Pagefind metadata and an index
 * chunk for every character of the phrase. The summary lists, for the Han characters and digits
 * of the text the index is given (IndexablePage.folded) and for each pair of them that stand next
 * to each other there, the bundles that hold them: a bundle missing one character or one pair of
 * a phrase cannot hold the phrase, and is not visited.
 *
 * Only what some bundle lacks is listed: an archive's shards share most of their words, and a key
 * not listed is taken to be in every bundle. So a summary cut short (MAX_SUMMARY_CHARS) is
 * still right, only less sharp. Letters are left out because Pagefind folds their case and accents
 * by its own rules; a phrase's letters rule out nothing.
 */
import { WORD_CHAR } from './tokens.ts';

export interface ShardSummary {
  /** Bundles (numbers, comma-joined) → the characters held by those alone, run together. */
  chars: Record<string, string>;
  /** The same for pairs of adjacent characters, two characters each. */
  pairs: Record<string, string>;
}

/**
 * The most characters a summary spells out: about 120 KB, 60 KB gzipped, what visiting one
 * bundle of 2,000 articles costs a four-character phrase. The bench archive's shards (10,000
 * articles in 5) need a few thousand; an archive whose shards differ more keeps the keys held by
 * the fewest bundles, which rule out the most.
 */
export const MAX_SUMMARY_CHARS = 40_000;

const SUMMARIZED = /^[\p{Script=Han}0-9]$/u;

/** Whether a character's bundles are summarized: a Han character or an ASCII digit. */
export function isSummarized(ch: string): boolean {
  return SUMMARIZED.test(ch);
}

/** The characters of a phrase Pagefind matches as words, in order (what positions count). */
function wordChars(text: string): string[] {
  return [...text].filter((ch) => WORD_CHAR.test(ch));
}

/** The summarized characters and adjacent pairs of a phrase, as listed in a summary. */
export function summaryKeys(phrase: string): { chars: string[]; pairs: string[] } {
  const words = wordChars(phrase);
  const chars = words.filter(isSummarized);
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i++)
    if (isSummarized(words[i - 1]) && isSummarized(words[i])) pairs.push(words[i - 1] + words[i]);
  return { chars, pairs };
}

/**
 * A key as stored and summarized: a character is its code point, a pair `first × PAIR_BASE +
 * second` (always above any code point, as a digit comes first at the least).
 */
const PAIR_BASE = 0x110000;

/**
 * While a bundle's keys are gathered, a character is a small number of its own (1, 2, …, in the
 * order first seen by this process), and the characters and pairs under DENSE are bits in a
 * bundle's bitmaps: a Set of numbers, one lookup per character and per pair, was 2.6 of the 17 s
 * that indexing the newest 2,000 of 10,000 articles took. An archive uses a few thousand
 * characters, so a row of DENSE bits per first character holds nearly every pair; rarer ones go
 * to a Set.
 */
const DENSE = 1 << 13;

/** Per code point: 0 not yet seen, -1 a word character not summarized, -2 not a word, else its number. */
let numberOf: Int32Array | undefined; // made by the indexer's first call, not in the browser
const codePointOf: number[] = [0];

function numberFor(cp: number): number {
  numberOf ??= new Int32Array(PAIR_BASE);
  if (numberOf[cp] === 0) {
    const ch = String.fromCodePoint(cp);
    if (isSummarized(ch)) {
      numberOf[cp] = codePointOf.length;
      codePointOf.push(cp);
    } else numberOf[cp] = WORD_CHAR.test(ch) ? -1 : -2;
  }
  return numberOf[cp];
}

/** The characters and adjacent pairs of a bundle's pages, gathered page by page (summarizeShards). */
export class ShardKeys {
  /** Bit n: the character numbered n. */
  private readonly chars = new Uint32Array(DENSE / 32);
  /** Row first, bit second: the pair of the characters so numbered (a row made when first used). */
  private readonly pairs: (Uint32Array | undefined)[] = [];
  /** Characters numbered DENSE or more, and pairs with one, as stored keys. */
  private readonly wide = new Set<number>();

  /** Adds the keys of one page's indexed text. */
  add(text: string): void {
    let previous = 0; // the last word character's number, or 0 after one not summarized
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i) ?? 0;
      if (cp > 0xffff) i++; // the second half of a surrogate pair
      const n = numberFor(cp);
      if (n === -2) continue;
      if (n === -1) {
        previous = 0;
        continue;
      }
      if (n < DENSE) this.chars[n >>> 5] |= 1 << (n & 31);
      else this.wide.add(cp);
      if (previous > 0) {
        if (previous < DENSE && n < DENSE) {
          const row = (this.pairs[previous] ??= new Uint32Array(DENSE / 32));
          row[n >>> 5] |= 1 << (n & 31);
        } else this.wide.add(codePointOf[previous] * PAIR_BASE + cp);
      }
      previous = n;
    }
  }

  /** The keys as stored: a character's code point, a pair `first × PAIR_BASE + second`. */
  stored(): number[] {
    const out = [...this.wide];
    for (const n of setBits(this.chars)) out.push(codePointOf[n]);
    for (const [first, row] of this.pairs.entries())
      if (row)
        for (const n of setBits(row)) out.push(codePointOf[first] * PAIR_BASE + codePointOf[n]);
    return out;
  }
}

/** The numbers of a bitmap's set bits, in order. */
function* setBits(bits: Uint32Array): Generator<number> {
  for (let w = 0; w < bits.length; w++) {
    const word = bits[w];
    if (word === 0) continue;
    for (let b = 0; b < 32; b++) if (word & (1 << b)) yield w * 32 + b;
  }
}

function keyText(key: number): string {
  return key < PAIR_BASE
    ? String.fromCodePoint(key)
    : String.fromCodePoint(Math.floor(key / PAIR_BASE), key % PAIR_BASE);
}

/** The summary of an index's bundles from each bundle's keys, newest (bundle 0) first. */
export function summarizeShards(
  keys: readonly ReadonlySet<number>[],
  maxChars = MAX_SUMMARY_CHARS,
): ShardSummary {
  const groups = new Map<string, number[]>();
  for (const key of new Set(keys.flatMap((k) => [...k]))) {
    const holders: number[] = [];
    for (const [k, held] of keys.entries()) if (held.has(key)) holders.push(k);
    if (holders.length === keys.length) continue;
    const group = holders.join(',');
    const list = groups.get(group);
    if (list) list.push(key);
    else groups.set(group, [key]);
  }
  const summary: ShardSummary = { chars: {}, pairs: {} };
  // The fewest holders first: those keys rule out the most bundles.
  const order = [...groups].sort(([a], [b]) => holderCount(a) - holderCount(b) || cmp(a, b));
  let spent = 0;
  for (const [group, list] of order) {
    list.sort((a, b) => a - b);
    for (const key of list) {
      const text = keyText(key);
      if (spent + text.length > maxChars) return summary;
      spent += text.length;
      const into = key < PAIR_BASE ? summary.chars : summary.pairs;
      into[group] = (into[group] ?? '') + text;
    }
  }
  return summary;
}

function holderCount(group: string): number {
  return group.split(',').length;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A summary read for lookups: which of an index's `count` bundles may hold a phrase. */
export function bundlesHolding(
  summary: ShardSummary,
  count: number,
): (phrase: string) => Set<number> {
  const holders = new Map<string, readonly number[]>();
  const read = (listed: Record<string, string>, width: number) => {
    for (const [group, text] of Object.entries(listed)) {
      const bundles = group.split(',').map(Number);
      const chars = [...text];
      for (let i = 0; i + width <= chars.length; i += width)
        holders.set(chars.slice(i, i + width).join(''), bundles);
    }
  };
  read(summary.chars, 1);
  read(summary.pairs, 2);
  return (phrase) => {
    const may = new Set(Array.from({ length: count }, (_, k) => k));
    const { chars, pairs } = summaryKeys(phrase);
    for (const key of [...chars, ...pairs]) {
      const listed = holders.get(key);
      if (!listed) continue;
      for (const k of may) if (!listed.includes(k)) may.delete(k);
    }
    return may;
  };
}
