import { createHash } from 'node:crypto';
import { slugify } from '../language/slug.ts';
import type { ArticleEntry } from '../core/article-schema.ts';
import { FACETS, FACET_KINDS, type FacetKind } from '../core/facets.ts';

/**
 * URL segments for labels: pinyin ASCII (李强 → liqiang), which survives being pasted into chat.
 * Two labels that romanise alike (李强, 李蔷) both get a short hash of the label, so neither
 * silently takes the other's page. A facet whose articles carry their own slug (years, issues)
 * keeps it: pass those as `own`.
 */
export function labelSlugs(
  kind: FacetKind,
  labels: Iterable<string>,
  own: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const plain = [...new Set(labels)].map(
    (label) => [label, own.get(label) ?? (kind === 'years' ? label : slugify(label))] as const,
  );
  const uses = new Map<string, number>();
  for (const [, slug] of plain) uses.set(slug, (uses.get(slug) ?? 0) + 1);
  return new Map(
    plain.map(([label, slug]) => [
      label,
      (uses.get(slug) ?? 0) > 1
        ? `${slug}-${createHash('sha1').update(label).digest('hex').slice(0, 6)}`
        : slug,
    ]),
  );
}

/** The slug labelSlugs gave a label; every label an article files under was given one. */
export function slugFor(slugs: ReadonlyMap<string, string>, label: string): string {
  const slug = slugs.get(label);
  if (slug === undefined) throw new Error(`“${label}”没有网址 / no slug was made for this label`);
  return slug;
}

/** Slugs the articles themselves give a facet's values (an issue's issueSlug), for labelSlugs. */
export function ownSlugs(kind: FacetKind, articles: readonly ArticleEntry[]): Map<string, string> {
  const slugOf = FACETS[kind].slugOf;
  const own = new Map<string, string>();
  if (!slugOf) return own;
  for (const a of articles) {
    const slug = slugOf(a.data);
    for (const label of FACETS[kind].values(a.data))
      if (slug && !own.has(label)) own.set(label, slug);
  }
  return own;
}

/** Slugs of one facet's values across the archive. */
function labelSlugsOf(kind: FacetKind, articles: readonly ArticleEntry[]): Map<string, string> {
  return labelSlugs(
    kind,
    articles.flatMap((a) => FACETS[kind].values(a.data)),
    ownSlugs(kind, articles),
  );
}

/** Slugs of every label of every facet: computed once per build, since slugging segments words. */
export function allLabelSlugs(
  all: readonly ArticleEntry[],
): Record<FacetKind, Map<string, string>> {
  return Object.fromEntries(FACET_KINDS.map((kind) => [kind, labelSlugsOf(kind, all)])) as Record<
    FacetKind,
    Map<string, string>
  >;
}
