import { describe, expect, it } from 'vitest';
import {
  byRank,
  byRankLoaded,
  orderBeforeLoading,
  rankGroups,
  type Hit,
} from '../../src/lib/search/hits.ts';
import type { LoadedHit } from '../../src/lib/search/excerpts.ts';

/** A hit as the engine makes it, with the count its text would give once loaded. */
function hit(id: string, inTitle: boolean, inHeading: boolean, date: string, count: number) {
  const loaded: LoadedHit = {
    url: `/a/${id}/`,
    title: id,
    date,
    snippet: { parts: [id] },
    subResults: [],
    count,
  };
  const h: Hit = {
    id,
    bundle: 0,
    page: { d: date, f: {}, ti: id, hd: '' },
    inTitle,
    inHeading,
    count: () => Promise.resolve(count),
    load: () => Promise.resolve(loaded),
  };
  return { hit: h, loaded };
}

/** Every mix of title and heading matches, dates and counts, in byRank order as the engine sorts. */
function batch(): ReturnType<typeof hit>[] {
  const out: ReturnType<typeof hit>[] = [];
  let n = 0;
  for (const inTitle of [true, false])
    for (const inHeading of [true, false])
      for (const [date, count] of [
        ['2024-03-05', 1],
        ['2018-03-05', 9],
        ['', 4],
      ] as const)
        out.push(hit(`p${n++}`, inTitle, inHeading, date, count));
  return out.sort((a, b) => byRank(a.hit, b.hit));
}

describe('the first screen fetched a rank group at a time', () => {
  it('cuts a relevance batch into runs alike in title and heading match, in order', () => {
    const hits = batch().map((h) => h.hit);
    const groups = rankGroups(hits, 'relevance');
    expect(groups.flat()).toEqual(hits);
    expect(groups).toHaveLength(4);
    for (const g of groups)
      expect(new Set(g.map((h) => `${h.inTitle}${h.inHeading}`)).size, g[0].id).toBe(1);
  });

  it('shows the same order as ranking the whole loaded batch at once', () => {
    const loaded = batch();
    const byId = new Map(loaded.map((l) => [l.hit.id, l]));
    const grouped = rankGroups(
      loaded.map((l) => l.hit),
      'relevance',
    ).flatMap((g) => g.map((h) => byId.get(h.id)!).sort(byRankLoaded));
    const whole = [...loaded].sort(byRankLoaded);
    expect(grouped.map((l) => l.hit.id)).toEqual(whole.map((l) => l.hit.id));
    // The counts do reorder within a group: the test is not comparing two unsorted lists.
    expect(whole.map((l) => l.hit.id)).not.toEqual(loaded.map((l) => l.hit.id));
  });

  it('keeps a newest-first batch whole: its order is known before any text', () => {
    const hits = batch().map((h) => h.hit);
    expect(rankGroups(hits, 'date')).toEqual([hits]);
    expect(rankGroups([], 'date')).toEqual([]);
    expect(rankGroups([], 'relevance')).toEqual([]);
  });

  it('orders a batch by the index counts exactly as by its loaded texts, before loading any', async () => {
    const loaded = batch();
    let fetched = 0;
    const hits = loaded.map(({ hit: h }) => ({ ...h, load: () => (fetched++, h.load()) }));
    const whole = [...loaded].sort(byRankLoaded).map((l) => l.hit.id);
    expect((await orderBeforeLoading(hits, 'relevance'))?.map((h) => h.id)).toEqual(whole);
    expect(fetched).toBe(0);
  });

  it('leaves a tied batch to its texts when a hit cannot count from the index', async () => {
    const hits = batch().map(({ hit: h }, i) => (i === 3 ? { ...h, count: undefined } : h));
    expect(await orderBeforeLoading(hits, 'relevance')).toBeUndefined();
    // Without ties (one hit of each run), or newest first, the order is known already.
    const untied = rankGroups(hits, 'relevance').map((g) => ({ ...g[0], count: undefined }));
    expect(await orderBeforeLoading(untied, 'relevance')).toEqual(untied);
    expect(await orderBeforeLoading(hits, 'date')).toEqual(hits);
  });
});
