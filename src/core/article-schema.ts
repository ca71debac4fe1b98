import { z } from 'zod';

/** Front matter of a generated article (see scripts/ingest/pipeline.ts); a bad value fails the build naming the file. */
export const articleSchema = z
  .object({
    /** The title as printed; a two-line title is joined with a space. */
    title: z.string().min(1),
    /** The line under the title ("2024年3月5日在第十四届全国人民代表大会第二次会议上"), without its dash. */
    subtitle: z.string().optional(),
    /** 栏目: the column label printed above the article, or the folder the source sits in. */
    column: z.string().optional(),
    /** Authors or speakers, names without the spaces typesetting puts in them. */
    authors: z.array(z.string()),
    /** Positions as printed in the byline or under the speaker's name. */
    positions: z.array(z.string()),
    /** Places named at the head of a position (张掖市, 正宁县). */
    regions: z.array(z.string()),
    /** The byline exactly as printed: "(作者系……)". */
    byline: z.string().optional(),
    /** When the text was given or published, ISO yyyy-mm-dd, when the source says. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    /** The year, from the date or the file name ("2024年政府工作报告"). */
    year: z.number().int().min(1900).max(2200).optional(),
    /** The meeting it was given at ("第十四届全国人民代表大会第二次会议"). */
    occasion: z.string().optional(),
    /** 刊名 of the journal issue the article was printed in, when the editor gave it (the source's .yaml). */
    journal: z.string().optional(),
    /** The journal issue (期) the article was printed in: "政协天地 2024年第11期", or the compilation's file name. */
    issue: z.string().optional(),
    /** The issue's page: /issues/<issueSlug>/. */
    issueSlug: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    /** Position in the issue as printed, from 1: the issue page's table of contents and previous/next follow it. */
    issueOrder: z.number().int().positive().optional(),
    /** Topics from the curated vocabulary in src/data/topics.json. */
    tags: z.array(z.string()),
    /** Formulations from the glossary (src/data/glossary.json) that the text uses. */
    terms: z.array(z.string()),
    /** TF-IDF keywords (jieba), for related reading; not shown as tags. */
    keywords: z.array(z.string()),
    readingMinutes: z.number().int().positive(),
    /** Characters of body text, spaces excluded. */
    characters: z.number().int().nonnegative(),
    /** The source file, relative to src/content/sources/. */
    source: z.string().min(1),
    /** Position of the article within its source (0 for a single-article file). */
    sourceIndex: z.number().int().nonnegative(),
    /** Line of the source where the article starts. */
    sourceLine: z.number().int().positive(),
    /** True when the source printed no title and the file name gave it. */
    titleFromFileName: z.boolean().optional(),
    /** Header lines (column label, title, author mark, subtitle, speaker) exactly as in the source. */
    header: z.array(z.string()).optional(),
    /** The editor's file (relative to src/content/sources/) whose corrections and study aids this article carries. */
    editorial: z.string().optional(),
    /** True when the editor withholds the article (`publish: false`): no page, no search entry; its issue lists the title as 暂未刊出. */
    withheld: z.literal(true).optional(),
    /** A licence or source note the copy appended after the text (Wikisource's), or an editor's note at the end ("（根据录音整理）"), verbatim; shown apart from the text. */
    notes: z.array(z.string()).optional(),
  })
  .strict();

export type ArticleData = z.infer<typeof articleSchema>;

/**
 * An article as the site, the tools and the tests handle it: its content-collection id (the path
 * under src/content/articles/ without .mdx, see article-file.ts), its front matter and, where it was
 * read, its MDX body. An Astro CollectionEntry fits, and so does a plain object in tests; a reader
 * that needs only some fields names them (`ArticleEntry<Pick<ArticleData, 'title'>>`).
 */
export interface ArticleEntry<Data = ArticleData> {
  id: string;
  data: Data;
  body?: string;
}
