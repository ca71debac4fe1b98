import type { TextSpan } from './quote-match.ts';

/**
 * The article text as one string, with a way back from string offsets to DOM text nodes.
 * Controls added into the text by script (copy-link and 加入讲义 buttons) and hidden search-index
 * fields are not part of what a reader quotes, so they are skipped.
 */
export interface TextIndex {
  text: string;
  nodes: Text[];
  starts: number[];
}

const SKIP = 'button, script, style, [hidden], .no-print';

export function indexText(root: Element): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    nodes.push(n);
    starts.push(text.length);
    text += n.data;
  }
  return { text, nodes, starts };
}

/** The string offset of a DOM boundary point (the start of the next indexed text at or after it). */
export function offsetAt(index: TextIndex, container: Node, offset: number): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const i = index.nodes.indexOf(container as Text);
    if (i >= 0) return index.starts[i] + offset;
  }
  const point = document.createRange();
  point.setStart(container, offset);
  for (let i = 0; i < index.nodes.length; i++) {
    if (point.comparePoint(index.nodes[i], 0) >= 0) return index.starts[i];
  }
  return index.text.length;
}

/** Headings with anchors and where their text starts: the sections a note is filed under. */
export function sectionStarts(
  root: Element,
  index: TextIndex,
): { id: string; title: string; start: number }[] {
  return [...root.querySelectorAll<HTMLElement>('h2[id], h3[id]')].map((h) => ({
    id: h.id,
    title: [...h.childNodes]
      .filter((n) => !(n instanceof Element && n.closest(SKIP)))
      .map((n) => n.textContent)
      .join('')
      .trim(),
    start: offsetAt(index, h, 0),
  }));
}

/** Wraps text[span] in <mark> elements, one per text node it touches; returns them in order. */
export function wrapSpan(index: TextIndex, span: TextSpan, make: () => HTMLElement): HTMLElement[] {
  const marks: HTMLElement[] = [];
  index.nodes.forEach((node, i) => {
    const from = Math.max(span.start, index.starts[i]) - index.starts[i];
    const to = Math.min(span.end, index.starts[i] + node.data.length) - index.starts[i];
    if (from >= to) return;
    // Only whitespace between two paragraphs is left alone, so no empty-looking marks appear.
    if (!node.data.slice(from, to).trim()) return;
    let piece = node;
    if (from > 0) piece = piece.splitText(from);
    if (to - from < piece.data.length) piece.splitText(to - from);
    const mark = make();
    piece.replaceWith(mark);
    mark.append(piece);
    marks.push(mark);
  });
  return marks;
}

/** Puts the text of removed marks back as plain text. */
export function unwrap(marks: Iterable<Element>): void {
  for (const mark of marks) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}
