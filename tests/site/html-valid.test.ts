import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/paths.ts';
import { htmlFiles } from '../helpers/site-files.ts';

/** The reading pages: home, 404, articles, facets and the glossary. */
const pages = htmlFiles(DIST).filter((f) =>
  /^(index\.html|404\.html|(articles|columns|tags|years|authors|regions|glossary)\/)/.test(f),
);
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

describe.each(pages)('%s', (file) => {
  const html = fs.readFileSync(path.join(DIST, file), 'utf8');

  it('is valid HTML under html-validate:recommended (includes its accessibility rules)', async () => {
    const report = await validator.validateString(html, file);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
  });

  it('has one h1, headings that never skip a level, landmarks and a skip link', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => {
      if (i > 0) expect(l, `h${levels[i - 1]} → h${l}`).toBeLessThanOrEqual(levels[i - 1] + 1);
    });
    for (const landmark of ['<header', '<nav', '<main id="main"', '<footer'])
      expect(html).toContain(landmark);
    expect(html).toMatch(/<a class="skip-link" href="#main">/);
    expect(html).toContain('<html lang="zh-CN">');
  });
});
