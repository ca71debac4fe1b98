/**
 * Which pages the chosen facet values keep, and how many each value would keep: ticked values
 * (exact) and values typed into the box (作者:李强, held within the value, folded).
 */
import { foldText, type FoldMap } from '../../core/search/fold.ts';
import type { SidecarPage } from '../../core/search/sidecar.ts';
import { FACET_KEYS, type FacetKey, type Selected } from './facets.ts';

export function matchesFacets(page: SidecarPage, selected: Selected, except?: FacetKey): boolean {
  return FACET_KEYS.every((key) => {
    const want = selected[key];
    if (key === except || !want || want.length === 0) return true;
    return want.some((v) => page.f[key]?.includes(v));
  });
}

/**
 * Filters typed into the box (作者:李强): a value matches when it holds what was typed, folded, so
 * 栏目:政府 finds 政府工作报告 and 作者:李強 finds 李强. Several typed for one facet are alternatives.
 */
export function matchesTyped(page: SidecarPage, typed: Selected, map: FoldMap): boolean {
  return FACET_KEYS.every((key) => {
    const want = typed[key];
    if (!want || want.length === 0) return true;
    return want.some((w) =>
      (page.f[key] ?? []).some((v) => foldText(v, map).includes(foldText(w, map))),
    );
  });
}

/** Counts per value as if that filter were chosen on top of all the others (values within a filter are alternatives). */
export function facetCounts(
  pages: SidecarPage[],
  selected: Selected,
): Record<FacetKey, Map<string, number>> {
  const counts = {} as Record<FacetKey, Map<string, number>>;
  for (const key of FACET_KEYS) {
    const m = new Map<string, number>();
    for (const p of pages) {
      if (!matchesFacets(p, selected, key)) continue;
      for (const v of p.f[key] ?? []) m.set(v, (m.get(v) ?? 0) + 1);
    }
    counts[key] = m;
  }
  return counts;
}

/** Pages by year, and how many carry no year: together they add up to the pages counted. */
export function yearCounts(pages: SidecarPage[]): { years: Map<string, number>; undated: number } {
  const years = new Map<string, number>();
  let undated = 0;
  for (const p of pages) {
    const own = p.f.year ?? [];
    if (own.length === 0) undated += 1;
    for (const y of own) years.set(y, (years.get(y) ?? 0) + 1);
  }
  return { years, undated };
}
