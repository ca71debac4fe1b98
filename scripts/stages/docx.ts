import mammoth from 'mammoth';
import { SourceError } from './source-error.ts';
import type { SourceLine } from './normalise.ts';

/**
 * .docx → lines, through mammoth's HTML so Word's structure survives: heading styles become the
 * numbered headings the text pipeline already understands, and a bold lead-in at the start of a
 * paragraph keeps its ** marks so structure can split it off as a heading.
 */
export async function docxToLines(bytes: Uint8Array, file: string): Promise<SourceLine[]> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (error) {
    throw new SourceError(file, `无法读取的 Word 文件 / unreadable .docx: ${(error as Error).message}`);
  }
  const lines: SourceLine[] = [];
  const blockPattern = /<(h[1-6]|p|li)[^>]*>([\s\S]*?)<\/\1>/g;
  let n = 0;
  for (const m of html.matchAll(blockPattern)) {
    n++;
    const inner = m[2]
      .replace(/<strong>([\s\S]*?)<\/strong>/g, '**$1**')
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<[^>]+>/g, '');
    const text = decodeEntities(inner).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (text === '' || text === '****') continue;
    // Whole-paragraph bold is emphasis of a heading or a lead-in; a heading style is a title or heading.
    lines.push({ text: m[1].startsWith('h') ? text.replace(/\*\*/g, '') : text, line: n, gapBefore: true });
  }
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
