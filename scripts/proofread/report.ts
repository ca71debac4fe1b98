import {
  FINDING_KINDS,
  countByKind,
  sortFindings,
  type Finding,
  type FindingKind,
  type ProofreadingReport,
} from '../../src/core/proofreading.ts';
import { applyAccepted, type AcceptedFinding } from './accept.ts';
import { duplicateArticles, type FingerprintedArticle } from './checks/duplicate-article.ts';

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
  for (const [source, findings] of bySource) {
    const split = applyAccepted(findings, acceptedFor(source));
    open.push(...split.open);
    accepted += split.accepted.length;
  }
  const findings = sortFindings(open);
  return { counts: countByKind(findings), accepted, findings };
}

/** The short summary ingest prints: counts by kind, then how to see everything. */
export function reportSummary(report: ProofreadingReport): string {
  const total = report.findings.length;
  const kinds = (Object.keys(FINDING_KINDS) as FindingKind[]).filter((k) => report.counts[k]);
  const accepted =
    report.accepted > 0
      ? `，另有 ${report.accepted} 条已由编辑认可 / ${report.accepted} accepted`
      : '';
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
