import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block } from './structure.ts';

// remark-mdx leaves a line that starts with "import"/"export" as is, and MDX would run it as ESM.
const esmAtLineStart = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];
const serializer = unified()
  .use(remarkMdx)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', unsafe: esmAtLineStart });
const parser = unified().use(remarkParse).use(remarkMdx);

export function blocksToMdast(blocks: Block[]): Root {
  return {
    type: 'root',
    children: blocks.map(
      (b): RootContent =>
        b.type === 'heading'
          ? { type: 'heading', depth: b.depth, children: [{ type: 'text', value: b.text }] }
          : { type: 'paragraph', children: [{ type: 'text', value: b.text }] },
    ),
  };
}

/**
 * Body blocks → MDX. The tree is serialised by remark-stringify with remark-mdx, which escapes
 * whatever MDX would read as markup or code ({ } < > import/export, # > - 1. | * _ ` [ ] \ …), so
 * content is always shown, never run. The result is parsed back and compared: a serialisation that
 * would change a single character is refused rather than written.
 */
export function blocksToMdx(blocks: Block[], file: string): string {
  const mdx = String(serializer.stringify(blocksToMdast(blocks)));
  const back = parser.parse(mdx).children;
  const problems: string[] = [];
  if (back.length !== blocks.length) problems.push(`块数 ${blocks.length} → ${back.length}`);
  blocks.forEach((b, i) => {
    const node = back[i];
    const kind = b.type === 'heading' ? 'heading' : 'paragraph';
    if (!node || node.type !== kind || toString(node) !== b.text) {
      problems.push(`第 ${b.line} 行：${JSON.stringify(b.text.slice(0, 40))}`);
    }
  });
  if (problems.length > 0) {
    throw new Error(`${file}: MDX 往返校验失败，拒绝写出 / MDX round-trip changed the text: ${problems.slice(0, 3).join('; ')}`);
  }
  return mdx;
}

/** Reads back what `frontMatter` + body wrote: each front-matter line is `key: <JSON>`. */
export function readArticle(content: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(content);
  if (!m) throw new Error('article has no front matter');
  const data: Record<string, unknown> = {};
  for (const line of m[1].split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) data[line.slice(0, at)] = JSON.parse(line.slice(at + 2));
  }
  return { data, body: content.slice(m[0].length) };
}

/** Front matter as YAML in its JSON-compatible subset: every value quoted, nothing interpreted. */
export function frontMatter(data: Record<string, unknown>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    lines.push(`${key}: ${JSON.stringify(value)}`);
  }
  lines.push('---', '');
  return lines.join('\n');
}
