import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { decode } from '../../scripts/ingest/stages/decode.ts';
import { normalise } from '../../scripts/ingest/stages/normalise.ts';
import { mend } from '../../scripts/ingest/stages/mend.ts';
import { splitArticles } from '../../scripts/ingest/stages/split.ts';
import { SOURCES } from '../helpers/paths.ts';

/** The shipped seed issue (found by its first author mark, whatever it is called). */
const seed = (fs.readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.txt'))
  .find((f) => fs.readFileSync(path.join(SOURCES, f)).includes(Buffer.from('周均发')));

describe('proofreading report on the shipped seed issue', () => {
  it('flags the research report ending in a stray “(一)” as truncated, and the English “and” in the article by 刘树武', async () => {
    const bytes = fs.readFileSync(path.join(SOURCES, seed!));
    const { articles } = await convertSource(seed!, bytes);
    const lines = decode(bytes, seed!).text.split(/\r\n|\r|\n/);
    const findings = articles.flatMap((a) => a.findings);
    const truncated = findings.filter((f) => f.kind === 'truncated');
    expect(truncated).toHaveLength(1);
    const last = articles.at(-1)!;
    expect(truncated[0]).toMatchObject({
      text: '(一)',
      article: last.slug,
      title: last.title,
      severity: 'error',
    });
    // The line it names is the article's last line of text, ending in the stray number.
    expect(lines[truncated[0].line - 1].trimEnd().endsWith('(一)')).toBe(true);

    const latin = findings.filter((f) => f.kind === 'latin-in-chinese');
    expect(latin.map((f) => f.text)).toEqual(['and']);
    const byLiu = articles.find((a) =>
      (readArticle(a.content).data.authors as string[]).includes('刘树武'),
    )!;
    expect(latin[0].article).toBe(byLiu.slug);
    expect(lines[latin[0].line - 1]).toContain('科研机构 and 高等院校');
    expect(latin[0].anchor).toMatch(/^s\d/);
  });

  it('reports none of the sentences ingest joined across page breaks', async () => {
    const bytes = fs.readFileSync(path.join(SOURCES, seed!));
    const drafts = splitArticles(normalise(decode(bytes, seed!).text), { fileStem: 'seed' });
    const joins = drafts.flatMap((d) =>
      mend(d.body).flatMap((p) =>
        (p.joins ?? []).map((j) => ({ line: j.line, around: p.text.slice(j.at - 6, j.at + 6) })),
      ),
    );
    expect(joins.length).toBeGreaterThanOrEqual(6);
    const { articles } = await convertSource(seed!, bytes);
    const findings = articles.flatMap((a) => a.findings);
    expect(findings.filter((f) => f.kind === 'paragraph-cut')).toEqual([]);
    for (const j of joins) {
      const near = findings.filter((f) => `${f.before}${f.text}${f.after}`.includes(j.around));
      expect(near, j.around).toEqual([]);
    }
  });
});
