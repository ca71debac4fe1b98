import path from 'node:path';
import { decode, type Encoding } from './stages/decode.ts';
import { blocksToMdast, serialiseArticleBody } from './stages/emit.ts';
import { frontMatter } from '../../src/core/article-file.ts';
import { mend } from './stages/mend.ts';
import { separateNotes } from './stages/notes.ts';
import { normalise, type SourceLine } from './stages/normalise.ts';
import { articleSlug, sourceSlug } from './stages/slug.ts';
import { splitArticles } from './stages/split.ts';
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

/**
 * One source file → its articles as MDX text: decode → normalise → page furniture → split → editorial
 * corrections → mend → editor's note → notes → structure → tag → study aids → emit, and what the
 * proofreading report finds in each.
 * Pure: reads nothing but its arguments and writes nothing, so ingest can run it aside and swap.
 * @param source path relative to src/content/sources/, with forward slashes.
 */
export async function convertSource(
  source: string,
  bytes: Uint8Array,
  editorialInput?: EditorialInput,
): Promise<ConvertedSource> {
  const ext = path.posix.extname(source).toLowerCase();
  let lines: SourceLine[];
  let encoding: ConvertedSource['encoding'];
  if (ext === '.docx') {
    lines = await docxToLines(bytes, source);
    encoding = 'docx';
  } else if (ext === '.pdf') {
    lines = await pdfToLines(bytes, source);
    encoding = 'pdf';
  } else {
    const decoded = decode(bytes, source);
    lines = normalise(decoded.text);
    encoding = decoded.encoding;
  }
  // Running headers and page numbers left in the text by page breaks are layout, not words.
  lines = removePageFurniture(lines).lines;
  const hardWrapped = ext === '.txt' && isHardWrapped(lines);
  const fileStem = path.posix.basename(source, path.posix.extname(source));
  const drafts = splitArticles(lines, { fileStem, defaultColumn: folderColumn(source) });
  const editorial = editorialInput
    ? readEditorial(editorialInput.file, editorialInput.bytes)
    : undefined;
  const edited = editorial
    ? matchEdits(
        editorial,
        drafts.map((d) => d.title),
      )
    : new Map<number, { edits: ArticleEdits; at: number }>();
  const issue = articleIssue(source, drafts.length, editorial?.data.issue);
  const taken = new Set<string>();
  const articles: GeneratedArticle[] = [];
  for (const [index, original] of drafts.entries()) {
    const entry = edited.get(index);
    const edits = entry?.edits;
    // Corrections to what was read come first, so tagging and slugs see the corrected article.
    const draft = edits
      ? {
          ...original,
          ...definedOnly({
            title: edits.title,
            subtitle: edits.subtitle,
            column: edits.column,
            authors: edits.authors,
            positions: edits.positions,
          }),
        }
      : original;
    const mended = mend(draft.body, { hardWrapped });
    const { body: withoutNote, editorsNote } = takeEditorsNote(mended);
    const { body: paragraphs, notes } = separateNotes(withoutNote);
    const blocks = structure(paragraphs);
    if (blocks.length === 0) {
      throw new SourceError(
        source,
        `文章《${draft.title}》没有正文 / article has no body text`,
        draft.firstLine,
      );
    }
    const tags = tag(draft, blocks, fileStem);
    const slug =
      edits?.slug ??
      articleSlug(issue?.prefix ?? sourceSlug(source), issue !== undefined, draft.title, taken);
    const date = edits?.date ?? tags.date ?? issue?.date;
    const data = {
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
      editorial: edits ? editorial!.file : undefined,
    };
    // The source's own 【编者按】 is the article's 编者按, unless the editor's file gives one.
    const aids = studyAidNodes(edits, editorsNote, blocks, editorial, entry?.at);
    let body: string;
    try {
      const tree = blocksToMdast(blocks);
      tree.children = [...aids.before, ...tree.children, ...aids.after];
      body = serialiseArticleBody(tree, source);
    } catch (error) {
      throw new SourceError(
        source,
        (error as Error).message.replace(`${source}: `, ''),
        draft.firstLine,
      );
    }
    const findings = await proofreadArticle({
      source,
      slug,
      title: draft.title,
      sourceIndex: draft.index,
      lines: draft.body,
      paragraphs,
      blocks,
    });
    articles.push({
      slug,
      file: `${slug}.mdx`,
      content: `${frontMatter(data)}${body}`,
      title: draft.title,
      findings,
      fingerprint: articleFingerprint(blocks),
      line: draft.firstLine,
    });
  }
  return { source, encoding, articles };
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
        editorial!.file,
        `要去掉的主题“${t}”不在这篇文章的主题里（${tags.join('、') || '无'}）/ topic to remove is not on the article`,
        editorial!.lineOf(['articles', at!, 'tags', 'remove', i]),
      );
  });
  for (const t of edits.tags.add) kept.add(t);
  return [...kept];
}
