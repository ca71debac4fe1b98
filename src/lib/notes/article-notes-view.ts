/**
 * The elements of notes on an article page: the bar at the foot of the screen (the quoted words,
 * the note's field and the actions) and the mark drawn on a highlighted passage. No state is kept
 * here; article-notes.ts decides what to show when.
 */
import { el } from '../dom.ts';
import type { ReaderNote } from './store.ts';

export interface NoteBar {
  bar: HTMLDivElement;
  quote: HTMLParagraphElement;
  field: HTMLLabelElement;
  area: HTMLTextAreaElement;
  actions: HTMLParagraphElement;
}

/** The bar, hidden, at the end of the page's body. */
export function createNoteBar(): NoteBar {
  const bar = el('div', 'note-bar no-print');
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', '划线和笔记');
  bar.hidden = true;
  const quote = el('p', 'note-bar-quote');
  const field = el('label', 'note-bar-field');
  const area = el('textarea');
  area.rows = 3;
  field.append('笔记（可不写）', area);
  const actions = el('p', 'note-bar-actions');
  bar.append(quote, field, actions);
  document.body.append(bar);
  return { bar, quote, field, area, actions };
}

/** Shows the bar for `text`: with the note's field when `note` is not null, and these buttons. */
export function openBar(
  view: NoteBar,
  text: string,
  note: string | null,
  buttons: HTMLButtonElement[],
): void {
  view.quote.textContent = `“${text.length > 60 ? `${text.slice(0, 60)}……` : text}”`;
  view.field.hidden = note === null;
  view.area.value = note ?? '';
  view.actions.replaceChildren(...buttons);
  view.bar.hidden = false;
}

/** The mark on a highlighted passage: it can be tabbed to, and shows its note on hover. */
export function noteMark(n: ReaderNote): HTMLElement {
  const mark = el('mark', n.note ? 'reader-note has-note' : 'reader-note');
  mark.dataset.note = n.id;
  mark.tabIndex = 0;
  if (n.note) mark.title = `笔记：${n.note}`;
  return mark;
}
