/**
 * A phrase's history: how many articles hold it, year by year, as a small bar chart (inline SVG)
 * with the same numbers as a table, so it reads without JavaScript and to a screen reader. Built
 * as a plain tree here, then written as HTML at build time (glossary pages, YearChart.astro) or as
 * DOM nodes in the browser (search results): one drawing, two ways to print it.
 */

export interface YearCount {
  year: number;
  count: number;
}

/** An element of the chart: tag, attributes, children (text children are plain text, never markup). */
export interface ChartNode {
  tag: string;
  attrs: Record<string, string>;
  children: (ChartNode | string)[];
}

export interface ChartOptions {
  /** What is counted, for the caption and the table ("“新质生产力”逐年篇数"). */
  caption: string;
  /** Where a year's bar leads (that year's results); no links when absent. */
  href?: (year: number) => string;
  /** The year currently chosen, drawn darker. */
  selected?: number;
}

const BAR = 8;
const GAP = 2;
const HEIGHT = 48;
const LABELS = 14;

/**
 * Every year from `from` to `to` (default: the first and last year counted), with 0 where nothing
 * was counted, so a gap in the record shows as a gap. Values that are not years are ignored.
 */
export function yearSeries(
  counts: Iterable<[string | number, number]>,
  from?: number,
  to?: number,
): YearCount[] {
  const byYear = new Map<number, number>();
  for (const [y, n] of counts) {
    const year = Number(y);
    if (Number.isInteger(year) && year > 0 && n > 0) byYear.set(year, (byYear.get(year) ?? 0) + n);
  }
  const years = [...byYear.keys()];
  const first = from ?? Math.min(...years);
  const last = to ?? Math.max(...years);
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) return [];
  return Array.from({ length: last - first + 1 }, (_, k) => ({
    year: first + k,
    count: byYear.get(first + k) ?? 0,
  }));
}

/** The first year with a count, or undefined: when a phrase first appears in the archive. */
export function firstYear(series: YearCount[]): number | undefined {
  return series.find((s) => s.count > 0)?.year;
}

const node = (
  tag: string,
  attrs: Record<string, string> = {},
  children: (ChartNode | string)[] = [],
): ChartNode => ({ tag, attrs, children });

export function yearChart(series: YearCount[], options: ChartOptions): ChartNode {
  const max = Math.max(0, ...series.map((s) => s.count));
  const total = series.reduce((n, s) => n + s.count, 0);
  const width = Math.max(1, series.length * (BAR + GAP) - GAP);
  // Years without articles are left empty (the gap is the information), which keeps a 70-year chart small.
  const bars = series.flatMap((s, k) => {
    if (s.count === 0) return [];
    const h = Math.max(2, Math.round((s.count / max) * HEIGHT));
    const x = String(k * (BAR + GAP));
    const label = `${s.year} 年：${s.count} 篇`;
    const rect = node('rect', {
      x,
      y: String(HEIGHT - h),
      width: String(BAR),
      height: String(h),
      class: s.year === options.selected ? 'year-chart-bar is-selected' : 'year-chart-bar',
    });
    if (!options.href) return [node('g', {}, [node('title', {}, [label]), rect])];
    // The whole column is the click target, so a short bar is as easy to hit as a tall one.
    const hit = node('rect', {
      x,
      y: '0',
      width: String(BAR),
      height: String(HEIGHT),
      class: 'year-chart-hit',
    });
    return [
      node('a', { href: options.href(s.year), 'data-year': String(s.year), 'aria-label': label }, [
        node('title', {}, [label]),
        hit,
        rect,
      ]),
    ];
  });
  const axis =
    series.length > 0
      ? [
          node('text', { x: '0', y: String(HEIGHT + LABELS - 2), class: 'year-chart-axis' }, [
            String(series[0].year),
          ]),
          node(
            'text',
            {
              x: String(width),
              y: String(HEIGHT + LABELS - 2),
              class: 'year-chart-axis',
              'text-anchor': 'end',
            },
            [String(series[series.length - 1].year)],
          ),
        ]
      : [];
  const svg = node(
    'svg',
    {
      viewBox: `0 0 ${width} ${HEIGHT + LABELS}`,
      width: String(width),
      height: String(HEIGHT + LABELS),
      role: 'group',
      'aria-label': `${options.caption}（柱形图，最多 ${max} 篇）`,
      class: 'year-chart-svg',
    },
    [...bars, ...axis],
  );
  const rows = series
    .filter((s) => s.count > 0)
    .map((s) =>
      node('tr', {}, [
        node(
          'th',
          { scope: 'row' },
          options.href
            ? [
                node('a', { href: options.href(s.year), 'data-year': String(s.year) }, [
                  String(s.year),
                ]),
              ]
            : [String(s.year)],
        ),
        node('td', {}, [String(s.count)]),
      ]),
    );
  const table = node('table', { class: 'year-chart-table' }, [
    node('caption', {}, [options.caption]),
    node('thead', {}, [
      node('tr', {}, [
        node('th', { scope: 'col' }, ['年份']),
        node('th', { scope: 'col' }, ['篇数']),
      ]),
    ]),
    node('tbody', {}, rows),
  ]);
  const summary =
    total > 0
      ? `${options.caption}：${series.find((s) => s.count > 0)!.year} 年起，共 ${total} 篇`
      : `${options.caption}：没有`;
  return node('figure', { class: 'year-chart', 'data-year-chart': '' }, [
    node('figcaption', {}, [summary]),
    svg,
    node('details', {}, [node('summary', {}, ['逐年篇数表']), table]),
  ]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** The chart as HTML; every text and attribute value escaped (captions hold what a reader typed). */
export function chartHtml(n: ChartNode | string): string {
  if (typeof n === 'string') return escape(n);
  const attrs = Object.entries(n.attrs)
    .map(([k, v]) => ` ${k}="${escape(v)}"`)
    .join('');
  return `<${n.tag}${attrs}>${n.children.map(chartHtml).join('')}</${n.tag}>`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'rect', 'text', 'title', 'g', 'a']);

/** The chart as DOM nodes (text as text nodes, never parsed), inside the SVG in the SVG namespace. */
export function chartElement(n: ChartNode, doc: Document, inSvg = false): Element {
  const svg = inSvg || n.tag === 'svg';
  const el =
    svg && SVG_TAGS.has(n.tag) ? doc.createElementNS(SVG_NS, n.tag) : doc.createElement(n.tag);
  for (const [k, v] of Object.entries(n.attrs)) el.setAttribute(k, v);
  for (const c of n.children)
    el.append(typeof c === 'string' ? doc.createTextNode(c) : chartElement(c, doc, svg));
  return el;
}
