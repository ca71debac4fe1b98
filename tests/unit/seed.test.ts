import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { editorialPathFor } from '../../scripts/ingest/stages/editorial.ts';
import { CANNOT_START, TERMINAL, squeezeSpaces } from '../../src/core/chinese.ts';
import { SOURCES } from '../helpers/paths.ts';

/**
 * The acceptance check for the archive's own material, the seed journal issue shipped in
 * src/content/sources/ (found by its first author mark, whatever the file is called or encoded
 * as). What it expects is read from the material's own lines: its author marks, the title lines
 * above them, its column banners, and the sentences its page breaks cut.
 */
const seed = (fs.readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.txt'))
  .find((f) => fs.readFileSync(path.join(SOURCES, f)).includes(Buffer.from('□ 周均发')));

const lines = seed
  ? fs
      .readFileSync(path.join(SOURCES, seed), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
  : [];
const nonEmpty = lines.filter(Boolean);
const AUTHOR = /^□\s*(.+)$/;
const SPACED_BANNER = /^\p{Script=Han}{2}[ \u3000]+\p{Script=Han}{2}$/u;

/** Each author mark, with the title lines printed just above it. */
function markedArticles(): { author: string; title: string }[] {
  return nonEmpty.flatMap((line, i) => {
    const m = AUTHOR.exec(line);
    if (!m) return [];
    // Title lines: the short unpunctuated lines right above the mark, up to two.
    const title: string[] = [];
    for (
      let k = i - 1;
      k >= 0 &&
      title.length < 2 &&
      !/[。，：]/.test(nonEmpty[k]) &&
      !SPACED_BANNER.test(nonEmpty[k]) &&
      nonEmpty[k].length <= 30;
      k--
    )
      title.unshift(nonEmpty[k]);
    // The first article's banner line is the line above a one-line title.
    if (title.length === 2 && i === nonEmpty.findIndex((l) => AUTHOR.test(l))) title.shift();
    return [{ author: squeezeSpaces(m[1]), title: title.join(' ') }];
  });
}

/** Paragraph pairs a page break cut: the first does not end a sentence, the second cannot start one. */
function pageBreakCuts(): string[] {
  const paragraphs = lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs.flatMap((p, i) => {
    const next = paragraphs[i + 1];
    // Body text only: a paragraph with a comma or full stop in it (titles and banners have none),
    // and not one that ends in a heading set in bold ("…现状**(一)履职质量有效提升**").
    if (
      !next ||
      TERMINAL.test(p) ||
      !/[，。、]/.test(p) ||
      p.endsWith('**') ||
      AUTHOR.test(next) ||
      SPACED_BANNER.test(next)
    )
      return [];
    // Mid-sentence: the next paragraph carries on a word, not a heading or a new point.
    if (/^[一二三四五六七八九十]+、|^[(（]/.test(next) && !CANNOT_START.test(next)) return [];
    return [`${p.slice(-6)}${next.slice(0, 6)}`];
  });
}

describe('the shipped seed journal issue', () => {
  it('is in src/content/sources/', () => {
    expect(
      seed,
      'the seed journal issue (../shared/seed/) must ship in src/content/sources/',
    ).toBeDefined();
  });

  it('becomes one article per author mark plus the unsigned report, with titles, authors and columns as printed', async () => {
    const { articles } = await convertSource(seed!, fs.readFileSync(path.join(SOURCES, seed!)));
    const fm = articles.map((a) => readArticle(a.content).data);
    const marked = markedArticles();
    expect(marked.length).toBeGreaterThan(0);
    // Every marked article, in order, then whatever the issue printed without a mark.
    expect(
      fm
        .slice(0, marked.length)
        .map((d) => ({ author: (d.authors as string[])[0], title: d.title })),
    ).toEqual(marked);
    const unsigned = fm.slice(marked.length);
    expect(unsigned.length).toBeGreaterThan(0);
    for (const d of unsigned) {
      expect(d.authors).toEqual([]);
      // An unsigned article is opened by its banner: the column is a line of the source, the title the line after it.
      expect(nonEmpty).toContain(d.column);
      expect(nonEmpty[nonEmpty.indexOf(d.column as string) + 1]).toBe(d.title);
    }
    // Spaced banners ("学习 笔记") name the column of the article they head, without the space.
    const banners = nonEmpty.filter((l) => SPACED_BANNER.test(l)).map(squeezeSpaces);
    for (const banner of banners) expect(fm.map((d) => d.column)).toContain(banner);
    // Bylines are kept apart from the text, exactly as printed.
    const bylines = nonEmpty.filter((l) => /^[(（]作者系/.test(l));
    expect(fm.map((d) => d.byline).filter(Boolean)).toEqual(bylines);
  });

  it('joins every sentence a page break cut, and drops the stray bold marks and author marks', async () => {
    const { articles } = await convertSource(seed!, fs.readFileSync(path.join(SOURCES, seed!)));
    const bodies = articles.map((a) => readArticle(a.content).body).join('\n');
    const cuts = pageBreakCuts();
    expect(cuts.length).toBeGreaterThan(0);
    for (const joined of cuts) expect(bodies, joined).toContain(joined);
    expect(bodies).not.toMatch(/\*\*|□/);
  });

  it('carries its editorial file: every study aid it gives reaches the generated article', async () => {
    const yamlPath = path.join(SOURCES, editorialPathFor(seed!));
    expect(fs.existsSync(yamlPath), 'the seed ships with example editorial data').toBe(true);
    const { articles } = await convertSource(seed!, fs.readFileSync(path.join(SOURCES, seed!)), {
      file: editorialPathFor(seed!),
      bytes: fs.readFileSync(yamlPath),
    });
    const edited = articles.map((a) => readArticle(a.content)).filter((a) => a.data.editorial);
    expect(edited.length).toBeGreaterThan(0);
  });
});
