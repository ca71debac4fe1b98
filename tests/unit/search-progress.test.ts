import { describe, expect, it } from 'vitest';
import { ArchiveSearch, type Outcome } from '../../src/lib/search/engine.ts';
import type { PagefindData } from '../../src/lib/search/excerpts.ts';
import type { Sidecar, SidecarPage } from '../../src/core/search/sidecar.ts';
import { spaceOut } from '../../src/core/search/tokens.ts';
import { ShardKeys, summarizeShards } from '../../src/core/search/shard-summary.ts';

/**
 * The engine over an index cut into bundles newest first, with Pagefind stood in for by a substring
 * search over the same pages: what is found at each stage, what is fetched, and in what order.
 */
interface FakePage {
  id: string;
  date: string;
  title: string;
  body: string;
  year?: string;
}

/** Three bundles, newest first, as scripts/search-index/shards.ts cuts them. */
const BUNDLES: FakePage[][] = [
  [
    {
      id: 'a1',
      date: '2024-03-05',
      title: '政府工作报告',
      body: '发展新质生产力，推动高质量发展。',
      year: '2024',
    },
    {
      id: 'a2',
      date: '2024-01-10',
      title: '学习笔记',
      body: '高质量发展是首要任务。',
      year: '2024',
    },
    {
      id: 'a3',
      date: '2023-03-05',
      title: '政府工作报告',
      body: '坚持稳中求进，高质量发展。',
      year: '2023',
    },
  ],
  [
    { id: 'b1', date: '2023-03-05', title: '高质量发展的要求', body: '扎实推进。', year: '2023' },
    {
      id: 'b2',
      date: '2019-03-05',
      title: '政府工作报告',
      body: '推动高质量发展，决胜全面建成小康社会。',
      year: '2019',
    },
  ],
  [
    { id: 'c1', date: '1954-09-15', title: '政府工作报告', body: '第一个五年计划。', year: '1954' },
    { id: 'c2', date: '', title: '无日期的文章', body: '高质量发展与新质生产力。' },
  ],
];

function sidecarPage(p: FakePage): SidecarPage {
  return { d: p.date, f: p.year ? { year: [p.year] } : {}, ti: p.title, hd: '' };
}

/** The index's text of a page: its title, then its body, as index-html.ts gives them. */
const indexed = (p: FakePage) => p.title + p.body;

function fakeArchive(bundles = BUNDLES, { summarized = true } = {}) {
  const asked: string[] = [];
  const joined = new Set<number>();
  const sidecars: Sidecar[] = bundles.map((pages, k) => ({
    fold: k === 0 ? '關关' : '',
    pages: Object.fromEntries(pages.map((p) => [p.id, sidecarPage(p)])),
    ...(k === 0
      ? {
          bundles: bundles.slice(1).map((_, i) => `pagefind-${i + 1}/`),
          years: { '2024': 2, '2023': 2, '2019': 1, '1954': 1 },
        }
      : {}),
  }));
  const search = (pages: FakePage[]) => ({
    search: async (term: string | null) => {
      const phrase = (term ?? '').replace(/[" ]/g, '');
      return {
        results: pages.filter((p) => indexed(p).includes(phrase)).map((p) => ({ id: p.id })),
      };
    },
  });
  const engine = new ArchiveSearch({
    first: sidecars[0],
    sidecar: async (k) => {
      asked.push(`sidecar ${k}`);
      return sidecars[k];
    },
    summary: async () => {
      asked.push('summary');
      if (!summarized) throw new Error('no summary');
      return summarizeShards(
        bundles.map((pages) => {
          const keys = new ShardKeys();
          for (const p of pages) keys.add(indexed(p));
          return new Set(keys.stored());
        }),
      );
    },
    // Like the real older index: bundles join it as asked for and stay, so it may hold more.
    pagefind: async (scope) => {
      asked.push(`pagefind ${scope.join()}`);
      if (scope.length === 1 && scope[0] === 0) return search(bundles[0]);
      for (const k of scope) joined.add(k);
      return search(bundles.filter((_, k) => joined.has(k)).flat());
    },
    fetchPage: async (k, id): Promise<PagefindData> => {
      asked.push(`page ${k} ${id}`);
      const p = bundles[k].find((x) => x.id === id)!;
      return {
        url: `/articles/${id}/`,
        content: spaceOut(indexed(p)),
        meta: { title: p.title, date: p.date },
        anchors: [],
      };
    },
  });
  return { engine, asked };
}

async function stages(
  engine: ArchiveSearch,
  query: string,
  sort: 'relevance' | 'date' = 'relevance',
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const o of engine.progress(query, {}, sort)) out.push(o);
  return out;
}

const ids = (o: Outcome) => o.hits.map((h) => h.id);

describe('search over bundles cut newest first', () => {
  it('answers from the newest bundle first, then from the older ones, the last stage complete and exact', async () => {
    const { engine } = fakeArchive();
    const all = await stages(engine, '高质量发展');
    // Three hits in the newest bundle: a screen needs more than one older bundle, so both at once.
    expect(all.map((o) => o.complete)).toEqual([false, true]);
    expect(ids(all[0]).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(ids(all[1]).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c2']);
    expect(all[1].years).toEqual(
      new Map([
        ['2024', 2],
        ['2023', 2],
        ['2019', 1],
      ]),
    );
    expect((await engine.run('高质量发展', {})).hits.map((h) => h.id).sort()).toEqual(
      ids(all[1]).sort(),
    );
  });

  it("adds older bundles one at a time while the newest bundle's hits say one more fills a screen", async () => {
    const page = (id: string, date: string): FakePage => ({ id, date, title: id, body: '发展' });
    const bundles = [
      ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((id) => page(id, '2024-01-01')),
      ['o1', 'o2', 'o3', 'o4', 'o5'].map((id) => page(id, '2020-01-01')),
      ['p1', 'p2'].map((id) => page(id, '2010-01-01')),
      ['q1'].map((id) => page(id, '2000-01-01')),
    ];
    const { engine, asked } = fakeArchive(bundles);
    const all = await stages(engine, '发展');
    expect(all.map((o) => o.hits.length)).toEqual([6, 11, 14]);
    expect(all.map((o) => o.complete)).toEqual([false, false, true]);
    expect(asked.filter((a) => a.startsWith('pagefind'))).toEqual([
      'pagefind 0',
      'pagefind 1',
      'pagefind 1,2,3',
    ]);
  });

  it('touches no older bundle when the reader stops after the first stage', async () => {
    const { engine, asked } = fakeArchive();
    for await (const o of engine.progress('新质生产力', {})) {
      expect(ids(o)).toEqual(['a1']);
      break;
    }
    expect(asked.filter((a) => !a.endsWith(' 0') && a !== 'summary')).toEqual([]);
  });

  it('fetches no sidecar of an older bundle none of whose pages holds the phrase', async () => {
    const { engine, asked } = fakeArchive();
    const all = await stages(engine, '新质生产力');
    expect(ids(all.at(-1)!).sort()).toEqual(['a1', 'c2']);
    expect(asked.filter((a) => a.startsWith('sidecar'))).toEqual(['sidecar 2']);
    // A search by title or facets alone reads every sidecar: it has no index to ask.
    await engine.run('标题:工作报告', {});
    expect(asked.filter((a) => a.startsWith('sidecar')).sort()).toEqual(['sidecar 1', 'sidecar 2']);
  });

  it('visits only the older bundles whose summary may hold the phrase, and finds what visiting all finds', async () => {
    const { engine, asked } = fakeArchive();
    const all = await stages(engine, '新质生产力');
    expect(all.map((o) => o.complete)).toEqual([false, true]);
    expect(asked.filter((a) => a.startsWith('pagefind'))).toEqual(['pagefind 0', 'pagefind 2']);
    const unsummarized = fakeArchive(BUNDLES, { summarized: false });
    const everywhere = await stages(unsummarized.engine, '新质生产力');
    expect(unsummarized.asked).toContain('pagefind 1,2');
    expect(ids(all.at(-1)!).sort()).toEqual(ids(everywhere.at(-1)!).sort());
    expect(ids(all.at(-1)!).sort()).toEqual(['a1', 'c2']);
  });

  it('goes straight to the older bundles that may hold a phrase the newest one cannot', async () => {
    const { engine, asked } = fakeArchive();
    const all = await stages(engine, '扎实推进');
    expect(all.map((o) => o.complete)).toEqual([false, true]);
    expect(ids(all[0])).toEqual([]);
    expect(ids(all[1])).toEqual(['b1']);
    expect(asked.filter((a) => a.startsWith('pagefind'))).toEqual(['pagefind 1']);
  });

  it('is complete after the newest bundle when no older one may hold the phrase', async () => {
    const { engine, asked } = fakeArchive();
    const all = await stages(engine, '首要任务');
    expect(all.map((o) => o.complete)).toEqual([false, true]);
    expect(ids(all[1])).toEqual(['a2']);
    expect(asked.filter((a) => a.startsWith('pagefind') || a.startsWith('sidecar'))).toEqual([
      'pagefind 0',
    ]);
  });

  it('visits every older bundle for a phrase whose characters are all in each, and for words in an alternative', async () => {
    const { engine, asked } = fakeArchive();
    // 一个 is in bundle 2 only, 扎实 in bundle 1 only: either may satisfy "一个 | 扎实".
    expect(ids(await engine.run('一个 | 扎实', {})).sort()).toEqual(['b1', 'c1']);
    expect(asked).toContain('pagefind 1,2');
  });

  it("by date: a stage's hits are the start of the complete answer, so the first screen never changes", async () => {
    const { engine } = fakeArchive();
    const all = await stages(engine, '发展', 'date');
    const final = ids(all.at(-1)!);
    for (const stage of all) expect(final.slice(0, stage.hits.length)).toEqual(ids(stage));
    expect(final).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c2']);
  });

  it("by relevance: a title match of an older bundle ranks first among that stage's hits", async () => {
    const { engine } = fakeArchive();
    const all = await stages(engine, '高质量发展');
    expect(ids(all[0])[0]).toBe('a1'); // newest first when no title holds it
    expect(ids(all[1])[0]).toBe('b1'); // the page layer keeps the first screen; b1 leads the rest
  });

  it('searches the older bundles in one stage once an earlier search has joined them', async () => {
    const { engine, asked } = fakeArchive();
    await stages(engine, '高质量发展');
    const before = asked.filter((a) => a.startsWith('sidecar')).length;
    const again = await stages(engine, '政府工作报告');
    expect(again.map((o) => o.complete)).toEqual([false, true]);
    expect(ids(again[1]).sort()).toEqual(['a1', 'a3', 'b2', 'c1']);
    expect(asked.filter((a) => a.startsWith('sidecar')).length).toBe(before);
  });

  it('applies exclusion, title-only and filters in every bundle, and fetches a page from its own bundle', async () => {
    const { engine, asked } = fakeArchive();
    expect(ids(await engine.run('政府工作报告 -高质量发展', {})).sort()).toEqual(['c1']);
    expect(ids(await engine.run('标题:高质量', {}))).toEqual(['b1']);
    const outcome = await engine.run('发展', { year: ['2019'] });
    expect(ids(outcome)).toEqual(['b2']);
    expect(outcome.counts.year.get('2023')).toBe(2);
    expect((await outcome.hits[0].load())?.url).toMatch(/^\/articles\/b2\/\?hl=/);
    expect(asked).toContain('page 1 b2');
  });

  it("is one complete stage for an archive of one bundle, and spans the archive's years from the newest sidecar", async () => {
    const { engine } = fakeArchive([BUNDLES.flat()]);
    const all = await stages(engine, '高质量发展');
    expect(all).toHaveLength(1);
    expect(all[0].complete).toBe(true);
    expect(ids(all[0]).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c2']);
    expect([...fakeArchive().engine.years().keys()].sort()).toEqual([
      '1954',
      '2019',
      '2023',
      '2024',
    ]);
  });
});
