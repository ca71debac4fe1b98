import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block } from './structure.ts';

const serializer = unified().use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-' });
// CommonMark without GFM, as the site renders articles (astro.config.mjs, src/lib/markdown-options.ts).
const parser = unified().use(remarkParse);

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
 * Body blocks → Markdown. The tree is serialised by remark-stringify, which escapes whatever
 * Markdown would read as markup (# > - 1. * _ ` [ ] < & \ …), so content is always shown as
 * written. The result is parsed back as the site parses it and compared: a block that would come
 * back as anything but the same plain text (an HTML tag, a link, emphasis, one character changed)
 * is refused rather than written, so nothing in a source can reach a page as markup or script.
 */
export function blocksToMarkdown(blocks: Block[], file: string): string {
  const markdown = String(serializer.stringify(blocksToMdast(blocks)));
  const back = parser.parse(markdown).children;
  const problems: string[] = [];
  if (back.length !== blocks.length) problems.push(`块数 ${blocks.length} → ${back.length}`);
  blocks.forEach((b, i) => {
    const node = back[i];
    const kind = b.type === 'heading' ? 'heading' : 'paragraph';
    const plain = (node?.type === 'heading' || node?.type === 'paragraph') && node.type === kind && node.children.every((c) => c.type === 'text');
    if (!plain || toString(node) !== b.text) {
      problems.push(`第 ${b.line} 行：${JSON.stringify(b.text.slice(0, 40))}`);
    }
  });
  if (problems.length > 0) {
    throw new Error(`${file}: Markdown 往返校验失败，拒绝写出 / Markdown round-trip changed the text: ${problems.slice(0, 3).join('; ')}`);
  }
  return markdown;
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
