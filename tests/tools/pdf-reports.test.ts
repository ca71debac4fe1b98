import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { openTypesetter, type Typesetter } from '../fixtures/pdf/typeset.ts';
import { GOV_REPORTS } from '../helpers/paths.ts';
import { lacksOnlySpaces } from '../fixtures/pdf/lacks-only-spaces.ts';

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

function expectSameArticle(read: unknown, expected: unknown, layout: string) {
  const [r, e] = [JSON.stringify(read), JSON.stringify(expected)];
  if (r !== e && !lacksOnlySpaces(r, e))
    expect(
      read,
      `${layout}: the PDF's article is the .txt's, spaces at line ends aside (lacksOnlySpaces)`,
    ).toEqual(expected);
}

/** Prints a text in one and in two columns; each PDF's article must be the text's. Gives the PDFs' articles. */
async function expectPrintsAsText(text: string, stem: string) {
  const expected = await article(`政府工作报告/${stem}.txt`, Buffer.from(text));
  const reads = [];
  for (const columns of [1, 2] as const) {
    const pdf = await typesetter.print(text, { columns, runningHead: '政府工作报告' });
    const read = await article(`政府工作报告/${stem}.pdf`, pdf);
    expectSameArticle(read, expected, `${columns} column(s)`);
    reads.push(read);
  }
  return reads;
}

const readReport = (file: string) =>
  fs.readFileSync(path.join(GOV_REPORTS, file), 'utf8').replace(/^\uFEFF/, '');

describe(`the shared reports printed to PDF give the article of their .txt (${chosen.length} of ${all.length})`, () => {
  for (const file of chosen)
    it(file, () => expectPrintsAsText(readReport(file), path.basename(file, '.txt')), 120_000);
});

/**
 * The passages of the shared reports that once read differently from their .txt, each typeset on its
 * own (fast: CI prints only a few whole reports): a glyph the font
 * shares between 户 and 戶 (1957 has both), an ideographic space inside a line (1957), spaces the
 * text has beside figures in a line set tight (1998), a space after an opening quote (1983).
 */
const PASSAGES: Record<string, string[]> = {
  '1957年政府工作报告.txt': ['农户', '农戶', '职权\u3000不够'],
  '1998年政府工作报告.txt': ['1 9 9 3 年3 月'],
  '1983年政府工作报告.txt': ['“ 文化大革命”'],
};

describe('the passages of the shared reports that once printed to PDF wrong read as their .txt', () => {
  for (const [file, spots] of Object.entries(PASSAGES))
    it(`${file}: ${spots.join(' · ')}`, async () => {
      const passage = readReport(file)
        .split('\n')
        .filter((line) => spots.some((spot) => line.includes(spot)))
        .join('\n\n');
      // Exactly as the text has them: a space these passages have does not fall at a line's end.
      for (const read of await expectPrintsAsText(passage, path.basename(file, '.txt')))
        for (const spot of spots) expect(JSON.stringify(read)).toContain(spot);
    }, 60_000);
});
