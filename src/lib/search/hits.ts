/**
 * A page the search found and the order results are shown in: what is known from the sidecar
 * (title, headings, date) orders hits before their text is fetched; a screenful of loaded hits is
 * then ordered by how often the terms occur as well.
 */
import type { SidecarPage } from '../../core/search/sidecar.ts';
import type { LoadedHit } from './excerpts.ts';

export type SortOrder = 'relevance' | 'date';

export interface Hit {
  id: string;
  /** The bundle holding the page: 0 is the newest. */
  bundle: number;
  page: SidecarPage;
  inTitle: boolean;
  inHeading: boolean;
  /**
   * How often the shown terms occur on the page, from the index alone, where the query allows it
   * (engine.ts): the count the loaded text would give, known before the text is fetched.
   */
  count?: () => Promise<number>;
  load(): Promise<LoadedHit | undefined>;
}

/** A hit with how often the shown terms occur on its page. */
export interface Counted {
  hit: Hit;
  count: number;
}

/** Title, then headings, then newest: what is known before a page's text is fetched. */
export function byRank(a: Hit, b: Hit): number {
  return (
    Number(b.inTitle) - Number(a.inTitle) ||
    Number(b.inHeading) - Number(a.inHeading) ||
    byDate(a, b)
  );
}

/**
 * Newest first. Bundles are cut newest first, so between pages of one date the newer bundle's come
 * first: a page of an older bundle never goes above one already shown from a newer bundle.
 */
export function byDate(a: Hit, b: Hit): number {
  return (
    (a.page.d < b.page.d ? 1 : a.page.d > b.page.d ? -1 : 0) ||
    a.bundle - b.bundle ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The full order within a batch: title, headings, how often, newest. A batch is what one screen
 * shows, so when every match fits on it (up to ten) the order is exact.
 */
export function byRankCounted(a: Counted, b: Counted): number {
  return (
    Number(b.hit.inTitle) - Number(a.hit.inTitle) ||
    Number(b.hit.inHeading) - Number(a.hit.inHeading) ||
    b.count - a.count ||
    byDate(a.hit, b.hit)
  );
}

/** The same order over loaded results, counted from their texts. */
export function byRankLoaded(
  a: { hit: Hit; loaded: LoadedHit },
  b: { hit: Hit; loaded: LoadedHit },
): number {
  return byRankCounted(
    { hit: a.hit, count: a.loaded.count },
    { hit: b.hit, count: b.loaded.count },
  );
}

/**
 * The batch in the order it is shown, before any text is fetched: by date, or by relevance when no
 * two hits tie on title and heading match or every hit can count its terms from the index. Else
 * undefined: the order needs the texts' counts (rankGroups).
 */
export async function orderBeforeLoading(
  batch: Hit[],
  sort: SortOrder,
): Promise<Hit[] | undefined> {
  if (sort === 'date' || rankGroups(batch, sort).every((g) => g.length === 1)) return batch;
  const counters = batch.map((h) => h.count);
  if (!counters.every((c) => c !== undefined)) return undefined;
  const counts = await Promise.all(counters.map((c) => c()));
  return batch
    .map((hit, i) => ({ hit, count: counts[i] }))
    .sort(byRankCounted)
    .map((c) => c.hit);
}

/**
 * A batch cut where the order is known before the texts are: by relevance, runs of hits alike in
 * title and heading match (a run above another stays above it whatever their counts); by date,
 * the whole batch, whose order is known already. Fetching a run before the next lets the first
 * results appear once their own texts have arrived, not the whole screen's.
 */
export function rankGroups(batch: Hit[], sort: SortOrder): Hit[][] {
  if (sort === 'date') return batch.length > 0 ? [batch] : [];
  const groups: Hit[][] = [];
  for (const hit of batch) {
    const last = groups.at(-1)?.[0];
    if (last && last.inTitle === hit.inTitle && last.inHeading === hit.inHeading)
      groups[groups.length - 1].push(hit);
    else groups.push([hit]);
  }
  return groups;
}
