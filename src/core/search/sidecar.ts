/**
 * The small file the search page loads next to Pagefind's index (pagefind/zh-search.json). Pagefind
 * answers "which pages hold this phrase"; this file lets the browser rank and filter those pages
 * without fetching each one (Pagefind reports only one occurrence of a phrase per page, so word
 * positions cannot tell a title match): every page's title and headings, date and filter values,
 * and the fold map for queries.
 */
export interface SidecarPage {
  /** Sort date: yyyy-mm-dd, yyyy, or '' when undated. */
  d: string;
  /** Filter values, as Pagefind filed them. */
  f: Record<string, string[]>;
  /** The title, folded and without spaces (it is also the first words of the indexed text). */
  ti: string;
  /** The section headings, folded, one per line: a phrase in a heading ranks the page higher. */
  hd: string;
}

export interface Sidecar {
  /** The fold map as pairs of characters: "關关爲为…". */
  fold: string;
  /** Keyed by Pagefind's page id (its fragment name). */
  pages: Record<string, SidecarPage>;
  /**
   * In the newest bundle's sidecar only: the older bundles of a sharded index ("pagefind-1/"…,
   * from the site's base, newest first), each with a sidecar of its own pages.
   */
  bundles?: string[];
  /** In the newest bundle's sidecar only: the whole archive's pages by year, for the span of a year chart. */
  years?: Record<string, number>;
}

export function foldMapFromPairs(pairs: string): Record<string, string> {
  const chars = [...pairs];
  const map: Record<string, string> = {};
  for (let i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
  return map;
}

export function foldMapToPairs(map: Record<string, string>): string {
  return Object.entries(map)
    .map(([k, v]) => k + v)
    .join('');
}

/**
 * The sidecar as written to disk: headings and filter values (which repeat across pages: every
 * report has 一、过去一年工作回顾, every page its column) are stored once per bundle in `strings`
 * and referred to by number. At 10,000 study articles this is most of the sidecar's weight.
 */
export interface PackedSidecar {
  fold: string;
  bundles?: string[];
  years?: Record<string, number>;
  strings: string[];
  /** Filter keys, in the order each page's `f` lists value numbers for them. */
  keys: string[];
  /** id → [date, title, heading numbers, ...value numbers per key]. */
  pages: Record<string, [string, string, number[], ...number[][]]>;
}

export function packSidecar(sidecar: Sidecar): PackedSidecar {
  const strings: string[] = [];
  const number = new Map<string, number>();
  const ref = (s: string) => {
    let n = number.get(s);
    if (n === undefined) {
      n = strings.push(s) - 1;
      number.set(s, n);
    }
    return n;
  };
  const keys = [...new Set(Object.values(sidecar.pages).flatMap((p) => Object.keys(p.f)))].sort();
  const pages: PackedSidecar['pages'] = {};
  for (const [id, p] of Object.entries(sidecar.pages)) {
    pages[id] = [
      p.d,
      p.ti,
      p.hd ? p.hd.split('\n').map(ref) : [],
      ...keys.map((k) => (p.f[k] ?? []).map(ref)),
    ];
  }
  return {
    fold: sidecar.fold,
    ...(sidecar.bundles ? { bundles: sidecar.bundles } : {}),
    ...(sidecar.years ? { years: sidecar.years } : {}),
    strings,
    keys,
    pages,
  };
}

export function unpackSidecar(packed: PackedSidecar): Sidecar {
  const pages: Record<string, SidecarPage> = {};
  for (const [id, [d, ti, hd, ...values]] of Object.entries(packed.pages)) {
    const f: Record<string, string[]> = {};
    packed.keys.forEach((k, i) => {
      if (values[i]?.length) f[k] = values[i].map((n) => packed.strings[n]);
    });
    pages[id] = { d, f, ti, hd: hd.map((n) => packed.strings[n]).join('\n') };
  }
  return {
    fold: packed.fold,
    pages,
    ...(packed.bundles ? { bundles: packed.bundles } : {}),
    ...(packed.years ? { years: packed.years } : {}),
  };
}
