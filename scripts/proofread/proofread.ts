import { AnchorCounter } from '../../src/core/anchors.ts';
import { FINDING_KINDS, type Finding, type FindingKind } from '../../src/core/proofreading.ts';
import { visible } from '../../src/core/chinese.ts';
import type { Block, Paragraph, PrintedLine, SourceLine } from '../model/text.ts';
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

/** Where in the block a finding is: the block's text, the flagged span, and the block's line and section. */
interface Place {
  text: string;
  start: number;
  end: number;
  line: number;
  anchor: string | undefined;
  /** Look for the flagged text's own source line (false: the line given is already the right one). */
  matchLine: boolean;
}

/** A finding of `kind` at `place`, with its source line and a little context either side. */
function finding(
  article: ArticleToProofread,
  kind: FindingKind,
  message: string,
  place: Place,
): Finding {
  const { text, start, end, line, anchor, matchLine } = place;
  const flagged = text.slice(start, end);
  // The line the flagged text is on: searched with a little text before it, then alone.
  const found = matchLine
    ? lineOf(article.lines, line, text.slice(Math.max(0, start - 6), end))
    : line;
  const at = found !== line || !matchLine ? found : lineOf(article.lines, line, flagged);
  // In a PDF: the page, and the line on that page.
  const printed = printedPlace(article.lines, at, flagged);
  return {
    kind,
    severity: FINDING_KINDS[kind].severity,
    message,
    text: flagged,
    source: article.source,
    ...(printed ? { line: printed.line, page: printed.page } : { line: at }),
    article: article.slug,
    title: article.title,
    sourceIndex: article.sourceIndex,
    ...(anchor ? { anchor } : {}),
    before: text.slice(whole(text, Math.max(0, start - CONTEXT)), start),
    after: text.slice(end, whole(text, end + CONTEXT)),
  };
}

/**
 * Every finding in one article: the textlint rules over its blocks, and the checks that need what
 * the pipeline knows (heading numbers, the cuts mend joined). Reads the text, never changes it.
 */
export async function proofreadArticle(article: ArticleToProofread): Promise<Finding[]> {
  const { blocks, paragraphs } = article;
  const anchors = blockAnchors(blocks);
  const findings: Finding[] = [];
  for (const hit of await lintParagraphs(blocks.map((b) => b.text))) {
    const { text, line } = blocks[hit.paragraph];
    const anchor = anchors[hit.paragraph];
    findings.push(
      finding(article, hit.kind, hit.message, {
        text,
        start: hit.start,
        end: hit.end,
        line,
        anchor,
        matchLine: true,
      }),
    );
  }
  for (const hit of headingSequence(blocks)) {
    const { text, line } = blocks[hit.block];
    const anchor = anchors[hit.block];
    const place = { text, start: hit.start, end: hit.end, line, anchor, matchLine: false };
    findings.push(finding(article, 'heading-sequence', hit.message, place));
  }
  for (const hit of paragraphCuts(paragraphs)) {
    const p = paragraphs[hit.paragraph];
    const block = blocks.findIndex((b) => b.line === p.line);
    // The cut is on the paragraph's last joined line when it is at the end, else on its first.
    const line = hit.start > 0 ? (p.joins?.at(-1)?.line ?? p.line) : p.line;
    const anchor = block >= 0 ? anchors[block] : undefined;
    const place = { text: p.text, start: hit.start, end: hit.end, line, anchor, matchLine: false };
    findings.push(finding(article, 'paragraph-cut', hit.message, place));
  }
  return findings;
}
