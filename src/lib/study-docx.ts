import { AlignmentType, Document, HeadingLevel, Paragraph, TextRun, type FileChild } from 'docx';
import { SITE_NAME } from '../core/site.ts';

/**
 * The Word files a reader hands in (学习笔记, 学习台账): plain A4 documents in 宋体 that any
 * office's Word or WPS opens as they are. Built in the browser from what it stores; nothing is sent.
 */
export function studyDocument(title: string, children: FileChild[]): Document {
  return new Document({
    creator: SITE_NAME,
    title,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' },
            size: 24,
          },
          paragraph: { spacing: { line: 360 } },
        },
        heading1: {
          run: { font: { eastAsia: '黑体' }, size: 32, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font: { eastAsia: '楷体' }, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 180, after: 60 } },
        },
        title: { run: { font: { eastAsia: '宋体' }, size: 44, bold: true, color: '000000' } },
      },
    },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(title)],
          }),
          ...children,
        ],
      },
    ],
  });
}

export function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [new TextRun(text)],
  });
}

/** A paragraph with an optional bold label: "心得：" + text. */
export function line(
  text: string,
  options: { label?: string; indent?: boolean; muted?: boolean } = {},
): Paragraph {
  return new Paragraph({
    indent: options.indent ? { left: 480 } : undefined,
    children: [
      ...(options.label ? [new TextRun({ text: options.label, bold: true })] : []),
      new TextRun({ text, color: options.muted ? '555555' : undefined }),
    ],
  });
}
