import {
  FINDING_KINDS,
  SEVERE_KINDS,
  countByKind,
  sortFindings,
  type Finding,
  type FindingKind,
  type ProofreadingReport,
  type Resolution,
} from '../../src/core/proofreading.ts';
import { applyAccepted, type AcceptedFinding } from './accept.ts';
import { duplicateArticles, type FingerprintedArticle } from './checks/duplicate-article.ts';

/** File name of the report, beside the articles folder (src/content/proofreading.json): generated and checked with the articles. */
export const REPORT_FILE = 'proofreading.json';

export interface SourceFindings {
  findings: Finding[];
  articles: FingerprintedArticle[];
}

/**
 * The whole report from every source's findings: adds the same-article-in-two-sources findings,
 * sets aside what editors accepted (`acceptedFor(source)`), and sorts. Pure.
 */
export function buildReport(
  sources: Map<string, SourceFindings>,
  acceptedFor: (source: string) => AcceptedFinding[],
): ProofreadingReport {
  const all = [
    ...[...sources.values()].flatMap((s) => s.findings),
    ...duplicateArticles([...sources.values()].flatMap((s) => s.articles)),
  ];
  const bySource = new Map<string, Finding[]>();
  for (const f of all) bySource.set(f.source, [...(bySource.get(f.source) ?? []), f]);
  const open: Finding[] = [];
  let accepted = 0;
  const resolved: Partial<Record<Resolution, number>> = {};
  for (const [source, findings] of bySource) {
    const split = applyAccepted(findings, acceptedFor(source));
    open.push(...split.open);
    accepted += split.accepted.length;
    for (const { by } of split.resolved) resolved[by] = (resolved[by] ?? 0) + 1;
  }
  const findings = sortFindings(open);
  return {
    counts: countByKind(findings),
    accepted,
    ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    findings,
  };
}

/** How many findings editors resolved by an erratum, a 编者注 or withholding the article. */
export function resolvedCount(report: ProofreadingReport): number {
  return Object.values(report.resolved ?? {}).reduce((n, k) => n + k, 0);
}

/**
 * One warning per severe finding (SEVERE_KINDS) still open, naming the article: printed at the end
 * of ingest and of the build. A warning, not a failure: the site still builds.
 */
export function unresolvedWarnings(report: ProofreadingReport): string[] {
  return report.findings
    .filter((f) => SEVERE_KINDS.includes(f.kind))
    .map(
      (f) =>
        `警告 / warning: 《${f.title}》（${f.source}:${f.line}）${FINDING_KINDS[f.kind].label}，尚未处理：` +
        `请改正、确认无误、加编者注或暂不刊出 / severe finding not yet resolved`,
    );
}

/** The short summary ingest prints: counts by kind, then how to see everything. */
export function reportSummary(report: ProofreadingReport): string {
  const total = report.findings.length;
  const kinds = (Object.keys(FINDING_KINDS) as FindingKind[]).filter((k) => report.counts[k]);
  const resolved = resolvedCount(report);
  const accepted =
    (report.accepted > 0
      ? `，另有 ${report.accepted} 条已由编辑认可 / ${report.accepted} accepted`
      : '') +
    (resolved > 0 ? `，${resolved} 条已由勘误、编者注或暂不刊出处理 / ${resolved} resolved` : '');
  if (total === 0) return `校对报告 / proofreading: 未发现问题 / no findings${accepted}`;
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const lines = [
    `校对报告 / proofreading: ${total} 条 / findings（${errors} 条严重 / errors）${accepted}`,
  ];
  for (const k of kinds)
    lines.push(`  ${String(report.counts[k]).padStart(5)}  ${k}  ${FINDING_KINDS[k].label}`);
  for (const f of report.findings.filter((x) => x.severity === 'error').slice(0, 5))
    lines.push(`  ! ${f.source}:${f.line} 《${f.title}》 ${f.message}`);
  lines.push(
    '  全文 / full list: npm run ingest -- --report FILE；网站 / site: /editors/proofreading/',
  );
  return lines.join('\n');
}
