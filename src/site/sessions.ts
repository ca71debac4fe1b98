import { z } from 'astro/zod';
import { AnchorCounter } from '../core/anchors.ts';
import { readingMinutes } from '../core/reading-time.ts';
import { parseItem, type HandoutItem } from '../core/handout-items.ts';
import { markdownBlocks } from '../core/markdown-blocks.ts';
import raw from '../data/sessions.json';

/**
 * Study sessions (逢会必学): a meeting, its date, and the materials read at it, in order. The list
 * lives in src/data/sessions.json; a material that names no article or section fails the build
 * with the session and the material named, so a typo never ships as a broken handout.
 */

const sessionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id 只能用小写字母、数字和连字符'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  meeting: z.string().min(1),
  organiser: z.string().optional(),
  note: z.string().optional(),
  materials: z.array(z.string()).min(1),
});
const fileSchema = z.object({ $comment: z.string().optional(), sessions: z.array(sessionSchema) });

export type SessionData = z.infer<typeof sessionSchema>;

export interface ArticleLike {
  id: string;
  body?: string;
  data: { title: string; readingMinutes: number; characters: number };
}

export interface Material {
  item: HandoutItem;
  title: string;
  sectionTitle?: string;
  characters: number;
  readingMinutes: number;
}

export interface Session extends SessionData {
  resolved: Material[];
  readingMinutes: number;
}

/** Text of each section of an article's Markdown body, keyed by the anchor rehype-section-anchors gives its heading. */
export function sectionTexts(body: string): Map<string, { heading: string; text: string }> {
  const anchors = new AnchorCounter();
  const sections = new Map<string, { heading: string; text: string }>();
  const open: { id: string; depth: number }[] = [];
  for (const block of markdownBlocks(body)) {
    if (block.type === 'heading' && (block.depth === 2 || block.depth === 3)) {
      const id = anchors.heading(block.depth);
      while (open.length > 0 && open[open.length - 1].depth >= block.depth) open.pop();
      open.push({ id, depth: block.depth });
      sections.set(id, { heading: block.text, text: '' });
    }
    // A block (headings included) belongs to its （一） section and to the 一、 section around it.
    for (const s of open) sections.get(s.id)!.text += `${block.text}\n`;
  }
  return sections;
}

/** Characters a reader reads: the section's text without spaces and line breaks. */
function visibleCharacters(text: string): number {
  return [...text.replace(/\s/g, '')].length;
}

export function resolveSessions(articles: ArticleLike[], data: unknown = raw): Session[] {
  const file = fileSchema.parse(data);
  const byId = new Map(articles.map((a) => [a.id, a]));
  return file.sessions
    .map((s) => {
      const resolved = s.materials.map((text): Material => {
        const item = parseItem(text);
        const entry = item && byId.get(item.article);
        if (!item || !entry) throw new Error(`sessions.json：学习会 ${s.id} 的材料“${text}”不是一篇已有的文章`);
        if (!item.section) {
          return { item, title: entry.data.title, characters: entry.data.characters, readingMinutes: entry.data.readingMinutes };
        }
        const section = sectionTexts(entry.body ?? '').get(item.section);
        if (!section) throw new Error(`sessions.json：学习会 ${s.id} 的材料“${text}”：《${entry.data.title}》没有这一节`);
        const characters = visibleCharacters(section.text);
        return {
          item,
          title: entry.data.title,
          sectionTitle: section.heading,
          characters,
          readingMinutes: readingMinutes(characters),
        };
      });
      return { ...s, resolved, readingMinutes: resolved.reduce((n, m) => n + m.readingMinutes, 0) };
    })
    .sort((a, b) => b.date.localeCompare(a.date));
}
