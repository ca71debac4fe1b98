import fs from 'node:fs';
import path from 'node:path';
import { fileForPath, htmlFiles, idsIn, linksIn, pagePath } from './site-files.ts';
import { DESK_PATH } from '../../src/core/desk-link.ts';

export interface BrokenLink {
  from: string;
  href: string;
  reason: string;
}

/** Origin used to resolve relative links; any other origin is outside the site. */
const LOCAL = 'http://site.invalid';

/**
 * Checks every internal link in a built site: each href/src of every page, each <loc> of
 * sitemap.xml and each link of feed.xml must name a file that exists, and a #fragment must name an
 * id in it. Absolute URLs to any other host are reported too: the archive must not reach outside.
 * `siteOrigin` is the SITE_URL the sitemap and feed were written with.
 */
export function checkLinks(
  dir: string,
  base = '/',
  siteOrigin = 'http://localhost:4321',
): { checked: number; broken: BrokenLink[] } {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = file.endsWith('.html')
        ? idsIn(fs.readFileSync(path.join(dir, file), 'utf8'))
        : new Set();
      ids.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  let checked = 0;
  const check = (from: string, fromPath: string, href: string) => {
    if (/^(mailto|tel|data|blob):/i.test(href)) return;
    checked++;
    const target = new URL(href, `${LOCAL}${fromPath}`);
    const origin = target.origin === new URL(siteOrigin).origin ? LOCAL : target.origin;
    if (origin !== LOCAL)
      return void broken.push({ from, href, reason: 'points outside the site' });
    const file = fileForPath(target.pathname, base);
    if (file === undefined) return void broken.push({ from, href, reason: `outside base ${base}` });
    // The editors' desk is served by the dev server only (src/core/desk-link.ts): never in a build.
    if (from.startsWith('editors/') && file === `${DESK_PATH}index.html`) return;
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      const isDir = fs.existsSync(path.join(dir, file, 'index.html'));
      return void broken.push({
        from,
        href,
        reason: isDir ? 'directory without trailing slash' : 'no such file',
      });
    }
    if (target.hash && target.hash !== '#') {
      const id = decodeURIComponent(target.hash.slice(1));
      if (!idsOf(file).has(id)) broken.push({ from, href, reason: `no id "${id}" in ${file}` });
    }
  };

  for (const file of htmlFiles(dir)) {
    const html = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const link of linksIn(html)) check(file, pagePath(file, base), link.value);
  }
  for (const [file, pattern] of [
    ['sitemap.xml', /<loc>([^<]*)<\/loc>/g],
    ['feed.xml', /<link\b[^>]*\shref="([^"]*)"/g],
  ] as const) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      broken.push({ from: file, href: '', reason: 'missing' });
      continue;
    }
    for (const m of fs.readFileSync(full, 'utf8').matchAll(pattern))
      check(file, base, m[1].replace(/&amp;/g, '&'));
  }
  return { checked, broken };
}
