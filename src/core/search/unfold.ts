/**
 * Excerpts are cut from the indexed (folded) text, but must read as the page was written: 1954's
 * 關於憲法, not 关于宪法, and a simplified page's 显著 not 显着. Each page carries, in its
 * Pagefind metadata, how to map its folded characters back: one usual original per folded
 * character, plus the positions where the page used another form.
 */

export interface Unfold {
  /** folded → the page's usual original, as pairs of characters: "关關宪憲". */
  usual: string;
  /** Positions (in non-space characters) where the original is not the usual one: "812著903乾". */
  exceptions: string;
}

/** Works out a page's Unfold from its original and folded characters (same length, no whitespace). */
export function unfoldFor(original: string[], folded: string[]): Unfold {
  // Only characters that folding changed somewhere need counting; most pages have none or a few.
  const changed = new Set<string>();
  for (let i = 0; i < folded.length; i++) if (original[i] !== folded[i]) changed.add(folded[i]);
  if (changed.size === 0) return { usual: '', exceptions: '' };
  const seen = new Map<string, Map<string, number>>();
  for (let i = 0; i < folded.length; i++) {
    const f = folded[i];
    if (!changed.has(f)) continue;
    const counts = seen.get(f) ?? new Map<string, number>();
    counts.set(original[i], (counts.get(original[i]) ?? 0) + 1);
    seen.set(f, counts);
  }
  const usualOf = new Map<string, string>();
  let usual = '';
  for (const [f, counts] of seen) {
    const best = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    usualOf.set(f, best);
    if (best !== f) usual += f + best;
  }
  let exceptions = '';
  for (let i = 0; i < folded.length; i++) {
    const f = folded[i];
    if (changed.has(f) && original[i] !== (usualOf.get(f) ?? f)) exceptions += `${i}${original[i]}`;
  }
  return { usual, exceptions };
}

/** The original characters for folded positions [start, start + chars.length). */
export function unfoldRange(chars: string[], start: number, unfold: Unfold | undefined): string[] {
  if (!unfold) return chars;
  const usual = new Map<string, string>();
  const u = [...unfold.usual];
  for (let i = 0; i + 1 < u.length; i += 2) usual.set(u[i], u[i + 1]);
  const exceptions = new Map<number, string>();
  for (const m of unfold.exceptions.matchAll(/(\d+)(\D)/gu)) exceptions.set(Number(m[1]), m[2]);
  return chars.map((c, i) => exceptions.get(start + i) ?? usual.get(c) ?? c);
}
