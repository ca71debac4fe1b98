import { sha256 } from '../../model/hash.ts';
import { FINDING_KINDS, sourceName, type Finding } from '../../../src/core/proofreading.ts';
import type { Block } from '../../model/text.ts';

/** Full-width letters, digits and ASCII punctuation read as their half-width forms. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** An article's text, spaces dropped and widths evened out, hashed: two copies of one article share it however they were typeset. */
export function articleFingerprint(blocks: Block[]): string {
  return sha256(halfWidth(blocks.map((b) => b.text).join('')).replace(/[\s\u3000*]/g, ''));
}

export interface FingerprintedArticle {
  source: string;
  slug: string;
  title: string;
  sourceIndex: number;
  line: number;
  fingerprint: string;
}

/**
 * The same article in two sources: every copy after the first (in source order) is reported,
 * naming where the first one is. Copies inside one source (a reprint in the same issue) are left
 * to the other checks.
 */
export function duplicateArticles(articles: FingerprintedArticle[]): Finding[] {
  const first = new Map<string, FingerprintedArticle>();
  const findings: Finding[] = [];
  const sorted = [...articles].sort((a, b) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : a.sourceIndex - b.sourceIndex,
  );
  for (const a of sorted) {
    const seen = first.get(a.fingerprint);
    if (!seen) {
      first.set(a.fingerprint, a);
      continue;
    }
    if (seen.source === a.source) continue;
    findings.push({
      kind: 'duplicate-article',
      severity: FINDING_KINDS['duplicate-article'].severity,
      // Named as the proofreading page names materials: no file extension.
      message: `与材料 ${sourceName(seen.source)}（第 ${seen.line} 行《${seen.title}》）内容相同`,
      text: a.title,
      source: a.source,
      line: a.line,
      article: a.slug,
      title: a.title,
      sourceIndex: a.sourceIndex,
      before: '',
      after: '',
    });
  }
  return findings;
}
