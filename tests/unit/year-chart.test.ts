import { describe, expect, it } from 'vitest';
import {
  chartHtml,
  firstYear,
  yearChart,
  yearSeries,
  type ChartNode,
} from '../../src/core/year-chart.ts';

const all = (n: ChartNode, tag: string): ChartNode[] => [
  ...(n.tag === tag ? [n] : []),
  ...n.children.flatMap((c) => (typeof c === 'string' ? [] : all(c, tag))),
];
const text = (n: ChartNode | string): string =>
  typeof n === 'string' ? n : n.children.map(text).join('');

describe('year series', () => {
  it('fills every year of the span, zero where nothing was counted', () => {
    expect(
      yearSeries([
        ['2019', 2],
        ['2021', 1],
      ]),
    ).toEqual([
      { year: 2019, count: 2 },
      { year: 2020, count: 0 },
      { year: 2021, count: 1 },
    ]);
    expect(yearSeries(new Map([['2020', 3]]), 2018, 2021).map((s) => s.count)).toEqual([
      0, 0, 3, 0,
    ]);
  });
  it('ignores values that are not years and is empty when nothing was counted', () => {
    expect(
      yearSeries([
        ['', 4],
        ['未知', 1],
        ['1954', 1],
      ]),
    ).toEqual([{ year: 1954, count: 1 }]);
    expect(yearSeries([])).toEqual([]);
  });
  it('knows the first year a phrase appears', () => {
    expect(
      firstYear(
        yearSeries(
          [
            ['2024', 1],
            ['2025', 3],
          ],
          2020,
          2025,
        ),
      ),
    ).toBe(2024);
    expect(firstYear(yearSeries([], 2020, 2021))).toBeUndefined();
  });
});

describe('year chart', () => {
  const series = yearSeries(
    [
      ['2022', 1],
      ['2024', 4],
    ],
    2021,
    2024,
  );
  const chart = yearChart(series, {
    caption: '“新质生产力”逐年篇数',
    href: (y) => `/search/?q=x&year=${y}`,
    selected: 2024,
  });

  it('draws one bar per year, heights in proportion, links only for years with articles', () => {
    const bars = all(chart, 'rect').filter((r) => r.attrs.class.startsWith('year-chart-bar'));
    // 2021 and 2023 are gaps; 2022 and 2024 stand at their place in the span.
    expect(bars.map((b) => Number(b.attrs.height))).toEqual([12, 48]);
    const [x2022, x2024] = bars.map((b) => Number(b.attrs.x));
    expect(x2024).toBe(3 * x2022);
    expect(
      all(chart, 'a')
        .filter((a) => all(a, 'rect').length > 0)
        .map((a) => a.attrs['data-year']),
    ).toEqual(['2022', '2024']);
    expect(bars[1].attrs.class).toContain('is-selected');
    expect(bars[0].attrs.class).not.toContain('is-selected');
  });

  it('holds the same numbers as a table, readable without the picture', () => {
    const [table] = all(chart, 'table');
    const rows = all(table, 'tr')
      .slice(1)
      .map((r) => r.children.map(text));
    expect(rows).toEqual([
      ['2022', '1'],
      ['2024', '4'],
    ]);
    expect(text(all(chart, 'figcaption')[0])).toBe('“新质生产力”逐年篇数：2022 年起，共 5 篇');
  });

  it('is readable: bars and axis labels at least 12 px, drawn at their own size', () => {
    for (const bar of all(chart, 'rect'))
      expect(Number(bar.attrs.width)).toBeGreaterThanOrEqual(12);
    const labels = all(chart, 'text');
    expect(labels.map(text)).toEqual(['2021', '2024']);
    for (const l of labels) expect(Number(l.attrs['font-size'])).toBeGreaterThanOrEqual(12);
    const [svg] = all(chart, 'svg');
    expect(svg.attrs.viewBox).toBe(`0 0 ${svg.attrs.width} ${svg.attrs.height}`);
  });

  it('says how many articles carry no year, so the chart adds up to the count', () => {
    const withUndated = yearChart(series, { caption: '含“新质生产力”的文章逐年篇数', undated: 2 });
    expect(text(all(withUndated, 'figcaption')[0])).toBe(
      '含“新质生产力”的文章逐年篇数：2022 年起，共 5 篇；另有 2 篇未标年份',
    );
    const onlyUndated = yearChart([], { caption: '含“甲”的文章逐年篇数', undated: 1 });
    expect(text(all(onlyUndated, 'figcaption')[0])).toBe('含“甲”的文章逐年篇数：另有 1 篇未标年份');
  });

  it('escapes what a reader typed when written as HTML', () => {
    const html = chartHtml(yearChart(series, { caption: '<script>"&' }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;&quot;&amp;');
    expect(html.startsWith('<figure class="year-chart"')).toBe(true);
  });
});
