import type { Element, ElementContent, Root, Text } from 'hast';
import { ITEM_MARK_AT_START, POINT_MARK, SUBSECTION_MARK } from '../core/chinese.ts';
import { AnchorCounter } from '../core/anchors.ts';
import { sectionDepthOfTag } from '../core/sections.ts';

/**
 * Gives every h2/h3 a stable id (s1, s1-2) and wraps each point marker (一是/二要…) that opens a
 * sentence, and each numbered item that opens a paragraph (第一条, 1., （1）, ①), in a span with its
 * own id (s1-2-p3), so a reader can share a link to any of them.
 */
export default function rehypeSectionAnchors() {
  return (tree: Root) => {
    const anchors = new AnchorCounter();
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const depth = sectionDepthOfTag(node.tagName);
      if (depth !== undefined) {
        node.properties.id = anchors.heading(depth);
      } else if (node.tagName === 'p') {
        node.children = node.children.flatMap((child, i) =>
          child.type === 'text' ? markPoints(child, anchors, i === 0) : [child],
        );
      }
    }
  };
}

/**
 * A numbered item opening a paragraph: 第一条 of a regulation, "1." "（1）" "①", and "（一）" where it
 * is an item rather than a heading (structure keeps it a paragraph only in regulations).
 */
const ITEM_AT_START = new RegExp(`(?:${ITEM_MARK_AT_START.source}|${SUBSECTION_MARK.source})`, 'u');

function pointSpan(id: string, mark: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { id, className: ['point'] },
    children: [{ type: 'text', value: mark }],
  };
}

function markPoints(text: Text, anchors: AnchorCounter, opensParagraph: boolean): ElementContent[] {
  const item = opensParagraph ? ITEM_AT_START.exec(text.value) : null;
  if (item) {
    const span = pointSpan(anchors.point(), item[0]);
    const rest = markPoints(
      { type: 'text', value: text.value.slice(item[0].length) },
      anchors,
      false,
    );
    return [span, ...rest.filter((n) => n.type !== 'text' || n.value !== '')];
  }
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of text.value.matchAll(POINT_MARK)) {
    const start = m.index + m[1].length;
    if (start > last) out.push({ type: 'text', value: text.value.slice(last, start) });
    const span: Element = {
      type: 'element',
      tagName: 'span',
      properties: { id: anchors.point(), className: ['point'] },
      children: [{ type: 'text', value: m[2] }],
    };
    out.push(span);
    last = start + m[2].length;
  }
  if (last === 0) return [text];
  if (last < text.value.length) out.push({ type: 'text', value: text.value.slice(last) });
  return out;
}
