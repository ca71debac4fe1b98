import { describe, expect, it } from 'vitest';
import { PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { withPdfMetadata } from '../../scripts/handout/pdf-metadata.ts';

/** A two-page PDF shaped like Chromium's tagged print: outline, structure tree, MarkInfo, language. */
async function taggedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([595.28, 841.89]);
  doc.addPage([595.28, 841.89]);
  const ctx = doc.context;
  const bookmark = ctx.obj({
    Title: PDFHexString.fromText('一、总体要求'),
    Dest: [doc.getPage(1).ref, 'XYZ', 0, 800, 0],
  });
  const outlines = ctx.register(ctx.obj({ Type: 'Outlines', Count: 1 }));
  const bookmarkRef = ctx.register(bookmark);
  (ctx.lookup(outlines) as PDFDict).set(PDFName.of('First'), bookmarkRef);
  (ctx.lookup(outlines) as PDFDict).set(PDFName.of('Last'), bookmarkRef);
  bookmark.set(PDFName.of('Parent'), outlines);
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  doc.catalog.set(
    PDFName.of('StructTreeRoot'),
    ctx.register(ctx.obj({ Type: 'StructTreeRoot', K: [] })),
  );
  doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('zh-CN'));
  doc.setTitle('学习讲义 · 政协学习资料库');
  return doc.save({ useObjectStreams: false });
}

describe('withPdfMetadata', () => {
  it('writes the title and author, shows the title in the viewer, and keeps outline, tags and language', async () => {
    const { pdf, pages } = await withPdfMetadata(await taggedPdf(), {
      title: '政协常委会学习会',
      author: '政协办公厅',
    });
    expect(pages).toBe(2);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('政协常委会学习会');
    expect(doc.getAuthor()).toBe('政协办公厅');
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.lookup(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True);
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const first = outlines.lookup(PDFName.of('First'), PDFDict);
    expect((first.lookup(PDFName.of('Title')) as PDFHexString).decodeText()).toBe('一、总体要求');
    expect(
      doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('Type')),
    ).toBe(PDFName.of('StructTreeRoot'));
    expect(doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).lookup(PDFName.of('Marked'))).toBe(
      PDFBool.True,
    );
    expect((doc.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('zh-CN');
  });

  it('refuses bytes that are not a PDF rather than writing an empty document', async () => {
    await expect(
      withPdfMetadata(new TextEncoder().encode('<html>not a pdf</html>'), {
        title: 't',
        author: 'a',
      }),
    ).rejects.toThrow();
  });
});
