import { createRequire } from 'node:module';
import path from 'node:path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { isSimplified, unshareGlyphs } from '../../../src/core/pdf-text-layer.ts';
import { SourceError } from './source-error.ts';
import type { SourceLine } from '../../model/text.ts';
import { pdfLines, type PageText, type TextRun } from './pdf-layout.ts';

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
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push({ page: n, runs: content.items.flatMap((item) => run(item as TextItem)) });
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

function run(item: TextItem): TextRun[] {
  if (!('str' in item) || item.str === '') return [];
  const [a, b, , , x, y] = item.transform as number[];
  const size = Math.hypot(a, b);
  // Rotated text (a spine, a stamp) is not part of the reading text's lines.
  if (size === 0 || Math.abs(b) > 0.01 * size) return [];
  return [{ text: item.str, x0: x, x1: x + item.width, y, size }];
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
