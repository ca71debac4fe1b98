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
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), widthPt: Number(size[1]), heightPt: Number(size[2]) };
}

/** The text of each page, in reading order. */
export function pdfPages(file: string): string[] {
  const out = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return out.split('\f').slice(0, -1);
}

export interface PdfLine {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Each printed line of each page with its box in points, from pdftotext -bbox-layout. */
export function pdfLines(file: string): PdfLine[][] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return html.split(/<page /).slice(1).map((page) =>
    [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)]
      .map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        text: [...m[4].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1])).join(''),
      }))
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin),
  );
}

/** Characters that are not space, as a printout counts them. */
export const visible = (s: string) => s.replace(/\s+/g, '');

/** The foot of a page: "— 12 —" (4号, half-width digits). */
export const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;
