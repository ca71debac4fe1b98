/**
 * 勘误: the editor's corrections of the body text (the `errata` of an article in the source's .yaml).
 * The source file is never touched. The article shows the corrected text with a mark at the place,
 * and a 勘误 list at its end quotes each original sentence whole and says what changed, so every
 * sentence of the source is still on the page.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Editorial, Erratum } from './editorial.ts';
import { SourceError } from './source-error.ts';
import type { Block } from './structure.ts';

/** Where one erratum applies: the block, the changed stretch in it, and what replaces that stretch. */
export interface ErratumPlacement {
  /** 1-based: the mark's number and the 勘误 list's item. */
  n: number;
  block: number;
  /** The changed stretch of the block's text (find less what it shares with replace at either end). */
  start: number;
  end: number;
  /** The source's text of that stretch and what the article shows instead. */
  was: string;
  now: string;
  /** The whole original sentence the change is in. */
  sentence: string;
  note?: string;
}

/** Every start of `needle` in `haystack`, overlapping ones too ("和和" is twice in "和和和"). */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
    found.push(at);
  return found;
}

/** The part of `find` that `replace` changes: what both share at the start and the end is left out. */
export function changedStretch(
  find: string,
  replace: string,
): { from: number; to: number; now: string } {
  const a = [...find];
  const b = [...replace];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const from = a.slice(0, head).join('').length;
  const to = find.length - a.slice(a.length - tail).join('').length;
  return { from, to, now: b.slice(head, b.length - tail).join('') };
}

const SENTENCE_END = /[。！？!?；;]/u;

/** The sentence of `text` holding [start, end): from after the last sentence end before it to its own end. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1])) from--;
  let to = Math.max(end, start);
  while (to < text.length && !SENTENCE_END.test(text[to])) to++;
  // Closing quotes and brackets after the full stop belong to the sentence.
  while (to < text.length && /[。！？!?；;”’」』）)]/u.test(text[to])) to++;
  return text.slice(from, to).trim();
}

/**
 * Finds each erratum's `find` in the article's blocks. It must occur exactly once, within one
 * paragraph or heading: none (the source changed, or a slip) or two (which one?) is an error at the
 * erratum's line in the editorial file, and so are two errata over the same text.
 */
export function placeErrata(
  blocks: readonly Block[],
  errata: readonly Erratum[],
  editorial: Editorial,
  at: number,
): ErratumPlacement[] {
  const placed = errata.map((erratum, i): ErratumPlacement => {
    const hits = blocks.flatMap((b, block) =>
      occurrences(b.text, erratum.find).map((start) => ({ block, start })),
    );
    const where = editorial.lineOf(['articles', at, 'errata', i, 'find']);
    const shown = erratum.find.length > 30 ? `${erratum.find.slice(0, 30)}…` : erratum.find;
    if (erratum.replace === erratum.find)
      throw new SourceError(
        editorial.file,
        `勘误的 replace 与 find 相同，没有改动 / erratum changes nothing`,
        where,
      );
    if (hits.length !== 1) {
      throw new SourceError(
        editorial.file,
        hits.length === 0
          ? `勘误要改的文字“${shown}”不在文章正文中（原文改过，或有错字；不能跨段）/ erratum text not found in the article`
          : `勘误要改的文字“${shown}”在文章中出现 ${hits.length} 次，请多写几个前后的字，使它只出现一次 / erratum text occurs ${hits.length} times, must occur once`,
        where,
      );
    }
    const [{ block, start }] = hits;
    const stretch = changedStretch(erratum.find, erratum.replace);
    const text = blocks[block].text;
    return {
      n: i + 1,
      block,
      start: start + stretch.from,
      end: start + stretch.to,
      was: text.slice(start + stretch.from, start + stretch.to),
      now: stretch.now,
      sentence: sentenceAround(text, start, start + erratum.find.length),
      ...(erratum.note ? { note: erratum.note } : {}),
    };
  });
  for (const p of placed) {
    const other = placed.find(
      (q) =>
        q !== p &&
        q.block === p.block &&
        q.start < Math.max(p.end, p.start + 1) &&
        p.start < Math.max(q.end, q.start + 1),
    );
    if (other && other.n < p.n)
      throw new SourceError(
        editorial.file,
        `这条勘误与第 ${other.n} 条改的是同一处文字 / two errata change the same text`,
        editorial.lineOf(['articles', at, 'errata', p.n - 1]),
      );
  }
  return placed;
}

/** The blocks as readers get them: each erratum's replacement in place of the text it corrects. */
export function correctedBlocks(
  blocks: readonly Block[],
  placements: readonly ErratumPlacement[],
): Block[] {
  return blocks.map((b, i) => {
    let text = b.text;
    for (const p of inBlock(placements, i).reverse())
      text = text.slice(0, p.start) + p.now + text.slice(p.end);
    return { ...b, text };
  });
}

function inBlock(placements: readonly ErratumPlacement[], block: number): ErratumPlacement[] {
  return placements.filter((p) => p.block === block).sort((a, b) => a.start - b.start);
}

/** An MDX element of the body (mdast-util-mdx-jsx's), string attributes only. */
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string;
  attributes: { type: 'mdxJsxAttribute'; name: string; value: string }[];
  children: unknown[];
}

function jsx(
  type: JsxElement['type'],
  name: string,
  children: unknown[],
  attributes: Record<string, string | undefined>,
): JsxElement {
  return {
    type,
    name,
    attributes: Object.entries(attributes)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
    children,
  };
}

/**
 * Puts the corrected text into the body tree, each change wrapped in <Erratum n="…"> (the mark that
 * links to its entry in the 勘误 list). `tree` holds one node per block, as blocksToMdast makes it.
 */
export function markErrata(
  nodes: RootContent[],
  blocks: readonly Block[],
  placements: readonly ErratumPlacement[],
): void {
  blocks.forEach((b, i) => {
    const here = inBlock(placements, i);
    if (here.length === 0) return;
    const children: unknown[] = [];
    let from = 0;
    for (const p of here) {
      if (p.start > from) children.push({ type: 'text', value: b.text.slice(from, p.start) });
      const inner = p.now ? [{ type: 'text', value: p.now }] : [];
      children.push(jsx('mdxJsxTextElement', 'Erratum', inner, { n: String(p.n) }));
      from = p.end;
    }
    if (from < b.text.length) children.push({ type: 'text', value: b.text.slice(from) });
    (nodes[i] as Paragraph).children = children as PhrasingContent[];
  });
}

/** What the 勘误 list says of one change: the original sentence whole, then what the editor changed. */
export function erratumStatement(p: ErratumPlacement): string {
  const was = p.was.trim() || p.was;
  const change =
    p.now === ''
      ? `编者删去“${was}”`
      : p.was === ''
        ? `编者补“${p.now}”`
        : `编者改“${was}”为“${p.now}”`;
  return `原文作“${p.sentence}”，${change}。${p.note ?? ''}`;
}

/** The 勘误 list after the text: one <ErratumNote n="…"> per change, in the order of the editorial file. */
export function errataList(
  placements: readonly ErratumPlacement[],
  example: string | undefined,
): RootContent | undefined {
  if (placements.length === 0) return undefined;
  const items = placements.map((p) =>
    jsx(
      'mdxJsxFlowElement',
      'ErratumNote',
      [{ type: 'paragraph', children: [{ type: 'text', value: erratumStatement(p) }] }],
      { n: String(p.n) },
    ),
  );
  // An element of mdast-util-mdx-jsx: the tree's own types do not list it without that package's augmentation.
  return jsx('mdxJsxFlowElement', 'Errata', items, { example }) as unknown as RootContent;
}
