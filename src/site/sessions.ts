import type { z } from 'zod';
import { readingMinutes } from '../core/reading-time.ts';
import { parseItem, type HandoutItem } from '../core/handout-items.ts';
import { sectionTexts } from '../core/sections.ts';
import type { ArticleData, ArticleEntry } from '../core/article-schema.ts';
import raw from '../data/sessions.json';
import { sessionSchema, sessionsFileSchema } from '../core/data-files.ts';

/**
 * Study sessions (逢会必学): a meeting, its date, and the materials read at it, in order. The list
 * lives in src/data/sessions.json; a material that names no article or section fails the build
 * with the session and the material named, so a typo never ships as a broken handout.
 */

export type SessionData = z.infer<typeof sessionSchema>;

export type ArticleLike = ArticleEntry<
  Pick<ArticleData, 'title' | 'readingMinutes' | 'characters'>
>;

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

/** Characters a reader reads: the section's text without spaces and line breaks. */
function visibleCharacters(text: string): number {
  return [...text.replace(/\s/g, '')].length;
}

/**
 * @param withheld ids of articles the editor withholds (`publish: false`): their materials are left
 *   out of every session, as if not listed, instead of failing the build.
 */
export function resolveSessions(
  articles: ArticleLike[],
  data: unknown = raw,
  withheld: ReadonlySet<string> = new Set(),
): Session[] {
  const file = sessionsFileSchema.parse(data);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const published = (text: string) => !withheld.has(parseItem(text)?.article ?? '');
  return file.sessions
    .map((s) => {
      const resolved = s.materials.filter(published).map((text): Material => {
        const item = parseItem(text);
        const entry = item && byId.get(item.article);
        if (!item || !entry)
          throw new Error(`sessions.json：学习会 ${s.id} 的材料“${text}”不是一篇已有的文章`);
        if (!item.section) {
          return {
            item,
            title: entry.data.title,
            characters: entry.data.characters,
            readingMinutes: entry.data.readingMinutes,
          };
        }
        const section = sectionTexts(entry.body ?? '').get(item.section);
        if (!section)
          throw new Error(
            `sessions.json：学习会 ${s.id} 的材料“${text}”：《${entry.data.title}》没有这一节`,
          );
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
