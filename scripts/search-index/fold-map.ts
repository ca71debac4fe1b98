/**
 * Builds the traditional → simplified character map from OpenCC's dictionaries (opencc-js), at
 * build time only. The browser never loads OpenCC (its dictionaries are over a megabyte): it gets
 * just the entries that can matter for this archive, written next to the index.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import type { FoldMap } from '../../src/core/search/fold.ts';

/** OpenCC dictionary text: "key value [value…]|key value…"; the first value is the usual one. */
function parseDict(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [key, value] = entry.split(' ');
    if (key && value && [...key].length === 1 && [...value].length === 1) map.set(key, value);
  }
  return map;
}

/** Every single-character traditional or regional variant → its simplified form. */
export function fullFoldMap(): FoldMap {
  const ts = parseDict(TSCharacters);
  const variants = new Map([...parseDict(HKVariantsRev), ...parseDict(TWVariantsRev)]);
  const out: FoldMap = {};
  for (const ch of new Set([...ts.keys(), ...variants.keys()])) {
    const standard = variants.get(ch) ?? ch;
    const simplified = ts.get(standard) ?? standard;
    if (simplified !== ch) out[ch] = simplified;
  }
  // Follow chains (a variant whose simplified form folds again: 苧 → 苎) so folding twice changes
  // nothing; otherwise a query typed in the intermediate form would miss the index.
  for (const ch of Object.keys(out)) {
    const seen = new Set([ch]);
    let to = out[ch];
    while (out[to] && !seen.has(to)) {
      seen.add(to);
      to = out[to];
    }
    if (to === ch) delete out[ch];
    else out[ch] = to;
  }
  return out;
}

/**
 * The entries a query against this archive can need: those whose simplified form occurs in it.
 * A query character whose simplified form is nowhere in the archive finds nothing either way.
 */
export function foldMapFor(
  archiveFoldedChars: Set<string>,
  full: FoldMap = fullFoldMap(),
): FoldMap {
  const out: FoldMap = {};
  for (const [from, to] of Object.entries(full)) if (archiveFoldedChars.has(to)) out[from] = to;
  return out;
}
