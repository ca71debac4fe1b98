/**
 * Highlights and notes on an article page: select words in the text, then 划线 or 写笔记 in the
 * bar that appears at the foot of the screen; a highlight opens its note again when tapped.
 * Loaded only once the reader selects text or has notes on this article.
 *
 * The parts: article-notes-state.ts (the article, a new note, the status line's words),
 * article-notes-view.ts (the bar and the marks), and here the page's own state and its events.
 */
import { button } from '../dom.ts';
import { NOTES_KEY, type KeyValueStore } from '../local-store.ts';
import {
  indexText,
  offsetAt,
  sectionStarts,
  unwrap,
  wrapSpan,
  type TextIndex,
} from './highlight-dom.ts';
import { locateQuote, trimSpan, type TextSpan } from './quote-match.ts';
import { loadNotes, putNote, removeNote, type ReaderNote } from './store.ts';
import {
  articleInfo,
  newNote,
  notesStatus,
  sectionSpan,
  type ArticleInfo,
} from './article-notes-state.ts';
import { createNoteBar, noteMark, openBar, type NoteBar } from './article-notes-view.ts';
import './notes.css';

/** One article page's notes: where they are kept, the text they are drawn on, and the bar. */
interface ArticleNotes {
  info: ArticleInfo;
  body: HTMLElement;
  store: KeyValueStore;
  status: HTMLElement | null;
  view: NoteBar;
  /** The selected words the bar was opened for, until it closes. */
  pending: TextSpan | null;
  /** The article's text and where each piece of it is; rebuilt whenever the marks change. */
  index: TextIndex;
  /** When the reader last pressed on the bar: a selection lost by doing so must not close it. */
  touchingBar: number;
  /** The pending look at the selection: selectionchange fires on every step of a drag. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

export function startArticleNotes(
  host: HTMLElement,
  body: HTMLElement,
  store: KeyValueStore,
): void {
  const notes: ArticleNotes = {
    info: articleInfo(host),
    body,
    store,
    status: host.querySelector<HTMLElement>('[data-notes-status]'),
    view: createNoteBar(),
    pending: null,
    index: indexText(body),
    touchingBar: 0,
    timer: undefined,
  };
  listen(notes);
  render(notes);
  onSelection(notes);
}

/** The events: a selection opens the bar, a tap or Enter on a mark opens its note, Escape closes. */
function listen(notes: ArticleNotes): void {
  const { body, store, view } = notes;
  view.bar.addEventListener('pointerdown', () => {
    notes.touchingBar = Date.now();
  });
  document.addEventListener('selectionchange', () => onSelection(notes));
  body.addEventListener('click', (e) => {
    const mark = (e.target as Element).closest?.('mark.reader-note');
    const n = mark && loadNotes(store).find((x) => x.id === (mark as HTMLElement).dataset.note);
    if (n && getSelection()?.isCollapsed !== false) editNote(notes, n);
  });
  body.addEventListener('keydown', (e) => {
    const mark = (e.target as Element).closest?.('mark.reader-note');
    const n =
      mark &&
      e.key === 'Enter' &&
      loadNotes(store).find((x) => x.id === (mark as HTMLElement).dataset.note);
    if (n) editNote(notes, n);
  });
  view.bar.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close(notes);
  });
  // Notes taken in another tab are drawn here too.
  addEventListener('storage', (e) => {
    if (e.key === null || e.key === NOTES_KEY) render(notes);
  });
}

function close(notes: ArticleNotes): void {
  notes.view.bar.hidden = true;
  notes.pending = null;
}

/** Keeps a new note on `span`, clears the selection and draws the notes again. */
function save(notes: ArticleNotes, span: TextSpan, note: string): void {
  const { index } = notes;
  const sections = sectionStarts(notes.body, index);
  putNote(notes.store, newNote(notes.info, index.text, sections, span, note));
  getSelection()?.removeAllRanges();
  close(notes);
  render(notes);
}

/** Opens a note again: its text can be changed and saved, or the highlight deleted. */
function editNote(notes: ArticleNotes, n: ReaderNote): void {
  const { store, view } = notes;
  openBar(view, n.quote, n.note, [
    button('保存笔记', () => {
      putNote(store, { ...n, note: view.area.value.trim(), updated: new Date().toISOString() });
      close(notes);
      render(notes);
    }),
    button('删除划线', () => {
      removeNote(store, n.id);
      close(notes);
      render(notes);
    }),
    button('关闭', () => close(notes)),
  ]);
  view.area.focus();
}

/**
 * Draws every note of this article on the text, and says in the status line how many there are
 * and how many could no longer be found (the material changed).
 */
function render(notes: ArticleNotes): void {
  const { body } = notes;
  unwrap(body.querySelectorAll('mark.reader-note'));
  const mine = loadNotes(notes.store).filter((n) => n.article === notes.info.article);
  let lost = 0;
  for (const n of mine) {
    // Each mark splits the text's nodes: the index is read again before the next is placed.
    notes.index = indexText(body);
    const { index } = notes;
    const section = sectionSpan(sectionStarts(body, index), n.section, index.text.length);
    const span = locateQuote(index.text, n, section);
    if (!span) {
      lost++;
      continue;
    }
    wrapSpan(index, span, () => noteMark(n));
  }
  notes.index = indexText(body);
  if (notes.status) notes.status.textContent = notesStatus(mine.length, lost);
}

/** The words selected in the article's text, trimmed of spaces; null when none are. */
function selectedSpan(notes: ArticleNotes): TextSpan | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!notes.body.contains(range.commonAncestorContainer)) return null;
  notes.index = indexText(notes.body);
  const { index } = notes;
  const span = trimSpan(index.text, {
    start: offsetAt(index, range.startContainer, range.startOffset),
    end: offsetAt(index, range.endContainer, range.endOffset),
  });
  return span.end > span.start ? span : null;
}

/**
 * Once the selection has settled: words selected open the bar to 划线 or 写笔记; a selection gone
 * closes a bar with nothing typed, unless the reader has just pressed on the bar itself.
 */
function onSelection(notes: ArticleNotes): void {
  clearTimeout(notes.timer);
  notes.timer = setTimeout(() => {
    const span = selectedSpan(notes);
    if (span) {
      notes.pending = span;
      offerActions(notes, span);
    } else if (notes.pending && notes.view.field.hidden && Date.now() - notes.touchingBar > 1000) {
      close(notes);
    }
  }, 150);
}

/** The bar for a selection: highlight it, or write a note on it first. */
function offerActions(notes: ArticleNotes, span: TextSpan): void {
  const { view } = notes;
  const highlight = () => {
    if (notes.pending) save(notes, notes.pending, '');
  };
  const saveNote = () => {
    if (notes.pending) save(notes, notes.pending, view.area.value.trim());
  };
  const writeNote = () => {
    view.field.hidden = false;
    view.actions.replaceChildren(
      button('保存', saveNote),
      button('取消', () => close(notes)),
    );
    view.area.focus();
  };
  openBar(view, notes.index.text.slice(span.start, span.end), null, [
    button('划线', highlight),
    button('写笔记', writeNote),
    button('取消', () => close(notes)),
  ]);
}
