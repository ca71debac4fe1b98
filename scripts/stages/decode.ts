import iconv from 'iconv-lite';
import { SourceError } from './source-error.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

// C0 controls other than tab, LF, VT, FF, CR never occur in exported text; they mean a binary file.
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
    decoded = { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    decoded = { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    if (buf.includes(0)) throw new SourceError(file, '二进制文件（含 NUL 字节），不是文本 / binary file (NUL bytes), not text');
    const utf8 = tryUtf8(buf);
    if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8' };
    else {
      const text = iconv.decode(buf, 'gb18030');
      const bad = text.indexOf('\uFFFD');
      if (bad >= 0) {
        throw new SourceError(file, '无法识别的编码（既非 UTF-8/UTF-16，也非 GB18030） / undecodable: not UTF-8, UTF-16 or GB18030', lineOf(text, bad));
      }
      decoded = { text, encoding: 'gb18030' };
    }
  }
  const control = BINARY_CONTROL.exec(decoded.text);
  if (control) {
    throw new SourceError(file, `二进制内容（控制字符 U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}） / binary content`, lineOf(decoded.text, control.index));
  }
  if (decoded.text.replace(/[\s\u3000\u200B-\u200D\u2060\uFEFF]/g, '') === '') {
    throw new SourceError(file, bytes.byteLength === 0 ? '空文件 / empty file' : '只有空白，没有文字 / only whitespace');
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

function strictUtf8(buf: Buffer, file: string): string {
  const text = tryUtf8(buf);
  if (text === undefined) throw new SourceError(file, '声明为 UTF-8（有 BOM）但内容不是合法的 UTF-8 / UTF-8 BOM but invalid UTF-8');
  return text;
}
