import iconv from 'iconv-lite';
import { SourceError } from './source-error.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

// C0 controls other than tab, LF, VT, FF, CR never occur in exported text; they mean a binary file.
// eslint-disable-next-line no-control-regex -- control characters are what this pattern detects
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u001F]/;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Bytes → text. Office PCs save as UTF-8 (with or without BOM), UTF-16 with BOM ("Unicode" in
 * Notepad) or GBK/GB18030 ("ANSI" on Chinese Windows); anything else is refused, never guessed.
 */
export function decode(bytes: Uint8Array, file: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: Decoded;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    decoded = { text: strictUtf8(buf.subarray(3), file), encoding: 'utf-8-bom' };
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    decoded = { text: strictUtf16(buf.subarray(2), 'le', file), encoding: 'utf-16le' };
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    decoded = { text: strictUtf16(buf.subarray(2), 'be', file), encoding: 'utf-16be' };
  } else {
    if (buf.includes(0)) {
      // Notepad never writes UTF-16 without a BOM, but other tools do: say so rather than just "binary".
      const hint = looksLikeUtf16(buf)
        ? '；像是没有 BOM 的 UTF-16，请另存为 UTF-8 / looks like UTF-16 without a BOM: save as UTF-8'
        : '';
      throw new SourceError(
        file,
        `二进制文件（含 NUL 字节），不是文本 / binary file (NUL bytes), not text${hint}`,
      );
    }
    const utf8 = tryUtf8(buf);
    if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8' };
    else {
      const text = iconv.decode(buf, 'gb18030');
      const bad = text.indexOf('\uFFFD');
      if (bad >= 0) {
        throw new SourceError(
          file,
          '无法识别的编码（既非 UTF-8/UTF-16，也非 GB18030） / undecodable: not UTF-8, UTF-16 or GB18030',
          lineOf(text, bad),
        );
      }
      if (isMojibake(text)) {
        throw new SourceError(
          file,
          '无法识别的编码：按 GB18030 读出来是乱码（可能是 Big5 或日文编码），请另存为 UTF-8 / undecodable: GB18030 gives mojibake (Big5 or Shift-JIS?)',
        );
      }
      decoded = { text, encoding: 'gb18030' };
    }
  }
  const control = BINARY_CONTROL.exec(decoded.text);
  if (control) {
    throw new SourceError(
      file,
      `二进制内容（控制字符 U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}） / binary content`,
      lineOf(decoded.text, control.index),
    );
  }
  if (decoded.text.replace(/[\s\u3000\u200B-\u200D\u2060\uFEFF]/g, '') === '') {
    // A file holding nothing but a BOM is as empty as one of zero bytes.
    throw new SourceError(
      file,
      decoded.text === '' ? '空文件 / empty file' : '只有空白，没有文字 / only whitespace',
    );
  }
  return decoded;
}

function tryUtf8(buf: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/** UTF-16 must decode whole: iconv-lite would drop an odd last byte and pass unpaired surrogates on. */
function strictUtf16(buf: Buffer, order: 'le' | 'be', file: string): string {
  const le = Buffer.from(buf);
  // Byte-swap big-endian by hand: Buffer.swap16 refuses an odd length, which must be reported, not thrown.
  if (order === 'be')
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le);
  } catch {
    const why =
      buf.byteLength % 2 === 1
        ? '字节数为奇数 / odd byte count'
        : '有不成对的代理项 / unpaired surrogate';
    throw new SourceError(
      file,
      `声明为 UTF-16（有 BOM）但内容不是合法的 UTF-16（${why}） / UTF-16 BOM but invalid UTF-16`,
    );
  }
}

/** Read as UTF-16 either way, the bytes give text: Han, CJK punctuation, printable ASCII, line ends. */
function looksLikeUtf16(buf: Buffer): boolean {
  return (['le', 'be'] as const).some((order) => {
    const le = Buffer.from(buf.subarray(0, buf.byteLength - (buf.byteLength % 2)));
    if (order === 'be') le.swap16();
    let text: string;
    try {
      text = new TextDecoder('utf-16le', { fatal: true }).decode(le);
    } catch {
      return false;
    }
    const plausible =
      text.match(/[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\x20-\x7E\t\r\n]/gu)?.length ?? 0;
    return text.length > 0 && plausible / text.length >= 0.9;
  });
}

// The commonest characters of Chinese prose, simplified and traditional: in real text they make
// up well over a tenth of all Han characters (14 % at the lowest across 72 work reports); Big5 or
// Shift-JIS bytes read as GB18030 are valid but random characters, where they are under 1 %.
const COMMON_HAN = new Set([
  ...'的是在和了一不人中有国國为為这這个個们們大以上我发發展会會年地要民政协協对對于於与與',
]);

function isMojibake(text: string): boolean {
  let han = 0;
  let common = 0;
  for (const ch of text) {
    if (!/\p{Script=Han}/u.test(ch)) continue;
    han++;
    if (COMMON_HAN.has(ch)) common++;
  }
  // Too little text to judge: let it through rather than refuse a short note.
  return han >= 100 && common / han < 0.03;
}

function strictUtf8(buf: Buffer, file: string): string {
  const text = tryUtf8(buf);
  if (text === undefined)
    throw new SourceError(
      file,
      '声明为 UTF-8（有 BOM）但内容不是合法的 UTF-8 / UTF-8 BOM but invalid UTF-8',
    );
  return text;
}
