import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * An article's MDX components (the study aids) as marks around their children, so the body can be
 * rendered to one HTML string by the site's Markdown processor on a worker thread when the
 * collection syncs, and each component rendered in its place by the article page
 * (src/components/ArticleBody.astro), live, as @astrojs/mdx's module rendered it.
 * The children stay ordinary hast: the site's plugins, Astro's heading ids and the serialiser treat
 * them exactly as @astrojs/mdx did, so the text renders byte for byte as it did as an MDX module.
 *
 * Only components with string attributes pass: ESM, {expressions} and expression attributes are
 * code, which an article body must never carry (ingest refuses to write them; this refuses to render
 * them). Which component names exist is the filler's to decide.
 */
export default function rehypeComponentMarks() {
  return (tree: Root) => {
    tree.children = markAll(tree.children) as RootContent[];
  };
}

const OPEN = 'mdx-component:';
const CLOSE = '/mdx-component';

/** A component found between its marks: name, props, and its children's HTML (marks and all). */
export interface MarkedComponent {
  name: string;
  /** As MDX passes them: a string, or true for an attribute written without a value. */
  props: Record<string, string | true>;
  childrenHtml: string;
}

const MARK = new RegExp(String.raw`<!--(?:${OPEN}([^-]*)|${CLOSE})-->`, 'g');

/**
 * Splits marked HTML into its outermost parts, in order: runs of plain HTML, and components with
 * their children's HTML (which may hold marked components in turn, e.g. a KeyQuote in KeyQuotes).
 */
export function splitMarked(html: string): ({ html: string } | MarkedComponent)[] {
  const parts: ({ html: string } | MarkedComponent)[] = [];
  let depth = 0;
  let from = 0;
  let open: { mark: string; end: number } | undefined;
  for (const m of html.matchAll(MARK)) {
    if (m[1] !== undefined && depth++ === 0) {
      if (m.index > from) parts.push({ html: html.slice(from, m.index) });
      open = { mark: m[1], end: m.index + m[0].length };
    } else if (m[1] === undefined && --depth === 0 && open) {
      const { name, props } = JSON.parse(decodeURIComponent(open.mark)) as MarkedComponent;
      parts.push({ name, props, childrenHtml: html.slice(open.end, m.index) });
      from = m.index + m[0].length;
    }
  }
  if (from < html.length) parts.push({ html: html.slice(from) });
  return parts;
}

/** Refuses marked HTML that names a component outside `allowed` (nested ones included). */
export function refuseUnknownComponents(html: string, allowed: readonly string[]): void {
  for (const m of html.matchAll(MARK)) {
    if (m[1] === undefined) continue;
    const { name } = JSON.parse(decodeURIComponent(m[1])) as MarkedComponent;
    if (!allowed.includes(name))
      throw new Error(
        `组件 <${name}> 不在允许之列（${allowed.join('、')}）/ component not allowed`,
      );
  }
}

type Node = RootContent | ElementContent;

function markAll(nodes: Node[]): Node[] {
  return nodes.flatMap((node): Node[] => {
    if (node.type === 'element') {
      (node as Element).children = markAll(node.children) as ElementContent[];
      return [node];
    }
    const type = node.type as string;
    if (type === 'mdxjsEsm' || type === 'mdxFlowExpression' || type === 'mdxTextExpression')
      throw new Error(`正文不许含 MDX 代码（${type}）/ no ESM or expressions in an article body`);
    if (type !== 'mdxJsxFlowElement' && type !== 'mdxJsxTextElement') return [node];
    const jsx = node as unknown as JsxNode;
    // Escaped so that no "-" can end the comment early.
    const mark = encodeURIComponent(
      JSON.stringify({ name: jsx.name, props: propsOf(jsx) }),
    ).replaceAll('-', '%2D');
    return [
      { type: 'comment', value: `${OPEN}${mark}` },
      ...markAll(jsx.children as Node[]),
      { type: 'comment', value: CLOSE },
    ];
  });
}

interface JsxNode {
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: unknown[];
}

function propsOf(jsx: JsxNode): MarkedComponent['props'] {
  const props: MarkedComponent['props'] = {};
  for (const a of jsx.attributes) {
    if (a.type !== 'mdxJsxAttribute' || !a.name || (a.value != null && typeof a.value !== 'string'))
      throw new Error(
        `<${jsx.name ?? ''}> 的属性只能是字符串 / component attributes must be strings`,
      );
    props[a.name] = typeof a.value === 'string' ? a.value : true;
  }
  return props;
}
