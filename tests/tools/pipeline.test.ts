import fs from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { convertSource, type GeneratedArticle } from '../../scripts/ingest/pipeline.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { decode } from '../../scripts/ingest/stages/decode.ts';
import { isPageFurniture } from '../../scripts/ingest/stages/furniture.ts';
import { headingLevel, isBareMark } from '../../src/core/chinese.ts';
import { articleSchema } from '../../src/core/article-schema.ts';
import { FIXTURES, GOV_REPORTS } from '../helpers/paths.ts';
import { REPORT_FIXTURES, govReportFiles } from '../helpers/fixtures.ts';

// CommonMark without GFM, as the site renders articles.
const parser = unified().use(remarkParse);

function parseArticle(a: GeneratedArticle) {
  const { data, body } = readArticle(a.content);
  const blocks = parser.parse(body).children.map((n) => ({
    type: n.type,
    depth: n.type === 'heading' ? n.depth : 0,
    text: toString(n),
  }));
  return { data, blocks };
}

/** What a reader compares: no whitespace, no layout marks (bold **, the □ author mark, the 【编者按】 label). */
const squeeze = (s: string) =>
  s.replace(/[\s\u3000\u200B-\u200D\u2060\uFEFF]|\*\*|□|【编者按】/g, '');

/** Every fixture source: the constructed layouts and proofreading fixtures too (their READMEs say how they were made). */
const fixtureDir = (dir: string) =>
  fs
    .readdirSync(path.join(FIXTURES, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, file: path.join(FIXTURES, dir, f) }));

const sources: { name: string; file: string }[] = [
  {
    name: 'compilation/magazine-layout.txt',
    file: path.join(FIXTURES, 'compilation/magazine-layout.txt'),
  },
  ...fixtureDir('layouts'),
  ...fixtureDir('proofread'),
  ...REPORT_FIXTURES.map((f) => ({
    name: `reports/${f}`,
    file: path.join(FIXTURES, 'reports', f),
  })),
  ...govReportFiles().map((f) => ({ name: `政府工作报告/${f}`, file: path.join(GOV_REPORTS, f) })),
];

describe('pipeline on real sources', () => {
  it('has the shared government work reports to test on', () => {
    expect(govReportFiles().length).toBe(72);
  });

  it.each(sources)(
    '$name: loses no sentence, keeps every numbered heading, emits valid front matter',
    async ({ name, file }) => {
      const bytes = fs.readFileSync(file);
      const { articles } = await convertSource(name, bytes);
      const parsed = articles.map(parseArticle);
      for (const { data } of parsed) expect(() => articleSchema.parse(data)).not.toThrow();

      // Lossless: every sentence of the source is somewhere in its articles (body, title, header lines, byline).
      const kept = squeeze(
        parsed
          .map(({ data, blocks }) =>
            [
              data.title,
              ...((data.header as string[]) ?? []),
              data.byline ?? '',
              (data.editorsNote as string) ?? '',
              ...blocks.map((b) => b.text),
              ...((data.notes as string[]) ?? []),
            ].join('\n'),
          )
          .join('\n'),
      );
      const text = decode(bytes, name).text.replace(/^\uFEFF/, '');
      // Running headers and page numbers are the only lines ingest drops (tests/unit/layouts.test.ts checks which).
      const sentences = text
        .split(/\r\n|\r|\n/)
        .filter((l) => !isPageFurniture(l))
        .join('\n')
        .split(/(?<=[。！？!?])|\n/)
        .map(squeeze)
        .filter(Boolean);
      const missing = sentences.filter((s) => !kept.includes(s));
      expect(missing).toEqual([]);

      // Structure: each source line that opens with 一、 or （一） became a heading of that depth.
      const headingTexts = new Set(
        parsed.flatMap(({ blocks }) =>
          blocks.filter((b) => b.type === 'heading').map((b) => `${b.depth}:${squeeze(b.text)}`),
        ),
      );
      // An article numbered （一） above 一、 has （n） sections (subSectionsFirst): its （一） lines are h2.
      const sectionsFirst = new Set(
        parsed
          .filter(({ blocks }) => blocks.find((b) => b.type === 'heading')?.text.match(/^[(（]/))
          .flatMap(({ blocks }) =>
            blocks
              .filter((b) => b.type === 'heading' && b.depth === 2)
              .map((b) => `2:${squeeze(b.text)}`),
          ),
      );
      for (const raw of text.split(/\r\n|\r|\n/)) {
        const line = raw.trim().replace(/^\*\*/, '');
        const depth = headingLevel(line);
        if (!depth || isBareMark(line)) continue;
        // A 一、 run that restarts inside a section is nested one level down (see nestRestartedNumbering).
        const heading = [...headingTexts].find(
          (h) =>
            (h.startsWith(`${depth}:`) ||
              (depth === 2 && h.startsWith('3:')) ||
              (depth === 3 && sectionsFirst.has(h))) &&
            squeeze(line).startsWith(h.slice(2)),
        );
        expect(heading, `${name}: ${line.slice(0, 30)}`).toBeDefined();
      }
      expect(
        squeeze(parsed.flatMap(({ blocks }) => blocks.map((b) => b.text)).join('')),
      ).not.toMatch(/\*\*|□/);
    },
  );

  it('is deterministic: converting twice gives byte-identical MDX', async () => {
    for (const { name, file } of sources.slice(0, 8)) {
      const bytes = fs.readFileSync(file);
      const [a, b] = [await convertSource(name, bytes), await convertSource(name, bytes)];
      expect(a.articles.map((x) => x.content)).toEqual(b.articles.map((x) => x.content));
    }
  });
});

describe('government work reports', () => {
  const reports = govReportFiles().filter((f) => /^\d{4}年/.test(f));

  it.each(reports)('%s: title, year and sections', async (f) => {
    const { articles } = await convertSource(
      `政府工作报告/${f}`,
      fs.readFileSync(path.join(GOV_REPORTS, f)),
    );
    expect(articles).toHaveLength(1);
    const { data, blocks } = parseArticle(articles[0]);
    expect(data.year).toBe(Number(f.slice(0, 4)));
    expect(data.column).toBe('政府工作报告');
    // The title is the printed one or the file's; never a sentence of the body.
    expect([f.replace(/\.txt$/, ''), '政府工作报告']).toContain(data.title);
    // The body opens with the salutation whenever the report has one (1964 starts straight in).
    const opening = fs
      .readFileSync(path.join(GOV_REPORTS, f), 'utf8')
      .split('\n')
      .slice(0, 40)
      .join('');
    if (opening.includes('各位代表')) expect(blocks[0].text).toMatch(/^各位代表/);
    else expect(blocks[0].text.length).toBeGreaterThan(40);
  });

  it('2022–2024 reports carry their dated subtitle and speaker', async () => {
    const expected: Record<string, [string, string]> = {
      '2022': ['2022-03-05', '李克强'],
      '2023': ['2023-03-05', '李克强'],
      '2024': ['2024-03-05', '李强'],
    };
    for (const [year, [date, speaker]] of Object.entries(expected)) {
      const f = `${year}年政府工作报告.txt`;
      const { articles } = await convertSource(
        `政府工作报告/${f}`,
        fs.readFileSync(path.join(GOV_REPORTS, f)),
      );
      const { data } = parseArticle(articles[0]);
      expect([data.title, data.date, data.authors, data.positions]).toEqual([
        '政府工作报告',
        date,
        [speaker],
        ['国务院总理'],
      ]);
    }
  });
});
