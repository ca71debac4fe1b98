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

/**
 * A space the text has beside a Chinese character ("由于 “四人帮”", web residue in some reports)
 * prints as a gap that cannot be told from the spacing a justified line gets, and is read as
 * spacing. Where the articles differ, they must differ in those spaces alone.
 */
const WIDE_GAP =
  /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—]) +| +(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—])/gu;
const withoutWideGaps = (value: unknown) => JSON.parse(JSON.stringify(value).replace(WIDE_GAP, ''));

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
          const read = await article(`政府工作报告/${stem}.pdf`, pdf);
          if (JSON.stringify(read) !== JSON.stringify(expected))
            expect(withoutWideGaps(read), `${columns} column(s), spaces aside`).toEqual(
              withoutWideGaps(expected),
            );
        }
      },
      120_000,
    );
});
