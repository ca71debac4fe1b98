import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/paths.ts';
import { htmlFiles } from '../helpers/site-files.ts';

/** The handout builder and the study-session pages, held to the same rules as the reading pages. */
const pages = htmlFiles(DIST).filter((f) => /^(handout|sessions)\//.test(f));
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

it('builds the handout page, the session list and a page per session', () => {
  expect(pages).toContain('handout/index.html');
  expect(pages).toContain('sessions/index.html');
  expect(
    pages.filter((f) => /^sessions\/[^/]+\/index\.html$/.test(f)).length,
  ).toBeGreaterThanOrEqual(2);
});

describe.each(pages)('%s', (file) => {
  it('is valid HTML under html-validate:recommended', async () => {
    const html = fs.readFileSync(path.join(DIST, file), 'utf8');
    const report = await validator.validateString(html, file);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
  });
});
