import type { APIRoute } from 'astro';
import { readingPagePaths, xmlEscape } from '../site/site-pages';
import { url } from '../site/urls';

/** Every reading page as an absolute URL under the configured site and base (SITE_URL, BASE_PATH). */
export const GET: APIRoute = async ({ site }) => {
  const locs = (await readingPagePaths()).map((path) => new URL(url(path), site).href);
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...locs.map((loc) => `<url><loc>${xmlEscape(loc)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
