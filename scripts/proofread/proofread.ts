import { AnchorCounter } from '../../src/core/anchors.ts';
import { FINDING_KINDS, type Finding, type FindingKind } from '../../src/core/proofreading.ts';
import { visible } from '../../src/core/chinese.ts';
import type { Paragraph } from '../ingest/stages/mend.ts';
import type { PrintedLine, SourceLine } from '../ingest/stages/normalise.ts';
import type { Block } from '../ingest/stages/structure.ts';
import { headingSequence } from './checks/heading-sequence.ts';
import { paragraphCuts } from './checks/paragraph-cut.ts';
import { lintParagraphs } from './lint.ts';

/** One article as the pipeline has it, with what the report needs to place a finding. */
export interface ArticleToProofread {
  source: string;
  slug: string;
  title: string;
  sourceIndex: number;
  /** The article's source lines (body only), for the line a finding is on. */
  lines: SourceLine[];
  /** Paragraphs as mend made them (with the cuts it joined) and blocks as structure made them. */
  paragraphs: Paragraph[];
  blocks: Block[];
}

const CONTEXT = 20;

/** An offset moved off the middle of a surrogate pair (𠮷, emoji), so context never holds half a character. */
function whole(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/** Each block's section anchor, as rehype-section-anchors gives them on the page. */
function blockAnchors(blocks: Block[]): (string | undefined)[] {
  const anchors = new AnchorCounter();
  return blocks.map((b) =>
    b.type === 'heading' ? anchors.heading(b.depth) : anchors.current || undefined,
  );
}

/** The source line holding `needle`, looking from `from` on; the block's own line when it cannot be told. */
function lineOf(lines: SourceLine[], from: number, needle: string): number {
  const start = lines.findIndex((l) => l.line >= from);
  if (start < 0 || needle.trim() === '') return from;
  for (let i = start; i < lines.length && i < start + 400; i++)
    if (visible(lines[i].text).replace(/\*\*/g, '').includes(needle)) return lines[i].line;
  return from;
}

/** In a PDF: the page, and the line on it, of the printed line holding `needle` in source line `at`. */
function printedPlace(lines: SourceLine[], at: number, needle: string): PrintedLine | undefined {
  const line = lines.find((l) => l.line === at);
  if (!line?.printed) return undefined;
  const offset = Math.max(0, line.text.indexOf(needle));
  return line.printed.findLast((p) => p.at <= offset) ?? line.printed[0];
}

/**
 * Where a finding is: the source line the flagged text is on, searched with a little text before it,
 * then alone; in a PDF, the page and the line on that page.
 */
function findingPlace(
  lines: SourceLine[],
  text: string,
  start: number,
  end: number,
  line: number,
  matchLine: boolean,
): { line: number; page?: number } {
  const flagged = text.slice(start, end);
  const found = matchLine ? lineOf(lines, line, text.slice(Math.max(0, start - 6), end)) : line;
  const at = found !== line || !matchLine ? found : lineOf(lines, line, flagged);
  const printed = printedPlace(lines, at, flagged);
  return printed ? { line: printed.line, page: printed.page } : { line: at };
}

/** A paragraph cut mend joined: its paragraph, the line the cut is on, and its section's anchor. */
function cutPlace(
  article: ArticleToProofread,
  anchors: (string | undefined)[],
  hit: { paragraph: number; start: number },
) {
  const p = article.paragraphs[hit.paragraph];
  const block = article.blocks.findIndex((b) => b.line === p.line);
  // The cut is on the paragraph's last joined line when it is at the end, else on its first.
  const line = hit.start > 0 ? (p.joins?.at(-1)?.line ?? p.line) : p.line;
  return { p, line, anchor: block >= 0 ? anchors[block] : undefined };
}

/**
 * Every finding in one article: the textlint rules over its blocks, and the checks that need what
 * the pipeline knows (heading numbers, the cuts mend joined). Reads the text, never changes it.
 */
export async function proofreadArticle(article: ArticleToProofread): Promise<Finding[]> {
  const anchors = blockAnchors(article.blocks);
  const findings: Finding[] = [];
  const add = (
    kind: FindingKind,
    message: string,
    text: string,
    start: number,
    end: number,
    line: number,
    anchor: string | undefined,
    matchLine = true,
  ) => {
    const flagged = text.slice(start, end);
    const place = findingPlace(article.lines, text, start, end, line, matchLine);
    findings.push({
      kind,
      severity: FINDING_KINDS[kind].severity,
      message,
      text: flagged,
      source: article.source,
      ...place,
      article: article.slug,
      title: article.title,
      sourceIndex: article.sourceIndex,
      ...(anchor ? { anchor } : {}),
      before: text.slice(whole(text, Math.max(0, start - CONTEXT)), start),
      after: text.slice(end, whole(text, end + CONTEXT)),
    });
  };
  for (const hit of await lintParagraphs(article.blocks.map((b) => b.text))) {
    const block = article.blocks[hit.paragraph];
    add(hit.kind, hit.message, block.text, hit.start, hit.end, block.line, anchors[hit.paragraph]);
  }
  for (const hit of headingSequence(article.blocks)) {
    const block = article.blocks[hit.block];
    add(
      'heading-sequence',
      hit.message,
      block.text,
      hit.start,
      hit.end,
      block.line,
      anchors[hit.block],
      false,
    );
  }
  for (const hit of paragraphCuts(article.paragraphs)) {
    const { p, line, anchor } = cutPlace(article, anchors, hit);
    add('paragraph-cut', hit.message, p.text, hit.start, hit.end, line, anchor, false);
  }

  return findings;
}
