import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { selectAll, select } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { markdownBodyHtml, withoutStudyAids } from '../helpers/body-html.ts';
import { DIST } from '../helpers/paths.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

const articles = shippedArticles();

function page(id: string) {
  return fromHtml(fs.readFileSync(path.join(DIST, 'articles', id, 'index.html'), 'utf8'));
}

describe('built article pages (the shipped sources, as `npm run build` makes them)', () => {
  it('builds one page per generated article', () => {
    expect(articles.length).toBeGreaterThanOrEqual(7);
    for (const a of articles)
      expect(fs.existsSync(path.join(DIST, 'articles', a.id, 'index.html')), a.id).toBe(true);
  });

  it.each(articles.map((a) => [a.id, a] as const))(
    '%s: Chinese page, title, one search body, every heading anchored',
    (_, a) => {
      const tree = page(a.id);
      expect(select('html', tree)?.properties.lang).toBe('zh-CN');
      expect(toString(select('h1', tree)!).trim()).toBe(a.data.title);
      const bodies = selectAll('[data-pagefind-body]', tree);
      expect(bodies).toHaveLength(1);
      const body = bodies[0];

      // Every ## / ### of the Markdown is an h2 / h3 with a unique short id, in order.
      const mdxHeadings = [...a.body.matchAll(/^(#{2,3}) (.+)$/gm)].map((m) => [
        m[1].length,
        m[2].replace(/\\(.)/g, '$1'),
      ]);
      // The text's own headings: a study aid's heading (an editor's 编者按, 思考题) is not one of them.
      const htmlHeadings = selectAll('h2:not(.study-aid-heading), h3', body).map((h) => [
        Number(h.tagName[1]),
        toString(h).trim(),
        String(h.properties.id),
      ]);
      expect(htmlHeadings.map(([d, t]) => [d, t])).toEqual(mdxHeadings);
      const ids = htmlHeadings.map(([, , id]) => id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^s\d+(-\d+)?$/);

      // Layout marks never reach the reader.
      const text = toString(body);
      expect(text).not.toMatch(/\*\*|□/);

      // Filters carry the Chinese values of the front matter.
      const filters = selectAll('[data-pagefind-filter]', tree).map(
        (el) => `${el.properties.dataPagefindFilter}`.split(':')[0],
      );
      if (a.data.column) expect(filters).toContain('column');
      if (a.data.authors.length) expect(filters).toContain('author');
    },
  );

  // The .mdx article, compiled by @astrojs/mdx and rendered by Astro, carries byte for byte the HTML
  // the same body got as .md from Astro's Markdown processor with the same plugins.
  it.each(articles.map((a) => [a.id, a] as const))(
    '%s: the built body is byte-identical to the .md rendering of it',
    async (_, a) => {
      const html = withoutStudyAids(
        fs.readFileSync(path.join(DIST, 'articles', a.id, 'index.html'), 'utf8'),
      );
      const markdown = await markdownBodyHtml(a.body);
      expect(markdown.length).toBeGreaterThan(100);
      expect(html.includes(markdown), 'the Markdown rendering is not in the page').toBe(true);
    },
  );

  it('shows the mended sentences whole in the shipped 1954 report and 2024 resolution pages', () => {
    const text = (id: string) => toString(select('[data-pagefind-body]', page(id))!);
    const p1954 = articles.find((a) => a.data.source.endsWith('1954年政府工作报告.txt'))!;
    expect(text(p1954.id)).toContain('在聽了劉少奇同志關於憲法草案的報告並進行了三天的討論以後');
    const resolution = articles.find((a) =>
      a.data.source.endsWith('第十四届全国人民代表大会第二次会议关于政府工作报告的决议.txt'),
    )!;
    expect(text(resolution.id)).toContain('国务院总理李强所作的政府工作报告。会议充分肯定');
  });
});
