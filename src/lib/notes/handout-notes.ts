import { noteSection } from './export.ts';
import { compareSections, noteInItem, type ReaderNote } from './store.ts';

/**
 * 我的笔记 after a material in a handout: the reader's highlights and notes on that article (or on
 * that section and its sub-sections), in reading order. null when there are none.
 */
export function handoutNotesSection(notes: ReaderNote[], article: string, section?: string): HTMLElement | null {
  const mine = notes.filter((n) => noteInItem(n, article, section)).sort((a, b) => compareSections(a.section, b.section) || a.created.localeCompare(b.created));
  if (mine.length === 0) return null;
  const box = document.createElement('section');
  box.className = 'handout-reader-notes';
  const title = document.createElement('h2');
  title.textContent = '我的笔记';
  const list = document.createElement('ol');
  for (const n of mine) {
    const li = document.createElement('li');
    const quote = document.createElement('blockquote');
    quote.textContent = `“${n.quote}”（${noteSection(n)}）`;
    li.append(quote);
    if (n.note) {
      const p = document.createElement('p');
      p.textContent = `心得：${n.note}`;
      li.append(p);
    }
    list.append(li);
  }
  box.append(title, list);
  return box;
}
