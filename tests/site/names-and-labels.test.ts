import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll, select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { DIST } from '../helpers/paths.ts';
import { FACETS } from '../../src/core/facets.ts';

const page = (p: string) =>
  fromHtml(fs.readFileSync(path.join(DIST, p, 'index.html'), 'utf8'), { fragment: false });
const folders = (dir: string) =>
  fs.existsSync(path.join(DIST, dir))
    ? fs
        .readdirSync(path.join(DIST, dir), { withFileTypes: true })
        .filter((d) => d.isDirectory() && /\D/.test(d.name))
        .map((d) => d.name)
    : [];

describe('names and labels in the built site', () => {
  it('calls each facet in the menu by one name, never two facets the same', () => {
    const names = Object.values(FACETS).map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const menu = selectAll('.site-nav a', page('.')).map((a) => toString(a).trim());
    expect(menu.filter((m) => m === '期刊' || m === '刊物').length).toBeLessThanOrEqual(1);
  });

  it('lists on /journals/ every journal an issue belongs to, so it never says none while issues have articles', () => {
    const issues = folders('issues');
    const journals = selectAll('main li a', page('journals'));
    if (issues.length > 0) expect(journals.length).toBeGreaterThan(0);
  });

  it('says 新出现 on the home page only when the archive has the year before', () => {
    const yearPages = fs
      .readdirSync(path.join(DIST, 'years'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
      .map((d) => Number(d.name));
    const heading = select('#home-new-terms', page('.'));
    if (!heading || yearPages.length === 0) return;
    const latest = Math.max(...yearPages);
    const text = toString(heading).trim();
    if (yearPages.includes(latest - 1)) expect(text).toBe(`${latest} 年新出现的提法`);
    else expect(text).toBe(`本库中最早见于 ${latest} 年的提法`);
  });
});
