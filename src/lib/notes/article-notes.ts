import type { KeyValueStore } from '../local-store.ts';
import {
  indexText,
  offsetAt,
  sectionStarts,
  unwrap,
  wrapSpan,
  type TextIndex,
} from './highlight-dom.ts';
import { locateQuote, selectorFor, trimSpan, type TextSpan } from './quote-match.ts';
import { CONTEXT, loadNotes, putNote, removeNote, type ReaderNote } from './store.ts';
import './notes.css';

/**
 * Highlights and notes on an article page: select words in the text, then 划线 or 写笔记 in the
 * bar that appears at the foot of the screen; a highlight opens its note again when tapped.
 * Loaded only once the reader selects text or has notes on this article.
 */

interface ArticleInfo {
  article: string;
  title: string;
  source: string;
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function newId(at: Date): string {
  return `${at.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function startArticleNotes(
  host: HTMLElement,
  body: HTMLElement,
  store: KeyValueStore,
): void {
  const info: ArticleInfo = {
    article: host.dataset.article ?? '',
    title: host.dataset.title ?? '',
    source: host.dataset.source ?? '',
  };
  const status = host.querySelector<HTMLElement>('[data-notes-status]');

  const bar = document.createElement('div');
  bar.className = 'note-bar no-print';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', '划线和笔记');
  bar.hidden = true;
  const quote = document.createElement('p');
  quote.className = 'note-bar-quote';
  const field = document.createElement('label');
  field.className = 'note-bar-field';
  const area = document.createElement('textarea');
  area.rows = 3;
  field.append('笔记（可不写）', area);
  const actions = document.createElement('p');
  actions.className = 'note-bar-actions';
  bar.append(quote, field, actions);
  document.body.append(bar);

  let pending: TextSpan | null = null;
  let index: TextIndex = indexText(body);
  let touchingBar = 0;
  bar.addEventListener('pointerdown', () => {
    touchingBar = Date.now();
  });

  function close(): void {
    bar.hidden = true;
    pending = null;
  }

  function open(text: string, note: string | null, buttons: HTMLButtonElement[]): void {
    quote.textContent = `“${text.length > 60 ? `${text.slice(0, 60)}……` : text}”`;
    field.hidden = note === null;
    area.value = note ?? '';
    actions.replaceChildren(...buttons);
    bar.hidden = false;
  }

  function save(span: TextSpan, note: string): void {
    const sections = sectionStarts(body, index);
    const section = sections.filter((s) => s.start <= span.start).at(-1);
    const now = new Date();
    putNote(store, {
      id: newId(now),
      ...info,
      section: section?.id ?? '',
      sectionTitle: section?.title ?? '',
      ...selectorFor(index.text, span, CONTEXT),
      note,
      created: now.toISOString(),
      updated: now.toISOString(),
    });
    getSelection()?.removeAllRanges();
    close();
    render();
  }

  function editNote(n: ReaderNote): void {
    open(n.quote, n.note, [
      button('保存笔记', () => {
        putNote(store, { ...n, note: area.value.trim(), updated: new Date().toISOString() });
        close();
        render();
      }),
      button('删除划线', () => {
        removeNote(store, n.id);
        close();
        render();
      }),
      button('关闭', close),
    ]);
    area.focus();
  }

  /**
   * Draws every note of this article on the text, and says in the status line how many there are
   * and how many could no longer be found (the material changed).
   */
  function render(): void {
    unwrap(body.querySelectorAll('mark.reader-note'));
    const notes = loadNotes(store).filter((n) => n.article === info.article);
    let lost = 0;
    for (const n of notes) {
      index = indexText(body);
      const sections = sectionStarts(body, index);
      const at = sections.findIndex((s) => s.id === n.section);
      const section =
        at >= 0
          ? { start: sections[at].start, end: sections[at + 1]?.start ?? index.text.length }
          : undefined;
      const span = locateQuote(index.text, n, section);
      if (!span) {
        lost++;
        continue;
      }
      wrapSpan(index, span, () => {
        const mark = document.createElement('mark');
        mark.className = n.note ? 'reader-note has-note' : 'reader-note';
        mark.dataset.note = n.id;
        mark.tabIndex = 0;
        if (n.note) mark.title = `笔记：${n.note}`;
        return mark;
      });
    }
    index = indexText(body);
    if (status) {
      status.textContent =
        notes.length === 0
          ? '选中正文里的文字，可以划线、写笔记。'
          : `本文有 ${notes.length} 处划线${lost ? `，其中 ${lost} 处的原文已找不到（材料改过），仍列在“我的笔记”里` : ''}。`;
    }
  }

  function selectedSpan(): TextSpan | null {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer)) return null;
    index = indexText(body);
    const span = trimSpan(index.text, {
      start: offsetAt(index, range.startContainer, range.startOffset),
      end: offsetAt(index, range.endContainer, range.endOffset),
    });
    return span.end > span.start ? span : null;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  function onSelection(): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const span = selectedSpan();
      if (span) {
        pending = span;
        open(index.text.slice(span.start, span.end), null, [
          button('划线', () => pending && save(pending, '')),
          button('写笔记', () => {
            field.hidden = false;
            actions.replaceChildren(
              button('保存', () => pending && save(pending, area.value.trim())),
              button('取消', close),
            );
            area.focus();
          }),
          button('取消', close),
        ]);
      } else if (pending && field.hidden && Date.now() - touchingBar > 1000) {
        close();
      }
    }, 150);
  }

  document.addEventListener('selectionchange', onSelection);
  body.addEventListener('click', (e) => {
    const mark = (e.target as Element).closest?.('mark.reader-note');
    const n = mark && loadNotes(store).find((x) => x.id === (mark as HTMLElement).dataset.note);
    if (n && getSelection()?.isCollapsed !== false) editNote(n);
  });
  body.addEventListener('keydown', (e) => {
    const mark = (e.target as Element).closest?.('mark.reader-note');
    const n =
      mark &&
      e.key === 'Enter' &&
      loadNotes(store).find((x) => x.id === (mark as HTMLElement).dataset.note);
    if (n) editNote(n);
  });
  bar.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  addEventListener('storage', (e) => {
    if (e.key === null || e.key === 'zx-notes') render();
  });
  render();
  onSelection();
}
