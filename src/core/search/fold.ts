/**
 * Folding makes the index and the query compare the way a reader means them: full-width digits and
 * Latin (ＮＦＫＣ) become ASCII, Latin is lower-cased, and traditional characters become simplified,
 * so 1954's 關於憲法 and a query for 关于宪法 meet. The same function runs when the index is built
 * and in the browser, so the two sides can never disagree.
 */

/** Traditional (or variant) character → simplified, for the characters the archive can meet. */
export type FoldMap = Record<string, string>;

const LATIN_UPPER = /[A-Z]/g;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * One character in, one character out, so a position in folded text is the same position in the
 * original (excerpts are mapped back through it). NFKC forms longer than one character (㈠ → (一))
 * are left as written.
 */
export function foldChar(ch: string, map: FoldMap): string {
  return foldText(ch, map);
}

function foldUnknown(ch: string, map: FoldMap): string {
  const n = ch.normalize('NFKC');
  // Only letters and digits are normalised: punctuation keeps its full-width form, as printed.
  const one =
    [...n].length === 1 && LETTER_OR_DIGIT.test(n)
      ? n.replace(LATIN_UPPER, (c) => c.toLowerCase())
      : ch;
  return map[one] ?? one;
}

/**
 * Each map's answers so far: the indexer folds 40 million characters drawn from a few thousand.
 * Keyed by code point, so looking a character up needs neither a string made of it nor its hash.
 */
const answers = new WeakMap<FoldMap, Map<number, string>>();

export function foldText(text: string, map: FoldMap): string {
  let known = answers.get(map);
  if (!known) answers.set(map, (known = new Map()));
  let out = '';
  for (let i = 0; i < text.length; i++) {
    // i < text.length, so there is a code point at i.
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++; // the second half of a surrogate pair
    let folded = known.get(cp);
    if (folded === undefined) known.set(cp, (folded = foldUnknown(String.fromCodePoint(cp), map)));
    out += folded;
  }
  return out;
}

/**
 * What Ctrl-F passes over: spaces, line breaks and the zero-width characters web pages leave in
 * text. Index, query and highlighting all skip the same set, or their positions would disagree.
 */
export const SKIPPED = /[\s\u200B-\u200D\u2060\uFEFF]+/gu;
const SKIPPED_CHAR = /^[\s\u200B-\u200D\u2060\uFEFF]$/u;

export function isSkipped(ch: string): boolean {
  return SKIPPED_CHAR.test(ch);
}

/** What a phrase match compares: folded text with every space and line break taken out, as Ctrl-F over the printed text would. */
export function matchForm(text: string, map: FoldMap): string {
  return foldText(text, map).replace(SKIPPED, '');
}
