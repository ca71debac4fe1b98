import columnsData from '../../src/data/columns.json' with { type: 'json' };
import { CANNOT_START, HAN, TERMINAL, headingLevel, squeezeSpaces } from '../../src/lib/chinese.ts';
import type { SourceLine } from './normalise.ts';

/** One article cut out of a source, its header marks already turned into metadata. */
export interface ArticleDraft {
  /** 0-based position of the article in its source. */
  index: number;
  title: string;
  titleFromFileName: boolean;
  subtitle?: string;
  column?: string;
  authors: string[];
  /** Positions as printed: "省政协委员", "张掖市政协党组书记、主席", "国务院总理". */
  positions: string[];
  /** The byline exactly as printed, e.g. "(作者系省政协委员，张掖市政协党组书记、主席)". */
  byline?: string;
  /** Header lines that became metadata, kept verbatim so nothing of the source is lost. */
  header: string[];
  body: SourceLine[];
  firstLine: number;
}

const KNOWN_COLUMNS = new Set(columnsData.columns.map(squeezeSpaces));
const AUTHOR = /^[□■◻◼]\s*(.+)$/u;
const BYLINE = /^[(（]\s*(?:作者系|作者为|作者单位[:：]?|作者是)(.+?)\s*[)）]$/u;
// ASCII "--" only counts before words: "-->" or "---" in pasted code is not a subtitle.
const SUBTITLE = /^(?:——|－－|—(?!—)|--(?=\s*[\p{Script=Han}\p{N}]))\s*(.+)$/u;
const SALUTATION = /^(?:各位代表|各位委员|同志们|各位同志|各位领导)[^。]{0,12}[：:！!，,]$/u;
// Magazine column labels are set with a gap between their halves: "学习 笔记", "履职 思考".
const SPACED_LABEL = /^\p{Script=Han}{2}[ \u3000]+\p{Script=Han}{2}$/u;

export function isColumnLine(text: string): boolean {
  return KNOWN_COLUMNS.has(squeezeSpaces(text)) || SPACED_LABEL.test(text);
}

// A dated line under a title without its dash: "1957年6月26日在第一届全国人民代表大会第四次会议上".
const DATED_SUBTITLE = /^[0-9０-９〇零○一二三四五六七八九]{4}年.{1,6}月.{1,6}日.{0,40}(?:上|讲话|报告)$/u;

function isSubtitle(text: string): boolean {
  return SUBTITLE.test(text) || DATED_SUBTITLE.test(squeezeSpaces(text));
}

function subtitleText(text: string): string {
  return SUBTITLE.exec(text)?.[1] ?? text.trim();
}

/**
 * Title lines: a magazine sets a two-part title on two lines ("学思践悟新思想" / "实干担当谱新篇",
 * joined with a space); a web export sometimes cuts one word ("政府工作报" / "告", joined without).
 */
function joinTitleLines(parts: string[]): string {
  return parts.reduce((title, part) => (squeezeSpaces(part).length <= 2 || squeezeSpaces(title).length <= 2 ? title + part : `${title} ${part}`));
}

/** Short, unpunctuated, unnumbered: how a title line looks. */
function isTitleLike(text: string, continuing = false): boolean {
  const bare = squeezeSpaces(text);
  return (
    bare.length >= (continuing ? 1 : 2) &&
    // A second title line never opens with ASCII punctuation ("-->", "---"): that is pasted code.
    !(continuing && /^[!-/:-@[-`{-~]/.test(bare)) &&
    bare.length <= 40 &&
    HAN.test(bare) &&
    !TERMINAL.test(bare) &&
    !/[，,。]/.test(bare) &&
    headingLevel(bare) === undefined &&
    !AUTHOR.test(text) &&
    !BYLINE.test(text) &&
    !SALUTATION.test(bare) &&
    !SUBTITLE.test(text)
  );
}

function authorNames(mark: string): string[] {
  const names = mark.trim();
  // "周 均 发" / "李　强": one name set with spaces; "张三 李四" or "张三、李四": several.
  if (squeezeSpaces(names).length <= 4) return [squeezeSpaces(names)];
  return names.split(/[\s\u3000、，,]+/u).filter(Boolean);
}

function bylinePositions(inner: string): string[] {
  return inner.split(/[，,；;]/u).map((p) => p.trim()).filter(Boolean);
}

interface Start {
  at: number;
  column?: string;
  titleLines: number[];
  author?: number;
}

/**
 * Finds where articles start in a compilation. An author mark (□ 周均发) is certain: the one or two
 * title lines before it, and the column labels before those, open the article. A column label not
 * followed by an author still opens one (a research report printed without a byline).
 */
function findStarts(lines: SourceLine[]): Start[] {
  const starts: Start[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!AUTHOR.test(lines[i].text)) continue;
    const titleLines: number[] = [];
    let k = i - 1;
    while (k >= 0 && titleLines.length < 2 && !used.has(k) && isTitleLike(lines[k].text) && !isColumnLine(lines[k].text)) {
      titleLines.unshift(k);
      k--;
    }
    let at = titleLines[0] ?? i;
    let column: string | undefined;
    while (k >= 0 && !used.has(k) && isColumnLine(lines[k].text)) {
      column ??= squeezeSpaces(lines[k].text);
      at = k;
      k--;
    }
    for (let u = at; u <= i; u++) used.add(u);
    starts.push({ at, column, titleLines, author: i });
  }
  for (let i = 0; i < lines.length; i++) {
    if (used.has(i) || !isColumnLine(lines[i].text)) continue;
    // A run of labels: the last one is the column, the run opens the article.
    let j = i;
    while (j + 1 < lines.length && !used.has(j + 1) && isColumnLine(lines[j + 1].text)) j++;
    const titleLines: number[] = [];
    let k = j + 1;
    while (k < lines.length && titleLines.length < 2 && !used.has(k) && isTitleLike(lines[k].text)) {
      titleLines.push(k);
      k++;
    }
    for (let u = i; u < k; u++) used.add(u);
    starts.push({ at: i, column: squeezeSpaces(lines[j].text), titleLines });
    i = k - 1;
  }
  return starts.sort((a, b) => a.at - b.at);
}

export interface SplitOptions {
  /** File name without extension: the title of a report that prints none. */
  fileStem: string;
  /** Column for articles that carry no label (from the source's folder). */
  defaultColumn?: string;
}

/** Cuts a source into articles; a source with no marks is one article in report style. */
export function splitArticles(lines: SourceLine[], options: SplitOptions): ArticleDraft[] {
  const starts = findStarts(lines);
  if (starts.length === 0) return [reportArticle(lines, options)];
  const drafts: ArticleDraft[] = [];
  // Text before the first mark (a magazine's contents line, an editor's note) stays with the first article.
  let column = options.defaultColumn;
  starts.forEach((start, n) => {
    const end = n + 1 < starts.length ? starts[n + 1].at : lines.length;
    const from = n === 0 ? 0 : start.at;
    column = start.column ?? column;
    const header: string[] = [];
    const body: SourceLine[] = [];
    const meta = new Set<number>([...start.titleLines, ...(start.author === undefined ? [] : [start.author])]);
    for (let i = start.at; i < (start.titleLines.at(-1) ?? start.author ?? start.at) + 1; i++) if (isColumnLine(lines[i].text)) meta.add(i);
    const draft: ArticleDraft = {
      index: n,
      title: start.titleLines.map((i) => lines[i].text.trim()).join(' '),
      titleFromFileName: false,
      column,
      authors: start.author === undefined ? [] : authorNames(AUTHOR.exec(lines[start.author].text)![1]),
      positions: [],
      header,
      body,
      firstLine: lines[from]?.line ?? 1,
    };
    for (let i = from; i < end; i++) {
      const text = lines[i].text;
      const byline = BYLINE.exec(text);
      if (meta.has(i)) header.push(text);
      else if (byline && !draft.byline) {
        draft.byline = text;
        draft.positions = bylinePositions(byline[1]);
      } else if (i === (start.author ?? -1) + 1 && SUBTITLE.test(text) && !draft.subtitle) {
        draft.subtitle = subtitleText(text);
        header.push(text);
      } else body.push(lines[i]);
    }
    if (draft.title === '') {
      draft.title = n === 0 ? options.fileStem : `${options.fileStem}（${n + 1}）`;
      draft.titleFromFileName = true;
    }
    drafts.push(draft);
  });
  return drafts;
}

/**
 * A speech or report: [title] [——subtitle] [position / name lines] [salutation] body.
 * A title is only taken when blank space or a subtitle sets it apart, so a first sentence cut by a
 * hyperlink ("…听取和" / "政府工作报告" / "。…") is never mistaken for one.
 */
function reportArticle(lines: SourceLine[], options: SplitOptions): ArticleDraft {
  const draft: ArticleDraft = {
    index: 0,
    title: options.fileStem,
    titleFromFileName: true,
    column: options.defaultColumn,
    authors: [],
    positions: [],
    header: [],
    body: [],
    firstLine: lines[0]?.line ?? 1,
  };
  let i = 0;
  const titleLines: number[] = [];
  while (i < lines.length && titleLines.length < 3 && isTitleLike(lines[i].text, titleLines.length > 0) && !isSubtitle(lines[i].text)) titleLines.push(i++);
  const after = lines[i];
  const setApart = after && (after.gapBefore || isSubtitle(after.text) || SALUTATION.test(squeezeSpaces(after.text))) && !CANNOT_START.test(after.text);
  if (titleLines.length > 0 && setApart) {
    draft.title = joinTitleLines(titleLines.map((k) => lines[k].text));
    draft.titleFromFileName = false;
    draft.header.push(...titleLines.map((k) => lines[k].text));
  } else i = 0;
  if (i < lines.length && isSubtitle(lines[i].text) && i <= 3) {
    draft.subtitle = subtitleText(lines[i].text);
    draft.header.push(lines[i].text);
    i++;
    // Speaker: short lines between the subtitle and the salutation ("国务院总理　" / "李　强").
    const speaker: string[] = [];
    let k = i;
    while (k < lines.length && k < i + 3 && !SALUTATION.test(squeezeSpaces(lines[k].text)) && squeezeSpaces(lines[k].text).length <= 24 && !TERMINAL.test(lines[k].text)) {
      speaker.push(lines[k].text);
      k++;
    }
    if (speaker.length > 0 && k < lines.length && SALUTATION.test(squeezeSpaces(lines[k].text))) {
      // "国务院总理　" / "李　强" on two lines, or "国务院总理　李　强" on one: position first, then the name.
      const [position, name] =
        speaker.length > 1
          ? [speaker.slice(0, -1).join(''), speaker.at(-1)!]
          : [speaker[0].split(/[\s\u3000]+/u)[0], speaker[0].split(/[\s\u3000]+/u).slice(1).join('')];
      draft.authors = name ? [squeezeSpaces(name)] : [squeezeSpaces(position)];
      draft.positions = name ? [squeezeSpaces(position)] : [];
      draft.header.push(...speaker);
      i = k;
    }
  }
  for (; i < lines.length; i++) {
    const byline = BYLINE.exec(lines[i].text);
    if (byline && !draft.byline) {
      draft.byline = lines[i].text;
      draft.positions = bylinePositions(byline[1]);
    } else draft.body.push(lines[i]);
  }
  return draft;
}
