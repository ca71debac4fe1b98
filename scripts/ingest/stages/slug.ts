import { slugify } from '../../../src/site/slug.ts';

/**
 * A file name a machine gave ("000_f38b8acfe226dc3a", "20241130_0932"): digits, hex and separators
 * only. It says nothing to a reader, so it stays out of URLs.
 */
export function isMachineName(stem: string): boolean {
  return (
    /^[0-9a-f_.\- ]+$/i.test(stem) && /\d/.test(stem) && stem.replace(/[_.\- ]/g, '').length >= 8
  );
}

/**
 * The URL of a source's own text: its path in pinyin ("政府工作报告/2024年政府工作报告" →
 * "zhengfu-gongzuo-baogao/2024nian-zhengfu-gongzuo-baogao"). A machine-made file name is left out,
 * so a compilation saved as "000_f38b….txt" reads as its folder ("extra") and its titles.
 */
export function sourceSlug(sourcePath: string): string {
  const parts = sourcePath.replace(/\.[^./]+$/, '').split('/');
  if (isMachineName(parts.at(-1)!)) parts.pop();
  return parts.map(slugify).join('/');
}

/**
 * A slug depends only on the source's own path (or the issue slug the editor pinned) and, in a
 * compilation, the article's title — never on what else is in the archive, so adding sources never
 * moves an existing page. Two sources with the same title still differ because their paths differ.
 * @param prefix the source's slug (sourceSlug) or the issue's, already a URL path
 * @param addressSuffix set when another source holds this one's addresses (scripts/ingest/address-clash.ts):
 *   a single text's address, or a compilation's titles when it has no prefix, get "-n"
 */
export function articleSlug(
  prefix: string,
  isCompilation: boolean,
  title: string,
  takenInSource: Set<string>,
  addressSuffix?: number,
): string {
  const suffix = addressSuffix === undefined ? '' : `-${addressSuffix}`;
  // A single text saved under a machine-made name at the top of sources/: its title is all it has.
  if (!isCompilation) return `${prefix || slugify(title)}${suffix}`;
  const titleSlug = slugify(title);
  const first = prefix ? `${prefix}/${titleSlug}` : `${titleSlug}${suffix}`;
  let slug = first;
  for (let n = 2; takenInSource.has(slug); n++) slug = `${first}-${n}`;
  takenInSource.add(slug);
  return slug;
}
