import { execFileSync } from 'node:child_process';

/** Reading PDFs back with poppler-utils (installed by .ci/run): what a printout really holds. */

export interface PdfInfo {
  pages: number;
  widthPt: number;
  heightPt: number;
}

export function pdfInfo(file: string): PdfInfo {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(out)![1]),
    widthPt: Number(size[1]),
    heightPt: Number(size[2]),
  };
}

/** The text of each page, in reading order. */
export function pdfPages(file: string): string[] {
  const out = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return out.split('\f').slice(0, -1);
}

export interface PdfLine {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Each printed line of each page with its box in points, from pdftotext -bbox-layout. */
export function pdfLines(file: string): PdfLine[][] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return html
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g,
        ),
      ]
        .map((m) => ({
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          text: [...m[4].matchAll(/<word[^>]*>([^<]*)<\/word>/g)]
            .map((w) => unescape(w[1]))
            .join(''),
        }))
        .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin),
    );
}

/** Characters that are not space, as a printout counts them. */
export const visible = (s: string) => s.replace(/\s+/g, '');

/** The foot of a page: "— 12 —" (4号, half-width digits). */
export const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;

/** One bookmark of a PDF's outline, with the page (from 1) it opens. */
export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

/** The PDF's outline (bookmarks), read by poppler's pdftohtml, which writes it whole into its XML. */
export function pdfOutline(file: string): OutlineEntry[] {
  // One page of text is enough: the outline is written in full whatever the page range.
  const xml = execFileSync(
    'pdftohtml',
    ['-xml', '-i', '-q', '-stdout', '-f', '1', '-l', '1', file],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const root: OutlineEntry[] = [];
  const stack: OutlineEntry[][] = [];
  let current = root;
  for (const m of xml
    .slice(start)
    .matchAll(/<outline>|<\/outline>|<item page="(\d+)">([\s\S]*?)<\/item>/g)) {
    if (m[0] === '<outline>') {
      // The first <outline> is the root; a nested one holds the children of the item before it.
      if (stack.length > 0 || current !== root) current = current[current.length - 1].children;
      stack.push(current);
    } else if (m[0] === '</outline>') {
      stack.pop();
      current = stack[stack.length - 1] ?? root;
    } else current.push({ title: unescape(m[2]), page: Number(m[1]), children: [] });
  }
  return root;
}

export interface PdfMetadata {
  title: string;
  author: string;
  /** MarkInfo /Marked true: the PDF says it is tagged. */
  tagged: boolean;
}

export function pdfMetadata(file: string): PdfMetadata {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  const field = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(out)?.[1].trim() ?? '';
  return { title: field('Title'), author: field('Author'), tagged: field('Tagged') === 'yes' };
}

/** The structure tree (tags) as pdfinfo -struct prints it: one element type per line, indented by depth. */
export function pdfStructure(file: string): { type: string; depth: number }[] {
  const out = execFileSync('pdfinfo', ['-struct', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...out.matchAll(/^( *)([A-Za-z][A-Za-z0-9]*)\b/gm)].map((m) => ({
    type: m[2],
    depth: m[1].length / 2,
  }));
}

/** Headings as a tree, the way a PDF outline nests them: each under the nearest earlier higher level. */
export interface HeadingNode {
  title: string;
  children: HeadingNode[];
}

export function headingTree(headings: { level: number; text: string }[]): HeadingNode[] {
  const root: HeadingNode[] = [];
  const open: { level: number; node: HeadingNode }[] = [];
  for (const h of headings) {
    while (open.length > 0 && open[open.length - 1].level >= h.level) open.pop();
    const node = { title: h.text, children: [] };
    (open.length > 0 ? open[open.length - 1].node.children : root).push(node);
    open.push({ level: h.level, node });
  }
  return root;
}

/** An outline without pages, its titles with spaces dropped: what to compare with a heading tree. */
export function outlineTitles(entries: OutlineEntry[]): HeadingNode[] {
  return entries.map((e) => ({ title: visible(e.title), children: outlineTitles(e.children) }));
}
