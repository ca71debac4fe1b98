import { describe, expect, it } from 'vitest';
import { bothWays } from '../helpers/both-ways.ts';
import { DIST } from '../helpers/paths.ts';

const site = bothWays(DIST);

describe('taxonomy and glossary pages link both ways (shipped articles)', () => {
  it('builds term pages for every taxonomy that has values', () => {
    expect(site.articles.length).toBeGreaterThanOrEqual(7);
    for (const kind of ['columns', 'tags', 'years', 'authors', 'glossary']) expect(site.termPages.some((p) => p.startsWith(`/${kind}/`)), kind).toBe(true);
  });

  it.each(site.articles.map((a) => [a.path, a] as const))('%s links to at least three term pages, and every one links back', (_path, a) => {
    expect(a.linkedBack.length).toBeGreaterThanOrEqual(3);
    expect(a.linked.filter((p) => !a.linkedBack.includes(p))).toEqual([]);
  });

  it('every term page links only to articles that link back to it', () => {
    expect(site.oneWayFromTerms).toEqual([]);
  });
});
