import fs from 'node:fs';
import path from 'node:path';
import { deskLink, type DeskAction } from '../core/desk-link.ts';
import {
  FINDING_KINDS,
  REPORT_FILE,
  resolvingActions,
  type Finding,
  type FindingKind,
  type ProofreadingReport,
  type Resolution,
} from '../core/proofreading.ts';
import { sectionHeadings } from '../core/sections.ts';
import type { ArticleEntry } from '../core/article-schema.ts';
import { articleUrl, url } from './urls.ts';
import { environment } from './environment.ts';

/**
 * The editors' proofreading page's data, in the editors' words: findings by kind (named in Chinese),
 * each placed by its section's heading text and offering the desk's actions that resolve it.
 */

/** The report ingest wrote beside the articles folder (src/content/proofreading.json), or an empty one. */
export function readReport(): ProofreadingReport {
  const file = path.resolve(environment.articlesDir ?? 'src/content/articles', '..', REPORT_FILE);
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ProofreadingReport)
    : { counts: {}, accepted: 0, findings: [] };
}

/** The desk's actions as the editors' page names them. */
export const ACTION_NAMES: Record<DeskAction, string> = {
  erratum: '改正',
  accept: '确认无误',
  notice: '加编者注',
  withhold: '暂不刊出',
};

/** The editors' words for how findings were resolved, other than 确认无误. */
export const RESOLUTION_NAMES: Record<Resolution, string> = {
  corrected: '已改正（勘误）',
  noticed: '已加编者注',
  withheld: '暂不刊出',
};

export const SEVERITY_NAMES: Record<Finding['severity'], string> = {
  error: '严重',
  warning: '警告',
  notice: '提示',
};

/** Where a finding is, in words: the section's heading, or the opening before the first heading. */
export function sectionNames(articles: readonly ArticleEntry[]): Map<string, Map<string, string>> {
  return new Map(
    articles.map((a) => [
      a.id,
      new Map(sectionHeadings(a.body ?? '').map((s) => [s.id, s.heading])),
    ]),
  );
}

/** Opens the article at the finding's section with the text around it highlighted (the search's ?hl=). */
export function findingLink(f: Finding): string {
  // By characters, not UTF-16 units: half of a 𠮷 would make the URL unencodable.
  const phrase =
    `${[...f.before].slice(-8).join('')}${f.text}${[...f.after].slice(0, 8).join('')}`.replace(
      /\s+/g,
      '',
    );
  const query = f.before || f.after ? `?hl=${encodeURIComponent(phrase)}` : '';
  return `${articleUrl(f.article)}${query}${f.anchor ? `#${f.anchor}` : ''}`;
}

/** The desk links that resolve a finding, each opening the desk on its article with the form filled in. */
export function findingActions(f: Finding): { name: string; href: string; action: DeskAction }[] {
  return resolvingActions(f.kind as FindingKind).map((action) => ({
    action,
    name: ACTION_NAMES[action],
    href: deskLink(url('/'), {
      action,
      source: f.source,
      article: f.title,
      ...(action === 'erratum' || action === 'accept' ? { find: f.text } : {}),
      ...(action === 'accept' ? { kind: f.kind } : {}),
    }),
  }));
}

/** Kinds present in the report, in the order FINDING_KINDS gives them. */
export function kindsIn(report: ProofreadingReport): FindingKind[] {
  return (Object.keys(FINDING_KINDS) as FindingKind[]).filter((k) => report.counts[k]);
}
