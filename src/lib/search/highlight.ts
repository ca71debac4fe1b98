/**
 * On a page opened from a search result (?hl=phrase#s2), marks every occurrence of the phrases in
 * the article and scrolls to the first one in the linked section. The page's text is folded the
 * same way as the index, so a simplified phrase is found in 1954's traditional text.
 */
import { SKIPPED, foldChar, isSkipped, type FoldMap } from '../../core/search/fold.ts';
import { occurrences } from './query.ts';
import { foldMapFromPairs } from '../../core/search/sidecar.ts';
import { loadSidecar } from './load.ts';

export async function highlightFromUrl(): Promise<void> {
  const raw = new URLSearchParams(location.search).getAll('hl').filter(Boolean);
  const root = document.querySelector('article') ?? document.querySelector('main');
  if (raw.length === 0 || !root) return;
  const map = foldMapFromPairs((await loadSidecar()).fold);
  const terms = raw.map((t) => [...t.replace(SKIPPED, '')].map((c) => foldChar(c, map)).join(''));
  const text = foldedText(root, map);
  const marks = wrapMarks(piecesToMark(text, terms));
  if (marks.length > 0) scrollToFirstInSection(marks);
}

/** A folded character of the article's text and the text node (and offset) it stands in. */
interface FoldedText {
  chars: string[];
  where: { node: Text; offset: number }[];
}

/** Every non-space character of the article's text, folded, with where it stands. */
function foldedText(root: Element, map: FoldMap): FoldedText {
  const chars: string[] = [];
  const where: { node: Text; offset: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('script, style, [hidden], .site-search')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    let offset = 0;
    for (const ch of n.data) {
      if (!isSkipped(ch)) {
        chars.push(foldChar(ch, map));
        where.push({ node: n, offset });
      }
      offset += ch.length;
    }
  }
  return { chars, where };
}

/** Pieces of text nodes to wrap, grouped per node so splitting one never shifts another's offsets. */
function piecesToMark(
  { chars, where }: FoldedText,
  terms: string[],
): Map<Text, { start: number; end: number }[]> {
  const perNode = new Map<Text, { start: number; end: number }[]>();
  for (const term of terms) {
    const len = [...term].length;
    for (const at of occurrences(chars, term)) {
      for (let i = at; i < at + len; i += 1) {
        const place = where[i];
        const ch = chars[i];
        if (!place || ch === undefined) continue;
        const end = place.offset + ch.length;
        const list = perNode.get(place.node) ?? [];
        const last = list[list.length - 1];
        if (last && last.end === place.offset) last.end = end;
        else list.push({ start: place.offset, end });
        perNode.set(place.node, list);
      }
    }
  }
  return perNode;
}

/** Wraps each piece in <mark class="search-hit">, returning the marks in document order. */
function wrapMarks(perNode: Map<Text, { start: number; end: number }[]>): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const [node, pieces] of perNode) {
    for (const { start, end } of pieces.sort((a, b) => b.start - a.start)) {
      const hit = node.splitText(start);
      hit.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      hit.replaceWith(mark);
      mark.append(hit);
      marks.push(mark);
    }
  }
  return marks.sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

/** Scrolls to the first mark in the linked section (#s2), or the first of the page. */
function scrollToFirstInSection(marks: HTMLElement[]): void {
  const section = location.hash
    ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
    : null;
  const target =
    (section &&
      marks.find((m) => section.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)) ||
    marks[0];
  if (!target) return;
  target.classList.add('search-hit-current');
  target.scrollIntoView({ block: 'center' });
}
