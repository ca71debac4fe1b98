import {
  ARTICLE_MARK_AT_START,
  SECTION_MARK,
  SUBSECTION_MARK,
  headingLevel,
  markNumber,
  visible,
} from '../../../src/core/chinese.ts';
import type { Block, Paragraph } from '../../model/text.ts';

const FIRST_SENTENCE = /^.*?[。！？!?](?:[”’」』）)])*/u;

/**
 * Paragraphs → headings and body. "一、" gives a section (h2), "(一)"/"（一）" a sub-section (h3).
 * A heading that shares its paragraph with body text is split off: at the bold marks that set it
 * ("一、……现状**(一)履职质量有效提升**"), else after its first sentence
 * ("一、增强政治引领力，推进政治共同体建设。一是旗帜鲜明讲政治。…"). Bold marks are dropped.
 */
export function structure(paragraphs: Paragraph[]): Block[] {
  const blocks: Block[] = [];
  // A regulation (two or more 第X条): its headings are 第X章 and 第X节; "（一）" inside an article is an item, kept as a paragraph.
  const regulation =
    paragraphs.filter((p) => ARTICLE_MARK_AT_START.test(visible(p.text))).length >= 2;
  for (const para of paragraphs) {
    if (regulation && !para.headingStyle && SUBSECTION_MARK.test(visible(para.text))) {
      blocks.push({
        type: 'paragraph',
        text: para.text.replace(/\*\*/g, '').trim(),
        line: para.line,
      });
      continue;
    }
    if (para.headingStyle) {
      // A Word heading is a heading even without a number ("坚持党的领导"); its number, if any, sets the depth.
      blocks.push({
        type: 'heading',
        depth: headingLevel(para.text) ?? para.headingStyle,
        text: para.text.replace(/\*\*/g, '').trim(),
        line: para.line,
      });
      continue;
    }
    for (const piece of boldPieces(para.text)) emitPiece(piece, para.line, blocks);
  }
  return nestRestartedNumbering(subSectionsFirst(blocks));
}

/**
 * Some reports number their parts （一）（二） and only the items inside a part 一、二、 (1958, 1981,
 * 1983, 1985): the first numbered heading is a （一）. Then the （n） headings are the sections (h2)
 * and the 一、 ones their sub-sections (h3), so no page jumps from its title to an h3.
 */
export function subSectionsFirst(blocks: Block[]): Block[] {
  const first = blocks.find((b) => b.type === 'heading');
  if (
    !first ||
    first.type !== 'heading' ||
    first.depth !== 3 ||
    !SUBSECTION_MARK.test(visible(first.text))
  )
    return blocks;
  return blocks.map((b) =>
    b.type !== 'heading'
      ? b
      : SUBSECTION_MARK.test(visible(b.text))
        ? { ...b, depth: 2 }
        : b.depth === 2 && SECTION_MARK.test(visible(b.text))
          ? { ...b, depth: 3 }
          : b,
  );
}

/**
 * Older reports number the items inside a section 一、二、… again ("三、…" then "一、…二、…", then
 * "四、…"). A run that restarts at 一 is a level below the sections around it, so it becomes h3;
 * the outer numbering resumes where its next number comes and the inner one cannot continue.
 */
export function nestRestartedNumbering(blocks: Block[]): Block[] {
  let outer = 0;
  let inner = 0;
  return blocks.map((b) => {
    if (b.type !== 'heading' || b.depth !== 2) return b;
    const n = markNumber(b.text);
    if (n === undefined) return b;
    if (inner > 0 && n === inner + 1) {
      inner = n;
      return { ...b, depth: 3 };
    }
    if (outer > 0 && n === 1) {
      inner = 1;
      return { ...b, depth: 3 };
    }
    outer = n;
    inner = 0;
    return b;
  });
}

interface Piece {
  /** Text with bold marks removed. */
  text: string;
  /** When the piece opened with a bold run: that run, the natural extent of a heading. */
  boldLead?: string;
}

/** Splits a paragraph before every bold run that opens with a heading number. */
function boldPieces(text: string): Piece[] {
  const segments = text.split('**');
  // Unpaired marks are text, not layout: keep them.
  if (segments.length % 2 === 0) return [{ text }];
  const pieces: Piece[] = [];
  segments.forEach((segment, i) => {
    const bold = i % 2 === 1;
    const opens = bold && headingLevel(segment.trim()) !== undefined;
    if (pieces.length === 0 || opens)
      pieces.push({ text: segment, boldLead: bold ? segment : undefined });
    else pieces.at(-1)!.text += segment;
  });
  return pieces.filter((p) => p.text !== '');
}

function emitPiece(piece: Piece, line: number, blocks: Block[]): void {
  let rest = piece.text.trim();
  let boldLead = piece.boldLead?.trim();
  while (rest !== '') {
    const depth = headingLevel(rest);
    if (depth === undefined) {
      blocks.push({ type: 'paragraph', text: rest, line });
      return;
    }
    const head =
      boldLead && rest.startsWith(boldLead) ? boldLead : (FIRST_SENTENCE.exec(rest)?.[0] ?? rest);
    blocks.push({ type: 'heading', depth, text: head.trim(), line });
    rest = rest.slice(head.length).trim();
    boldLead = undefined;
  }
}
