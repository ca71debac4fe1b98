import { describe, expect, it } from 'vitest';
import { fullFoldMap } from '../../scripts/search-index/fold-map.ts';
import {
  articlesDescribed,
  chartCaption,
  statusLine,
  type FacetCondition,
} from '../../src/core/search/sentences.ts';
import { queryConditions, readQuery, shownTerms } from '../../src/lib/search/syntax.ts';

/**
 * Every combination of query syntax, typed facets, ticked facets and search state gives sentences
 * that read as Chinese: the query goes through the real reader (syntax.ts), the sentences through
 * the real builder, and each sentence is checked for the faults readers met (含不含“美国”,
 * 含标题含“…”, 作者：李强：共找到 1 篇) and for naming everything that was asked.
 */
const map = fullFoldMap();

const WORDS = [
  '',
  '新质生产力',
  '新质生产力 人工智能',
  '新质生产力 人工智能 数字经济',
  '"人民 代表大会"',
  '新质生产力，人工智能',
  '新质生产力 | 宪法',
  '新质生产力 或 宪法',
  '标题:政府工作报告',
  '标题:决议 | 标题:宪法',
  '民主 | 标题:决议',
  '| 宪法 -',
];
const EXCLUDED = ['', '-美国', '-美国 -"一带一路"'];
const TYPED = ['', '作者:李强', '作者:李强 作者:王', '栏目:政府 年份:2024'];
const TICKED: FacetCondition[][] = [
  [],
  [{ label: '年份', values: ['2024'] }],
  [
    { label: '作者', values: ['李强', '王沪宁'] },
    { label: '栏目', values: ['政府工作报告'] },
  ],
];
const STATES = [
  { found: 0, complete: true },
  { found: 1, complete: true },
  { found: 12, complete: true },
  { found: 10, complete: false },
];

/** What a sentence about a search must never hold. */
const FAULTS = [
  /含不含/,
  /含标题/,
  /含含/,
  /的的/,
  /、、|，，|、，|，、/,
  /“”/,
  /：[^：]*：/,
  /^[、，]|[、，]$/,
  / 或 |或或/,
];

const combinations = WORDS.flatMap((w) =>
  EXCLUDED.flatMap((x) => TYPED.map((t) => [w, x, t].filter(Boolean).join(' '))),
);

describe('sentences about a search, for every combination of syntax and facets', () => {
  it(`reads as Chinese in all ${combinations.length * TICKED.length * STATES.length} status lines and their chart captions`, () => {
    let checked = 0;
    for (const query of combinations)
      for (const ticked of TICKED) {
        const read = readQuery(query, map);
        const conditions = { ...queryConditions(read), ticked };
        const sentences = [
          chartCaption(conditions, true),
          ...STATES.map((s) => statusLine(conditions, { ...s, plain: read.plain })),
        ];
        for (const sentence of sentences) {
          for (const fault of FAULTS) expect(sentence, query).not.toMatch(fault);
          // One noun phrase for the articles: the conditions, then 的文章 once.
          expect(sentence.split('的文章').length - 1, sentence).toBeLessThanOrEqual(1);
          // Everything asked for is named.
          for (const t of [...shownTerms(read), ...read.exclude])
            expect(sentence, query).toContain(`“${t.typed}”`);
          for (const f of [...conditions.typed, ...ticked])
            for (const v of f.values) expect(sentence, query).toContain(v);
          checked += 1;
        }
      }
    expect(checked).toBe(combinations.length * TICKED.length * (STATES.length + 1));
  });

  it('states the count first and the articles after it', () => {
    const conditions = { ...queryConditions(readQuery('作者:李强', map)), ticked: [] };
    expect(statusLine(conditions, { found: 1, complete: true, plain: false })).toBe(
      '共找到 1 篇作者含“李强”的文章',
    );
    expect(statusLine(conditions, { found: 0, complete: true, plain: false })).toBe(
      '没有找到作者含“李强”的文章',
    );
  });

  it('says 不含 and 标题含 without stacking them on 含', () => {
    const describe = (q: string) =>
      articlesDescribed({ ...queryConditions(readQuery(q, map)), ticked: [] });
    expect(describe('-美国')).toBe('不含“美国”的文章');
    expect(describe('标题:政府工作报告')).toBe('标题含“政府工作报告”的文章');
    expect(describe('新质生产力 人工智能')).toBe('同时含“新质生产力”和“人工智能”的文章');
  });
});
