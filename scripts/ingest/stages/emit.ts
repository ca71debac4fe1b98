import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Root, RootContent } from 'mdast';
import type { Block } from '../../model/text.ts';

// The components an article body may use are listed once, in src/core/article-components.ts.
export {
  INLINE_COMPONENTS,
  STUDY_AID_COMPONENTS,
  type StudyAidComponent,
} from '../../../src/core/article-components.ts';
import { INLINE_COMPONENTS, STUDY_AID_COMPONENTS } from '../../../src/core/article-components.ts';

// remark-mdx escapes { } < > but leaves a line that starts with "import"/"export" as is, and MDX
// would read it as ESM: its first letter is written as a character reference (&#x69;mport).
const esmAtLineStart = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];
const serializer = unified().use(remarkMdx).use(remarkStringify, {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  unsafe: esmAtLineStart,
});
// The site renders articles as MDX without GFM (astro.config.mjs, src/markdown/markdown-options.ts).
const parser = unified().use(remarkParse).use(remarkMdx);

/** Headings and paragraphs as mdast; each node's position is its line in the source file. */
export function blocksToMdast(blocks: Block[]): Root {
  return {
    type: 'root',
    children: blocks.map((b): RootContent => {
      const position = { start: { line: b.line, column: 1 }, end: { line: b.line, column: 1 } };
      return b.type === 'heading'
        ? { type: 'heading', depth: b.depth, children: [{ type: 'text', value: b.text }], position }
        : { type: 'paragraph', children: [{ type: 'text', value: b.text }], position };
    }),
  };
}

/**
 * An article body (mdast) → MDX text, the one way ingest writes a body. remark-stringify with
 * remark-mdx escapes whatever MDX or Markdown would read as markup or code ({ } < > import/export,
 * # > - 1. * _ ` [ ] \ …), so the text is shown, never run. Then the MDX is parsed back as the site
 * parses it and must give the very tree that went in (positions aside): one character changed, one
 * paragraph turned into a link, emphasis or an expression, and nothing is written. The tree may hold
 * only Markdown, the study-aid components (STUDY_AID_COMPONENTS) and, inside text, the erratum mark
 * (INLINE_COMPONENTS), with string attributes: no ESM,
 * no {expressions}, no other JSX. Errors name `file` and the source line the node came from
 * (a node's position.start.line, or the nearest node before it that has one).
 */
export function serialiseArticleBody(tree: Root, file: string): string {
  const problems: string[] = [];
  checkAllowed(tree, problems);
  if (problems.length > 0) throw new Error(`${file}: ${problems.slice(0, 3).join('; ')}`);
  const mdx = String(serializer.stringify(tree));
  if (isInertText(tree, mdx)) return mdx;
  let back: Root;
  try {
    back = parser.parse(mdx);
  } catch (error) {
    throw new Error(
      `${file}: MDX 往返校验失败，写出的 MDX 无法解析 / written MDX does not parse: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const count = Math.max(tree.children.length, back.children.length);
  let line: number | undefined;
  for (let i = 0; i < count; i++) {
    line = tree.children[i]?.position?.start.line ?? line;
    const want = tree.children[i];
    const got = back.children[i];
    if (JSON.stringify(comparable(want)) !== JSON.stringify(comparable(got))) {
      const shown = want ? JSON.stringify(plainText(want).slice(0, 40)) : '';
      problems.push(`${line ? `第 ${line} 行` : `第 ${i + 1} 块`}：${shown}`);
      if (problems.length >= 3 || !want || !got) break;
    }
  }
  if (tree.children.length !== back.children.length)
    problems.push(`块数 ${tree.children.length} → ${back.children.length}`);
  if (problems.length > 0) {
    throw new Error(
      `${file}: MDX 往返校验失败，拒绝写出 / MDX round-trip changed the text: ${problems.slice(0, 4).join('; ')}`,
    );
  }
  return mdx;
}

/**
 * A one-line block of text that MDX without GFM reads as just that text. Markdown's and MDX's
 * constructs start with ASCII punctuation (\ ` * _ [ ] < > & { } # ~ | …), block ones (lists, quotes,
 * code, ESM) at the line's start, and a block's leading and trailing spaces are trimmed. So the text
 * starts with a visible non-ASCII character, holds only visible non-ASCII characters, ASCII letters
 * and digits, inner spaces and ASCII punctuation that starts nothing alone (( ) " ' act after a ]
 * only, : / inside < > only), and does not end in a space.
 */
const INERT_TEXT =
  /^[[\p{L}\p{M}\p{N}\p{P}\p{S}]--\p{ASCII}](?:[[\p{L}\p{M}\p{N}\p{P}\p{S}]--\p{ASCII}]|[a-zA-Z0-9 .,%+\-\/:\(\)"'=!?;@])*$/v;

/** True when `value`, written as it is as a paragraph or after a heading's #s, reads back as itself. */
export function isInertBlockText(value: string): boolean {
  return INERT_TEXT.test(value) && !value.endsWith(' ');
}

/**
 * True when the tree is only headings and paragraphs of plain text that can hold no markup and the
 * serialiser wrote each as it is: parsing the MDX back must then give the very same tree, so the
 * round trip is known without running the parser (the costliest part of writing an article).
 */
function isInertText(tree: Root, mdx: string): boolean {
  const written: string[] = [];
  for (const node of tree.children) {
    if (node.type !== 'paragraph' && node.type !== 'heading') return false;
    const [text, ...more] = node.children;
    if (more.length > 0 || text?.type !== 'text') return false;
    const { value } = text;
    if (!isInertBlockText(value)) return false;
    written.push(node.type === 'heading' ? `${'#'.repeat(node.depth)} ${value}` : value);
  }
  return written.length > 0 && mdx === `${written.join('\n\n')}\n`;
}

const CODE_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);
const JSX_NODES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);
const ALLOWED_COMPONENTS = {
  mdxJsxFlowElement: new Set<string>(STUDY_AID_COMPONENTS),
  mdxJsxTextElement: new Set<string>(INLINE_COMPONENTS),
};

function checkAllowed(tree: Root, problems: string[]): void {
  let line: number | undefined;
  const where = () => (line ? `第 ${line} 行` : '正文');
  const walk = (node: Root | RootContent) => {
    line = node.position?.start.line ?? line;
    if (CODE_NODES.has(node.type)) {
      problems.push(
        `${where()}：正文不许含 MDX 代码（${node.type}）/ no ESM or expressions in an article body`,
      );
    } else if (JSX_NODES.has(node.type)) {
      const el = node as Extract<RootContent, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
      if (!el.name || !ALLOWED_COMPONENTS[el.type].has(el.name)) {
        problems.push(
          `${where()}：组件 <${el.name ?? ''}> 不在允许之列（${[...ALLOWED_COMPONENTS[el.type]].join('、')}）/ component not allowed`,
        );
      }
      for (const attribute of el.attributes) {
        if (
          attribute.type !== 'mdxJsxAttribute' ||
          (attribute.value !== null && typeof attribute.value !== 'string')
        ) {
          problems.push(
            `${where()}：<${el.name}> 的属性只能是字符串 / component attributes must be strings`,
          );
        }
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
}

/**
 * A node as the round trip must preserve it: positions and data dropped, and fields that only
 * restate a default (null, undefined, false: `spread`, `ordered`, `checked`, `start`) left out, so a
 * tree built by hand compares equal to the parser's.
 */
function comparable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(comparable);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node).sort()) {
    const value = (node as Record<string, unknown>)[key];
    if (
      key === 'position' ||
      key === 'data' ||
      value === null ||
      value === undefined ||
      value === false
    )
      continue;
    out[key] = comparable(value);
  }
  return out;
}

function plainText(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}
