import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, type PDFObject } from 'pdf-lib';

/**
 * A CJK font draws some characters with a glyph it shares with another (户 and 戶, 人 and the
 * radical ⼈, the dash — and the bar ―), and the font's map from glyphs back to text can name only
 * one of them. A PDF writer that knows the text says which character it drew in a marked-content
 * sequence: `/Span <</ActualText (户)>> BDC … EMC` (Chromium does, for every such glyph). PDF.js's
 * text layer gives the sequences' bounds but not their ActualText: it is read here from the pages'
 * content streams, in the order the sequences open.
 *
 * For each page, the ActualText of each marked-content sequence (BMC or BDC) in the order they
 * open, undefined for a sequence without one; undefined for a page whose content cannot be read
 * (then its text layer is taken as PDF.js gives it). Sequences in form XObjects are not read: a
 * page whose count disagrees with PDF.js's is left as PDF.js gives it.
 */
export async function actualTexts(
  bytes: Uint8Array,
): Promise<((string | undefined)[] | undefined)[]> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    return doc.getPages().map((page) => {
      try {
        return markedContent(contentOf(page.node.Contents(), (o) => doc.context.lookup(o)));
      } catch {
        return undefined;
      }
    });
  } catch {
    return [];
  }
}

/** A page's content streams, decoded and joined, as Latin-1 text (operators and names are ASCII). */
function contentOf(
  contents: PDFObject | undefined,
  lookup: (o: PDFObject) => PDFObject | undefined,
): string {
  const streams = contents instanceof PDFArray ? contents.asArray().map(lookup) : [contents];
  const decoder = new TextDecoder('latin1');
  return streams
    .map((s) => (s instanceof PDFRawStream ? decoder.decode(decodePDFRawStream(s).decode()) : ''))
    .join('\n');
}

const DELIMITER = /[\s()<>[\]{}/%]/;

/** The marked-content sequences of a content stream, in order: each one's ActualText or undefined. */
export function markedContent(content: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let operands: string[] = [];
  for (let i = 0; i < content.length;) {
    const c = content[i];
    if (/\s/.test(c)) i++;
    else if (c === '%') i = lineEnd(content, i);
    else if (c === '(' || (c === '<' && content[i + 1] !== '<')) {
      const end = c === '(' ? literalEnd(content, i) : content.indexOf('>', i) + 1;
      if (end <= 0) throw new Error('unterminated string');
      operands.push(content.slice(i, end));
      i = end;
    } else if ('<>'.includes(c) || '[]{}'.includes(c)) {
      const token = '<>'.includes(c) ? content.slice(i, i + 2) : c;
      operands.push(token);
      i += token.length;
    } else {
      let end = i + 1;
      while (end < content.length && !DELIMITER.test(content[end])) end++;
      const token = content.slice(i, end);
      i = end;
      if (c === '/' || /^[+\-.\d]/.test(token)) operands.push(token);
      else {
        if (token === 'BMC') out.push(undefined);
        if (token === 'BDC') out.push(actualTextIn(operands));
        // An inline image's data is binary: skip it to its EI.
        if (token === 'ID') i = inlineImageEnd(content, i);
        operands = [];
      }
    }
  }
  return out;
}

const lineEnd = (s: string, i: number) => {
  const m = /[\r\n]/.exec(s.slice(i));
  return m ? i + m.index : s.length;
};

function inlineImageEnd(s: string, from: number): number {
  const m = /\sEI(?=[\s]|$)/.exec(s.slice(from + 1));
  return m ? from + 1 + m.index + m[0].length : s.length;
}

/** The index after a literal string's closing parenthesis (strings nest balanced parentheses). */
function literalEnd(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The ActualText of a BDC's inline property list (a list named from the resources is not read). */
function actualTextIn(operands: string[]): string | undefined {
  const at = operands.indexOf('/ActualText');
  const value = at >= 0 ? operands[at + 1] : undefined;
  return value === undefined ? undefined : decodeTextString(value);
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** A PDF text string, literal "(…)" or hex "<…>": UTF-16BE after a byte-order mark, else PDFDocEncoding (read as Latin-1). */
export function decodeTextString(token: string): string {
  let bytes: string;
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s/g, '');
    bytes = (hex.length % 2 ? `${hex}0` : hex).replace(/../g, (h) =>
      String.fromCharCode(parseInt(h, 16)),
    );
  } else
    bytes = token
      .slice(1, -1)
      .replace(/\\(?:([0-7]{1,3})|(\r\n|[\r\n])|([\s\S]))/g, (_, octal, newline, c) =>
        octal ? String.fromCharCode(parseInt(octal, 8) & 0xff) : newline ? '' : (ESCAPES[c] ?? c),
      );
  if (!bytes.startsWith('\u00fe\u00ff')) return bytes;
  const utf16 = Uint8Array.from(bytes.slice(2), (c) => c.charCodeAt(0));
  return new TextDecoder('utf-16be').decode(utf16);
}
