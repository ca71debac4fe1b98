import { TERMINAL, headingLevel, squeezeSpaces } from '../../../src/core/chinese.ts';
import { unifyRadicals } from '../../../src/core/pdf-text-layer.ts';
import { isPageFurniture } from './furniture.ts';
import type { SourceLine } from '../../model/text.ts';

/** One piece of text as a PDF draws it: its string, where it starts and ends on the baseline, its size. */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, in PDF units from the foot of the page. */
  y: number;
  size: number;
}

export interface PageText {
  /** 1-based page number. */
  page: number;
  runs: TextRun[];
}

/** Runs on one baseline with no column gutter between them: a line of one column, or a spanning line. */
interface Segment extends TextRun {
  page: number;
  /** Index of the column it stands in; -1 for a line that spans the columns. */
  column: number;
}

/** A page's text block: where its columns stand, left to right. */
interface Columns {
  bounds: { left: number; right: number }[];
  left: number;
  right: number;
}

/**
 * Typeset pages → one line per paragraph, in reading order: columns read top to bottom, left to
 * right, with the titles, banners and author lines that span them first; running heads and folios
 * (text repeated at the top or foot of the pages) left out; a paragraph that runs on from one column
 * or page into the next is one line. A paragraph starts at a first-line indent, after a line that
 * stops short of the column's edge, or where the type size changes.
 */
export function pdfLines(pages: PageText[]): SourceLine[] {
  const perPage = pages.map((p) => baselines(p));
  const bodySize = commonSize(perPage.flat());
  const furniture = repeatedAtEdges(perPage, bodySize);
  const kept = perPage.map((segments) => segments.filter((s) => !furniture.has(s)));
  const block = textBlock(kept.flat(), bodySize);
  const gutters = kept.map((segments) => findGutters(segments, bodySize, block));
  const leading = linePitch(kept, bodySize) / bodySize;
  const ordered = kept.flatMap((segments, i) => {
    const columns = pageColumns(segments, gutters[i], gutters, block);
    return readingOrder(segments, columns, bodySize).map((s) => ({ segment: s, columns, leading }));
  });
  return paragraphs(ordered);
}

/** A page's runs gathered into segments: runs on one baseline, cut where a column gutter stands. */
function baselines(page: PageText): Segment[] {
  // Runs of spaces stay: a word gap the PDF drew as a space is in the text.
  const runs = [...page.runs].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: TextRun[][] = [];
  for (const r of runs) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0].y - r.y) < 0.4 * Math.min(line[0].size, r.size)) line.push(r);
    else lines.push([r]);
  }
  return lines.flatMap((line) =>
    cutAtGutters(
      line.sort((a, b) => a.x0 - b.x0),
      page.page,
    ),
  );
}

/** PDF.js's SPACE_IN_FLOW_MIN_FACTOR: the gap, in multiples of the type size, it reads as a space. */
const SPACE_GAP = 0.102;

function cutAtGutters(line: TextRun[], page: number): Segment[] {
  const out: Segment[] = [];
  let current: Segment | undefined;
  for (const r of line) {
    const gap = current ? r.x0 - current.x1 : Infinity;
    const blank = r.text.trim() === '';
    if (current && gap < 1.5 * Math.max(current.size, r.size)) {
      // A gap between runs is a space, on the measure PDF.js takes inside a run (a tenth of the type):
      // a space the PDF drew as a glyph, or did not draw (between Latin words). Gaps a justified
      // line spreads between characters are closed up afterwards (unspaced).
      const spaced = gap > SPACE_GAP * r.size && !/\s$/.test(current.text) && !/^\s/.test(r.text);
      // A blank run is a gap: a word space, or the ideographic space the text has there.
      current.text +=
        (spaced ? ' ' : '') + (blank ? (/\u3000/.test(r.text) ? '\u3000' : ' ') : r.text);
      // A space's extent says nothing: PDF.js may give one that reaches across the gutter.
      if (!blank) {
        current.x1 = Math.max(current.x1, r.x1);
        current.size = Math.max(current.size, r.size);
      }
    } else if (!blank) {
      // A space never starts a segment: where a line starts is where its first character stands.
      current = { ...r, page, column: 0 };
      out.push(current);
    }
  }
  for (const s of out) s.text = unspaced(unifyRadicals(s.text).trim());
  return out.filter((s) => s.text !== '');
}

/**
 * Letter-spaced type (a banner "深 入 学 习") and a justified line stretched between its characters
 * ("不搞 “ 清一色”", "增长 7.4% ，") come out of the text layer with spaces between characters:
 * spacing, not words. Such a line shows it between Chinese characters, where a text has no space
 * ("进 出 口 贸 易"): where a line has two or more gaps between two Chinese characters, every gap
 * beside a Chinese character is closed up; a gap between two Latin words stays. In a line set tight
 * the gaps are the spaces the text has ("1 9 9 3 年3 月", "由于 “四人帮”"), and in a short line (a
 * column label "履职 风采", a speaker "李 强") a gap is the typesetter's word gap: both stay.
 */
function unspaced(text: string): string {
  const besideWide = new RegExp(`(?<=${WIDE}) +|(?<=\\S) +(?=${WIDE})`, 'gu');
  const spread = text.match(/\p{Script=Han} +(?=\p{Script=Han})/gu)?.length ?? 0;
  if ([...text].length <= 12 || spread < 2) return text;
  return text.replace(besideWide, '');
}

/** Characters set on the full-width grid: Han, CJK and full-width punctuation, Chinese quotes. */
const WIDE = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’…—·]';

/** The commonest distance between consecutive body baselines: the leading of the body text. */
function linePitch(pages: Segment[][], bodySize: number): number {
  const counts = new Map<number, number>();
  for (const segments of pages) {
    const ys = [...new Set(segments.filter((s) => sameSize(s.size, bodySize)).map((s) => s.y))];
    ys.sort((a, b) => b - a);
    for (let i = 1; i < ys.length; i++) {
      const d = Math.round((ys[i - 1] - ys[i]) * 2) / 2;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1.5 * bodySize;
}

/** The size most of the text is set in: the body type. */
function commonSize(segments: Segment[]): number {
  const bySize = new Map<number, number>();
  for (const s of segments) {
    const size = Math.round(s.size * 10) / 10;
    bySize.set(size, (bySize.get(size) ?? 0) + s.text.length);
  }
  return [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/** A page edge's text reduced to what repeats: numbers (the folio) count as one. */
const edgeKey = (s: Segment) => squeezeSpaces(s.text).replace(/[0-9０-９]+/g, '#');

/**
 * The running heads and folios: the top and bottom lines of a page whose text (numbers aside)
 * recurs at the same place on at least half the pages, that read as a folio or a journal-and-issue
 * line by themselves, or that are set smaller than the body and stand apart from it by more than two
 * lines' space (a running head over a single page). Nothing below the top line or above the bottom
 * line is ever taken.
 */
function repeatedAtEdges(pages: Segment[][], bodySize: number): Set<Segment> {
  const edges = pages.flatMap((segments) => pageEdges(segments, bodySize));
  const key = (s: Segment) => `${Math.round(s.y)}|${edgeKey(s)}`;
  const counts = new Map<string, number>();
  for (const { segment } of edges) counts.set(key(segment), (counts.get(key(segment)) ?? 0) + 1);
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  return new Set(
    edges
      .filter(
        ({ segment, apart }) =>
          (counts.get(key(segment)) ?? 0) >= enough ||
          isPageFurniture(segment.text) ||
          (apart && segment.size < 0.9 * bodySize),
      )
      .map(({ segment }) => segment),
  );
}

/** The segments on a page's top and bottom baselines, and whether each stands apart from the text. */
function pageEdges(segments: Segment[], bodySize: number): { segment: Segment; apart: boolean }[] {
  if (segments.length < 2) return [];
  const ys = [...new Set(segments.map((s) => s.y))].sort((a, b) => b - a);
  const [top, next] = ys;
  const [bottom, above] = [ys[ys.length - 1], ys[ys.length - 2]];
  return segments.flatMap((segment) => {
    if (segment.y === top) return [{ segment, apart: top - next > 2.5 * bodySize }];
    if (segment.y === bottom) return [{ segment, apart: above - bottom > 2.5 * bodySize }];
    return [];
  });
}

/** Where the body text stands on the pages: the same margins on every page of a journal. */
function textBlock(segments: Segment[], bodySize: number): { left: number; right: number } {
  const body = segments.filter((s) => sameSize(s.size, bodySize));
  const all = body.length > 0 ? body : segments;
  return {
    left: Math.min(...all.map((s) => s.x0)),
    right: Math.max(...all.map((s) => s.x1)),
  };
}

interface Gutter {
  from: number;
  to: number;
}

/**
 * The gutters of a page: stretches across the text block that no body line covers (a line or two
 * may bridge them: a spanning line set in body type). Centred lines alone on their baseline (a
 * speech's head, a speaker) say nothing of the columns.
 */
function findGutters(
  segments: Segment[],
  bodySize: number,
  block: { left: number; right: number },
): Gutter[] {
  const middle = (block.left + block.right) / 2;
  const body = segments.filter(
    (s) => sameSize(s.size, bodySize) && !(centredOn(s, middle) && aloneOnBaseline(s, segments)),
  );
  const cover = new Array<number>(Math.max(0, Math.ceil(block.right - block.left)) + 1).fill(0);
  for (const s of body)
    for (let x = Math.floor(s.x0 - block.left); x < Math.ceil(s.x1 - block.left); x++) cover[x]++;
  const allowed = Math.floor(body.length * 0.03);
  const gutters: Gutter[] = [];
  for (let x = 0; x < cover.length;) {
    let end = x;
    while (end < cover.length && cover[end] <= allowed) end++;
    if (end - x >= 0.8 * bodySize && x > 0 && end < cover.length)
      gutters.push({ from: block.left + x, to: block.left + end });
    x = Math.max(end, x + 1);
  }
  return gutters;
}

/**
 * A page's columns, of equal width across the text block. The gutter is the narrowest the pages
 * show for that many columns (an indent or a short line only widens it). A page too empty to show
 * its gutters (a last page with text in one column) takes the columns most pages have, when its
 * lines fit them.
 */
function pageColumns(
  segments: Segment[],
  own: Gutter[],
  all: Gutter[][],
  block: { left: number; right: number },
): Columns {
  const counts = new Map<number, number>();
  for (const g of all) counts.set(g.length, (counts.get(g.length) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  const columns = (n: number): Columns => {
    const widths = all.filter((g) => g.length === n).flatMap((g) => g.map((x) => x.to - x.from));
    const gutter = n > 0 ? Math.min(...widths) : 0;
    const width = (block.right - block.left - n * gutter) / (n + 1);
    const bounds = Array.from({ length: n + 1 }, (_, k) => ({
      left: block.left + k * (width + gutter),
      right: block.left + k * (width + gutter) + width,
    }));
    return { bounds, left: block.left, right: block.right };
  };
  if (own.length >= common) return columns(own.length);
  const fitted = columns(common);
  const fits = segments.every((s) =>
    fitted.bounds.some((b) => s.x0 >= b.left - s.size && s.x1 <= b.right + s.size),
  );
  return fits ? fitted : columns(own.length);
}

const sameSize = (a: number, b: number) => Math.abs(a - b) <= 0.02 * b;

/**
 * Columns top to bottom, left to right; a line that spans the columns (a title, a banner, an author
 * line) ends the columns above it and is read before the columns beneath it.
 */
function readingOrder(segments: Segment[], columns: Columns, bodySize: number): Segment[] {
  const sorted = [...segments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  for (const s of sorted) s.column = columnOf(s, sorted, columns, bodySize);
  const out: Segment[] = [];
  let band: Segment[] = [];
  const flush = () => {
    out.push(...band.sort((a, b) => a.column - b.column || b.y - a.y));
    band = [];
  };
  for (const s of sorted) {
    if (s.column >= 0) band.push(s);
    else {
      flush();
      out.push(s);
    }
  }
  flush();
  return out;
}

/** The column a segment stands in, or -1 when it spans them (crosses a gutter, or stands centred alone). */
function columnOf(s: Segment, page: Segment[], columns: Columns, bodySize: number): number {
  const { bounds } = columns;
  if (bounds.length <= 1) return 0;
  const at = bounds.findIndex((b) => s.x0 < b.right);
  const column = at < 0 ? bounds.length - 1 : at;
  if (s.x1 > bounds[column].right + s.size) return -1;
  const centred = centredOn(s, (columns.left + columns.right) / 2);
  const width = bounds[column].right - bounds[column].left;
  return centred &&
    aloneOnBaseline(s, page) &&
    (!sameSize(s.size, bodySize) || s.x1 - s.x0 < 0.9 * width)
    ? -1
    : column;
}

const centredOn = (s: Segment, middle: number) =>
  Math.abs((s.x0 + s.x1) / 2 - middle) < 1.5 * s.size;

const aloneOnBaseline = (s: Segment, page: Segment[]) =>
  !page.some((o) => o !== s && Math.abs(o.y - s.y) < 0.8 * Math.max(o.size, s.size));

/** Where a segment's column starts and ends on its page (the whole text block for a spanning line). */
function edges(s: Segment, columns: Columns): { left: number; right: number } {
  return s.column >= 0 && columns.bounds[s.column]
    ? columns.bounds[s.column]
    : { left: columns.left, right: columns.right };
}

interface Placed {
  segment: Segment;
  columns: Columns;
  /** The distance from baseline to baseline of the body text, in multiples of its size. */
  leading: number;
}

/** Segments in reading order → one source line per paragraph, its line the running number of its first segment. */
function paragraphs(ordered: Placed[]): SourceLine[] {
  const out: SourceLine[] = [];
  let onPage = 0;
  ordered.forEach((placed, i) => {
    const { segment } = placed;
    const previous = ordered[i - 1];
    onPage = previous?.segment.page === segment.page ? onPage + 1 : 1;
    const indented = isIndented(segment, edges(segment, placed.columns));
    const last = out.at(-1);
    if (last && previous && !opensParagraph(previous, placed, indented)) {
      const joined = joinLineEnd(last.text, segment.text);
      last.printed?.push({
        at: joined.length - segment.text.length,
        page: segment.page,
        line: onPage,
      });
      last.text = joined;
      return;
    }
    const line: SourceLine = {
      text: segment.text,
      line: i + 1,
      gapBefore: true,
      printed: [{ at: 0, page: segment.page, line: onPage }],
    };
    if (indented) line.indented = true;
    out.push(line);
  });
  return out;
}

/**
 * A first-line indent: the line starts more than half a character in from its column's edge. A line
 * centred with room on both sides (a title's second line, a speaker) is not indented.
 */
function isIndented(s: Segment, { left, right }: { left: number; right: number }): boolean {
  const inset = s.x0 - left;
  const centred = Math.abs(inset - (right - s.x1)) < 1.5 * s.size && inset > 2.5 * s.size;
  return inset > 0.6 * s.size && !centred;
}

/**
 * True where a new paragraph starts: a first-line indent, a change of type size or of spanning, or
 * a line before that stops short of its column's edge, space above the line.
 * A spanning line runs on only from a full one (a title set on two lines).
 */
function opensParagraph(before: Placed, placed: Placed, indented: boolean): boolean {
  const a = before.segment;
  const b = placed.segment;
  if (indented || !sameSize(a.size, b.size)) return true;
  if (a.column < 0 !== b.column < 0) return true;
  // Space above a line (a heading set flush left after a full last line) opens a paragraph; at
  // the top of a column or page there is no space to see, and a numbered heading after a sentence's
  // end is told by its number ("二、", "（三）").
  if (a.page !== b.page || a.column !== b.column) {
    if (TERMINAL.test(a.text) && headingLevel(b.text) !== undefined) return true;
  } else if (a.y - b.y > (before.leading + 0.2) * b.size) return true;
  const { right } = edges(a, before.columns);
  if (a.column < 0) return a.x1 - a.x0 < 0.85 * (before.columns.right - before.columns.left);
  return a.x1 < right - 1.2 * a.size;
}

/**
 * A line end inside a paragraph: Chinese runs on without a space; two Latin words keep the space the
 * line break stood for, as mend joins them in a text export; a number cut in two is rejoined whole.
 */
function joinLineEnd(before: string, after: string): string {
  return /[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(after)
    ? `${before} ${after}`
    : before + after;
}
