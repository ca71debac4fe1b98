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
  /** What is counted, for the caption and the table ("含“新质生产力”的文章逐年篇数"). */
  caption: string;
  /** Where a year's bar leads (that year's results); no links when absent. */
  href?: (year: number) => string;
  /** The year currently chosen, drawn darker. */
  selected?: number;
  /** Articles counted that carry no year: said in words, so the chart adds up to the count. */
  undated?: number;
}

/** Bar width and axis labels in CSS pixels: the chart is never scaled down (it scrolls instead). */
const BAR = 12;
const GAP = 3;
const HEIGHT = 48;
const LABEL_SIZE = 12;
const LABELS = LABEL_SIZE + 6;

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
  const width = Math.max(1, series.length * (BAR + GAP) - GAP);
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
    [...bars(series, max, options), ...axis(series, width)],
  );
  return node(
    'figure',
    { class: 'year-chart', 'data-year-chart': '', 'data-undated': String(options.undated ?? 0) },
    [
      node('figcaption', {}, [chartSummary(series, options)]),
      // A long span scrolls sideways rather than shrinking bars and labels below a readable size.
      // Focusable, so a keyboard reader can scroll it too.
      // A labelled section is a region landmark already, without a role attribute.
      node(
        'section',
        {
          class: 'year-chart-scroll',
          tabindex: '0',
          'aria-label': '逐年柱形图，可左右滚动',
        },
        [svg],
      ),
      node('details', {}, [node('summary', {}, ['逐年篇数表']), yearTable(series, options)]),
    ],
  );
}

/** "…：2018 年起，共 12 篇；另有 2 篇未标年份". */
export function chartSummary(series: YearCount[], options: ChartOptions): string {
  const total = series.reduce((n, s) => n + s.count, 0);
  const first = firstYear(series);
  const undated = options.undated ? `另有 ${options.undated} 篇未标年份` : '';
  if (first === undefined) return `${options.caption}：${undated || '没有'}`;
  return `${options.caption}：${first} 年起，共 ${total} 篇${undated ? `；${undated}` : ''}`;
}

/** One bar per year with articles; years without are left empty (the gap is the information). */
function bars(series: YearCount[], max: number, options: ChartOptions): ChartNode[] {
  return series.flatMap((s, k) => {
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
}

/** The first and last year under the bars. */
function axis(series: YearCount[], width: number): ChartNode[] {
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last) return [];
  const y = String(HEIGHT + LABELS - 4);
  const label = (x: number, anchor: string, year: number) =>
    node(
      'text',
      {
        x: String(x),
        y,
        class: 'year-chart-axis',
        'font-size': String(LABEL_SIZE),
        'text-anchor': anchor,
      },
      [String(year)],
    );
  return first === last
    ? [label(0, 'start', first.year)]
    : [label(0, 'start', first.year), label(width, 'end', last.year)];
}

function yearTable(series: YearCount[], options: ChartOptions): ChartNode {
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
  return node('table', { class: 'year-chart-table' }, [
    node('caption', {}, [options.caption]),
    node('thead', {}, [
      node('tr', {}, [
        node('th', { scope: 'col' }, ['年份']),
        node('th', { scope: 'col' }, ['篇数']),
      ]),
    ]),
    node('tbody', {}, rows),
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
