import mammoth from 'mammoth';
import { SourceError } from './source-error.ts';
import type { SourceLine } from '../../model/text.ts';

// Tags that end one line of text and start the next; anything else inside them is inline.
const BLOCK = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'table',
  'tr',
  'td',
  'th',
  'blockquote',
]);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// An OLE compound file: an old binary .doc renamed to .docx, or a password-protected .docx.
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * .docx → lines, through mammoth's HTML so Word's structure survives: heading styles become the
 * numbered headings the text pipeline already understands, and a bold lead-in at the start of a
 * paragraph keeps its ** marks so structure can split it off as a heading. Every Word paragraph,
 * list item and table cell is a line of its own (nested ones too); a manual line break (Shift+Enter)
 * breaks the line like a line end in a .txt, and mend decides whether the sentence runs on.
 */
export async function docxToLines(bytes: Uint8Array, file: string): Promise<SourceLine[]> {
  if (!startsWith(bytes, ZIP)) {
    throw new SourceError(
      file,
      startsWith(bytes, OLE)
        ? '是旧版 .doc 或加了密码的 Word 文件，请在 Word 中去掉密码并另存为 .docx / an old .doc or a password-protected .docx: save it as a plain .docx'
        : '不是 Word 文件（.docx 应是 zip 格式） / not a Word file: a .docx is a zip archive',
    );
  }
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (error) {
    throw new SourceError(
      file,
      `无法读取的 Word 文件 / unreadable .docx: ${(error as Error).message}`,
    );
  }
  const lines: SourceLine[] = [];
  let paragraph = 0;
  let text = '';
  let heading: 'h1' | 'h' | undefined;
  let gapBefore = true;
  /** Ends the current line: at a block end (a Word paragraph end) or at a soft line break. */
  const flush = (paragraphEnd: boolean) => {
    const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (trimmed !== '' && trimmed !== '****') {
      // Whole-paragraph bold is emphasis of a heading or a lead-in; a heading style is a title or heading.
      const line: SourceLine = {
        text: heading ? trimmed.replace(/\*\*/g, '') : trimmed,
        line: paragraph,
        gapBefore,
      };
      if (paragraphEnd) line.paragraphEnd = true;
      if (heading) line.headingStyle = heading === 'h1' ? 2 : 3;
      lines.push(line);
      gapBefore = paragraphEnd;
    } else if (paragraphEnd) gapBefore = true;
    text = '';
  };
  // The "↑" mammoth adds after a footnote to link back to its reference is not in the document.
  const body = html.replace(/<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g, '');
  // mammoth's HTML is regular: tags and text, entities only for & < > " '.
  for (const [, closing, tag, chars] of body.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/g)) {
    if (chars !== undefined) text += decodeEntities(chars);
    else if (BLOCK.has(tag)) {
      flush(true);
      if (!closing) paragraph++;
      heading = closing || !/^h[1-6]$/.test(tag) ? undefined : tag === 'h1' ? 'h1' : 'h';
    } else if (tag === 'strong') text += '**';
    else if (tag === 'br') flush(false);
  }
  flush(true);
  if (lines.length === 0) throw new SourceError(file, 'Word 文件中没有文字 / .docx has no text');
  return lines;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}
