import fs from 'node:fs';
import path from 'node:path';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeSectionAnchors from '../../src/markdown/rehype-section-anchors.ts';
import rehypeTermLinks from '../../src/markdown/rehype-term-links.ts';
import { FIXTURES } from '../helpers/paths.ts';

/** input.html → plugin → compared with output.html; UPDATE_FIXTURES=1 rewrites the expected file for review. */
function checkFixture<Options>(
  name: string,
  plugin: import('unified').Plugin<[Options], import('hast').Root>,
  options: Options,
) {
  const dir = path.join(FIXTURES, 'rehype', name);
  const input = fs.readFileSync(path.join(dir, 'input.html'), 'utf8');
  const actual = String(
    unified()
      .use(rehypeParse, { fragment: true })
      .use(plugin, options)
      .use(rehypeStringify)
      .processSync(input),
  );
  const expectedFile = path.join(dir, 'output.html');
  if (process.env.UPDATE_FIXTURES === '1') fs.writeFileSync(expectedFile, actual);
  expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8'));
  return actual;
}

describe('rehype-section-anchors', () => {
  it('numbers sections, sub-sections and points by order (fixture)', () => {
    const html = checkFixture('section-anchors', rehypeSectionAnchors, undefined);
    expect(html).toContain('<h2 id="s1">');
    expect(html).toContain('<h3 id="s1-2">');
    expect(html).toContain('<span id="s1-1-p2" class="point">二是</span>');
    expect(html).not.toContain('>统一是<');
  });
});

describe('rehype-term-links', () => {
  it('links the first use of each term per section, longest spelling first, never inside links (fixture)', () => {
    const html = checkFixture('term-links', rehypeTermLinks, { base: '/xuexi/' });
    expect(html.match(/glossary\/fenghuibixue\//g)).toHaveLength(2);
    expect(html).toContain(
      '<a href="/xuexi/glossary/da-tongzhan-gongzuo-geju/" class="term">大统战格局</a>',
    );
    expect(html).toContain('<a href="/y/">协商民主</a>');
  });
});

describe('rehype-section-anchors on a regulation', () => {
  it('anchors 第X条 and the items 1. （1） ① （一） that open a paragraph as points of their section (fixture)', () => {
    const html = checkFixture('regulation-anchors', rehypeSectionAnchors, undefined);
    expect(html).toContain('<p><span id="p1" class="point">第一条</span>　为加强');
    expect(html).toContain('<span id="p3" class="point">1．</span>');
    expect(html).toContain('<span id="p4" class="point">（1）</span>');
    expect(html).toContain('<h3 id="s1-1">');
    expect(html).toContain('<span id="s1-1-p1" class="point">第三条</span>');
    // A point marker after the item mark still gets its own anchor, in order.
    expect(html).toContain('<span id="s1-1-p2" class="point">一是</span>');
    expect(html).toContain('<span id="s1-1-p3" class="point">①</span>');
    expect(html).toContain('<span id="s1-1-p4" class="point">（一）</span>');
    expect(html).toContain('<p>5.2%的增长不是条目。</p>');
  });
});
