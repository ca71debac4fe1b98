import { describe, expect, it } from 'vitest';
import {
  isSectionTag,
  placeBlocks,
  sectionHeadings,
  sectionTexts,
} from '../../src/core/sections.ts';
import { elementsOf, renderMarkdown, textOf } from '../helpers/render-markdown.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

describe('the one section reader agrees with the rendered page', () => {
  // Any archive: every shipped article, whatever its sources.
  for (const article of shippedArticles()) {
    it(`${article.id}: every section heading, id and text, as the page has it`, async () => {
      const tree = await renderMarkdown(article.body);
      const rendered = tree.children.flatMap((n) =>
        n.type === 'element' && isSectionTag(n.tagName)
          ? [{ id: n.properties.id, heading: textOf(n) }]
          : [],
      );
      expect(sectionHeadings(article.body).map(({ id, heading }) => ({ id, heading }))).toEqual(
        rendered,
      );
    });
  }
});

describe('placeBlocks', () => {
  const body =
    '前言。\n\n## 一、总体要求\n\n甲。\n\n### （一）第一项\n\n乙。\n\n### （二）第二项\n\n丙。\n\n## 二、主要任务\n\n丁。\n\n#### 不是章节的小标题\n\n戊。';

  it('places each block in its 一、 section and, inside it, its （一）, outermost first', () => {
    const within = placeBlocks(body).map(
      (p) => `${p.block.text}:${p.within.map((s) => s.id).join('>')}`,
    );
    expect(within).toEqual([
      '前言。:',
      '一、总体要求:s1',
      '甲。:s1',
      '（一）第一项:s1>s1-1',
      '乙。:s1>s1-1',
      '（二）第二项:s1>s1-2',
      '丙。:s1>s1-2',
      '二、主要任务:s2',
      '丁。:s2',
      '不是章节的小标题:s2',
      '戊。:s2',
    ]);
  });

  it('gives a section the text of its sub-sections, and a sub-section only its own', () => {
    const texts = sectionTexts(body);
    expect(texts.get('s1')!.text).toBe(
      '一、总体要求\n甲。\n（一）第一项\n乙。\n（二）第二项\n丙。\n',
    );
    expect(texts.get('s1-2')).toEqual({ heading: '（二）第二项', text: '（二）第二项\n丙。\n' });
    expect([...texts.keys()]).toEqual(['s1', 's1-1', 's1-2', 's2']);
  });

  it('counts only h2 and h3 as sections, as the anchor plugin does', async () => {
    const tree = await renderMarkdown(body);
    // Astro gives other headings ids of its own (their text); section anchors are s1, s1-2.
    const ids = elementsOf(tree)
      .filter((e) => /^h\d$/.test(e.tagName) && /^s\d/.test(String(e.properties.id)))
      .map((e) => `${e.tagName}#${e.properties.id}`);
    expect(ids).toEqual(sectionHeadings(body).map((s) => `h${s.depth}#${s.id}`));
  });
});
