/**
 * Turns a built article page into the HTML Pagefind indexes: the same page, but every text node
 * inside data-pagefind-body folded (繁→简, NFKC) and spaced out one character per word, the title
 * repeated at the top of the body (so it is searched and ranked first), and the page's Unfold in
 * its metadata. Filters, metadata and sort keys stay as written.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Element, Root, RootContent } from 'hast';
import { SKIPPED, foldText, type FoldMap } from './fold.ts';
import { spaceOut } from './tokens.ts';
import { unfoldFor } from './unfold.ts';

/** The id of the indexed title, so Pagefind reports where the title's words are. */
export const TITLE_ANCHOR = 'title';

/** Elements whose text is not body text: Pagefind reads them as filters, metadata or not at all. */
const KEEP_AS_WRITTEN = ['dataPagefindFilter', 'dataPagefindMeta', 'dataPagefindSort', 'dataPagefindIgnore'];

function keepsText(el: Element): boolean {
  return el.tagName === 'script' || el.tagName === 'style' || KEEP_AS_WRITTEN.some((p) => p in el.properties);
}

export interface IndexablePage {
  html: string;
  /** Folded title and body text without whitespace: one character per Pagefind word position. */
  folded: string[];
  /** The same characters as written on the page. */
  original: string[];
}

/** Returns undefined for pages without data-pagefind-body (home, lists, search), which are not indexed. */
export function indexablePage(html: string, map: FoldMap): IndexablePage | undefined {
  const tree: Root = fromHtml(html);
  const body = find(tree, (el) => 'dataPagefindBody' in el.properties);
  if (!body) return undefined;
  const titleEl = find(tree, (el) => el.properties.dataPagefindMeta === 'title');
  const title: Element = { type: 'element', tagName: 'h1', properties: { id: TITLE_ANCHOR }, children: [{ type: 'text', value: titleEl ? toString(titleEl) : '' }] };
  body.children.unshift(title);
  const folded: string[] = [];
  const original: string[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'text') {
      const chars = [...node.value.replace(SKIPPED, '')];
      original.push(...chars);
      const f = chars.map((c) => foldText(c, map));
      folded.push(...f);
      // Spaces on both sides keep neighbouring text nodes (a term link, a point marker) apart.
      node.value = ` ${spaceOut(f.join(''))} `;
    } else if (node.type === 'element' && !keepsText(node)) {
      node.children.forEach(visit);
    }
  };
  visit(body);
  const unfold = unfoldFor(original, folded);
  const metaEl: Element = { type: 'element', tagName: 'span', properties: { hidden: true, dataPagefindMeta: `unfold:${unfold.usual}` }, children: [] };
  const exEl: Element = { type: 'element', tagName: 'span', properties: { hidden: true, dataPagefindMeta: `unfoldAt:${unfold.exceptions}` }, children: [] };
  body.children.push(metaEl, exEl);
  return { html: toHtml(tree), folded, original };
}

/** The first element, depth first, that passes `test`. */
export function find(node: Root | RootContent, test: (el: Element) => boolean): Element | undefined {
  if (node.type === 'element' && test(node)) return node;
  if (node.type !== 'element' && node.type !== 'root') return undefined;
  for (const child of node.children) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}
