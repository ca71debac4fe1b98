import { PDFDocument } from 'pdf-lib';

/** What a reader's PDF viewer shows in its document properties and title bar. */
export interface PdfMetadata {
  title: string;
  author: string;
}

/**
 * Writes the title and author into a PDF Chromium printed. Chromium sets the title from
 * document.title but has no way to set an author, so the handout command fills both in here.
 * Everything else Chromium wrote (outline, structure tags, language, fonts) is kept as it was:
 * pdf-lib rewrites the same objects and touches only the Info dictionary and the viewer preferences.
 */
export async function withPdfMetadata(
  pdf: Uint8Array,
  meta: PdfMetadata,
  now = new Date(),
): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  // showInWindowTitleBar: viewers show the title, not the file name (PDF/UA asks for DisplayDocTitle).
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setModificationDate(now);
  // PDF 1.4 as Chromium wrote it: no object streams, which need 1.5.
  return { pdf: await doc.save({ useObjectStreams: false }), pages: doc.getPageCount() };
}
