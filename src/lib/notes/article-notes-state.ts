/**
 * What the notes on an article page are made of, without the page: the article they belong to, a
 * new note from a selected span, the span of a note's section, and the status line's words.
 */
import type { TextSpan } from './quote-match.ts';
import { selectorFor } from './quote-match.ts';
import { CONTEXT, type ReaderNote } from './store.ts';

/** The article a note is taken on, as the page's notes host names it. */
export interface ArticleInfo {
  article: string;
  title: string;
  source: string;
}

/** A heading's anchor, its words and where its section starts in the article's text. */
export interface SectionStart {
  id: string;
  title: string;
  start: number;
}

export function articleInfo(host: HTMLElement): ArticleInfo {
  return {
    article: host.dataset.article ?? '',
    title: host.dataset.title ?? '',
    source: host.dataset.source ?? '',
  };
}

/** A time-ordered id with a random tail, unique enough for one reader's notes. */
export function newId(at: Date): string {
  return `${at.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A new note on `span` of the article's `text`, in the section the span starts in. */
export function newNote(
  info: ArticleInfo,
  text: string,
  sections: SectionStart[],
  span: TextSpan,
  note: string,
): ReaderNote {
  const section = sections.filter((s) => s.start <= span.start).at(-1);
  const now = new Date();
  return {
    id: newId(now),
    ...info,
    section: section?.id ?? '',
    sectionTitle: section?.title ?? '',
    ...selectorFor(text, span, CONTEXT),
    note,
    created: now.toISOString(),
    updated: now.toISOString(),
  };
}

/** Where the section with anchor `id` runs in a text of `length` characters; undefined when it is gone. */
export function sectionSpan(
  sections: SectionStart[],
  id: string,
  length: number,
): TextSpan | undefined {
  const at = sections.findIndex((s) => s.id === id);
  return at >= 0
    ? { start: sections[at].start, end: sections[at + 1]?.start ?? length }
    : undefined;
}

/** The status line: how many notes the article has, and how many could no longer be found. */
export function notesStatus(total: number, lost: number): string {
  if (total === 0) return '选中正文里的文字，可以划线、写笔记。';
  const lostNote = lost ? `，其中 ${lost} 处的原文已找不到（材料改过），仍列在“我的笔记”里` : '';
  return `本文有 ${total} 处划线${lostNote}。`;
}
