/**
 * The proofreading report (校对报告): what ingest flags in the material for an editor to look at.
 * Shared by ingest (scripts/proofread/), which writes src/data/proofreading.json, and the editors'
 * page that shows it. The report never changes the text.
 */

/** Each kind of finding, with how serious it is and how it is named to editors. */
export const FINDING_KINDS = {
  truncated: { severity: 'error', label: '疑似残缺（结尾是孤立序号或句子未完）' },
  'latin-in-chinese': { severity: 'warning', label: '中文句中夹有拉丁字母单词' },
  'unmatched-pair': { severity: 'warning', label: '括号或引号不成对' },
  'halfwidth-punctuation': { severity: 'notice', label: '中文句中使用半角标点' },
  'paragraph-cut': { severity: 'notice', label: '断行可能接错或漏接' },
  'heading-sequence': { severity: 'warning', label: '标题序号跳号或重复' },
  'duplicate-article': { severity: 'warning', label: '同一篇文章出现在两个材料中' },
  'doubled-character': { severity: 'warning', label: '疑似多打的重复字' },
  'mixed-script': { severity: 'notice', label: '同一篇中繁简混用' },
} as const;

export type FindingKind = keyof typeof FINDING_KINDS;
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
