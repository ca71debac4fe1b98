import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldChar, foldText, matchForm } from '../../src/core/search/fold.ts';
import { foldMapFor, fullFoldMap } from '../../scripts/search-index/fold-map.ts';
import { occurrences, parseQuery } from '../../src/lib/search/query.ts';
import { contentTokens, pagefindPhrase, spaceOut } from '../../src/core/search/tokens.ts';
import { unfoldFor, unfoldRange } from '../../src/core/search/unfold.ts';
import {
  foldMapFromPairs,
  foldMapToPairs,
  packSidecar,
  unpackSidecar,
  type SidecarPage,
} from '../../src/core/search/sidecar.ts';
import { facetCounts, matchesFacets } from '../../src/lib/search/facet-match.ts';
import { GOV_REPORTS, SOURCES } from '../helpers/paths.ts';

const map = fullFoldMap();
const shipped = (name: string) => fs.readFileSync(path.join(SOURCES, '政府工作报告', name), 'utf8');
const nonSpace = (text: string) => [...text.replace(/\s+/gu, '')];

describe('folding (index and query side alike)', () => {
  it('folds the 1954 report (traditional) to the simplified forms a reader types', () => {
    const folded = matchForm(shipped('1954年政府工作报告.txt'), map);
    expect(folded).toContain('同志关于宪法草案的报告');
    expect(folded).toContain('中华人民共和国宪法');
    expect(folded).not.toContain('關於');
  });

  it('leaves simplified text as it is, character for character, apart from a few variant forms', () => {
    const text = nonSpace(shipped('2024年政府工作报告.txt'));
    const changed = text.filter((c) => foldChar(c, map) !== c && !/[Ａ-Ｚａ-ｚ０-９A-Z]/u.test(c));
    expect(changed.length / text.length).toBeLessThan(0.002);
  });

  it('turns full-width digits and Latin into ASCII lower case, and keeps full-width punctuation', () => {
    expect(foldText('Ｃ９１９、５Ｇ，２０２４年', map)).toBe('c919、5g，2024年');
  });

  it('is one character in, one out, and folding twice changes nothing', () => {
    for (const [from, to] of Object.entries(map)) {
      expect([...to]).toHaveLength(1);
      expect(foldChar(foldChar(from, map), map)).toBe(foldChar(from, map));
    }
    const text = shipped('1960年政府工作报告.txt');
    expect([...foldText(text, map)]).toHaveLength([...text].length);
  });

  it('ships only the map entries whose simplified form the archive holds, and they survive the pairs encoding', () => {
    const archive = new Set(
      matchForm(shipped('1954年政府工作报告.txt') + shipped('2024年政府工作报告.txt'), map),
    );
    const small = foldMapFor(archive, map);
    expect(small['關']).toBe('关');
    expect(small['發']).toBe('发');
    for (const to of Object.values(small)) expect(archive.has(to)).toBe(true);
    expect(Object.keys(small).length).toBeLessThan(Object.keys(map).length);
    expect(foldMapFromPairs(foldMapToPairs(small))).toEqual(small);
  });
});

describe('query parsing', () => {
  it('splits on spaces into terms that must all match, and folds each', () => {
    expect(parseQuery('新质生产力  人工智能', map).map((t) => t.match)).toEqual([
      '新质生产力',
      '人工智能',
    ]);
    expect(parseQuery('關於憲法', map).map((t) => t.match)).toEqual(['关于宪法']);
  });

  it('keeps quoted phrases whole, ASCII or Chinese quotes, and drops the spaces inside', () => {
    expect(parseQuery('"同志 关于宪法"', map).map((t) => t.match)).toEqual(['同志关于宪法']);
    expect(parseQuery('“一带一路” 「两个确立」', map).map((t) => t.match)).toEqual([
      '一带一路',
      '两个确立',
    ]);
  });

  it('treats punctuation outside quotes as a separator, and keeps it inside quotes', () => {
    expect(parseQuery('同志，关于宪法。', map).map((t) => t.match)).toEqual(['同志', '关于宪法']);
    const quoted = parseQuery('"同志，关于"', map);
    expect(quoted.map((t) => t.match)).toEqual(['同志，关于']);
    expect(quoted[0].pieces).toEqual(['同志', '关于']);
  });

  it('handles mixed Latin and digits', () => {
    expect(parseQuery('5G', map).map((t) => t.match)).toEqual(['5g']);
    expect(parseQuery('Ｃ９１９', map).map((t) => t.match)).toEqual(['c919']);
    expect(parseQuery('2024年', map)[0].pieces).toEqual(['2024年']);
  });

  it('ignores empty, punctuation-only and repeated terms', () => {
    expect(parseQuery('  ，。“” ', map)).toEqual([]);
    expect(parseQuery('民主 民主 "民主"', map)).toHaveLength(1);
  });
});

describe('index words and matching', () => {
  it('spaces text out one character per word and reads it back', () => {
    const spaced = spaceOut('关于 宪法，5g');
    expect(spaced).toBe('关 于 宪 法 ， 5 g');
    expect(contentTokens(`${spaced}\u200b 草`)).toEqual([
      '关',
      '于',
      '宪',
      '法',
      '，',
      '5',
      'g',
      '草',
    ]);
    expect(pagefindPhrase('同志，关于')).toBe('"同 志 关 于"');
  });

  it('finds every occurrence, including the tail of a longer word (民主 in 人民民主)', () => {
    const chars = nonSpace(matchForm(shipped('1954年政府工作报告.txt'), map));
    const text = chars.join('');
    const expected: number[] = [];
    for (let i = text.indexOf('民主'); i >= 0; i = text.indexOf('民主', i + 1))
      expected.push([...text.slice(0, i)].length);
    expect(expected.length).toBeGreaterThan(0);
    expect(occurrences(chars, '民主')).toEqual(expected);
    const inLonger = occurrences(chars, '人民民主').map((i) => i + 2);
    expect(inLonger.length).toBeGreaterThan(0);
    for (const i of inLonger) expect(occurrences(chars, '民主')).toContain(i);
  });

  it('maps folded text back to the original exactly, for traditional and simplified reports', () => {
    const reports = [
      '1954年政府工作报告.txt',
      '1960年政府工作报告.txt',
      '2024年政府工作报告.txt',
    ].map(shipped);
    for (const name of fs
      .readdirSync(GOV_REPORTS)
      .filter((f) => f.startsWith('195'))
      .slice(0, 3))
      reports.push(fs.readFileSync(path.join(GOV_REPORTS, name), 'utf8'));
    for (const text of reports) {
      const original = nonSpace(text);
      const folded = original.map((c) => foldChar(c, map));
      const unfold = unfoldFor(original, folded);
      expect(unfoldRange(folded, 0, unfold).join('')).toBe(original.join(''));
      expect(unfoldRange(folded.slice(500, 540), 500, unfold).join('')).toBe(
        original.slice(500, 540).join(''),
      );
    }
  });

  it('keeps the unfold data small for a simplified page', () => {
    const original = nonSpace(shipped('2024年政府工作报告.txt'));
    const unfold = unfoldFor(
      original,
      original.map((c) => foldChar(c, map)),
    );
    expect(unfold.usual.length + unfold.exceptions.length).toBeLessThan(400);
  });
});

describe('sidecars of a sharded index', () => {
  it('are written with repeated headings and filter values stored once, and read back unchanged', () => {
    const sidecar = {
      fold: '關关',
      bundles: ['pagefind-1/'],
      years: { '2024': 1, '2023': 1, '1954': 3 },
      pages: {
        a: {
          d: '2024',
          f: { column: ['政府工作报告'], year: ['2024'] },
          ti: '2024年政府工作报告',
          hd: '一、过去一年工作回顾\n二、今年工作任务',
        },
        b: {
          d: '2023',
          f: { column: ['政府工作报告'], tag: ['就业'], year: ['2023'] },
          ti: '2023年政府工作报告',
          hd: '一、过去一年工作回顾',
        },
        c: { d: '', f: {}, ti: '决议', hd: '' },
      },
    };
    const packed = packSidecar(sidecar);
    expect(
      packed.strings.filter((s) => s === '一、过去一年工作回顾' || s === '政府工作报告'),
    ).toHaveLength(2);
    expect(unpackSidecar(JSON.parse(JSON.stringify(packed)))).toEqual(sidecar);
  });
});

describe('filters', () => {
  const pages: SidecarPage[] = [
    {
      d: '2024-03-05',
      f: { column: ['政府工作报告'], author: ['李强'], tag: ['教育', '就业'], year: ['2024'] },
      ti: '',
      hd: '',
    },
    { d: '1954', f: { column: ['政府工作报告'], tag: ['外交'], year: ['1954'] }, ti: '', hd: '' },
    { d: '', f: { column: ['决议'], tag: ['教育'] }, ti: '', hd: '' },
  ];
  it('ANDs different filters and ORs values of one filter', () => {
    expect(
      pages.filter((p) => matchesFacets(p, { tag: ['教育'], column: ['政府工作报告'] })),
    ).toHaveLength(1);
    expect(pages.filter((p) => matchesFacets(p, { tag: ['教育', '外交'] }))).toHaveLength(3);
  });
  it('counts each value as if chosen on top of the other filters', () => {
    const counts = facetCounts(pages, { column: ['政府工作报告'] });
    expect(counts.tag.get('教育')).toBe(1);
    expect(counts.column.get('决议')).toBe(1);
    expect(counts.year.get('1954')).toBe(1);
  });
});

describe('zero-width characters pasted from web pages', () => {
  it('are skipped alike by the index, the page text and the query', async () => {
    const { indexablePage } = await import('../../scripts/search-index/index-html.ts');
    const { contentTokens } = await import('../../src/core/search/tokens.ts');
    const { matchForm } = await import('../../src/core/search/fold.ts');
    const html =
      '<html><body><h1 data-pagefind-meta="title">标题</h1><div data-pagefind-body><p>见www.x.cn\u200B国、props}\u200B>>与协商\u200D民主</p></div></body></html>';
    const page = indexablePage(html, {})!;
    expect(page.folded).not.toMatch(/[\u200B-\u200D]/);
    const body = /<div data-pagefind-body[^>]*>([\s\S]*)<\/div>/
      .exec(page.html)![1]
      .replace(/<[^>]+>/g, ' ');
    const tokens = contentTokens(body).filter((t) => /[\p{L}\p{N}]/u.test(t));
    expect(tokens.join('')).toBe([...page.folded].filter((c) => /[\p{L}\p{N}]/u.test(c)).join(''));
    expect(matchForm('协商\u200D民主', {})).toBe('协商民主');
  });
});
