import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileForPath, pagePath } from './site-files.ts';

export interface PageWeight {
  html: number;
  css: number;
  /** Script the page runs on load: inline scripts, script files and the modules they import. */
  script: number;
  total: number;
  /** The same files gzip-compressed, as an intranet server with compression on sends them. */
  gzipped: number;
  /** UTF-8 bytes of the readable text inside the article body (tags and hidden filter spans removed). */
  bodyText: number;
}

/** Static imports in a bundled module: import"./x.js", import{a}from"./x.js", export*from"./x.js". */
const IMPORTS = /(?:import|from)\s*["']([^"']+\.m?js)["']/g;

/**
 * Bytes a browser fetches for one built page before the reader does anything: the HTML, its
 * stylesheets and its scripts (following static imports), each file counted once, uncompressed.
 * Lazily loaded code (dynamic import(), e.g. search opened on demand) is not counted.
 */
export function pageWeight(dir: string, file: string, base = '/'): PageWeight {
  const html = fs.readFileSync(path.join(dir, file), 'utf8');
  const from = pagePath(file, base);
  const seen = new Set<string>();
  let gzipped = gzipSync(html).length;
  const sizeOf = (href: string, fromPath: string): number => {
    const target = fileForPath(new URL(href, `http://x${fromPath}`).pathname, base);
    if (!target || seen.has(target) || !fs.existsSync(path.join(dir, target))) return 0;
    seen.add(target);
    const content = fs.readFileSync(path.join(dir, target));
    let bytes = content.length;
    gzipped += gzipSync(content).length;
    if (/\.m?js$/.test(target)) {
      for (const m of content.toString('utf8').matchAll(IMPORTS))
        bytes += sizeOf(m[1], `/${target}`);
    }
    return bytes;
  };
  let css = 0;
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /\shref="([^"]*)"/.exec(tag)?.[1];
    if (href && /\srel="stylesheet"/.test(tag)) css += sizeOf(href, from);
  }
  let script = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\ssrc="([^"]*)"/.exec(m[1])?.[1];
    const type = /\stype="([^"]*)"/.exec(m[1])?.[1];
    if (type && !/module|javascript/.test(type)) continue; // JSON and other data blocks do not run
    script += src ? sizeOf(src, from) : Buffer.byteLength(m[2]);
    // Inline script is already inside the gzipped HTML.
    // Imports inside an inline module count too.
    if (!src) for (const i of m[2].matchAll(IMPORTS)) script += sizeOf(i[1], from);
  }
  // From the body to the end of the article: the text itself, its byline and print source line.
  const body = /<div class="article-body"[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
  const text = body
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<span hidden[^>]*>[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, '');
  const htmlBytes = Buffer.byteLength(html);
  return {
    html: htmlBytes,
    css,
    script,
    total: htmlBytes + css + script,
    gzipped,
    bodyText: Buffer.byteLength(text),
  };
}
