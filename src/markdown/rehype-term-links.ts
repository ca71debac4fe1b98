import type { ElementContent, Root, Text } from 'hast';
import { termSpellings } from '../language/glossary.ts';

export interface TermLinkOptions {
  /** Site base path with trailing slash, e.g. "/" or "/zhengxie/". */
  base?: string;
}

/**
 * Links the first use of each glossary term in every section to its glossary page; later uses in
 * the same section stay plain so a page does not turn into a sea of links.
 */
export default function rehypeTermLinks(options: TermLinkOptions = {}) {
  const base = options.base ?? '/';
  return (tree: Root) => {
    let linked = new Set<string>();
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      if (/^h[1-6]$/.test(node.tagName)) {
        linked = new Set();
        continue;
      }
      if (node.tagName !== 'p') continue;
      node.children = node.children.flatMap((child) =>
        child.type === 'text' ? linkTerms(child, linked, base) : [child],
      );
    }
  };
}

function linkTerms(text: Text, linked: Set<string>, base: string): ElementContent[] {
  // The earliest match wins; among matches at one place, the longest spelling.
  let best: { index: number; spelling: string; slug: string } | undefined;
  for (const { spelling, term } of termSpellings) {
    if (linked.has(term.slug)) continue;
    const index = text.value.indexOf(spelling);
    if (index >= 0 && (!best || index < best.index)) best = { index, spelling, slug: term.slug };
  }
  if (!best) return [text];
  linked.add(best.slug);
  const before = text.value.slice(0, best.index);
  const after = text.value.slice(best.index + best.spelling.length);
  return [
    ...(before ? [{ type: 'text', value: before } as Text] : []),
    {
      type: 'element',
      tagName: 'a',
      properties: { href: `${base}glossary/${best.slug}/`, className: ['term'] },
      children: [{ type: 'text', value: best.spelling }],
    },
    ...(after ? linkTerms({ type: 'text', value: after }, linked, base) : []),
  ];
}
