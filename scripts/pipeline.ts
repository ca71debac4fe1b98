import path from 'node:path';
import { decode, type Encoding } from './stages/decode.ts';
import { blocksToMarkdown, frontMatter } from './stages/emit.ts';
import { mend } from './stages/mend.ts';
import { separateNotes } from './stages/notes.ts';
import { normalise, type SourceLine } from './stages/normalise.ts';
import { articleSlug } from './stages/slug.ts';
import { splitArticles } from './stages/split.ts';
import { structure } from './stages/structure.ts';
import { tag } from './stages/tag.ts';
import { SourceError } from './stages/source-error.ts';
import { docxToLines } from './stages/docx.ts';
import { removePageFurniture } from './stages/furniture.ts';
import { isHardWrapped } from './stages/wrap.ts';
import { takeEditorsNote } from './stages/editors-note.ts';
import { proofreadArticle } from './proofread/proofread.ts';
import { articleFingerprint } from './proofread/checks/duplicate-article.ts';
import type { Finding } from '../src/lib/proofreading.ts';

/** Source file types the pipeline reads; anything else under sources/ is warned about and left alone. */
export const SOURCE_EXTENSIONS = ['.txt', '.docx'];

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
  encoding: Encoding | 'docx';
  articles: GeneratedArticle[];
}

/** The column a folder stands for: sources/政府工作报告/2024年….txt → 政府工作报告. */
function folderColumn(source: string): string | undefined {
  const dir = path.posix.dirname(source);
  return dir === '.' ? undefined : dir.split('/').at(-1);
}

/**
 * One source file → its articles as Markdown text: decode → normalise → page furniture → split → mend →
 * editor's note → notes → structure → tag → emit, and what the proofreading report finds in each.
 * Pure: reads nothing but its arguments and writes nothing, so ingest can run it aside and swap.
 * @param source path relative to src/content/sources/, with forward slashes.
 */
export async function convertSource(source: string, bytes: Uint8Array): Promise<ConvertedSource> {
  const ext = path.posix.extname(source).toLowerCase();
  let lines: SourceLine[];
  let encoding: ConvertedSource['encoding'];
  if (ext === '.docx') {
    lines = await docxToLines(bytes, source);
    encoding = 'docx';
  } else {
    const decoded = decode(bytes, source);
    lines = normalise(decoded.text);
    encoding = decoded.encoding;
  }
  // Running headers and page numbers left in the text by page breaks are layout, not words.
  lines = removePageFurniture(lines).lines;
  const hardWrapped = ext !== '.docx' && isHardWrapped(lines);
  const fileStem = path.posix.basename(source, path.posix.extname(source));
  const drafts = splitArticles(lines, { fileStem, defaultColumn: folderColumn(source) });
  const taken = new Set<string>();
  const articles: GeneratedArticle[] = [];
  for (const draft of drafts) {
    const mended = mend(draft.body, { hardWrapped });
    const { body: withoutNote, editorsNote } = takeEditorsNote(mended);
    const { body: paragraphs, notes } = separateNotes(withoutNote);
    const blocks = structure(paragraphs);
    if (blocks.length === 0) {
      throw new SourceError(source, `文章《${draft.title}》没有正文 / article has no body text`, draft.firstLine);
    }
    const tags = tag(draft, blocks, fileStem);
    const slug = articleSlug(source, drafts.length > 1, draft.title, taken);
    const data = {
      title: draft.title,
      subtitle: draft.subtitle,
      column: draft.column,
      authors: draft.authors,
      positions: draft.positions,
      regions: tags.regions,
      byline: draft.byline,
      date: tags.date,
      year: tags.year,
      occasion: tags.occasion,
      tags: tags.tags,
      terms: tags.terms,
      keywords: tags.keywords,
      readingMinutes: tags.readingMinutes,
      characters: tags.characters,
      source,
      sourceIndex: draft.index,
      sourceLine: draft.firstLine,
      titleFromFileName: draft.titleFromFileName || undefined,
      header: draft.header.length > 0 ? draft.header : undefined,
      editorsNote,
      notes: notes.length > 0 ? notes : undefined,
    };
    let body: string;
    try {
      body = blocksToMarkdown(blocks, source);
    } catch (error) {
      throw new SourceError(source, (error as Error).message.replace(`${source}: `, ''), draft.firstLine);
    }
    const findings = await proofreadArticle({ source, slug, title: draft.title, sourceIndex: draft.index, lines: draft.body, paragraphs, blocks });
    articles.push({ slug, file: `${slug}.md`, content: `${frontMatter(data)}${body}`, title: draft.title, findings, fingerprint: articleFingerprint(blocks), line: draft.firstLine });
  }
  return { source, encoding, articles };
}
