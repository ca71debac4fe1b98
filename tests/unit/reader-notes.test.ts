import mammoth from 'mammoth';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { chineseNumber, noteAddress, notesText } from '../../src/lib/notes/export.ts';
import { notesDocument } from '../../src/lib/notes/notes-docx.ts';
import { locateQuote, selectorFor, trimSpan } from '../../src/lib/notes/quote-match.ts';
import {
  compareSections,
  CONTEXT,
  loadNotes,
  noteInItem,
  notesByArticle,
  NOTES_KEY,
  putNote,
  removeNote,
  type ReaderNote,
} from '../../src/lib/notes/store.ts';
import { fixtureLines } from '../helpers/fixtures.ts';
import { memoryStore } from '../helpers/memory-store.ts';

/** The 2024 report as running text, the way the article page reads it. */
const REPORT = fixtureLines('reports/2024年政府工作报告.txt')
  .map((l) => l.text)
  .join('');
const PHRASE = '高质量发展';

function occurrences(text: string, phrase: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) at.push(i);
  return at;
}

function note(over: Partial<ReaderNote>): ReaderNote {
  return {
    id: 'n1',
    article: 'a/b',
    title: '政府工作报告',
    source: '政府工作报告 · 李强',
    section: 's1',
    sectionTitle: '一、2023年工作回顾',
    quote: '推动高质量发展',
    prefix: '',
    suffix: '',
    note: '',
    created: '2026-03-05T01:00:00.000Z',
    updated: '2026-03-05T01:00:00.000Z',
    ...over,
  };
}

describe('finding a highlighted passage again', () => {
  const places = occurrences(REPORT, PHRASE);

  it('tells apart every place the 2024 report says 高质量发展 by the words around it', () => {
    expect(places.length).toBeGreaterThan(5);
    for (const start of places) {
      const selector = selectorFor(REPORT, { start, end: start + PHRASE.length }, CONTEXT);
      expect(locateQuote(REPORT, selector)).toEqual({ start, end: start + PHRASE.length });
    }
  });

  it('still finds it when text before it changed (re-ingest with an added paragraph)', () => {
    const start = places[3];
    const selector = selectorFor(REPORT, { start, end: start + PHRASE.length }, CONTEXT);
    const added = '新增的一段说明文字。';
    expect(locateQuote(added + REPORT, selector)).toEqual({
      start: start + added.length,
      end: start + added.length + PHRASE.length,
    });
  });

  it('prefers the section when the surroundings match equally, and gives up when the words are gone', () => {
    const text = '一、甲甲甲。二、甲甲甲。';
    const selector = { quote: '甲甲甲', prefix: '', suffix: '' };
    expect(locateQuote(text, selector, { start: 6, end: 12 })).toEqual({ start: 8, end: 11 });
    expect(locateQuote(text, selector)).toEqual({ start: 2, end: 5 });
    expect(
      locateQuote(REPORT.replaceAll(PHRASE, '优质发展'), { quote: PHRASE, prefix: '', suffix: '' }),
    ).toBeNull();
  });

  it('trims the line breaks a selection picks up at its ends', () => {
    expect(trimSpan('甲\n 乙丙 \n丁', { start: 1, end: 7 })).toEqual({ start: 3, end: 5 });
  });
});

describe('the notes store', () => {
  it('adds, replaces and removes notes, and ignores entries that are not notes', () => {
    const store = memoryStore();
    putNote(store, note({ id: 'x' }));
    putNote(store, note({ id: 'x', note: '改过的心得' }));
    expect(loadNotes(store).map((n) => n.note)).toEqual(['改过的心得']);
    store.setItem(NOTES_KEY, JSON.stringify([...loadNotes(store), { id: 'y' }, null, 'text']));
    expect(loadNotes(store)).toHaveLength(1);
    removeNote(store, 'x');
    expect(store.getItem(NOTES_KEY)).toBeNull();
    store.setItem(NOTES_KEY, '{broken');
    expect(loadNotes(store)).toEqual([]);
  });

  it('lists notes by article in reading order: s2 before s2-1 before s10', () => {
    expect(['s10', 's2-1', '', 's2', 's2-10', 's2-2'].sort(compareSections)).toEqual([
      '',
      's2',
      's2-1',
      's2-2',
      's2-10',
      's10',
    ]);
    const groups = notesByArticle([
      note({ id: '1', article: 'b', section: 's3', created: '2026-01-02' }),
      note({ id: '2', article: 'a', section: 's2', created: '2026-01-03' }),
      note({ id: '3', article: 'b', section: 's1', created: '2026-01-04' }),
    ]);
    expect(groups.map((g) => [g.article, g.notes.map((n) => n.id)])).toEqual([
      ['b', ['3', '1']],
      ['a', ['2']],
    ]);
  });

  it('puts a note under a handout item for its article, its section and the section above', () => {
    const n = note({ section: 's3-2' });
    expect(noteInItem(n, 'a/b')).toBe(true);
    expect(noteInItem(n, 'a/b', 's3')).toBe(true);
    expect(noteInItem(n, 'a/b', 's3-2')).toBe(true);
    expect(noteInItem(n, 'a/b', 's3-1')).toBe(false);
    expect(noteInItem(n, 'a/b', 's30')).toBe(false);
    expect(noteInItem(n, 'a/c')).toBe(false);
  });
});

describe('exporting 学习笔记', () => {
  const notes = [
    note({ note: '要把高质量发展落到履职上。' }),
    note({ id: 'n2', section: '', sectionTitle: '', quote: '各位代表' }),
  ];

  it('numbers articles 一、二、… up to 九十九', () => {
    expect([1, 9, 10, 11, 20, 23, 99].map(chineseNumber)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十三',
      '九十九',
    ]);
  });

  it('writes plain text with a BOM and CRLF, the quote, the note and the address of the section', () => {
    const text = notesText(notes, 'http://10.0.0.5/xuexi/', new Date(2026, 2, 5));
    expect(text.startsWith('\uFEFF学习笔记\r\n整理日期：2026年3月5日')).toBe(true);
    expect(text).toContain('一、《政府工作报告》');
    expect(text).toContain('摘录：“推动高质量发展”\r\n心得：要把高质量发展落到履职上。');
    expect(text).toContain('出处：http://10.0.0.5/xuexi/articles/a/b/#s1');
    expect(text).toContain('1. 开头部分');
    expect(noteAddress('http://x/', { article: 'a/b', section: '' })).toBe(
      'http://x/articles/a/b/',
    );
  });

  it('writes a .docx that Word readers (mammoth) open with the quote, source and note', async () => {
    const buffer = await Packer.toBuffer(notesDocument(notes, 'http://x/', new Date(2026, 2, 5)));
    const { value } = await mammoth.extractRawText({ buffer });
    for (const part of [
      '学习笔记',
      '《政府工作报告》',
      '政府工作报告 · 李强',
      '“推动高质量发展”',
      '要把高质量发展落到履职上。',
      'http://x/articles/a/b/#s1',
    ]) {
      expect(value).toContain(part);
    }
  });
});
