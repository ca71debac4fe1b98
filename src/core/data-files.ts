/**
 * The shapes of the editors' data files in src/data: study sessions, the glossary, the columns and
 * the topic vocabulary.
 * The site and ingest read the files through these schemas, and the editors' desk checks every
 * save against the same ones, so a file the desk writes is one the build accepts.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期写作 2024-12-01');
const text = z.string().trim().min(1, '不能为空');

/** One study session (学习会): a meeting, its date and the materials read at it, in order. */
export const sessionSchema = z.object({
  /** Its address under /sessions/. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'id 只能用小写字母、数字和连字符'),
  date: isoDate,
  /** 会议名称. */
  meeting: text,
  organiser: z.string().optional(),
  note: z.string().optional(),
  /** Article ids (their path under /articles/), each optionally with one section: "…#s2". */
  materials: z.array(z.string()).min(1, '至少要有一篇材料'),
});

/** src/data/sessions.json. */
export const sessionsFileSchema = z.object({
  $comment: z.string().optional(),
  sessions: z.array(sessionSchema),
});

/** One term of the glossary: a 提法, its address and a short definition. */
export const glossaryTermSchema = z.object({
  term: text,
  /** Its address under /glossary/: lower-case pinyin. */
  slug: z.string().regex(/^[a-z0-9-]+$/, '网址名只用小写字母、数字和连字符'),
  definition: text,
  /** Other spellings of the same 提法, linked like the term itself. */
  aliases: z.array(text).optional(),
});

/** src/data/glossary.json. */
export const glossaryFileSchema = z.object({
  $comment: z.string().optional(),
  terms: z.array(glossaryTermSchema),
});

/** src/data/columns.json: the column headings (栏目) that split turns into an article's column. */
export const columnsFileSchema = z.object({
  $comment: z.string().optional(),
  columns: z.array(text),
});

/** One topic of the curated vocabulary: its tag and the spellings counted in an article's text. */
export const topicSchema = z.object({
  /** The tag an article gets, and the name of its page under /topics/. */
  topic: text,
  /** The wordings counted for it, the topic's own name among them if it occurs in texts. */
  spellings: z.array(text).min(1, '至少要有一种说法'),
});

/** src/data/topics.json: topic tags come only from here. */
export const topicsFileSchema = z.object({
  $comment: z.string().optional(),
  topics: z
    .array(topicSchema)
    .refine(
      (topics) => new Set(topics.map((t) => t.topic)).size === topics.length,
      '主题名称不能重复',
    ),
});
