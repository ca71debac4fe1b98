import { el } from '../study-page.ts';
import { noteSection } from './export.ts';
import { compareSections, noteInItem, type ReaderNote } from './store.ts';

/**
 * 我的笔记 after a material in a handout: the reader's highlights and notes on that article (or on
 * that section and its sub-sections), in reading order. null when there are none.
 */
export function handoutNotesSection(
  notes: ReaderNote[],
  article: string,
  section?: string,
): HTMLElement | null {
  const mine = notes
    .filter((n) => noteInItem(n, article, section))
    .sort((a, b) => compareSections(a.section, b.section) || a.created.localeCompare(b.created));
  if (mine.length === 0) return null;
  const list = el('ol');
  for (const n of mine) {
    const li = el('li');
    li.append(el('blockquote', '', `“${n.quote}”（${noteSection(n)}）`));
    if (n.note) li.append(el('p', '', `心得：${n.note}`));
    list.append(li);
  }
  const box = el('section', 'handout-reader-notes');
  box.append(el('h2', '', '我的笔记'), list);
  return box;
}
