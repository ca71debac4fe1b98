import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { termContexts } from '../../src/site/term-contexts.ts';
import { DIST } from '../helpers/paths.ts';
import { decodeEntities } from '../helpers/site-files.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

const read = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8');

/** The text of the built page from the element with this id up to the next section heading. */
function sectionText(html: string, id: string): string | undefined {
  const start = html.indexOf(` id="${id}"`);
  if (start < 0) return undefined;
  const rest = html.slice(start);
  const end = rest.slice(1).search(/<h[23] id="s\d/);
  return decodeEntities((end < 0 ? rest : rest.slice(0, end + 1)).replace(/<[^>]+>/g, ''));
}

describe('keyword in context against the built pages', () => {
  it.each(shippedArticles().map((a) => [a.id, a] as const))(
    '%s: each context names a section of the built page that holds the term',
    (id, article) => {
      const html = read(`articles/${id}/index.html`);
      for (const c of termContexts(article.body).filter((x) => x.sectionId)) {
        const text = sectionText(html, c.sectionId);
        expect(text, `${c.slug}@${c.sectionId}`).toBeDefined();
        expect(text).toContain(`${c.match}${c.after.replace(/…$/, '').slice(0, 8)}`);
      }
    },
  );

  it('the glossary page of 新质生产力 links to the 2024 report at section 三（一）, with the heading marked', () => {
    const html = read('glossary/xinzhi-shengchanli/index.html');
    expect(html).toContain(
      'href="/articles/zhengfu-gongzuo-baogao/2024nian-zhengfu-gongzuo-baogao/#s3-1"',
    );
    expect(html).toContain('<mark>新质生产力</mark>');
  });

  it('in article text, a term links to its glossary page at most once per section', () => {
    const html = read('articles/zhengfu-gongzuo-baogao/2024nian-zhengfu-gongzuo-baogao/index.html');
    const sections = html.split(/<h[23] id="s\d/);
    expect(sections.length).toBeGreaterThan(5);
    expect(html.match(/class="term"/g)!.length).toBeGreaterThan(20);
    for (const s of sections) {
      const links = [...s.matchAll(/href="([^"]*\/glossary\/[^"]+)" class="term"/g)].map(
        (m) => m[1],
      );
      expect(new Set(links).size).toBe(links.length);
    }
  });
});
