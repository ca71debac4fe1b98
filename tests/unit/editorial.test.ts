import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { readEditorial } from '../../scripts/ingest/stages/editorial.ts';
import { SourceError } from '../../scripts/ingest/stages/source-error.ts';
import { ROOT } from '../helpers/paths.ts';

/** A constructed magazine issue (tests/fixtures/compilation/): three articles with banners and author marks. */
const SOURCE = '期刊/2024年第5期.txt';
const bytes = fs.readFileSync(path.join(ROOT, 'tests/fixtures/compilation/magazine-layout.txt'));
const yaml = (text: string) => ({
  file: '期刊/2024年第5期.yaml',
  bytes: new TextEncoder().encode(text),
});

async function convert(editorial?: string) {
  const { articles } = await convertSource(
    SOURCE,
    bytes,
    editorial === undefined ? undefined : yaml(editorial),
  );
  return articles.map((a) => ({ ...a, ...readArticle(a.content) }));
}

async function failure(editorial: string): Promise<SourceError> {
  try {
    await convert(editorial);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected the editorial file to be refused');
}

describe('editorial file: corrections', () => {
  it('a compilation without editorial facts is one issue named after its file, articles numbered as printed', async () => {
    const articles = await convert();
    expect(articles.length).toBeGreaterThan(1);
    expect(new Set(articles.map((a) => a.data.issue))).toEqual(new Set(['2024年第5期']));
    expect(articles.map((a) => a.data.issueOrder)).toEqual(articles.map((_, i) => i + 1));
    expect(articles.every((a) => a.slug.startsWith('qikan/2024nian-di5qi/'))).toBe(true);
  });

  it('issue facts name the issue, date its undated articles, and a pinned slug moves every article under it', async () => {
    const plain = await convert();
    const articles = await convert(
      'issue:\n  journal: 政协天地\n  number: 2024年第5期\n  date: 2024-05-20\n  slug: zhengxie-tiandi/2024-5\n',
    );
    expect(articles.map((a) => a.data.issue)).toEqual(plain.map(() => '政协天地 2024年第5期'));
    expect(articles.map((a) => a.data.journal)).toEqual(plain.map(() => '政协天地'));
    expect(articles.map((a) => a.data.date)).toEqual(plain.map((a) => a.data.date ?? '2024-05-20'));
    expect(articles.map((a) => a.data.year)).toEqual(
      plain.map((a) => (a.data.date ? Number(String(a.data.date).slice(0, 4)) : 2024)),
    );
    expect(articles.map((a) => a.slug)).toEqual(
      plain.map((a) => a.slug.replace('qikan/2024nian-di5qi/', 'zhengxie-tiandi/2024-5/')),
    );
    expect(new Set(articles.map((a) => a.data.issueSlug))).toEqual(
      new Set(['zhengxie-tiandi-2024-5']),
    );
  });

  it('corrects what ingest read, found by title or position, and pins a slug that survives a renamed source', async () => {
    const plain = await convert();
    const [first, second] = plain;
    const edited = await convert(
      [
        'articles:',
        `  - match: ${first.data.title}`,
        '    title: 改正后的标题',
        '    authors: [王明, 李华]',
        '    slug: gaizheng-hou',
        '  - index: 1',
        '    column: 委员论坛',
        `    tags: { add: [乡村振兴], remove: [${(second.data.tags as string[])[0]}] }`,
      ].join('\n'),
    );
    expect(edited[0].data.title).toBe('改正后的标题');
    expect(edited[0].data.authors).toEqual(['王明', '李华']);
    expect(edited[0].slug).toBe('gaizheng-hou');
    expect(edited[0].data.editorial).toBe('期刊/2024年第5期.yaml');
    expect(edited[1].data.column).toBe('委员论坛');
    expect(edited[1].data.tags).toContain('乡村振兴');
    expect(edited[1].data.tags).not.toContain((second.data.tags as string[])[0]);
    // The body is the source's: corrections change metadata only.
    expect(edited[0].body).toBe(first.body);
    const renamed = await convertSource('期刊/改了名字.txt', bytes, {
      file: '期刊/改了名字.yaml',
      bytes: new TextEncoder().encode(`articles:\n  - index: 0\n    slug: gaizheng-hou\n`),
    });
    expect(renamed.articles[0].slug).toBe('gaizheng-hou');
  });
});

describe('editorial file: stale or wrong work is an error at its line, never dropped', () => {
  it('a title that no article has', async () => {
    const error = await failure('articles:\n  - match: 没有这篇文章\n    title: 新标题\n');
    expect(error.file).toBe('期刊/2024年第5期.yaml');
    expect(error.line).toBe(2);
    expect(error.reason).toContain('没有这篇文章');
  });

  it('a quote that is not in the text', async () => {
    const error = await failure('articles:\n  - index: 0\n    quotes:\n      - 这句话原文里没有\n');
    expect(error.line).toBe(4);
    expect(error.reason).toContain('金句不在正文中');
  });

  it('removing a topic the article does not have', async () => {
    const error = await failure(
      'articles:\n  - index: 0\n    tags:\n      remove: [不存在的主题]\n',
    );
    expect(error.line).toBe(4);
  });

  it('an unknown key, a bad date and a bad slug are named with their lines', async () => {
    expect((await failure('articles:\n  - index: 0\n    titel: 错字\n')).line).toBe(2);
    expect((await failure('issue:\n  date: 2024年5月\n')).line).toBe(2);
    expect((await failure('issue:\n  slug: 政协天地\n')).line).toBe(2);
  });

  it('two entries for one article, and YAML that does not parse', async () => {
    expect(
      (await failure('articles:\n  - index: 0\n    title: 甲\n  - index: 0\n    title: 乙\n')).line,
    ).toBe(4);
    expect((await failure('articles:\n  - index: 0\n   title: [没有闭合\n')).line).toBeGreaterThan(
      0,
    );
  });

  it('runs nothing from the file: YAML tags and aliases are data or errors, not code', () => {
    expect(() =>
      readEditorial(
        'x.yaml',
        new TextEncoder().encode('issue: !!js/function "function () { return 1 }"\n'),
      ),
    ).toThrow(SourceError);
    const bomb = [
      'a: &a ["x","x"]',
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(() => readEditorial('x.yaml', new TextEncoder().encode(bomb))).toThrow(SourceError);
  });
});
