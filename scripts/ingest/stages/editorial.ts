/**
 * The editorial layer: beside a source `X.txt` / `X.docx` an editor keeps `X.yaml` with the issue's
 * facts, corrections to what ingest read, and study aids. Ingest merges it into the generated articles
 * on every run, so editorial work lives in a file no run ever writes, and re-ingest cannot lose it.
 * A correction or quote that no longer fits the text (the source changed) is an error naming the
 * yaml file and line, and nothing is written.
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { squeezeSpaces } from '../../../src/core/chinese.ts';
import { SourceError } from './source-error.ts';

/** The editorial file that belongs to a source: same folder, same name, `.yaml`. */
export function editorialPathFor(source: string): string {
  return source.replace(/\.[^./]+$/, '.yaml');
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期写作 2024-12-01 / a date is yyyy-mm-dd');
/** A URL path in lower-case ASCII: words joined by hyphens, parts by slashes ("zhengxie-tiandi/2024-11"). */
const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/,
    '地址只用小写字母、数字、连字符和斜杠 / a slug is lower-case a-z, 0-9, "-" and "/"',
  );
const text = z.string().trim().min(1, '不能为空 / must not be empty');
const texts = z.array(text);

/** Facts of the journal issue (期) a compilation source is. */
const issueFacts = z
  .object({
    /** 刊名, as printed on the cover: "政协天地". */
    journal: text.optional(),
    /** 期号 as printed: "2024年第11期", "总第120期"; a bare number reads as "第N期". */
    number: z
      .union([
        text,
        z
          .number()
          .int()
          .positive()
          .transform((n) => `第${n}期`),
      ])
      .optional(),
    /** 出版日期; articles without a date of their own are dated by it. */
    date: isoDate.optional(),
    /** A fixed address for the issue and its articles: /issues/<slug>/, /articles/<slug>/<title>/. */
    slug: slug.optional(),
  })
  .strict();

/** An editor's finding the proofreading report should no longer raise. */
const acceptedFinding = z.object({ kind: text, text: text.optional() }).strict();

/**
 * A correction of the body text (勘误): the article shows `replace` where the source has `find`, marks
 * the place, and lists the original sentence at the end, so no sentence of the source leaves the page.
 */
const erratum = z
  .object({
    /** The text as the source has it; it must occur exactly once in the article (one paragraph or heading). */
    find: text,
    /** What readers see instead; empty deletes the found text. */
    replace: z.string(),
    /** Why, shown in the 勘误 list after what changed. */
    note: text.optional(),
  })
  .strict();

/** Corrections and study aids for one article, found by its title as ingest reads it, or its position. */
const articleEdits = z
  .object({
    /** The title ingest reads from the source (whitespace ignored). */
    match: text.optional(),
    /** Or the article's position in the source, from 0. */
    index: z.number().int().nonnegative().optional(),
    /** A fixed address (/articles/<slug>/): survives renaming the source or correcting the title. */
    slug: slug.optional(),
    title: text.optional(),
    subtitle: text.optional(),
    column: text.optional(),
    authors: texts.optional(),
    positions: texts.optional(),
    regions: texts.optional(),
    date: isoDate.optional(),
    tags: z
      .object({ add: texts.default([]), remove: texts.default([]) })
      .strict()
      .optional(),
    /** 编者按, shown above the text. Paragraphs are separated by blank lines. */
    editorsNote: text.optional(),
    /** 学习要点, shown above the text as a list. */
    keyPoints: texts.optional(),
    /** 思考题, shown after the text; a handout prints them on a page of their own. */
    questions: texts.optional(),
    /** 金句: sentences of the text itself, each linked to its section. */
    quotes: texts.optional(),
    /** True when the aids are examples, not the committee's own: every aid is labelled 示例. */
    example: z.boolean().optional(),
    /** Proofreading findings the editor has looked at and accepted. */
    accept: z.array(acceptedFinding).optional(),
    /** 勘误: corrections of the body text; the source file itself is never changed. */
    errata: z.array(erratum).optional(),
    /** 编者注: what readers are told above the text ("原稿不完整，本文仅刊出第一部分"). */
    notice: text.optional(),
    /** false withholds the article: no page, no search entry; its issue lists the title as 暂未刊出. */
    publish: z.boolean().optional(),
  })
  .strict()
  .refine((a) => (a.match === undefined) !== (a.index === undefined), {
    message: '每篇须写 match（标题）或 index（位置）之一 / give exactly one of match or index',
  });

export const editorialSchema = z
  .object({
    issue: issueFacts.optional(),
    articles: z.array(articleEdits).default([]),
  })
  .strict();

export type EditorialData = z.infer<typeof editorialSchema>;
export type ArticleEdits = EditorialData['articles'][number];
export type Erratum = NonNullable<ArticleEdits['errata']>[number];

export interface Editorial {
  /** Path of the yaml file relative to src/content/sources/. */
  file: string;
  data: EditorialData;
  /** Line of a value in the file (1-based): ['articles', 0, 'quotes', 2] → 14. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Reads and validates an editorial file. YAML's core schema only: no custom tags, nothing in the
 * file is run, and dates stay strings.
 */
export function readEditorial(file: string, bytes: Uint8Array): Editorial {
  const source = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    schema: 'core',
    prettyErrors: false,
    uniqueKeys: true,
  });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    throw new SourceError(
      file,
      `编辑文件格式有误 / not valid YAML: ${first.message.split('\n')[0]}`,
      lineAt(first.pos[0]),
    );
  }
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 20 });
  } catch (error) {
    // An alias bomb, say: refused with the file named, like any other bad input.
    throw new SourceError(
      file,
      `编辑文件无法读取 / editorial file refused: ${(error as Error).message}`,
    );
  }
  const parsed = editorialSchema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new SourceError(
      file,
      `编辑文件内容有误 / invalid editorial data: ${where}${issue.message}`,
      lineOf(issue.path as (string | number)[]),
    );
  }
  return { file, data: parsed.data, lineOf };
}

/** The article an entry names: its position, else the one its title matches; -1 when none does. */
function editedIndex(edits: ArticleEdits, titles: readonly string[]): number {
  if (edits.index !== undefined) return edits.index;
  // The schema asks for exactly one of index and match.
  if (edits.match === undefined) return -1;
  const wanted = squeezeSpaces(edits.match);
  return titles.findIndex((t) => squeezeSpaces(t) === wanted);
}

/**
 * Which article each entry edits, by title or position. An entry that finds none, or two entries
 * for one article, is an error at the entry's line: a source that changed must not quietly drop or
 * misplace an editor's work.
 */
export function matchEdits(
  editorial: Editorial,
  titles: readonly string[],
): Map<number, { edits: ArticleEdits; at: number }> {
  const byArticle = new Map<number, { edits: ArticleEdits; at: number }>();
  editorial.data.articles.forEach((edits, at) => {
    const index = editedIndex(edits, titles);
    if (index < 0 || index >= titles.length) {
      const which =
        edits.match === undefined
          ? `第 ${edits.index} 篇（从 0 数）`
          : `标题为《${edits.match}》的文章`;
      throw new SourceError(
        editorial.file,
        `材料里没有${which}；现有：${titles.map((t, i) => `${i}《${t}》`).join('、')} / no such article in the source`,
        editorial.lineOf(['articles', at, edits.match === undefined ? 'index' : 'match']),
      );
    }
    const earlier = byArticle.get(index);
    if (earlier) {
      throw new SourceError(
        editorial.file,
        `《${titles[index]}》已由第 ${editorial.lineOf(['articles', earlier.at])} 行的条目编辑 / two entries edit one article`,
        editorial.lineOf(['articles', at]),
      );
    }
    byArticle.set(index, { edits, at });
  });
  return byArticle;
}
