import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../src/language/glossary.ts';
import { termContexts, termUses } from '../../src/site/term-contexts.ts';
import { renderMarkdown } from '../helpers/render-markdown.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';

const articles = shippedArticles();
const report2024 = articles.find((a) => a.id.endsWith('2024nian-zhengfu-gongzuo-baogao'))!;

/** Text of each section of a rendered article, keyed by the id its h2/h3 got ('' before the first). */
function sectionTexts(tree: Root): Map<string, string> {
  const sections = new Map<string, string>([['', '']]);
  let current = '';
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    if (
      (node.tagName === 'h2' || node.tagName === 'h3') &&
      typeof node.properties.id === 'string'
    ) {
      current = node.properties.id;
      sections.set(current, '');
    }
    sections.set(current, sections.get(current)! + toString(node as Element) + '\n');
  }
  return sections;
}

describe('termContexts on the 2024 government work report', () => {
  const contexts = termContexts(report2024.body);

  it('finds the formulations the report uses, in the sections it uses them', () => {
    const bySlug = (slug: string) => contexts.filter((c) => c.slug === slug);
    // 新质生产力 is the theme of section 三 (一), "大力推进现代化产业体系建设，加快发展新质生产力".
    expect(bySlug('xinzhi-shengchanli').map((c) => c.sectionId)).toContain('s3-1');
    expect(bySlug('xinzhi-shengchanli').find((c) => c.sectionId === 's3-1')!.sectionTitle).toBe(
      '（一）大力推进现代化产业体系建设，加快发展新质生产力。',
    );
    // Every term ingest tagged the report with appears in its body.
    const slugs = new Set(contexts.map((c) => c.slug));
    for (const term of report2024.data.terms)
      expect(slugs, term).toContain(glossary.find((g) => g.term === term)!.slug);
  });

  it('gives one context per term per section, the sentence around the first use', () => {
    const keys = contexts.map((c) => `${c.slug}@${c.sectionId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const plain = report2024.body.replace(/\\(.)/g, '$1');
    for (const c of contexts) {
      if (c.inHeading) continue;
      const sentence = `${c.before.replace(/^…/, '')}${c.match}${c.after.replace(/…$/, '')}`;
      expect(plain).toContain(sentence);
      // A context is one sentence: nothing before the term ends a sentence.
      expect(c.before.replace(/^…/, '')).not.toMatch(/[。！？；]/);
    }
  });

  it('uses section ids that are the ids the rehype plugin gives the headings', async () => {
    const sections = sectionTexts(await renderMarkdown(report2024.body));
    expect(contexts.length).toBeGreaterThan(20);
    for (const c of contexts) {
      expect(sections.has(c.sectionId), c.sectionId).toBe(true);
      expect(sections.get(c.sectionId)).toContain(
        `${c.match}${c.after.replace(/…$/, '').slice(0, 10)}`,
      );
    }
  });
});

describe('termContexts on every shipped article', () => {
  it.each(articles.map((a) => [a.id, a] as const))(
    '%s: contexts sit in sections the rendered page has',
    async (_id, article) => {
      const sections = sectionTexts(await renderMarkdown(article.body));
      for (const c of termContexts(article.body))
        expect(sections.get(c.sectionId)).toContain(c.match);
    },
  );
});

describe('termUses', () => {
  it('reads leftmost-longest, so a long formulation is not also counted as a shorter one inside it', () => {
    const text = '完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。';
    expect(termUses(text).map((u) => u.spelling)).toEqual([
      '新发展理念',
      '新发展格局',
      '高质量发展',
    ]);
  });

  it('finds nothing in text without glossary terms', () => {
    expect(termUses('各位代表：现在，我代表国务院，向大会报告政府工作。')).toEqual([]);
  });
});
