import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { openTypesetter, type Typesetter } from '../fixtures/pdf/typeset.ts';
import { GOV_REPORTS } from '../helpers/paths.ts';

/**
 * The shared government work reports, each typeset and printed with Chromium in one and in two
 * columns (running head, "— n —" folios), give the article their .txt gives. Printing costs about
 * two seconds a PDF on one core: CI takes PDF_REPORTS reports spread over the years (default 6,
 * about 30 s); PDF_REPORTS=all prints all 72 twice (about five minutes).
 */
const all = fs
  .readdirSync(GOV_REPORTS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const wanted =
  process.env.PDF_REPORTS === 'all' ? all.length : Number(process.env.PDF_REPORTS ?? 6);
const chosen =
  wanted >= all.length
    ? all
    : Array.from(
        { length: wanted },
        (_, i) => all[Math.round((i * (all.length - 1)) / Math.max(1, wanted - 1))],
      );

async function article(source: string, bytes: Uint8Array) {
  const { articles } = await convertSource(source, bytes);
  return articles.map((a) => {
    const { data, body } = readArticle(a.content);
    const { title, subtitle, column, authors, positions, byline, date, notes } = data;
    return { title, subtitle, column, authors, positions, byline, date, notes, body };
  });
}

let typesetter: Typesetter;
beforeAll(async () => {
  typesetter = await openTypesetter();
});
afterAll(async () => {
  await typesetter.close();
});

describe(`the shared reports printed to PDF give the article of their .txt (${chosen.length} of ${all.length})`, () => {
  for (const file of chosen)
    it(
      file,
      async () => {
        const text = fs.readFileSync(path.join(GOV_REPORTS, file), 'utf8').replace(/^\uFEFF/, '');
        const stem = path.basename(file, '.txt');
        const expected = await article(`政府工作报告/${file}`, Buffer.from(text));
        for (const columns of [1, 2] as const) {
          const pdf = await typesetter.print(text, { columns, runningHead: '政府工作报告' });
          expect(await article(`政府工作报告/${stem}.pdf`, pdf), `${columns} column(s)`).toEqual(
            expected,
          );
        }
      },
      120_000,
    );
});
