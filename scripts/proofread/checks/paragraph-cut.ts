import {
  CANNOT_START,
  TERMINAL,
  TITLE_LIKE,
  headingLevel,
  visible,
} from '../../../src/core/chinese.ts';
import type { Paragraph } from '../../model/text.ts';
import { jieba } from '../../../src/site/jieba.ts';

/** True when the cut at `at` falls inside a word ("改" / "革"): the line was cut mid-word, not set as a line of its own. */
function cutsAWord(text: string, at: number): boolean {
  const from = Math.max(0, at - 8);
  let offset = from;
  for (const word of jieba.cut(text.slice(from, at + 8), true)) {
    if (offset < at && offset + word.length > at) return true;
    offset += word.length;
  }
  return false;
}

export interface ParagraphHit {
  /** Index of the paragraph in the article's mended paragraphs. */
  paragraph: number;
  start: number;
  end: number;
  message: string;
}

/**
 * Cuts a proofreader should look at, from what mend did:
 * - joined perhaps wrongly: a short line without any punctuation, set apart by blank lines, was
 *   run into the text after it (an unnumbered heading or label read as a cut sentence);
 * - perhaps missed: a paragraph stops mid-sentence (no 。！？ etc.) and the next one starts a
 *   heading or a point, so mend did not join them; either a heading lost its text or the sentence
 *   was cut where a numbered line happened to begin.
 * Joins of a line cut mid-word ("机关干" / "部特别是", "要全面深化各领域改" / "革，") are the common,
 * correct case and not flagged.
 */
export function paragraphCuts(paragraphs: Paragraph[]): ParagraphHit[] {
  const hits: ParagraphHit[] = [];
  paragraphs.forEach((p, i) => {
    for (const join of p.joins ?? []) {
      const before = visible(join.before).replace(/\*\*/g, '');
      const next = p.text.slice(join.at);
      if (
        join.acrossGap &&
        TITLE_LIKE.test(before) &&
        headingLevel(before) === undefined &&
        !CANNOT_START.test(next) &&
        !TERMINAL.test(before) &&
        p.text.indexOf(join.before) === 0 &&
        !cutsAWord(p.text, join.at)
      ) {
        hits.push({
          paragraph: i,
          start: 0,
          end: join.at,
          message: `“${before}”像是单独的一行（标题或题头），却被接进了下文`,
        });
      }
    }
    const next = paragraphs[i + 1];
    const text = visible(p.text).replace(/\*\*/g, '').trimEnd();
    // Ending on a comma before a list of points ("为了加快农业的发展，" / "一是……") is a way of writing, not a cut.
    if (
      next &&
      !p.headingStyle &&
      headingLevel(text) === undefined &&
      !TERMINAL.test(text) &&
      !/[，,、]$/u.test(text) &&
      /[，,。、；]/u.test(text)
    ) {
      hits.push({
        paragraph: i,
        start: Math.max(0, p.text.trimEnd().length - 1),
        end: p.text.trimEnd().length,
        message: '段落在句子中间结束，下一段另起（标题或要点）：可能漏接了断行',
      });
    }
  });
  return hits;
}
