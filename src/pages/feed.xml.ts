import type { APIRoute } from 'astro';
import { allArticles } from '../site/archive';
import { plainExcerpt, xmlEscape } from '../site/site-pages';
import { dateKey } from '../site/article-order';
import { articleUrl, url } from '../site/urls';

/** How many of the newest materials the feed carries. */
const ENTRIES = 20;

/** Atom has no "undated": an article with only a year counts from 1 January of it. */
function atomDate(key: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return `${key}T00:00:00+08:00`;
  return `${/^\d{4}$/.test(key) ? key : '1970'}-01-01T00:00:00+08:00`;
}

export const GET: APIRoute = async ({ site }) => {
  const newest = (await allArticles()).slice(0, ENTRIES);
  const home = new URL(url('/'), site).href;
  const entries = newest.map((a) => {
    const link = new URL(articleUrl(a.id), site).href;
    const summary = [a.data.subtitle, plainExcerpt(a.body ?? '')].filter(Boolean).join(' ');
    return [
      '<entry>',
      `<title>${xmlEscape(a.data.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlEscape(link)}"/>`,
      `<id>${xmlEscape(link)}</id>`,
      `<updated>${atomDate(dateKey(a.data))}</updated>`,
      ...a.data.authors.map((name) => `<author><name>${xmlEscape(name)}</name></author>`),
      ...(a.data.column ? [`<category term="${xmlEscape(a.data.column)}"/>`] : []),
      `<summary>${xmlEscape(summary)}</summary>`,
      '</entry>',
    ].join('');
  });
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    '<title>政协学习资料库 · 最新材料</title>',
    `<link rel="alternate" type="text/html" href="${xmlEscape(home)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(new URL(url('feed.xml'), site).href)}"/>`,
    `<id>${xmlEscape(home)}</id>`,
    `<updated>${atomDate(newest[0] ? dateKey(newest[0].data) : '')}</updated>`,
    '<author><name>政协学习资料库</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
