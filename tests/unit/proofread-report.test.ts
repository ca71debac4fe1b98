import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { buildReport } from '../../scripts/proofread/report.ts';
import { FIXTURES } from '../helpers/paths.ts';
import type { Finding } from '../../src/core/proofreading.ts';

/** Constructed proofreading fixtures (tests/fixtures/proofread/README.md): one slip of one kind each. */
const dir = path.join(FIXTURES, 'proofread');
const sourceLines = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n');

async function findings(name: string): Promise<Finding[]> {
  const { articles } = await convertSource(`校对/${name}`, fs.readFileSync(path.join(dir, name)));
  return articles.flatMap((a) => a.findings);
}

/** The finding's text is on the line it names, and its context is the text around it there. */
function expectPlaced(f: Finding, name: string) {
  const line = sourceLines(name)[f.line - 1];
  expect(line, `${name}:${f.line}`).toContain(f.text);
  expect(line.replace(/\s/g, '')).toContain(
    `${f.before.slice(-4)}${f.text}${f.after.slice(0, 4)}`.replace(/\s/g, ''),
  );
}

describe('proofreading report on constructed fixtures, one per kind', () => {
  it('truncated: an article ending with a stray section number', async () => {
    const [f, ...rest] = (await findings('truncated.txt')).filter((x) => x.kind === 'truncated');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ text: '(三)', severity: 'error', anchor: 's2' });
    expectPlaced(f, 'truncated.txt');
  });

  it('latin-in-chinese: "and" between Chinese words, but not GDP or 5.2%', async () => {
    const hits = (await findings('latin-in-chinese.txt')).filter(
      (x) => x.kind === 'latin-in-chinese',
    );
    expect(hits.map((h) => h.text)).toEqual(['and']);
    expectPlaced(hits[0], 'latin-in-chinese.txt');
  });

  it('unmatched-pair: an open quotation mark and an open bracket', async () => {
    const hits = (await findings('unmatched-pair.txt')).filter((x) => x.kind === 'unmatched-pair');
    expect(hits.map((h) => h.text).sort()).toEqual(['“', '（']);
    for (const h of hits) expectPlaced(h, 'unmatched-pair.txt');
  });

  it('halfwidth-punctuation: , ; and a closing . after Chinese', async () => {
    const hits = (await findings('halfwidth-punctuation.txt')).filter(
      (x) => x.kind === 'halfwidth-punctuation',
    );
    expect(hits.map((h) => h.text)).toEqual([',', ';', '.']);
    expect(new Set(hits.map((h) => h.line)).size).toBe(1);
  });

  it('paragraph-cut: a label line run into the text, and a paragraph cut before a heading', async () => {
    const hits = (await findings('paragraph-cut.txt')).filter((x) => x.kind === 'paragraph-cut');
    expect(hits.map((h) => h.text)).toEqual(['关于生态环境问题', '的']);
    expect(hits.map((h) => sourceLines('paragraph-cut.txt')[h.line - 1].trim())).toEqual([
      '关于生态环境问题',
      expect.stringMatching(/妨碍公平竞争的$/),
    ]);
  });

  it('heading-sequence: （一） then （三）, and 二、 then 四、', async () => {
    const hits = (await findings('heading-sequence.txt')).filter(
      (x) => x.kind === 'heading-sequence',
    );
    expect(hits.map((h) => [h.text, h.anchor])).toEqual([
      ['（三）', 's2-2'],
      ['四、', 's3'],
    ]);
  });

  it('doubled-character: 民生生, but not 天天, 人民民主 or 一个个', async () => {
    const hits = (await findings('doubled-character.txt')).filter(
      (x) => x.kind === 'doubled-character',
    );
    expect(hits.map((h) => h.text)).toEqual(['生生']);
    expectPlaced(hits[0], 'doubled-character.txt');
  });

  it('mixed-script: a traditional sentence in a simplified article', async () => {
    const hits = (await findings('mixed-script.txt')).filter((x) => x.kind === 'mixed-script');
    expect(hits).toHaveLength(1);
    expect(hits[0].message).toContain('環');
    expect(sourceLines('mixed-script.txt')[hits[0].line - 1]).toContain('強化生態環境');
  });

  it('duplicate-article: the same article in two sources, whatever the spacing', async () => {
    const sources = new Map();
    for (const name of ['duplicate-a.txt', 'duplicate-b.txt', 'clean.txt']) {
      const { articles } = await convertSource(
        `校对/${name}`,
        fs.readFileSync(path.join(dir, name)),
      );
      sources.set(`校对/${name}`, {
        findings: [],
        articles: articles.map((a, i) => ({
          source: `校对/${name}`,
          slug: a.slug,
          title: a.title,
          sourceIndex: i,
          line: a.line,
          fingerprint: a.fingerprint,
        })),
      });
    }
    const report = buildReport(sources, () => []);
    expect(report.findings.map((f) => [f.kind, f.source])).toEqual([
      ['duplicate-article', '校对/duplicate-b.txt'],
    ]);
    // The other material named as editors know it, without its file extension.
    expect(report.findings[0].message).toContain('与材料 校对/duplicate-a（');
  });

  it('reports nothing in the clean fixture (look-alikes of every kind)', async () => {
    expect(await findings('clean.txt')).toEqual([]);
  });
});
