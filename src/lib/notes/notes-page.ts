import { downloadFile, localDay, type KeyValueStore } from '../local-store.ts';
import { noteAddress, noteSection, notesText } from './export.ts';
import { clearNotes, loadNotes, notesByArticle, removeNote } from './store.ts';

/** /notes/: every note by article, links to the passages, exports and the clear button. */
export function startNotesPage(root: HTMLElement, store: KeyValueStore | null): void {
  const list = root.querySelector<HTMLElement>('.notes-list')!;
  const status = root.querySelector<HTMLElement>('[data-notes-status]')!;
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-action]')];
  const siteBase = new URL(import.meta.env.BASE_URL, location.href).href;
  root.hidden = false;
  if (!store) {
    status.textContent = '这个浏览器不允许网页保存数据，笔记功能无法使用。';
    buttons.forEach((b) => { b.disabled = true; });
    return;
  }

  function render(): void {
    const notes = loadNotes(store!);
    buttons.forEach((b) => { b.disabled = notes.length === 0; });
    list.replaceChildren();
    if (notes.length === 0) {
      status.textContent = '还没有笔记。在文章里选中文字，点“划线”或“写笔记”。';
      return;
    }
    status.textContent = `共 ${notes.length} 条笔记，来自 ${notesByArticle(notes).length} 篇文章。`;
    for (const group of notesByArticle(notes)) {
      const section = document.createElement('section');
      const h2 = document.createElement('h2');
      const link = document.createElement('a');
      link.href = noteAddress(siteBase, { article: group.article, section: '' });
      link.textContent = group.title;
      h2.append(link);
      section.append(h2);
      if (group.source) {
        const source = document.createElement('p');
        source.className = 'notes-source';
        source.textContent = group.source;
        section.append(source);
      }
      const ol = document.createElement('ol');
      for (const n of group.notes) {
        const li = document.createElement('li');
        const q = document.createElement('blockquote');
        q.textContent = n.quote;
        const where = document.createElement('p');
        where.className = 'notes-where';
        const at = document.createElement('a');
        at.href = noteAddress(siteBase, n);
        at.textContent = noteSection(n);
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '删除';
        remove.setAttribute('aria-label', `删除这条笔记：${n.quote.slice(0, 20)}`);
        remove.addEventListener('click', () => {
          removeNote(store!, n.id);
          render();
        });
        where.append(at, ` · ${n.created.slice(0, 10)} `, remove);
        li.append(q);
        if (n.note) {
          const p = document.createElement('p');
          p.className = 'notes-note';
          p.textContent = n.note;
          li.append(p);
        }
        li.append(where);
        ol.append(li);
      }
      section.append(ol);
      list.append(section);
    }
  }

  root.querySelector('[data-action="docx"]')?.addEventListener('click', async () => {
    const { notesDocxBlob } = await import('./notes-docx.ts');
    const now = new Date();
    downloadFile(await notesDocxBlob(loadNotes(store), siteBase, now), `学习笔记-${localDay(now)}.docx`);
  });
  root.querySelector('[data-action="txt"]')?.addEventListener('click', () => {
    const now = new Date();
    downloadFile(new Blob([notesText(loadNotes(store), siteBase, now)], { type: 'text/plain;charset=utf-8' }), `学习笔记-${localDay(now)}.txt`);
  });
  root.querySelector('[data-action="clear"]')?.addEventListener('click', () => {
    const count = loadNotes(store).length;
    if (!confirm(`删除全部 ${count} 条笔记和划线？删除后无法恢复。`)) return;
    clearNotes(store);
    render();
    status.textContent = '已删除全部笔记。';
  });
  addEventListener('storage', render);
  render();
}
