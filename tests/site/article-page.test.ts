import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/paths.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

const articles = shippedArticles();
const read = (id: string) => fs.readFileSync(path.join(DIST, 'articles', id, 'index.html'), 'utf8');
const section = (html: string, cls: string) =>
  new RegExp(`<(?:section|nav) class="${cls}"[\\s\\S]*?</(?:section|nav)>`).exec(html)?.[0] ?? '';
const articleLinks = (html: string) =>
  [...html.matchAll(/href="\/articles\/([^"#]+)\/"/g)].map((m) => m[1]);

/** What related reading is drawn from: glossary terms, topics and keywords. */
const features = (a: (typeof articles)[number]) =>
  new Set([
    ...a.data.terms.map((t) => `term:${t}`),
    ...a.data.tags.map((t) => `tag:${t}`),
    ...a.data.keywords.map((k) => `keyword:${k}`),
  ]);
const shareSomething = (a: (typeof articles)[number], b: (typeof articles)[number]) => {
  const mine = features(a);
  return [...features(b)].some((f) => mine.has(f));
};

describe.each(articles.map((a) => [a.id, a] as const))('%s', (id, article) => {
  const html = read(id);

  it('has breadcrumbs home › column › article (home › article for a source outside any folder, which has no column)', () => {
    const crumbs = [
      ...section(html, 'breadcrumbs').matchAll(/<li>(?:<a [^>]*>|<span [^>]*>)([^<]+)</g),
    ].map((m) => m[1]);
    expect(crumbs).toEqual([
      '首页',
      ...(article.data.column ? [article.data.column] : []),
      article.data.title,
    ]);
  });

  it('has a table of contents with every section heading', () => {
    const headings = [...html.matchAll(/<h([23]) id="(s[\d-]+)"/g)].map((m) => m[2]);
    const toc = [...section(html, 'toc').matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(toc).toEqual(headings.length > 1 ? headings : []);
  });

  it('offers up to 5 related articles, as many as share a term, topic or keyword with it, never itself', () => {
    const related = articleLinks(section(html, 'related'));
    const candidates = articles.filter(
      (other) => other.id !== id && shareSomething(article, other),
    );
    expect(related.length).toBe(Math.min(5, candidates.length));
    expect(related).not.toContain(id);
    for (const other of related) expect(candidates.map((c) => c.id)).toContain(other);
  });

  it('links previous and next in its journal issue as printed, or else in its column, and they link back', () => {
    const nav = section(html, 'article-nav');
    const prev = /rel="prev" href="\/articles\/([^"]+)\/"/.exec(nav)?.[1];
    const next = /rel="next" href="\/articles\/([^"]+)\/"/.exec(nav)?.[1];
    if (prev)
      expect(section(read(prev), 'article-nav')).toContain(`rel="next" href="/articles/${id}/"`);
    if (next)
      expect(section(read(next), 'article-nav')).toContain(`rel="prev" href="/articles/${id}/"`);
    if (article.data.issueSlug) {
      const issue = articles
        .filter((a) => a.data.issueSlug === article.data.issueSlug)
        .sort((a, b) => a.data.issueOrder! - b.data.issueOrder!);
      const at = issue.findIndex((a) => a.id === id);
      expect([prev, next]).toEqual([issue[at - 1]?.id, issue[at + 1]?.id]);
      expect(html).toContain(`href="/issues/${article.data.issueSlug}/"`);
    } else {
      // A text with no column (a source at the top of sources/) has no neighbours to walk to.
      const column = article.data.column
        ? articles.filter((a) => a.data.column === article.data.column)
        : [];
      expect(Boolean(prev || next)).toBe(column.length > 1);
      for (const other of [prev, next].filter(Boolean))
        expect(articles.find((a) => a.id === other)!.data.column).toBe(article.data.column);
    }
  });

  it('has a way back to the top', () => {
    expect(html).toContain('href="#top"');
    expect(html).toContain('id="top"');
  });
});
