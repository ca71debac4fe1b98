import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { normalise } from '../../scripts/ingest/stages/normalise.ts';
import { decode } from '../../scripts/ingest/stages/decode.ts';
import { mend } from '../../scripts/ingest/stages/mend.ts';
import { splitArticles } from '../../scripts/ingest/stages/split.ts';
import { seedAsDocx } from '../fixtures/hostile/seed-docx.ts';
import { SOURCES } from '../helpers/paths.ts';

/** The shipped seed issue (found by its first author mark, whatever it is called). */
const seed = (fs.readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.txt'))
  .find((f) => fs.readFileSync(path.join(SOURCES, f)).includes(Buffer.from('周均发')));
const body = (content: string) => readArticle(content).body;

describe('the shipped seed issue saved as Word (titles in the Title style, one Word paragraph per source paragraph)', () => {
  it('mends the page-break cuts the Word paragraphs keep, giving the same articles as the text', async () => {
    const bytes = fs.readFileSync(path.join(SOURCES, seed!));
    const text = decode(bytes, seed!).text;
    const lines = normalise(text);
    const drafts = splitArticles(lines, { fileStem: 'seed' });
    // The cuts the text path mends: each is a line joined onto the one before it.
    const cuts = drafts
      .flatMap((d) => mend(d.body).flatMap((p) => p.joins ?? []))
      .map((j) => j.before.slice(-4));
    expect(cuts.length).toBeGreaterThanOrEqual(6);
    const titleLines = new Set(
      drafts.flatMap((d) =>
        d.header.filter((h) => d.title === h.trim() || d.title.split(' ').includes(h.trim())),
      ),
    );
    const docx = await seedAsDocx(text, titleLines);
    const fromWord = await convertSource(seed!.replace(/\.txt$/, '.docx'), docx);
    const fromText = await convertSource(seed!, bytes);
    expect(fromWord.articles.map((a) => readArticle(a.content).data.title)).toEqual(
      fromText.articles.map((a) => readArticle(a.content).data.title),
    );
    expect(fromWord.articles.map((a) => body(a.content))).toEqual(
      fromText.articles.map((a) => body(a.content)),
    );
    // Every cut is joined: its two halves are in one paragraph.
    const words = fromWord.articles.map((a) => body(a.content)).join('\n');
    for (const cut of drafts.flatMap((d) =>
      mend(d.body).flatMap((p) => (p.joins ?? []).map((j) => p.text.slice(j.at - 3, j.at + 3))),
    ))
      expect(words).toContain(cut);
  });

  it('keeps heading styles deciding headings: a Word heading is never joined to the paragraph before', async () => {
    const bytes = fs.readFileSync(path.join(SOURCES, seed!));
    const text = decode(bytes, seed!).text;
    const drafts = splitArticles(normalise(text), { fileStem: 'seed' });
    const titleLines = new Set(
      drafts.flatMap((d) =>
        d.header.filter((h) => d.title === h.trim() || d.title.split(' ').includes(h.trim())),
      ),
    );
    // "部特别是领导干部……" continues a cut sentence; set as a heading, Word's style wins.
    const cutSecondHalf = text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.startsWith('部特别是'))!;
    const docx = await seedAsDocx(text, titleLines, new Set([cutSecondHalf]));
    const { articles } = await convertSource('期刊/seed.docx', docx);
    const md = articles.map((a) => body(a.content)).join('\n');
    expect(md).toContain(`### ${cutSecondHalf}`);
    expect(md).not.toContain('机关干部特别是');
  });
});
