import { markNumber } from '../../../src/core/chinese.ts';
import type { Block } from '../../model/text.ts';

export interface BlockHit {
  /** Index of the block in the article. */
  block: number;
  start: number;
  end: number;
  message: string;
}

/**
 * Flags a gap or a repeat in heading numbers: 一、 then 三、, or (二) twice in one section. Each
 * level and each style of mark is counted on its own; sub-sections restart under every section, and
 * a run that restarts at 一 (structure nests such runs, see nestRestartedNumbering) is not flagged.
 */
export function headingSequence(blocks: Block[]): BlockHit[] {
  const hits: BlockHit[] = [];
  // Counted per depth and per style of mark: "一、" nested under "（二）" is its own run.
  const last = new Map<string, number>();
  blocks.forEach((b, i) => {
    if (b.type !== 'heading') return;
    const n = markNumber(b.text);
    if (n === undefined) return;
    const key = `${b.depth}${/^[(（]/u.test(b.text) ? '()' : '、'}`;
    const prev = last.get(key) ?? 0;
    if (b.depth === 2) for (const k of [...last.keys()]) if (k.startsWith('3')) last.delete(k);
    last.set(key, n);
    // A run may restart at 一 (items under a sub-section); a first section is never judged (an excerpt may start anywhere).
    if (n === prev + 1 || n === 1 || (prev === 0 && b.depth === 2)) return;
    const mark = /^[(（]?[一二三四五六七八九十百]+[、)）]/u.exec(b.text)![0];
    const what = n === prev ? '重复' : n < prev ? '倒退' : '跳号';
    hits.push({
      block: i,
      start: 0,
      end: mark.length,
      message: `标题序号${what}：上一个是 ${prev || '（无）'}，这里是“${mark}”`,
    });
  });
  return hits;
}
