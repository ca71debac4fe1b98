import path from 'node:path';
import { decode, type Encoding } from './stages/decode.ts';
import { blocksToMdast, serialiseArticleBody } from './stages/emit.ts';
import { frontMatter } from '../../src/core/article-file.ts';
import { mend } from './stages/mend.ts';
import { separateNotes } from './stages/notes.ts';
import { normalise, type SourceLine } from './stages/normalise.ts';
import { articleSlug, sourceSlug } from './stages/slug.ts';
import { splitArticles, type ArticleDraft } from './stages/split.ts';
import { structure } from './stages/structure.ts';
import { tag } from './stages/tag.ts';
import { SourceError } from './stages/source-error.ts';
import { docxToLines } from './stages/docx.ts';
import { pdfToLines } from './stages/pdf.ts';
import {
  matchEdits,
  readEditorial,
  type ArticleEdits,
  type Editorial,
} from './stages/editorial.ts';
import { articleIssue, type ArticleIssue } from './stages/issue.ts';
import { studyAidNodes } from './stages/study-aids.ts';
import {
  correctedBlocks,
  errataList,
  markErrata,
  placeErrata,
  type ErratumPlacement,
} from './stages/errata.ts';
import type { Block } from '../model/text.ts';
import type { RootContent } from 'mdast';
import { removePageFurniture } from './stages/furniture.ts';
import { isHardWrapped } from './stages/wrap.ts';
import { takeEditorsNote } from './stages/editors-note.ts';
import { proofreadArticle } from '../proofread/proofread.ts';
import { articleFingerprint } from '../proofread/checks/duplicate-article.ts';
import type { Finding } from '../../src/core/proofreading.ts';

/** Source file types the pipeline reads; anything else under sources/ is warned about and left alone. */
export const SOURCE_EXTENSIONS = ['.txt', '.docx', '.pdf'];

export interface GeneratedArticle {
  slug: string;
  /** Path relative to src/content/articles/. */
  file: string;
  content: string;
  title: string;
  /** What the proofreading report found in it (before any the editor accepted are set aside). */
  findings: Finding[];
  /** sha256 of its text with spaces and punctuation widths evened out: the same article in two sources shares it. */
  fingerprint: string;
  /** Line of the source where the article starts. */
  line: number;
}

export interface ConvertedSource {
  source: string;
  encoding: Encoding | 'docx' | 'pdf';
  articles: GeneratedArticle[];
}

/** The editor's yaml beside a source (scripts/ingest/stages/editorial.ts): its path under sources/ and bytes. */
export interface EditorialInput {
  file: string;
  bytes: Uint8Array;
}

/** The column a folder stands for: sources/政府工作报告/2024年….txt → 政府工作报告. */
function folderColumn(source: string): string | undefined {
  const dir = path.posix.dirname(source);
  return dir === '.' ? undefined : dir.split('/').at(-1);
}

/** How a source is converted beyond its bytes and editorial file. */
export interface ConvertOptions {
  /**
   * Set when another source already holds this source's addresses (scripts/ingest/address-clash.ts):
   * its articles and issue page get "-n" after the source's part of the address.
   */
  addressSuffix?: number;
}

/**
 * Seconds this thread has spent in each stage of convertSource, summed over every source it
 * converted: decode (bytes → lines), split (page furniture, articles, the editor's file), mend
 * (mend, notes, structure, tags), proofread, emit (MDX and front matter). Ingest prints the totals.
 */
export const stageSeconds = { decode: 0, split: 0, mend: 0, proofread: 0, emit: 0 };
export type StageSeconds = typeof stageSeconds;

async function timed<T>(stage: keyof StageSeconds, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    stageSeconds[stage] += (performance.now() - started) / 1000;
  }
}

/** The source's text as lines, and how it was stored. */
async function sourceLines(
  source: string,
  bytes: Uint8Array,
): Promise<{ lines: SourceLine[]; encoding: ConvertedSource['encoding']; hardWrapped: boolean }> {
  const ext = path.posix.extname(source).toLowerCase();
  if (ext === '.docx') {
    const read = await timed('decode', () => docxToLines(bytes, source));
    const lines = await timed('split', () => removePageFurniture(read).lines);
    return { lines, encoding: 'docx', hardWrapped: false };
  }
  if (ext === '.pdf') {
    const read = await timed('decode', () => pdfToLines(bytes, source));
    const lines = await timed('split', () => removePageFurniture(read).lines);
    return { lines, encoding: 'pdf', hardWrapped: false };
  }
  const decoded = await timed('decode', () => decode(bytes, source));
  const text = await timed('decode', () => normalise(decoded.text));
  // Running headers and page numbers left in the text by page breaks are layout, not words.
  const lines = await timed('split', () => removePageFurniture(text).lines);
  return { lines, encoding: decoded.encoding, hardWrapped: isHardWrapped(lines) };
}

/** What every article of one source shares while it is converted. */
interface SourceContext {
  source: string;
  fileStem: string;
  hardWrapped: boolean;
  editorial?: Editorial;
  edited: Map<number, { edits: ArticleEdits; at: number }>;
  issue?: ArticleIssue;
  /** The source's part of its articles' addresses: the issue's or the source's own slug. */
  prefix: string;
  addressSuffix?: number;
  taken: Set<string>;
}

/**
 * One source file → its articles as MDX text: decode → normalise → page furniture → split → editorial
 * corrections → mend → editor's note → notes → structure → errata → tag → study aids → emit, and what
 * the proofreading report finds in each.
 * Pure: reads nothing but its arguments and writes nothing, so ingest can run it aside and swap.
 * @param source path relative to src/content/sources/, with forward slashes.
 */
export async function convertSource(
  source: string,
  bytes: Uint8Array,
  editorialInput?: EditorialInput,
  options: ConvertOptions = {},
): Promise<ConvertedSource> {
  const { lines, encoding, hardWrapped } = await sourceLines(source, bytes);
  const fileStem = path.posix.basename(source, path.posix.extname(source));
  const drafts = await timed('split', () =>
    splitArticles(lines, { fileStem, defaultColumn: folderColumn(source) }),
  );
  const editorial = editorialInput
    ? readEditorial(editorialInput.file, editorialInput.bytes)
    : undefined;
  const edited = editorial
    ? matchEdits(
        editorial,
        drafts.map((d) => d.title),
      )
    : new Map<number, { edits: ArticleEdits; at: number }>();
  const issue = suffixedIssue(
    articleIssue(source, drafts.length, editorial?.data.issue),
    options.addressSuffix,
  );
  const context: SourceContext = {
    source,
    fileStem,
    hardWrapped,
    editorial,
    edited,
    issue,
    prefix: issue?.prefix ?? sourceSlug(source),
    addressSuffix: issue?.prefix ? undefined : options.addressSuffix,
    taken: new Set<string>(),
  };
  const articles: GeneratedArticle[] = [];
  for (const [index, original] of drafts.entries())
    articles.push(await convertArticle(context, index, original));
  return { source, encoding, articles };
}

/**
 * An issue whose address another source already holds: "-n" on its page, and after its prefix when
 * it has one (without one, articleSlug puts "-n" after each title).
 */
function suffixedIssue(
  issue: ArticleIssue | undefined,
  suffix: number | undefined,
): ArticleIssue | undefined {
  if (!issue || suffix === undefined) return issue;
  return {
    ...issue,
    prefix: issue.prefix ? `${issue.prefix}-${suffix}` : '',
    slug: `${issue.slug}-${suffix}`,
  };
}

/** The draft with the editor's corrections of what was read: tagging and slugs see the corrected article. */
function correctedDraft(original: ArticleDraft, edits: ArticleEdits | undefined): ArticleDraft {
  if (!edits) return original;
  return {
    ...original,
    ...definedOnly({
      title: edits.title,
      subtitle: edits.subtitle,
      column: edits.column,
      authors: edits.authors,
      positions: edits.positions,
    }),
  };
}

/** One article of a source: its front matter, MDX body and proofreading findings. */
async function convertArticle(
  context: SourceContext,
  index: number,
  original: ArticleDraft,
): Promise<GeneratedArticle> {
  const { source, editorial, issue } = context;
  const entry = context.edited.get(index);
  const edits = entry?.edits;
  const draft = correctedDraft(original, edits);
  const { editorsNote, paragraphs, notes, blocks } = await articleText(context, draft);
  const errata =
    edits?.errata && editorial && entry
      ? placeErrata(blocks, edits.errata, editorial, entry.at)
      : [];
  // Readers, tags and search get the corrected text; the proofreading report reads the source's.
  const shown = correctedBlocks(blocks, errata);
  const tags = await timed('mend', () => tag(draft, shown, context.fileStem));
  const slug =
    edits?.slug ??
    articleSlug(
      context.prefix,
      issue !== undefined,
      draft.title,
      context.taken,
      context.addressSuffix,
    );
  const data = articleData({ context, index, draft, entry, tags, notes });
  const body = await timed('emit', () =>
    articleBody(source, draft.firstLine, blocks, errata, {
      // The source's own 【编者按】 is the article's 编者按, unless the editor's file gives one.
      aids: studyAidNodes(edits, editorsNote, shown, editorial, entry?.at),
      errataList: errataList(errata, edits?.example ? '示例' : undefined),
    }),
  );
  const findings = await timed('proofread', () =>
    proofreadArticle({
      source,
      slug,
      title: draft.title,
      sourceIndex: draft.index,
      lines: draft.body,
      paragraphs,
      blocks,
    }),
  );
  return {
    slug,
    file: `${slug}.mdx`,
    content: `${frontMatter(data)}${body}`,
    title: draft.title,
    findings,
    fingerprint: articleFingerprint(blocks),
    line: draft.firstLine,
  };
}

/**
 * The article's text read into blocks: its lines mended, the source's 【编者按】 and its notes taken
 * out, the rest structured. An article with no text left is an error at its first line.
 */
async function articleText(context: SourceContext, draft: ArticleDraft) {
  const mended = await timed('mend', () => mend(draft.body, { hardWrapped: context.hardWrapped }));
  const { body: withoutNote, editorsNote } = takeEditorsNote(mended);
  const { body: paragraphs, notes } = separateNotes(withoutNote);
  const blocks = await timed('mend', () => structure(paragraphs));
  if (blocks.length === 0) {
    throw new SourceError(
      context.source,
      `文章《${draft.title}》没有正文 / article has no body text`,
      draft.firstLine,
    );
  }
  return { editorsNote, paragraphs, notes, blocks };
}

/** The article's front matter: what was read, corrected by the editor, and where it stands. */
function articleData(parts: {
  context: SourceContext;
  index: number;
  draft: ArticleDraft;
  entry: { edits: ArticleEdits; at: number } | undefined;
  tags: ReturnType<typeof tag>;
  notes: string[];
}) {
  const { context, index, draft, entry, tags, notes } = parts;
  const { source, editorial, issue } = context;
  const edits = entry?.edits;
  const date = edits?.date ?? tags.date ?? issue?.date;
  return {
    title: draft.title,
    subtitle: draft.subtitle,
    column: draft.column,
    authors: draft.authors,
    positions: draft.positions,
    regions: edits?.regions ?? tags.regions,
    byline: draft.byline,
    date,
    year: date ? Number(date.slice(0, 4)) : tags.year,
    occasion: tags.occasion,
    ...issueFields(issue, index),
    tags: editTags(tags.tags, edits, editorial, entry?.at),
    terms: tags.terms,
    keywords: tags.keywords,
    readingMinutes: tags.readingMinutes,
    characters: tags.characters,
    source,
    sourceIndex: draft.index,
    sourceLine: draft.firstLine,
    titleFromFileName: draft.titleFromFileName || undefined,
    header: draft.header.length > 0 ? draft.header : undefined,
    notes: notes.length > 0 ? notes : undefined,
    editorial: edits ? editorial?.file : undefined,
    withheld: edits?.publish === false ? (true as const) : undefined,
  };
}

/**
 * The MDX body: study aids before the text, the text with each erratum marked, the 勘误 list right
 * after it, then the aids that follow a text. A body the serialiser refuses is an error at the
 * article's first line.
 */
function articleBody(
  source: string,
  firstLine: number,
  blocks: Block[],
  errata: ErratumPlacement[],
  extra: { aids: { before: RootContent[]; after: RootContent[] }; errataList?: RootContent },
): string {
  try {
    const tree = blocksToMdast(blocks);
    markErrata(tree.children, blocks, errata);
    tree.children = [
      ...extra.aids.before,
      ...tree.children,
      ...(extra.errataList ? [extra.errataList] : []),
      ...extra.aids.after,
    ];
    return serialiseArticleBody(tree, source);
  } catch (error) {
    throw new SourceError(source, (error as Error).message.replace(`${source}: `, ''), firstLine);
  }
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** Where an article stands in its journal issue: front-matter fields, none for a single text. */
function issueFields(issue: ArticleIssue | undefined, index: number) {
  if (!issue) return {};
  return {
    journal: issue.journal,
    issue: issue.label,
    issueSlug: issue.slug,
    issueOrder: index + 1,
  };
}

/** Topics after the editor's additions and removals; removing a topic the article lacks is stale work, said at its line. */
function editTags(
  tags: string[],
  edits: ArticleEdits | undefined,
  editorial: Editorial | undefined,
  at: number | undefined,
): string[] {
  if (!edits?.tags) return tags;
  const kept = new Set(tags);
  edits.tags.remove.forEach((t, i) => {
    if (!kept.delete(t))
      throw new SourceError(
        editorial?.file ?? '',
        `要去掉的主题“${t}”不在这篇文章的主题里（${tags.join('、') || '无'}）/ topic to remove is not on the article`,
        editorial?.lineOf(['articles', at ?? 0, 'tags', 'remove', i]),
      );
  });
  for (const t of edits.tags.add) kept.add(t);
  return [...kept];
}
