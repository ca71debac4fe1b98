import { squeezeSpaces } from '../../../src/core/chinese.ts';
import type { SourceLine } from '../../model/text.ts';

/** A page number set on its own line: "— 23 —", "-23-", "－ 23 －", "第23页". */
const PAGE_NUMBER = /^(?:[—–\-－~～]\s*[0-9０-９]{1,4}\s*[—–\-－~～]|第\s*[0-9０-９]{1,4}\s*页)$/u;
/**
 * A running header: a journal's name and its issue ("政协天地 2024·11", "联合日报·2024年第6期",
 * "政协天地 2024年第11期"), perhaps with the page number before or after it.
 */
const JOURNAL_ISSUE =
  /^(?:[0-9０-９]{1,4}\s*)?\p{Script=Han}{2,12}\s*[·•・|｜]?\s*(?:[0-9０-９]{4})\s*(?:[·•・.．/／-]\s*[0-9０-９]{1,2}|\s*年\s*第?\s*[0-9０-９]{1,2}\s*期)(?:\s*[0-9０-９]{1,4})?$/u;

/** True for a line that is page furniture: a running header or footer, never text. */
export function isPageFurniture(text: string): boolean {
  const bare = text.trim();
  if (PAGE_NUMBER.test(bare)) return true;
  // A header line is short; a sentence that happens to end in a year is not one.
  return squeezeSpaces(bare).length <= 24 && JOURNAL_ISSUE.test(bare);
}

/**
 * Removes running headers and footers that page breaks leave in the text, often mid-sentence
 * ("…教育引导政协委员、机关干" / "— 23 —" / "政协天地 2024·11" / "部特别是…"). The line after
 * them is marked as set apart, as the page break set it, so mend decides the join from the text.
 * Nothing else is ever dropped; the removed lines are returned so a caller can show them.
 */
export function removePageFurniture(lines: SourceLine[]): {
  lines: SourceLine[];
  removed: SourceLine[];
} {
  const kept: SourceLine[] = [];
  const removed: SourceLine[] = [];
  let gap = false;
  for (const line of lines) {
    if (isPageFurniture(line.text)) {
      removed.push(line);
      gap = true;
      continue;
    }
    kept.push(gap && !line.gapBefore ? { ...line, gapBefore: true } : line);
    gap = false;
  }
  return { lines: kept, removed };
}
