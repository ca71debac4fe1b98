import { createRequire } from 'node:module';
import path from 'node:path';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { isSimplified, unshareGlyphs } from '../../../src/core/pdf-text-layer.ts';
import { SourceError } from './source-error.ts';
import type { SourceLine } from '../../model/text.ts';
import { pdfLines, type PageText, type TextRun } from './pdf-layout.ts';
import { actualTexts } from './pdf-actual-text.ts';

const PDF_MAGIC = '%PDF-';
// Chinese PDFs often set their text in fonts with Adobe's predefined CMaps (UniGB-UCS2-H …): without
// them PDF.js cannot tell which characters the codes are.
const PDFJS = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAPS = `${path.join(PDFJS, 'cmaps')}${path.sep}`;
const STANDARD_FONTS = `${path.join(PDFJS, 'standard_fonts')}${path.sep}`;

/**
 * .pdf → lines, through PDF.js's text layer: every text run with its position and size. The page
 * geometry (columns, spanning titles, running heads and folios, paragraph indents) is read in
 * pdf-layout.ts; what comes out is one line per typeset paragraph, as a text export has it, so the
 * text rules after it (split, mend, structure) read a PDF as they read a .txt.
 */
export async function pdfToLines(bytes: Uint8Array, file: string): Promise<SourceLine[]> {
  const pages = await readPages(bytes, file);
  if (!pages.some((p) => p.runs.some((r) => r.text.trim() !== '')))
    throw new SourceError(
      file,
      '没有文字层（扫描件），请先做文字识别 / image-only PDF (a scan): run text recognition (OCR) first',
    );
  const lines = pdfLines(pages);
  const simplified = isSimplified(lines.map((l) => l.text).join(''));
  return lines.map((l) => ({ ...l, text: unshareGlyphs(l.text, simplified) }));
}

/** The text runs of every page, or an error naming the file for a PDF that cannot be read. */
async function readPages(bytes: Uint8Array, file: string): Promise<PageText[]> {
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).indexOf(PDF_MAGIC) < 0)
    throw new SourceError(file, '不是 PDF 文件（开头没有 %PDF-） / not a PDF file');
  // Loaded when a PDF comes: an archive of text files never pays for PDF.js.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js takes the buffer over; the caller's bytes are hashed and must stay as they are.
  const loading = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: CMAPS,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS,
  });
  try {
    const doc = await loading.promise;
    const actual = await actualTexts(bytes);
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      pages.push({ page: n, runs: pageRuns(content.items, actual[n - 1]) });
      page.cleanup();
    }
    await doc.destroy();
    return pages;
  } catch (error) {
    throw pdfError(error, file);
  } finally {
    await loading.destroy();
  }
}

/**
 * A page's text items → runs, each marked-content sequence that has an ActualText (pdf-actual-text.ts)
 * read as that text, placed where its glyphs stand. Where the page's sequences cannot be matched to
 * PDF.js's one for one, the glyphs are read as the font maps them.
 */
export function pageRuns(
  items: (TextItem | TextMarkedContent)[],
  actual: (string | undefined)[] | undefined,
): TextRun[] {
  const opened = items.filter((i) => 'type' in i && i.type !== 'endMarkedContent').length;
  const texts = actual?.length === opened ? actual : [];
  const out: TextRun[] = [];
  const open: { actual?: string; from: number }[] = [];
  let opening = 0;
  // A space character PDF.js skipped (it draws nothing): the gap it reports next stands for it.
  let skippedSpace: string | undefined;
  for (const item of items) {
    if (!('type' in item)) {
      const runs = run(item);
      if (skippedSpace && runs[0] && /^\s/.test(runs[0].text))
        runs[0].text = skippedSpace + runs[0].text.replace(/^\s+/, '');
      if (runs.length > 0) skippedSpace = undefined;
      out.push(...runs);
    } else if (item.type !== 'endMarkedContent')
      open.push({ actual: texts[opening++], from: out.length });
    else {
      const span = open.pop();
      // The outermost ActualText stands for everything inside it.
      if (span?.actual === undefined || open.some((o) => o.actual !== undefined)) continue;
      const drawn = out.splice(span.from);
      if (drawn.length === 0 && /^\s+$/.test(span.actual)) skippedSpace = span.actual;
      out.push(...spoken(drawn, span.actual));
    }
  }
  return out;
}

function run(item: TextItem): TextRun[] {
  if (!('str' in item) || item.str === '') return [];
  const [a, b, , , x, y] = item.transform as number[];
  const size = Math.hypot(a, b);
  // Rotated text (a spine, a stamp) is not part of the reading text's lines.
  if (size === 0 || Math.abs(b) > 0.01 * size) return [];
  return [{ text: item.str, x0: x, x1: x + item.width, y, size }];
}

/**
 * The runs a sequence drew, read as its ActualText: one run over their extent (none for an empty
 * text). A blank run in front is the gap PDF.js measured before the first glyph: it stays in front.
 */
function spoken(runs: TextRun[], text: string): TextRun[] {
  const gaps = runs.findIndex((r) => r.text.trim() !== '');
  if (gaps < 0 || text === '') return runs.slice(0, gaps < 0 ? runs.length : 0);
  const glyphs = runs.slice(gaps);
  return [
    ...runs.slice(0, gaps),
    {
      text,
      x0: Math.min(...glyphs.map((r) => r.x0)),
      x1: Math.max(...glyphs.map((r) => r.x1)),
      y: glyphs[0].y,
      size: Math.max(...glyphs.map((r) => r.size)),
    },
  ];
}

function pdfError(error: unknown, file: string): SourceError {
  const name = (error as { name?: string }).name;
  const message = (error as Error).message;
  if (name === 'PasswordException')
    return new SourceError(
      file,
      'PDF 文件加了密码（加密），请去掉密码后另存 / encrypted PDF: save a copy without the password',
    );
  return new SourceError(
    file,
    `PDF 文件已损坏，无法读取 / damaged PDF, cannot be read: ${message}`,
  );
}
