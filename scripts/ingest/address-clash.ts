/**
 * Two sources must never claim one page, and a name must never stop the build: ten exports of one
 * journal saved under machine-made names (000_f38b8acfe226dc3a-1.txt … -10.txt, names left out of
 * URLs) give the same addresses, and so do recurring titles (卷首语, 编者按) of sources in one folder.
 * The source that holds an address keeps it; the one added later is converted again with a readable
 * suffix ("-2") after its part of the address, and ingest warns. An editor pins an address with the
 * editorial file's `slug`.
 *
 * "Added later" must not move pages between builds: the source whose article is already on disk
 * (the generated articles are committed) holds the address; among sources new to the archive, the
 * first in path order (natural: -2 before -10) does. A source that had a suffix keeps its number.
 */
import type { GeneratedArticle } from './pipeline.ts';

export interface ClashResolver {
  /** The source an article file already on disk came from (its front matter), if there is one. */
  sourceOnDisk(file: string): string | undefined;
  /** Article ids already on disk that came from this source. */
  idsOnDisk(source: string): string[];
  /** The source converted again with "-n" after its part of its addresses. */
  reconvert(source: string, suffix: number): Promise<GeneratedArticle[]>;
}

export interface SettledClash {
  source: string;
  /** The source that keeps the address. */
  holder: string;
  /** An address it would have had, and the one it has now. */
  wanted: string;
  given: string;
  suffix: number;
}

/** How many suffixes to try before giving up (two editors pinning one slug is not a name clash). */
const MAX_SUFFIX = 200;

const byPath = (a: string, b: string) =>
  a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Gives every clashing source but the holder a suffix, in place in `generated`. Returns what it did
 * (for the warnings) and what it could not settle (for errors: two pinned slugs that are the same).
 */
export async function settleAddressClashes(
  generated: Map<string, GeneratedArticle[]>,
  resolver: ClashResolver,
): Promise<{
  settled: SettledClash[];
  unsettled: { source: string; file: string; holder: string }[];
}> {
  const claims = new Map<string, string>();
  const later = new Map<string, { holder: string; wanted: string }>();
  for (const source of [...generated.keys()].sort((a, b) =>
    holderFirst(a, b, generated, resolver),
  )) {
    for (const a of generated.get(source) ?? []) {
      const holder = claims.get(a.file);
      if (holder === undefined) claims.set(a.file, source);
      else if (holder !== source && !later.has(source))
        later.set(source, { holder, wanted: a.slug });
    }
  }
  // A later source gives up all its claims, then takes the lowest free suffix, or the one it had.
  for (const [file, source] of claims) if (later.has(source)) claims.delete(file);
  const settled: SettledClash[] = [];
  const unsettled: { source: string; file: string; holder: string }[] = [];
  for (const [source, { holder, wanted }] of [...later].sort(([a], [b]) => byPath(a, b))) {
    const base = generated.get(source) ?? [];
    const taken = await freeSuffix(source, base, claims, resolver);
    if (!taken) {
      const clash = base.find((a) => claims.has(a.file)) ?? base[0];
      unsettled.push({ source, file: clash.file, holder: claims.get(clash.file) ?? holder });
      continue;
    }
    generated.set(source, taken.articles);
    for (const a of taken.articles) claims.set(a.file, source);
    const given = taken.articles[base.findIndex((a) => a.slug === wanted)]?.slug ?? wanted;
    settled.push({ source, holder, wanted, given, suffix: taken.suffix });
  }
  return { settled, unsettled };
}

/** Sources in the order they hold addresses: those with an article on disk first, then by path. */
function holderFirst(
  a: string,
  b: string,
  generated: Map<string, GeneratedArticle[]>,
  resolver: ClashResolver,
): number {
  const onDisk = (s: string) =>
    (generated.get(s) ?? []).some((x) => resolver.sourceOnDisk(x.file) === s) ? 0 : 1;
  return onDisk(a) - onDisk(b) || byPath(a, b);
}

/**
 * Where "-n" goes in a suffixed id: the base id's parts before and after it ("qikan/wenxuan/juan-shou-yu"
 * and "qikan/wenxuan-2/juan-shou-yu" → head "qikan/wenxuan", tail "/juan-shou-yu"). Undefined when
 * `suffixed` is not `base` with "-n" after one of its parts (a pinned slug stays as it is).
 */
export function suffixPlace(
  base: string,
  suffixed: string,
): { head: string; tail: string; n: number } | undefined {
  const parts = base.split('/');
  for (let cut = 1; cut <= parts.length; cut++) {
    const head = parts.slice(0, cut).join('/');
    const tail = cut < parts.length ? `/${parts.slice(cut).join('/')}` : '';
    if (!suffixed.startsWith(`${head}-`)) continue;
    const rest = suffixed.slice(head.length + 1);
    const n = /^\d+/.exec(rest)?.[0];
    if (n && rest.slice(n.length) === tail) return { head, tail, n: Number(n) };
  }
  return undefined;
}

/** The suffix a source had on disk: one of its ids there is a base id with "-n" after one of its parts. */
export function suffixOnDisk(
  baseIds: readonly string[],
  idsOnDisk: readonly string[],
): number | undefined {
  for (const id of idsOnDisk)
    for (const base of baseIds) {
      const place = suffixPlace(base, id);
      if (place) return place.n;
    }
  return undefined;
}

/**
 * The suffix the source gets: the one it had on disk if still free, else the lowest free one. One
 * conversion shows where "-n" goes in each address, so the free suffix is found without converting
 * again for every number tried.
 */
async function freeSuffix(
  source: string,
  base: GeneratedArticle[],
  claims: Map<string, string>,
  resolver: ClashResolver,
): Promise<{ suffix: number; articles: GeneratedArticle[] } | undefined> {
  const had = suffixOnDisk(
    base.map((a) => a.slug),
    resolver.idsOnDisk(source),
  );
  const probe = await resolver.reconvert(source, had ?? 2);
  const fileAt = probe.map((a, i) => {
    const place = suffixPlace(base[i]?.slug ?? '', a.slug);
    return (n: number) => (place ? `${place.head}-${n}${place.tail}.mdx` : a.file);
  });
  const free = (n: number) => {
    const files = fileAt.map((at) => at(n));
    return new Set(files).size === files.length && files.every((f) => !claims.has(f));
  };
  const tries = [...(had ? [had] : []), ...Array.from({ length: MAX_SUFFIX }, (_, i) => i + 2)];
  const suffix = tries.find(free);
  if (suffix === undefined) return undefined;
  const articles = suffix === (had ?? 2) ? probe : await resolver.reconvert(source, suffix);
  return { suffix, articles };
}
