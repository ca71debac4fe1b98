/**
 * Turns a built article page into the HTML Pagefind indexes: the page's data-pagefind-body with
 * every text node folded (繁→简, NFKC) and spaced out one character per word, the title repeated at
 * the top of the body (so it is searched and ranked first), and the page's Unfold in its metadata.
 * Filters, metadata and sort keys stay as written. The rest of the page (head, header, navigation,
 * related reading: two thirds of its HTML) is left out, as Pagefind would ignore it after parsing it.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Element, Root, RootContent } from 'hast';
import { SKIPPED, foldText, type FoldMap } from '../../src/core/search/fold.ts';
import { spaceOut } from '../../src/core/search/tokens.ts';
import { unfoldFor } from '../../src/core/search/unfold.ts';

/** The id of the indexed title, so Pagefind reports where the title's words are. */
export const TITLE_ANCHOR = 'title';

/** What Pagefind reads from an element wherever it is on the page, not only inside data-pagefind-body. */
const PAGE_WIDE_FIELDS = ['dataPagefindFilter', 'dataPagefindMeta', 'dataPagefindSort'];
/** Elements whose text is not body text: Pagefind reads them as filters, metadata or not at all. */
const KEEP_AS_WRITTEN = [...PAGE_WIDE_FIELDS, 'dataPagefindIgnore'];

function keepsText(el: Element): boolean {
  return (
    el.tagName === 'script' ||
    el.tagName === 'style' ||
    KEEP_AS_WRITTEN.some((p) => p in el.properties)
  );
}

function isField(el: Element): boolean {
  return PAGE_WIDE_FIELDS.some((p) => p in el.properties);
}

export interface IndexablePage {
  html: string;
  /** Folded title and body text without whitespace: each character is one Pagefind word position. */
  folded: string;
  /** The same characters as written on the page (as many as folded has: folding is one to one). */
  original: string;
}

/** Returns undefined for pages without data-pagefind-body (home, lists, search), which are not indexed. */
export function indexablePage(html: string, map: FoldMap): IndexablePage | undefined {
  const tree: Root = fromHtml(html);
  const body = find(tree, (el) => 'dataPagefindBody' in el.properties);
  if (!body) return undefined;
  const titleEl = find(tree, (el) => el.properties.dataPagefindMeta === 'title');
  const title: Element = {
    type: 'element',
    tagName: 'h1',
    properties: { id: TITLE_ANCHOR },
    children: [{ type: 'text', value: titleEl ? toString(titleEl) : '' }],
  };
  body.children.unshift(title);
  // Built as strings, not character by character: per-character arrays and calls were a third of
  // the time this function took.
  let folded = '';
  let original = '';
  const visit = (node: Root | RootContent) => {
    if (node.type === 'text') {
      const written = node.value.replace(SKIPPED, '');
      const f = foldText(written, map);
      original += written;
      folded += f;
      // Spaces on both sides keep neighbouring text nodes (a term link, a point marker) apart.
      node.value = ` ${spaceOut(f)} `;
    } else if (node.type === 'element' && !keepsText(node)) {
      node.children.forEach(visit);
    }
  };
  visit(body);
  // A page printed as it folds (simplified, no full-width Latin or capitals: a third of the
  // archive) has nothing to map back.
  const unfold =
    original === folded ? { usual: '', exceptions: '' } : unfoldFor([...original], [...folded]);
  const metaEl: Element = {
    type: 'element',
    tagName: 'span',
    properties: { hidden: true, dataPagefindMeta: `unfold:${unfold.usual}` },
    children: [],
  };
  const exEl: Element = {
    type: 'element',
    tagName: 'span',
    properties: { hidden: true, dataPagefindMeta: `unfoldAt:${unfold.exceptions}` },
    children: [],
  };
  body.children.push(metaEl, exEl);
  return { html: toHtml(pagefindDocument(tree, body)), folded, original };
}

/**
 * The page as far as Pagefind reads it: the html element's attributes (the language), the title,
 * and, in page order, the body and every element outside it that carries a filter, metadata or
 * sort key (the article's title heading), each with its whole subtree.
 */
function pagefindDocument(tree: Root, body: Element): Root {
  const html = find(tree, (el) => el.tagName === 'html');
  const head = find(tree, (el) => el.tagName === 'head');
  const title = head && find(head, (el) => el.tagName === 'title');
  const kept: Element[] = [];
  const collect = (node: Root | RootContent) => {
    if (node === body || (node.type === 'element' && isField(node))) kept.push(node);
    else if (node.type === 'element' || node.type === 'root') node.children.forEach(collect);
  };
  collect(tree);
  const element = (
    tagName: string,
    children: Element[],
    properties: Element['properties'] = {},
  ): Element => ({ type: 'element', tagName, properties, children });
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      element(
        'html',
        [element('head', title ? [title] : []), element('body', kept)],
        html?.properties,
      ),
    ],
  };
}

/** The first element, depth first, that passes `test`. */
export function find(
  node: Root | RootContent,
  test: (el: Element) => boolean,
): Element | undefined {
  if (node.type === 'element' && test(node)) return node;
  if (node.type !== 'element' && node.type !== 'root') return undefined;
  for (const child of node.children) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}
