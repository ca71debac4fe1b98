import { Packer, type Document, type FileChild } from 'docx';
import { chineseDate } from '../handout-document.ts';
import { localDay } from '../local-store.ts';
import { heading, line, studyDocument } from '../study-docx.ts';
import { chineseNumber, noteAddress, noteSection } from './export.ts';
import { notesByArticle, type ReaderNote } from './store.ts';

/** 学习笔记 as a Word document: the same content as notesText, with headings. */
export function notesDocument(notes: ReaderNote[], siteBase: string, at: Date): Document {
  const children: FileChild[] = [
    line(`整理日期：${chineseDate(localDay(at))}　共 ${notes.length} 条`, { muted: true }),
  ];
  notesByArticle(notes).forEach((group, i) => {
    children.push(heading(`${chineseNumber(i + 1)}、《${group.title}》`, 1));
    if (group.source) children.push(line(group.source, { label: '来源：' }));
    children.push(
      line(noteAddress(siteBase, { article: group.article, section: '' }), {
        label: '网址：',
        muted: true,
      }),
    );
    group.notes.forEach((n, j) => {
      children.push(heading(`${j + 1}. ${noteSection(n)}`, 2));
      children.push(line(`“${n.quote}”`, { label: '摘录：', indent: true }));
      if (n.note) children.push(line(n.note, { label: '心得：' }));
      children.push(line(noteAddress(siteBase, n), { label: '出处：', muted: true }));
    });
  });
  return studyDocument('学习笔记', children);
}

export function notesDocxBlob(notes: ReaderNote[], siteBase: string, at: Date): Promise<Blob> {
  return Packer.toBlob(notesDocument(notes, siteBase, at));
}
