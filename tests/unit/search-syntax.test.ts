import { describe, expect, it } from 'vitest';
import { fullFoldMap } from '../../scripts/search-index/fold-map.ts';
import {
  queryConditions,
  readQuery,
  shownTerms,
  type ReadQuery,
} from '../../src/lib/search/syntax.ts';
import { loadHit, type PagefindData } from '../../src/lib/search/excerpts.ts';
import { matchesTyped } from '../../src/lib/search/facet-match.ts';
import { spaceOut } from '../../src/core/search/tokens.ts';
import { articlesDescribed } from '../../src/core/search/sentences.ts';
import type { SidecarPage } from '../../src/core/search/sidecar.ts';

const map = fullFoldMap();
/** Clauses as match strings: [[alternative terms joined by +, prefixed t: for title only]]. */
const shape = (r: ReadQuery) =>
  r.clauses.map((c) =>
    c.map((a) => `${a.titleOnly ? 't:' : ''}${a.terms.map((t) => t.match).join('+')}`),
  );
const read = (q: string) => readQuery(q, map);

describe('query syntax: each operator', () => {
  it('spaces AND terms and quotes keep a phrase, as before', () => {
    expect(shape(read('新质生产力 人工智能'))).toEqual([['新质生产力'], ['人工智能']]);
    expect(shape(read('"人民 代表大会"'))).toEqual([['人民代表大会']]);
    expect(shape(read('“一带一路” 「两个确立」'))).toEqual([['一带一路'], ['两个确立']]);
  });

  it('-词 excludes, also with a quoted phrase and a full-width minus', () => {
    const r = read('发展 -美国 －"一带一路"');
    expect(shape(r)).toEqual([['发展']]);
    expect(r.exclude.map((t) => t.match)).toEqual(['美国', '一带一路']);
    expect(r.plain).toBe(false);
  });

  it('| and 或 make alternatives, binding tighter than spaces', () => {
    expect(shape(read('数字经济 | 人工智能'))).toEqual([['数字经济', '人工智能']]);
    expect(shape(read('数字经济｜人工智能'))).toEqual([['数字经济', '人工智能']]);
    expect(shape(read('数字经济 或 人工智能'))).toEqual([['数字经济', '人工智能']]);
    expect(shape(read('改革 数字经济 | 人工智能 开放'))).toEqual([
      ['改革'],
      ['数字经济', '人工智能'],
      ['开放'],
    ]);
    expect(shape(read('A | B | C'))).toEqual([['a', 'b', 'c']]);
    // 或 inside a word or a phrase is text.
    expect(shape(read('或者 "或"'))).toEqual([['或者'], ['或']]);
  });

  it('标题: limits a term to titles, with either colon', () => {
    expect(shape(read('标题:决议'))).toEqual([['t:决议']]);
    expect(shape(read('标题："政府 工作报告" 民生'))).toEqual([['t:政府工作报告'], ['民生']]);
  });

  it('作者: and 栏目: (any facet label) are filters, not words', () => {
    const r = read('作者:李强 栏目：政府工作报告 年份:2024 就业');
    expect(r.filters).toEqual({ author: ['李强'], column: ['政府工作报告'], year: ['2024'] });
    expect(shape(r)).toEqual([['就业']]);
  });

  it('folds every operand: 繁体 in an alternative, an exclusion and a title', () => {
    const r = read('經濟 | 發展 -憲法 标题:決議');
    expect(shape(r)).toEqual([['经济', '发展'], ['t:决议']]);
    expect(r.exclude.map((t) => t.match)).toEqual(['宪法']);
  });
});

describe('query syntax: mixed', () => {
  it('combines all of them and describes what it understood', () => {
    const r = read('"新质生产力" | 人工智能 -美国 标题:报告 作者:李强');
    expect(shape(r)).toEqual([['新质生产力', '人工智能'], ['t:报告']]);
    expect(r.exclude.map((t) => t.match)).toEqual(['美国']);
    expect(r.filters).toEqual({ author: ['李强'] });
    expect(articlesDescribed({ ...queryConditions(r), ticked: [] })).toBe(
      '含“新质生产力”或“人工智能”、标题含“报告”、不含“美国”、作者含“李强”的文章',
    );
    expect(shownTerms(r).map((t) => t.match)).toEqual(['新质生产力', '人工智能', '报告']);
  });

  it('a title alternative may stand beside a body one', () => {
    expect(shape(read('标题:决议 | 决定'))).toEqual([['t:决议', '决定']]);
  });
});

describe('query syntax: malformed input never fails, it reads as plain words', () => {
  const plainWords = (q: string) => {
    const r = read(q);
    expect(r.plain, q).toBe(true);
    expect(r.exclude).toEqual([]);
    expect(r.filters).toEqual({});
    return shape(r);
  };
  it('a dangling or doubled |', () => {
    expect(plainWords('| 民主')).toEqual([['民主']]);
    expect(plainWords('民主 |')).toEqual([['民主']]);
    expect(plainWords('民主 | | 法治')).toEqual([['民主'], ['法治']]);
    expect(plainWords('或')).toEqual([['或']]);
  });
  it('a minus or a label with nothing after it, a negated filter, | beside an exclusion', () => {
    expect(plainWords('标题:')).toEqual([['标题']]);
    expect(plainWords('民主 -，')).toEqual([['民主']]);
    expect(plainWords('-作者:李强 民主')).toEqual([['作者'], ['李强'], ['民主']]);
    expect(plainWords('民主 | -法治')).toEqual([['民主'], ['法治']]);
    expect(plainWords('作者: 民主')).toEqual([['作者'], ['民主']]);
  });
  it('an unmatched quote is punctuation, and a lone minus is ignored', () => {
    expect(shape(read('"新质生产力'))).toEqual([['新质生产力']]);
    expect(shape(read('- 民主'))).toEqual([['民主']]);
    expect(read('').clauses).toEqual([]);
  });
});

describe('applying the syntax to a page', () => {
  const title = '关于政府工作的决议';
  const body = '会议听取了政府工作报告。会议认为，数字经济发展迅速。';
  const data: PagefindData = {
    url: '/a/',
    content: spaceOut(title + body),
    meta: { title },
    anchors: [],
  };
  const page: SidecarPage = {
    d: '2024',
    f: { author: ['李强'], column: ['政府工作报告'] },
    ti: title,
    hd: '',
  };
  const holds = (q: string) => loadHit(data, read(q), page) !== undefined;

  it('checks the stored text: alternatives, exclusions, title only', () => {
    expect(holds('数字经济')).toBe(true);
    expect(holds('人工智能 | 数字经济')).toBe(true);
    expect(holds('人工智能 或 新质生产力')).toBe(false);
    expect(holds('数字经济 -报告')).toBe(false);
    expect(holds('数字经济 -美国')).toBe(true);
    expect(holds('标题:决议')).toBe(true);
    // 报告 is in the body, not the title.
    expect(holds('标题:报告')).toBe(false);
  });

  it('highlights every alternative the page holds', () => {
    const hit = loadHit(data, read('数字经济 | 人工智能 | 会议'), page)!;
    expect(hit.snippet.parts.filter((_, i) => i % 2 === 1)).toEqual(
      expect.arrayContaining(['数字经济', '会议']),
    );
    expect(hit.url).toBe('/a/?hl=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E&hl=%E4%BC%9A%E8%AE%AE');
  });

  it('matches typed filters by part of the value, folded', () => {
    expect(matchesTyped(page, { author: ['李強'] }, map)).toBe(true);
    expect(matchesTyped(page, { column: ['政府'] }, map)).toBe(true);
    expect(matchesTyped(page, { column: ['决议'] }, map)).toBe(false);
  });
});
