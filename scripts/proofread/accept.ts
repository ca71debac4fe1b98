import { squeezeSpaces } from '../../src/core/chinese.ts';
import type { Finding } from '../../src/core/proofreading.ts';

/**
 * A finding the editor has looked at and accepted (the `accept` list of an article in the
 * editorial yaml beside a source): same kind, and the same flagged text when one is given.
 */
export interface AcceptedFinding {
  kind: string;
  text?: string;
  /** The article it is about: by its title as ingest read it (`match`) or its position in the source (`index`); absent: any article of the source. */
  article?: { match?: string; index?: number };
}

function accepts(rule: AcceptedFinding, f: Finding): boolean {
  if (rule.kind !== f.kind) return false;
  if (rule.text !== undefined && squeezeSpaces(rule.text) !== squeezeSpaces(f.text)) return false;
  if (rule.article?.index !== undefined && rule.article.index !== f.sourceIndex) return false;
  if (
    rule.article?.match !== undefined &&
    squeezeSpaces(rule.article.match) !== squeezeSpaces(f.title)
  )
    return false;
  return true;
}

/** Splits one source's findings into those still to report and those the editor accepted. Pure. */
export function applyAccepted(
  findings: Finding[],
  accepted: AcceptedFinding[],
): { open: Finding[]; accepted: Finding[] } {
  if (accepted.length === 0) return { open: findings, accepted: [] };
  const open: Finding[] = [];
  const done: Finding[] = [];
  for (const f of findings) (accepted.some((rule) => accepts(rule, f)) ? done : open).push(f);
  return { open, accepted: done };
}
