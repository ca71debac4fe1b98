import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import {
  studyPieces,
  writeCorpusCopies,
  writeStudySources,
} from '../../scripts/bench/study-corpus.ts';
import { GOV_REPORTS, SOURCES } from '../helpers/paths.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'study-corpus-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('benchmark archives from the government work reports', () => {
  const pieces = studyPieces(GOV_REPORTS);

  it('cuts the reports into study-length pieces of about 4,000 characters', () => {
    expect(pieces.length).toBeGreaterThan(150);
    const mean = pieces.reduce((n, p) => n + p.characters, 0) / pieces.length;
    expect(mean).toBeGreaterThan(3500);
    expect(mean).toBeLessThan(4500);
    for (const p of pieces) expect(p.characters).toBeGreaterThanOrEqual(1500);
    // Many pieces open at a 一、 heading, and such a piece is named after it.
    const opening = pieces.filter((p) =>
      /^[\s\u3000]*[一二三四五六七八九十]+、/u.test(p.paragraphs[0]),
    );
    expect(opening.length).toBeGreaterThan(pieces.length / 5);
    for (const p of opening) expect(p.paragraphs[0]).toContain(p.section);
  });

  it('writes N sources with distinct titles and file names even when it cycles through the pieces', () => {
    const n = pieces.length + 20;
    const written = writeStudySources(GOV_REPORTS, path.join(dir, 'study'), n);
    expect(new Set(written.map((w) => w.title)).size).toBe(n);
    expect(new Set(written.map((w) => w.file)).size).toBe(n);
  });

  it('writes sources that ingest reads as one article under the generated title', async () => {
    const written = writeStudySources(GOV_REPORTS, path.join(dir, 'sample'), 40);
    for (const w of written.filter((_, i) => i % 8 === 0)) {
      const { articles } = await convertSource(
        w.file,
        fs.readFileSync(path.join(dir, 'sample', w.file)),
      );
      expect(articles).toHaveLength(1);
      expect(articles[0].content).toContain(`title: ${JSON.stringify(w.title)}`);
      expect(articles[0].content).not.toContain('titleFromFileName: true');
    }
  });

  it('copies the shipped sources at their own paths (with their .yaml) and the rest into one column folder with distinct names', () => {
    const out = path.join(dir, 'copies');
    const count = writeCorpusCopies([SOURCES, GOV_REPORTS], out, 2);
    const written = fs
      .readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.txt'))
      .map((e) => path.relative(out, path.join(e.parentPath, e.name)));
    expect(written).toHaveLength(count);
    // The first set keeps the shipped paths and editorial files, so the pages the site links to by address exist.
    for (const e of fs.readdirSync(SOURCES, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !/\.(txt|yaml)$/.test(e.name)) continue;
      const rel = path.relative(SOURCES, path.join(e.parentPath, e.name));
      expect(fs.readFileSync(path.join(out, rel), 'utf8')).toBe(
        fs.readFileSync(path.join(SOURCES, rel), 'utf8'),
      );
    }
    const column = fs.readdirSync(path.join(out, '政府工作报告'));
    expect(column).toContain('2024年政府工作报告（另本）.txt');
    expect(column).toContain('2024年政府工作报告（第2套）.txt');
    expect(column).toContain('2024年政府工作报告（第2套）（另本）.txt');
  });
});
