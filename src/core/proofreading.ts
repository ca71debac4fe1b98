import type { DeskAction } from './desk-link.ts';

/**
 * The proofreading report (校对报告): what ingest flags in the material for an editor to look at.
 * Shared by ingest (scripts/proofread/), which writes src/content/proofreading.json, and the editors'
 * page that shows it. The report never changes the text.
 */

/** The report's file name: beside the articles folder (src/content/), generated and checked with them. */
export const REPORT_FILE = 'proofreading.json';

/**
 * Each kind of finding: how serious it is, its short name in the editors' words (`name`, as on the
 * editors' page) and what it means (`label`).
 */
export const FINDING_KINDS = {
  truncated: {
    severity: 'error',
    name: '残缺',
    label: '疑似残缺（结尾是孤立序号或句子未完）',
  },
  'latin-in-chinese': {
    severity: 'warning',
    name: '中英文夹杂',
    label: '中文句中夹有拉丁字母单词',
  },
  'unmatched-pair': { severity: 'warning', name: '引号括号不成对', label: '括号或引号不成对' },
  'halfwidth-punctuation': {
    severity: 'notice',
    name: '半角标点',
    label: '中文句中使用半角标点',
  },
  'paragraph-cut': { severity: 'notice', name: '断行', label: '断行可能接错或漏接' },
  'heading-sequence': { severity: 'warning', name: '标题序号', label: '标题序号跳号或重复' },
  'duplicate-article': {
    severity: 'warning',
    name: '重复文章',
    label: '同一篇文章出现在两个材料中',
  },
  'doubled-character': { severity: 'warning', name: '重复字', label: '疑似多打的重复字' },
  'mixed-script': { severity: 'notice', name: '繁简混用', label: '同一篇中繁简混用' },
} as const;

export type FindingKind = keyof typeof FINDING_KINDS;

/**
 * Findings about the whole article (it is cut short, or printed twice): an editor resolves one by
 * correcting or accepting it, or by telling readers (编者注) or withholding the article. Left open,
 * ingest and the build warn about each, naming the article.
 */
export const SEVERE_KINDS: readonly FindingKind[] = ['truncated', 'duplicate-article'];

/**
 * What resolves a finding of this kind, as the editors' page offers it: 改正 where an erratum can
 * fix the flagged text, 确认无误 always, and for the severe kinds 加编者注 and 暂不刊出.
 */
export function resolvingActions(kind: FindingKind): DeskAction[] {
  const correctable = !['truncated', 'paragraph-cut', 'duplicate-article'].includes(kind);
  return [
    ...(correctable ? (['erratum'] as const) : []),
    'accept',
    ...(SEVERE_KINDS.includes(kind) ? (['notice', 'withhold'] as const) : []),
  ];
}

/** How an editor resolved findings other than by accepting them: an erratum, a 编者注, withholding the article. */
export type Resolution = 'corrected' | 'noticed' | 'withheld';
export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** What is wrong, in Chinese, for the editor. */
  message: string;
  /** The flagged text exactly as it stands ("and", "(一)", "心心"). */
  text: string;
  /**
   * Source file, relative to src/content/sources/, and the 1-based line the flagged text is on; in
   * a PDF, the page it is on and the line on that page.
   */
  source: string;
  line: number;
  page?: number;
  /** The article it is in: its slug, title and position in its source. */
  article: string;
  title: string;
  sourceIndex: number;
  /** The section anchor on the article page (s2, s2-1), absent before the first heading. */
  anchor?: string;
  /** Up to 20 characters of text on either side, for showing the finding in its place. */
  before: string;
  after: string;
}

/** The report as ingest writes it. */
export interface ProofreadingReport {
  /** Findings by kind (accepted ones excluded). */
  counts: Partial<Record<FindingKind, number>>;
  /** How many findings editors have accepted (listed as accepted in the editorial yaml), not shown. */
  accepted: number;
  /** How many findings editors resolved otherwise (an erratum covers it, a 编者注, the article withheld), not shown. */
  resolved?: Partial<Record<Resolution, number>>;
  findings: Finding[];
}

/** Findings in a stable order: by source, then line, then kind. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
      (a.page ?? 0) - (b.page ?? 0) ||
      a.line - b.line ||
      a.sourceIndex - b.sourceIndex ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
      (a.before + a.text < b.before + b.text ? -1 : 1),
  );
}

export function countByKind(findings: Finding[]): Partial<Record<FindingKind, number>> {
  const counts: Partial<Record<FindingKind, number>> = {};
  for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}

/** A source as editors know it: its folder and name, without the file's extension. */
export function sourceName(source: string): string {
  return source.replace(/\.[^./]+$/, '');
}
