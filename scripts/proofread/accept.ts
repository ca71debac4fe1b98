import { squeezeSpaces } from '../../src/core/chinese.ts';
import type { Finding, Resolution } from '../../src/core/proofreading.ts';

/**
 * A finding the editor has looked at and accepted (the `accept` list of an article in the
 * editorial yaml beside a source): same kind, and the same flagged text when one is given.
 */
export interface AcceptedFinding {
  kind: string;
  text?: string;
  /** The article it is about: by its title as ingest read it (`match`) or its position in the source (`index`); absent: any article of the source. */
  article?: { match?: string; index?: number };
  /**
   * Set when the editor resolved the finding otherwise than by accepting it: `corrected` by an
   * erratum whose `find` covers the flagged text (kind is then "*", any kind), `noticed` or
   * `withheld` for the article's severe findings.
   */
  by?: Resolution;
  /** The erratum's `find`, for `corrected`. */
  find?: string;
}

/**
 * Whether an erratum's `find` covers a finding's flagged text: some placement of `find` overlaps the
 * flagged text and agrees with the finding's context (20 characters either side) wherever the two meet.
 */
export function erratumCovers(
  find: string,
  f: Pick<Finding, 'before' | 'text' | 'after'>,
): boolean {
  const context = f.before + f.text + f.after;
  const from = f.before.length;
  const to = from + f.text.length;
  for (let start = from - find.length + 1; start < Math.max(to, from + 1); start++) {
    let agrees = true;
    for (let i = 0; i < find.length && agrees; i++) {
      const at = start + i;
      if (at >= 0 && at < context.length && context[at] !== find[i]) agrees = false;
    }
    if (agrees) return true;
  }
  return false;
}

function accepts(rule: AcceptedFinding, f: Finding): boolean {
  if (rule.kind !== '*' && rule.kind !== f.kind) return false;
  if (rule.find !== undefined && !erratumCovers(rule.find, f)) return false;
  if (rule.text !== undefined && squeezeSpaces(rule.text) !== squeezeSpaces(f.text)) return false;
  if (rule.article?.index !== undefined && rule.article.index !== f.sourceIndex) return false;
  if (
    rule.article?.match !== undefined &&
    squeezeSpaces(rule.article.match) !== squeezeSpaces(f.title)
  )
    return false;
  return true;
}

/**
 * Splits one source's findings into those still to report, those the editor accepted, and those
 * resolved otherwise (`resolved`, by how). Pure.
 */
export function applyAccepted(
  findings: Finding[],
  accepted: AcceptedFinding[],
): { open: Finding[]; accepted: Finding[]; resolved: { finding: Finding; by: Resolution }[] } {
  if (accepted.length === 0) return { open: findings, accepted: [], resolved: [] };
  const open: Finding[] = [];
  const done: Finding[] = [];
  const resolved: { finding: Finding; by: Resolution }[] = [];
  for (const f of findings) {
    const rule = accepted.find((r) => accepts(r, f));
    if (!rule) open.push(f);
    else if (rule.by) resolved.push({ finding: f, by: rule.by });
    else done.push(f);
  }
  return { open, accepted: done, resolved };
}
