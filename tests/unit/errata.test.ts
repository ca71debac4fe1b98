import fs from 'node:fs';
import path from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { SourceError } from '../../scripts/ingest/stages/source-error.ts';
import { decode } from '../../scripts/ingest/stages/decode.ts';
import { isPageFurniture } from '../../scripts/ingest/stages/furniture.ts';
import {
  changedStretch,
  erratumStatement,
  sentenceAround,
} from '../../scripts/ingest/stages/errata.ts';
import { erratumCovers } from '../../scripts/proofread/accept.ts';
import { readAcceptList } from '../../scripts/ingest/accept-list.ts';
import { buildReport, unresolvedWarnings } from '../../scripts/proofread/report.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { articleSchema } from '../../src/core/article-schema.ts';
import { markdownBlocks } from '../../src/core/markdown-blocks.ts';
import { SOURCES } from '../helpers/paths.ts';
import { tempFolder } from '../helpers/temp-folder.ts';

/** The shipped journal issue (the seed), converted with an editorial file each test writes. */
const SOURCE = '期刊/学习与履职文选.txt';
const YAML = '期刊/学习与履职文选.yaml';
const bytes = fs.readFileSync(path.join(SOURCES, SOURCE));

async function convert(yaml?: string) {
  const input =
    yaml === undefined ? undefined : { file: YAML, bytes: new TextEncoder().encode(yaml) };
  return (await convertSource(SOURCE, bytes, input)).articles.map((a) => ({
    ...a,
    ...readArticle(a.content),
  }));
}

async function refusal(yaml: string): Promise<SourceError> {
  try {
    await convert(yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected the editorial file to be refused');
}

/** Everything a reader sees of a body, study aids and the 勘误 list included. */
const pageText = (body: string) =>
  toString(unified().use(remarkParse).use(remarkMdx).parse(body)).replace(/\s/g, '');

/** A finding ingest reports in the shipped seed, with text around it, and its article. */
async function aFinding() {
  const articles = await convert();
  const article = articles.find((a) => a.findings.some((f) => f.before && f.after))!;
  const finding = article.findings.find((f) => f.before && f.after)!;
  return { article, finding, articles };
}

describe('errata (勘误) in the editorial file, on the shipped seed issue', () => {
  it('one match: the text shows the correction with a mark, and the 勘误 list quotes the original sentence', async () => {
    const { article, finding } = await aFinding();
    const find = `${finding.before.slice(-3)}${finding.text}${finding.after.slice(0, 3)}`;
    const replace = `${finding.before.slice(-3)}和${finding.after.slice(0, 3)}`;
    const [edited] = (
      await convert(
        `articles:\n  - match: ${article.title}\n    errata:\n      - { find: "${find}", replace: "${replace}", note: 编者核对原稿。 }\n`,
      )
    ).filter((a) => a.title === article.title);
    const text = markdownBlocks(edited.body)
      .map((b) => b.text)
      .join('\n');
    expect(text).toContain(replace.trim());
    expect(text).not.toContain(find);
    expect(edited.body).toContain('<Erratum n="1">和</Erratum>');
    const original = article.body.split('\n').find((l) => l.includes(find))!;
    const sentence = sentenceAround(
      original,
      original.indexOf(find),
      original.indexOf(find) + find.length,
    );
    expect(edited.body).toMatch(/<Errata>\n\s*<ErratumNote n="1">/);
    expect(edited.body).toContain(
      `原文作“${sentence}”，编者改“${finding.text.trim()}”为“和”。编者核对原稿。`,
    );
    expect(edited.data.editorial).toBe(YAML);
  });

  it('keeps every sentence of the source on the page: corrected in the text, whole in the 勘误 list', async () => {
    const { article, finding } = await aFinding();
    const find = `${finding.before.slice(-2)}${finding.text}${finding.after.slice(0, 2)}`;
    const articles = await convert(
      `articles:\n  - match: ${article.title}\n    errata:\n      - { find: "${find}", replace: "X" }\n`,
    );
    const kept = articles
      .map((a) =>
        [
          a.data.title,
          ...((a.data.header as string[]) ?? []),
          a.data.byline ?? '',
          pageText(a.body),
        ].join(''),
      )
      .join('')
      .replace(/\s/g, '');
    const sentences = decode(bytes, SOURCE)
      .text.split(/\r\n|\r|\n/)
      .filter((l) => !isPageFurniture(l))
      .join('\n')
      .split(/(?<=[。！？!?])|\n/)
      .map((s) => s.replace(/[\s\u3000]|\*\*|□|【编者按】/g, ''))
      .filter(Boolean);
    expect(sentences.filter((s) => !kept.includes(s))).toEqual([]);
  });

  it('no match: ingest stops naming the yaml file and the line of the find', async () => {
    const { article } = await aFinding();
    const error = await refusal(
      `articles:\n  - match: ${article.title}\n    errata:\n      - find: 原文里没有的一句话\n        replace: 改\n`,
    );
    expect(error.file).toBe(YAML);
    expect(error.line).toBe(4);
    expect(error.message).toContain('不在文章正文中');
  });

  it('two matches: ingest stops naming the file, the line and how often it occurs', async () => {
    const { articles } = await aFinding();
    // A two-character word the article uses exactly twice, read from the article itself.
    const twice = articles
      .flatMap((a) => {
        const text = markdownBlocks(a.body)
          .map((b) => b.text)
          .join('\n');
        const words = [...text.matchAll(/\p{Script=Han}{2}/gu)].map((m) => m[0]);
        const word = words.find((w) => text.split(w).length === 3);
        return word ? [{ title: a.title, word }] : [];
      })
      .at(0)!;
    const error = await refusal(
      `articles:\n  - match: ${twice.title}\n    example: true\n    errata:\n      - note: 两处\n        find: ${twice.word}\n        replace: 改\n`,
    );
    expect(error.file).toBe(YAML);
    expect(error.line).toBe(6);
    expect(error.message).toContain('出现 2 次');
  });

  it('says what changed in the editors’ words: only the part that differs, deletions and additions too', () => {
    expect(changedStretch('科研机构 and 高等院校', '科研机构和高等院校')).toEqual({
      from: 4,
      to: 9,
      now: '和',
    });
    const at = (was: string, now: string) =>
      erratumStatement({ n: 1, block: 0, start: 0, end: 0, was, now, sentence: '句。' });
    expect(at(' and ', '和')).toBe('原文作“句。”，编者改“and”为“和”。');
    expect(at('心', '')).toBe('原文作“句。”，编者删去“心”。');
    expect(at('', '的')).toBe('原文作“句。”，编者补“的”。');
  });
});

describe('notice (编者注) and publish on the shipped seed issue', () => {
  it('a notice is an 编者注 above the text and the other aids, labelled 示例 in an example', async () => {
    const { article } = await aFinding();
    const [edited] = (
      await convert(
        `articles:\n  - match: ${article.title}\n    example: true\n    editorsNote: 按语。\n    notice: 原稿不完整，本文仅刊出第一部分。\n`,
      )
    ).filter((a) => a.title === article.title);
    expect(
      edited.body.startsWith(
        '<Notice example="示例">\n  原稿不完整，本文仅刊出第一部分。\n</Notice>',
      ),
    ).toBe(true);
    expect(edited.body.indexOf('<Notice')).toBeLessThan(edited.body.indexOf('<EditorsNote'));
    // The notice is the editor's, not the text's: search and term contexts read the text without it.
    expect(
      markdownBlocks(edited.body)
        .map((b) => b.text)
        .join(''),
    ).not.toContain('原稿不完整');
  });

  it('publish: false marks the article withheld in its front matter, and nothing else changes', async () => {
    const { article, articles } = await aFinding();
    const edited = await convert(`articles:\n  - match: ${article.title}\n    publish: false\n`);
    const withheld = edited.filter((a) => a.data.withheld === true);
    expect(withheld.map((a) => a.title)).toEqual([article.title]);
    expect(() => articleSchema.parse(withheld[0].data)).not.toThrow();
    expect(edited.map((a) => a.slug)).toEqual(articles.map((a) => a.slug));
    expect(withheld[0].body).toBe(articles.find((a) => a.title === article.title)!.body);
  });
});

describe('the proofreading report counts what editors resolved', () => {
  it('an erratum covers a finding when its find overlaps the flagged text in its context', () => {
    const f = { before: '支持企业加强与省内外科研机构 ', text: 'and', after: ' 高等院校的合作' };
    expect(erratumCovers('科研机构 and 高等院校', f)).toBe(true);
    expect(erratumCovers('and', f)).toBe(true);
    expect(erratumCovers('机构 an', f)).toBe(true);
    expect(erratumCovers('高等院校', f)).toBe(false);
    expect(erratumCovers('大学 and 高等院校', f)).toBe(false);
  });

  it('sets aside findings an erratum covers as corrected, and severe ones a notice or withholding answers; warns of the rest', async () => {
    const articles = await convert();
    const severe = articles.flatMap((a) => a.findings).filter((f) => f.kind === 'truncated');
    const other = articles
      .flatMap((a) => a.findings)
      .find((f) => f.kind !== 'truncated' && f.before)!;
    const dir = tempFolder('errata-report');
    fs.mkdirSync(path.join(dir, '期刊'));
    const report = (yaml: string) => {
      fs.writeFileSync(path.join(dir, YAML), yaml);
      const input = new Map([
        [SOURCE, { findings: articles.flatMap((a) => a.findings), articles: [] }],
      ]);
      return buildReport(input, (source) => readAcceptList(dir, source));
    };
    const before = report('articles: []\n');
    expect(unresolvedWarnings(before)).toHaveLength(severe.length);
    const after = report(
      [
        'articles:',
        `  - match: ${other.title}`,
        '    errata:',
        `      - { find: "${other.before.slice(-2)}${other.text}", replace: "${other.before.slice(-2)}改" }`,
        ...severe.map((f) => `  - match: ${f.title}\n    notice: 原稿不完整。`),
      ].join('\n'),
    );
    expect(after.findings).not.toContainEqual(other);
    expect(after.resolved).toEqual({
      corrected: before.findings.length - after.findings.length - severe.length,
      ...(severe.length > 0 ? { noticed: severe.length } : {}),
    });
    expect(unresolvedWarnings(after)).toEqual([]);
    expect(after.accepted).toBe(0);
  });
});
