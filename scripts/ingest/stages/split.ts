import columnsData from '../../../src/data/columns.json' with { type: 'json' };
import { columnsFileSchema } from '../../../src/core/data-files.ts';
import {
  CANNOT_START,
  HAN,
  TERMINAL,
  YEAR_DIGIT,
  headingLevel,
  squeezeSpaces,
} from '../../../src/core/chinese.ts';
import type { SourceLine } from '../../model/text.ts';
import { EDITORIAL_NOTE } from './notes.ts';

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
  /** A speech's date line as printed ("（2024年1月18日）"): it dates the article. */
  dateLine?: string;
  /** Header lines that became metadata, kept verbatim so nothing of the source is lost. */
  header: string[];
  body: SourceLine[];
  firstLine: number;
}

const KNOWN_COLUMNS = new Set(columnsFileSchema.parse(columnsData).columns.map(squeezeSpaces));
// Author marks: "□ 周均发", "■ 李某某", "文/王某某", "作者：张三 李四" (names only: a sentence is never one).
const AUTHOR =
  /^(?:[□■◻◼]\s*|文\s*[/／]\s*|作者\s*[:：]\s*)([\p{Script=Han}·•][\p{Script=Han}·•\s\u3000、，,]{0,30})$/u;
// Bylines, bracketed "(作者系……)" / "（作者单位：……）" or bare "作者系……", under the title or at the end.
const BYLINE =
  /^(?:[(（]\s*(?:作者系|作者为|作者单位[:：]?|作者是)(.+?)\s*[)）]|(?:作者系|作者为|作者单位[:：]|作者是)([^。]{2,60}?)[。.]?)$/u;
/** What a byline says after its opening words: the positions, or the unit. */
function bylineInner(m: RegExpExecArray): string {
  return m[1] ?? m[2];
}
/**
 * "＊　＊　＊" (or ※※※ ☆☆☆) on its own line: the end of one article and the start of the next. Only
 * full-width marks: ASCII "***" in pasted text is a Markdown rule, not a separator an editor set.
 */
export const ARTICLE_SEPARATOR = /^[＊※☆★◆◇](?:[\s\u3000]*[＊※☆★◆◇]){2,}$/u;
/** A 【编者按】 paragraph (also "编者按：") opening an article: the editor's note, not the author's text. */
export const EDITORS_NOTE = /^(?:【\s*编者按\s*】|\[\s*编者按\s*\]|编者按\s*[:：])\s*/u;
/** A date line under a speech's title: "（2024年1月18日）". */
export const DATE_LINE = new RegExp(
  `^[(（]\\s*${YEAR_DIGIT}{4}\\s*年[^()（）]{1,6}月[^()（）]{1,6}日\\s*[)）]$`,
  'u',
);
// ASCII "--" only counts before words: "-->" or "---" in pasted code is not a subtitle.
const SUBTITLE = /^(?:——|－－|—(?!—)|--(?=\s*[\p{Script=Han}\p{N}]))\s*(.+)$/u;
const SALUTATION = /^(?:各位代表|各位委员|同志们|各位同志|各位领导)[^。]{0,12}[：:！!，,]$/u;
// Magazine column labels are set with a gap between their halves: "学习 笔记", "履职 思考".
const SPACED_LABEL = /^\p{Script=Han}{2}[ \u3000]+\p{Script=Han}{2}$/u;

// What journals name their columns: "委员论坛", "履职风采", "学习笔记", "调研视点", "基层之窗".
const COLUMN_NAME =
  /^\p{Script=Han}{2,4}(?:论坛|风采|笔记|思考|研究|视点|之窗|园地|纵横|广角|聚焦|时评|观察|访谈|札记|心得|建言|视角|前沿|天地|专栏|动态)$/u;

export function isColumnLine(text: string): boolean {
  return KNOWN_COLUMNS.has(squeezeSpaces(text)) || SPACED_LABEL.test(text);
}

// A dated line under a title without its dash: "1957年6月26日在第一届全国人民代表大会第四次会议上".
const DATED_SUBTITLE = new RegExp(
  `^${YEAR_DIGIT}{4}年.{1,6}月.{1,6}日.{0,40}(?:上|讲话|报告)$`,
  'u',
);

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
  return parts.reduce((title, part) =>
    squeezeSpaces(part).length <= 2 ||
    squeezeSpaces(title).length <= 2 ||
    TITLE_QUALIFIER.test(part.trim())
      ? title + part
      : `${title} ${part}`,
  );
}

/**
 * What a regulation's title carries at its end, in brackets: "（试行）", "（暂行）", "（草案）",
 * "（征求意见稿）", "（2024年修订）". Part of the title, though a closing bracket usually ends a sentence.
 */
const TITLE_QUALIFIER = new RegExp(
  `[(（](?:试行|暂行|草案|修订稿?|修正稿?|征求意见稿|送审稿|${YEAR_DIGIT}{4}年(?:修订|修正))[)）]$`,
  'u',
);

/** Short, unpunctuated, unnumbered: how a title line looks. */
function isTitleLike(text: string, continuing = false): boolean {
  const whole = squeezeSpaces(text);
  // "（试行）" on a line of its own, under the title it qualifies.
  if (continuing && TITLE_QUALIFIER.test(whole) && whole.replace(TITLE_QUALIFIER, '') === '')
    return true;
  const bare = whole.replace(TITLE_QUALIFIER, '');
  return (
    bare.length >= (continuing ? 1 : 2) &&
    // A second title line never opens with ASCII punctuation ("-->", "---"): that is pasted code.
    !(continuing && /^[!-/:-@[-`{-~]/.test(bare)) &&
    bare.length <= 40 &&
    HAN.test(bare) &&
    !TERMINAL.test(bare) &&
    !/[，,。]/.test(bare) &&
    headingLevel(bare) === undefined &&
    headingLevel(text.trim()) === undefined &&
    !AUTHOR.test(text) &&
    !BYLINE.test(text) &&
    !SALUTATION.test(bare) &&
    !SUBTITLE.test(text)
  );
}

function authorNames(mark: string): string[] {
  const names = mark.trim();
  // "张三、李四" / "张三，李四": several, whatever their length.
  if (/[、，,]/u.test(names))
    return names
      .split(/[\s\u3000]*[、，,][\s\u3000]*/u)
      .map(squeezeSpaces)
      .filter(Boolean);
  const parts = names.split(/[\s\u3000]+/u).filter(Boolean);
  // "周 均 发" / "李　强": one name set with spaces, one character apart; "张三 李四": two names.
  if (parts.every((p) => [...p].length === 1) || squeezeSpaces(names).length <= 3)
    return [squeezeSpaces(names)];
  return parts;
}

function bylinePositions(inner: string): string[] {
  return inner
    .split(/[，,；;]/u)
    .map((p) => p.trim())
    .filter(Boolean);
}

interface Start {
  at: number;
  column?: string;
  titleLines: number[];
  author?: number;
  /** Column lines recognised by their name rather than from the list of columns. */
  labels?: number[];
}

/**
 * Finds where articles start in a compilation. An author mark (□ 周均发) is certain: the one or two
 * title lines before it, and the column labels before those, open the article. A column label not
 * followed by an author still opens one (a research report printed without a byline).
 */
function findStarts(lines: SourceLine[]): Start[] {
  const used = new Set<number>();
  const starts = lines.flatMap((l, i) =>
    AUTHOR.test(l.text) ? [authorStart(lines, i, used)] : [],
  );
  // Lines a label run takes are marked used, so the loop steps over them.
  for (let i = 0; i < lines.length; i++)
    if (!used.has(i) && isColumnLine(lines[i].text)) starts.push(labelStart(lines, i, used));
  return starts.sort((a, b) => a.at - b.at);
}

/** Where the title lines above an author mark at `i` end: above a 【编者按】 set between them, if any. */
function aboveEditorsNote(lines: SourceLine[], i: number, used: Set<number>): number {
  // Only the note's own lines (a page break may cut it) stand between: a title or label line ends the search.
  for (let e = i - 1; e >= Math.max(0, i - 8) && !used.has(e) && !AUTHOR.test(lines[e].text); e--) {
    if (EDITORS_NOTE.test(lines[e].text)) return e - 1;
    if (
      isTitleLike(lines[e].text) ||
      isColumnLine(lines[e].text) ||
      headingLevel(lines[e].text) !== undefined
    )
      break;
  }
  return i - 1;
}

/** The article an author mark at `i` opens: the title lines and column labels above it. */
function authorStart(lines: SourceLine[], i: number, used: Set<number>): Start {
  const titleLines: number[] = [];
  // A 【编者按】 set between the title and the author mark stays in the article's text; the title is above it.
  let k = aboveEditorsNote(lines, i, used);
  // So does a byline set right under the title ("作者系……" / "（作者单位：……）"): it is read as the byline.
  while (k >= 0 && !used.has(k) && BYLINE.test(lines[k].text)) k--;
  while (
    k >= 0 &&
    titleLines.length < 2 &&
    !used.has(k) &&
    isTitleLike(lines[k].text) &&
    !isColumnLine(lines[k].text)
  ) {
    titleLines.unshift(k);
    k--;
  }
  // "委员论坛" / "扩大有效需求" over an author mark: a short first line named like a column is the column.
  let named: number | undefined;
  if (titleLines.length === 2 && COLUMN_NAME.test(squeezeSpaces(lines[titleLines[0]].text)))
    named = titleLines.shift();
  let at = named ?? titleLines[0] ?? i;
  let column = named === undefined ? undefined : squeezeSpaces(lines[named].text);
  while (k >= 0 && !used.has(k) && isColumnLine(lines[k].text)) {
    column ??= squeezeSpaces(lines[k].text);
    at = k;
    k--;
  }
  for (let u = at; u <= i; u++) used.add(u);
  return { at, column, titleLines, author: i, labels: named === undefined ? [] : [named] };
}

/** The article a run of column labels from `i` opens, with the title lines under it. */
function labelStart(lines: SourceLine[], i: number, used: Set<number>): Start {
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
  return { at: i, column: squeezeSpaces(lines[j].text), titleLines };
}

export interface SplitOptions {
  /** File name without extension: the title of a report that prints none. */
  fileStem: string;
  /** Column for articles that carry no label (from the source's folder). */
  defaultColumn?: string;
}

/**
 * Cuts a source into articles; a source with no marks is one article in report style. A "＊　＊　＊"
 * line ends one article and starts the next; the line itself is kept in the next one's header. A
 * speech's head (title, "——在…上的讲话", date line) after another speech's end starts the next speech.
 */
export function splitArticles(lines: SourceLine[], options: SplitOptions): ArticleDraft[] {
  const cuts = segmentStarts(lines);
  if (cuts.length === 0) return splitSegment(lines, options);
  const drafts: ArticleDraft[] = [];
  [{ at: 0, separator: false }, ...cuts].forEach((cut, n) => {
    const from = cut.separator ? cut.at + 1 : cut.at;
    const segment = lines.slice(from, n < cuts.length ? cuts[n].at : lines.length);
    if (segment.length === 0) return;
    const parts = splitSegment(segment, {
      ...options,
      fileStem: `${options.fileStem}（${drafts.length + 1}）`,
    });
    if (cut.separator) parts[0].header.unshift(lines[cut.at].text);
    for (const part of parts) {
      part.index = drafts.length;
      if (part.titleFromFileName)
        part.title =
          drafts.length === 0 ? options.fileStem : `${options.fileStem}（${drafts.length + 1}）`;
      drafts.push(part);
    }
  });
  // Separators with nothing between them: the separator lines still belong to an article.
  if (drafts.length === 0) return splitSegment(lines, options);
  return drafts;
}

/** Where a source is cut before it is searched for marks: at separator lines and at speech heads. */
function segmentStarts(lines: SourceLine[]): { at: number; separator: boolean }[] {
  return lines.flatMap((l, i): { at: number; separator: boolean }[] => {
    if (ARTICLE_SEPARATOR.test(l.text)) return [{ at: i, separator: true }];
    return i > 0 && startsSpeech(lines, i) ? [{ at: i, separator: false }] : [];
  });
}

/**
 * True where a 讲话选编 puts the next speech: one to three title lines, then "——在…上的讲话" or a
 * date line. After an editor's note ("（根据录音整理）") that is enough; after running text the head
 * must have both, so a report's own short headings never cut it.
 */
function startsSpeech(lines: SourceLine[], i: number): boolean {
  const afterNote = EDITORIAL_NOTE.test(lines[i - 1].text.trim());
  if (!afterNote && !TERMINAL.test(lines[i - 1].text)) return false;
  let k = i;
  while (k < i + 3 && k < lines.length && isTitleLike(lines[k].text, k > i)) k++;
  if (k === i || k >= lines.length) return false;
  const subtitled = isSubtitle(lines[k].text);
  const dated = DATE_LINE.test(squeezeSpaces(lines[subtitled ? k + 1 : k]?.text ?? ''));
  return afterNote ? subtitled || dated : subtitled && dated;
}

function splitSegment(lines: SourceLine[], options: SplitOptions): ArticleDraft[] {
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
    const meta = new Set<number>([
      ...start.titleLines,
      ...(start.author === undefined ? [] : [start.author]),
      ...(start.labels ?? []),
    ]);
    for (let i = start.at; i < (start.titleLines.at(-1) ?? start.author ?? start.at) + 1; i++)
      if (isColumnLine(lines[i].text)) meta.add(i);
    const draft: ArticleDraft = {
      index: n,
      title: start.titleLines.map((i) => lines[i].text.trim()).join(' '),
      titleFromFileName: false,
      column,
      // findStarts only takes a line AUTHOR matches as the author mark.
      authors:
        start.author === undefined
          ? []
          : authorNames(AUTHOR.exec(lines[start.author].text)?.[1] ?? ''),
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
        draft.positions = bylinePositions(bylineInner(byline));
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
  while (
    i < lines.length &&
    titleLines.length < 3 &&
    isTitleLike(lines[i].text, titleLines.length > 0) &&
    !isSubtitle(lines[i].text)
  )
    titleLines.push(i++);
  const after = lines[i];
  const setApart =
    after &&
    (after.gapBefore ||
      isSubtitle(after.text) ||
      DATE_LINE.test(squeezeSpaces(after.text)) ||
      SALUTATION.test(squeezeSpaces(after.text))) &&
    !CANNOT_START.test(after.text);
  if (titleLines.length > 0 && setApart) {
    draft.title = joinTitleLines(titleLines.map((k) => lines[k].text));
    draft.titleFromFileName = false;
    draft.header.push(...titleLines.map((k) => lines[k].text));
  } else i = 0;
  const titled = !draft.titleFromFileName;
  if (i < lines.length && isSubtitle(lines[i].text) && i <= 3) {
    draft.subtitle = subtitleText(lines[i].text);
    draft.header.push(lines[i].text);
    i++;
  }
  if (titled || draft.subtitle !== undefined) i = speechHead(lines, i, draft);
  for (; i < lines.length; i++) {
    const byline = BYLINE.exec(lines[i].text);
    if (byline && !draft.byline) {
      draft.byline = lines[i].text;
      draft.positions = bylinePositions(bylineInner(byline));
    } else draft.body.push(lines[i]);
  }
  return draft;
}

/** "李　强" alone: a speaker line with just a name. */
const NAME_ONLY = /^\p{Script=Han}{2,4}$/u;

/**
 * The lines between a speech's title or subtitle and its text: a date line ("（2024年1月18日）"),
 * and the speaker ("国务院总理　" / "李　强", or just "李强") before the salutation. Returns where
 * the text starts; lines that are not clearly speaker or date stay text.
 */
function speechHead(lines: SourceLine[], start: number, draft: ArticleDraft): number {
  const speaker: string[] = [];
  let dateAt: number | undefined;
  let k = start;
  for (; k < lines.length && k < start + 4; k++) {
    const bare = squeezeSpaces(lines[k].text);
    if (dateAt === undefined && DATE_LINE.test(bare)) {
      dateAt = k;
      continue;
    }
    if (SALUTATION.test(bare) || bare.length > 24 || TERMINAL.test(lines[k].text)) break;
    speaker.push(lines[k].text);
  }
  const salutes = k < lines.length && SALUTATION.test(squeezeSpaces(lines[k].text));
  const nameOnly = speaker.length === 1 && NAME_ONLY.test(squeezeSpaces(speaker[0]));
  if (speaker.length > 0 && (salutes || (nameOnly && dateAt !== undefined))) {
    if (nameOnly) draft.authors = [squeezeSpaces(speaker[0])];
    else {
      // "国务院总理　" / "李　强" on two lines, or "国务院总理　李　强" on one: position first, then the name.
      const [position, name] =
        speaker.length > 1
          ? [speaker.slice(0, -1).join(''), speaker[speaker.length - 1]]
          : [
              speaker[0].split(/[\s\u3000]+/u)[0],
              speaker[0]
                .split(/[\s\u3000]+/u)
                .slice(1)
                .join(''),
            ];
      draft.authors = name ? [squeezeSpaces(name)] : [squeezeSpaces(position)];
      draft.positions = name ? [squeezeSpaces(position)] : [];
    }
    draft.header.push(...lines.slice(start, k).map((l) => l.text));
    if (dateAt !== undefined) draft.dateLine = lines[dateAt].text;
    return k;
  }
  // No speaker: a date line directly under the title or subtitle is still the date.
  if (dateAt === start) {
    draft.dateLine = lines[start].text;
    draft.header.push(lines[start].text);
    return start + 1;
  }
  return start;
}
