/** Text helpers for the feed: XML escaping and an article's opening lines. */
import { markdownBlocks } from '../core/markdown-blocks.ts';

export function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The first paragraph of an article's Markdown body as plain text (escapes resolved), cut to `length`. */
export function plainExcerpt(body: string, length = 140): string {
  const first = markdownBlocks(body).find((b) => b.type === 'paragraph')?.text ?? '';
  const text = first.replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
