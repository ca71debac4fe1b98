import { downloadFile, localDay, type KeyValueStore } from '../local-store.ts';
import { el, link, openStudyPage, type StudyPage } from '../study-page.ts';
import { noteAddress, noteSection, notesText } from './export.ts';
import { clearNotes, loadNotes, notesByArticle, removeNote, type ReaderNote } from './store.ts';

/** One note: the passage, the reader's words, where it is, and a button that deletes it. */
function noteItem(n: ReaderNote, siteBase: string, remove: () => void): HTMLLIElement {
  const li = el('li');
  li.append(el('blockquote', '', n.quote));
  if (n.note) li.append(el('p', 'notes-note', n.note));
  const button = el('button', '', '删除');
  button.type = 'button';
  button.setAttribute('aria-label', `删除这条笔记：${n.quote.slice(0, 20)}`);
  button.addEventListener('click', remove);
  const where = el('p', 'notes-where');
  where.append(
    link(noteAddress(siteBase, n), noteSection(n)),
    ` · ${n.created.slice(0, 10)} `,
    button,
  );
  li.append(where);
  return li;
}

/** Draws every note from the store, by article; deleting one draws the list again. */
function renderNotes(page: StudyPage, store: KeyValueStore): void {
  const { list, status, siteBase } = page;
  const notes = loadNotes(store);
  page.enable(notes.length > 0);
  list.replaceChildren();
  if (notes.length === 0) {
    status.textContent = '还没有笔记。在文章里选中文字，点“划线”或“写笔记”。';
    return;
  }
  const groups = notesByArticle(notes);
  status.textContent = `共 ${notes.length} 条笔记，来自 ${groups.length} 篇文章。`;
  const remove = (n: ReaderNote) => () => {
    removeNote(store, n.id);
    renderNotes(page, store);
  };
  for (const group of groups) {
    const section = el('section');
    const h2 = el('h2');
    h2.append(link(noteAddress(siteBase, { article: group.article, section: '' }), group.title));
    section.append(h2);
    if (group.source) section.append(el('p', 'notes-source', group.source));
    const ol = el('ol');
    ol.append(...group.notes.map((n) => noteItem(n, siteBase, remove(n))));
    section.append(ol);
    list.append(section);
  }
}

/** /notes/: every note by article, links to the passages, exports and the clear button. */
export function startNotesPage(root: HTMLElement, store: KeyValueStore | null): void {
  const page = openStudyPage(
    root,
    store,
    { list: '.notes-list', status: '[data-notes-status]' },
    '这个浏览器不允许网页保存数据，笔记功能无法使用。',
  );
  if (!page || !store) return;
  const { status, siteBase } = page;
  const render = () => renderNotes(page, store);

  page.onAction('docx', async () => {
    const { notesDocxBlob } = await import('./notes-docx.ts');
    const now = new Date();
    downloadFile(
      await notesDocxBlob(loadNotes(store), siteBase, now),
      `学习笔记-${localDay(now)}.docx`,
    );
  });
  page.onAction('txt', () => {
    const now = new Date();
    downloadFile(
      new Blob([notesText(loadNotes(store), siteBase, now)], { type: 'text/plain;charset=utf-8' }),
      `学习笔记-${localDay(now)}.txt`,
    );
  });
  page.onAction('clear', () => {
    if (!confirm(`删除全部 ${loadNotes(store).length} 条笔记和划线？删除后无法恢复。`)) return;
    clearNotes(store);
    render();
    status.textContent = '已删除全部笔记。';
  });
  addEventListener('storage', render);
  render();
}
