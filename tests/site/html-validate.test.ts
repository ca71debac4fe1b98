import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/paths.ts';
import { htmlFiles } from '../helpers/site-files.ts';
import { validateSite } from '../helpers/validate-html.ts';

describe('html-validate over the built site', () => {
  it('finds no problem on any page', async () => {
    expect(htmlFiles(DIST).length).toBeGreaterThan(10);
    expect(await validateSite(DIST)).toEqual([]);
  }, 120_000);
});
