import fs from 'node:fs';
import path from 'node:path';

/** Every .html file under a built site, as paths relative to it with forward slashes. */
export function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** The URL path a built file is served at under `base`: articles/x/index.html → /base/articles/x/. */
export function pagePath(file: string, base = '/'): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The file a URL path is served from, or undefined when the path is outside `base`. */
export function fileForPath(pathname: string, base = '/'): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rest = decodeURIComponent(pathname.slice(base.length));
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" };
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|lt|gt|#39);/g, (_m, e: string) => ENTITIES[e]);
}

/** Values of href and src attributes, in document order (Astro writes attributes double-quoted). */
export function linksIn(html: string): { attr: 'href' | 'src'; tag: string; value: string }[] {
  return [...html.matchAll(/<([a-z][a-z0-9-]*)\b[^>]*?\s(href|src)="([^"]*)"/gi)].map((m) => ({
    tag: m[1].toLowerCase(),
    attr: m[2].toLowerCase() as 'href' | 'src',
    value: decodeEntities(m[3]),
  }));
}

/** All element ids (and legacy name anchors) a page offers as #fragments. */
export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decodeEntities(m[1])));
}

/** Every sitemap @astrojs/sitemap wrote (sitemap-0.xml, sitemap-1.xml …), their text joined. */
export function sitemapText(dir: string): string {
  return fs
    .readdirSync(dir)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}
