import { chineseDate } from '../handout-document.ts';
import { localDay } from '../local-store.ts';
import { notesByArticle, type ReaderNote } from './store.ts';
import { articlePath } from '../../core/article-path.ts';

/**
 * 学习笔记 as a reader hands it in: per article its title, source and address, then each
 * quoted passage with where it is and the reader's note. Plain text here; Word in notes-docx.ts.
 */

/** Where a note is: the section heading, or 开头 before the first heading. */
export function noteSection(note: ReaderNote): string {
  return note.section ? note.sectionTitle || `#${note.section}` : '开头部分';
}

/** Absolute address of the passage's section: siteBase is the site root, e.g. "http://10.0.0.5/xuexi/". */
export function noteAddress(
  siteBase: string,
  note: Pick<ReaderNote, 'article' | 'section'>,
): string {
  return new URL(`${articlePath(note.article)}${note.section ? `#${note.section}` : ''}`, siteBase)
    .href;
}

const COUNTING = '一二三四五六七八九十';
/** 1 → 一, 12 → 十二, 23 → 二十三, for headings up to 99. */
export function chineseNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : COUNTING[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? COUNTING[tens - 1] : ''}十${ones ? COUNTING[ones - 1] : ''}`;
}

export function notesText(notes: ReaderNote[], siteBase: string, at: Date): string {
  const lines = ['学习笔记', `整理日期：${chineseDate(localDay(at))}　共 ${notes.length} 条`, ''];
  notesByArticle(notes).forEach((group, i) => {
    lines.push(`${chineseNumber(i + 1)}、《${group.title}》`);
    if (group.source) lines.push(`来源：${group.source}`);
    lines.push(`网址：${noteAddress(siteBase, { article: group.article, section: '' })}`, '');
    group.notes.forEach((n, j) => {
      lines.push(`${j + 1}. ${noteSection(n)}`, `摘录：“${n.quote}”`);
      if (n.note) lines.push(`心得：${n.note}`);
      lines.push(`出处：${noteAddress(siteBase, n)}`, '');
    });
  });
  // Windows Notepad and WPS read UTF-8 with a BOM and CRLF line ends without asking.
  return `\uFEFF${lines.join('\r\n')}`;
}
