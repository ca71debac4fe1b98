import { SKIPPED } from './fold.ts';

/**
 * Every Han character, letter and digit is indexed as its own word, so a phrase search is a
 * search for consecutive characters: exactly what Ctrl-F does, with no dictionary in between to
 * cut 协商民主 into words that hide 民主 or miss 两个确立.
 */

/** A character Pagefind should see as a word of its own. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Puts a space between every character of already folded text. Spaces already there carry no
 * meaning (matching ignores them), so runs of them collapse into the one separator.
 */
export function spaceOut(folded: string): string {
  return [...folded.replace(SKIPPED, '')].join(' ');
}

/** The Pagefind query for one phrase of folded, space-free text: its characters as a quoted phrase. */
export function pagefindPhrase(phrase: string): string {
  const chars = [...phrase].filter((c) => WORD_CHAR.test(c));
  return chars.length > 0 ? `"${chars.join(' ')}"` : '';
}

/** Pagefind's stored content split back into its words: one character each for indexed body text. */
export function contentTokens(content: string): string[] {
  return content.split(/[\s\u200b]+/u).filter(Boolean);
}
