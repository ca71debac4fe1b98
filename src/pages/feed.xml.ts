import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { allArticles } from '../site/archive';
import { plainExcerpt, xmlEscape } from '../site/site-pages';
import { dateKey } from '../site/article-order';
import { articleUrl, url } from '../site/urls';
import { SITE_NAME } from '../core/site';

/** How many of the newest materials the feed carries. */
const ENTRIES = 20;

/** RSS needs a date: an article with only a year counts from 1 January of it, Beijing time. */
function publishedOn(key: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return new Date(`${key}T00:00:00+08:00`);
  return new Date(`${/^\d{4}$/.test(key) ? key : '1970'}-01-01T00:00:00+08:00`);
}

/** The newest materials as RSS 2.0 (@astrojs/rss): title, link, date, column, authors and opening lines. */
export const GET: APIRoute = async ({ site }) => {
  const newest = (await allArticles()).slice(0, ENTRIES);
  const home = new URL(url('/'), site).href;
  return rss({
    title: `${SITE_NAME} · 最新材料`,
    description: `${SITE_NAME}最新的学习材料`,
    site: home,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: '<language>zh-CN</language>',
    items: newest.map((a) => ({
      title: a.data.title,
      link: new URL(articleUrl(a.id), site).href,
      pubDate: publishedOn(dateKey(a.data)),
      description: [a.data.subtitle, plainExcerpt(a.body ?? '')].filter(Boolean).join(' '),
      categories: a.data.column ? [a.data.column] : undefined,
      // RSS's own <author> wants an e-mail address; Dublin Core's creator takes a name.
      customData: a.data.authors
        .map((name) => `<dc:creator>${xmlEscape(name)}</dc:creator>`)
        .join(''),
    })),
  });
};
