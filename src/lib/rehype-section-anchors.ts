import type { Element, ElementContent, Root, Text } from 'hast';
import { POINT_MARK } from './chinese.ts';
import { AnchorCounter } from './anchors.ts';

/**
 * Gives every h2/h3 a stable id (s1, s1-2) and wraps each point marker (一是/二要…) that opens a
 * sentence in a span with its own id (s1-2-p3), so a reader can share a link to any of them.
 */
export default function rehypeSectionAnchors() {
  return (tree: Root) => {
    const anchors = new AnchorCounter();
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'h2' || node.tagName === 'h3') {
        node.properties.id = anchors.heading(node.tagName === 'h2' ? 2 : 3);
      } else if (node.tagName === 'p') {
        node.children = node.children.flatMap((child) => (child.type === 'text' ? markPoints(child, anchors) : [child]));
      }
    }
  };
}

function markPoints(text: Text, anchors: AnchorCounter): ElementContent[] {
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
