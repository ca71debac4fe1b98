import { NOTES_KEY, readList, type KeyValueStore } from '../local-store.ts';

export { NOTES_KEY };

/**
 * One highlighted passage and the reader's note on it. It is found again by the quoted text,
 * told apart from other places with the same words by the text around it and its section, so
 * re-ingesting a source whose text is unchanged keeps every highlight.
 */
export interface ReaderNote {
  id: string;
  /** Article id, as in /articles/<id>/. */
  article: string;
  /** Article title when the note was taken. */
  title: string;
  /** Column, authors and date of the article, for the exported 学习笔记. */
  source: string;
  /** Anchor of the section the passage starts in (s2, s2-1), or '' before the first heading. */
  section: string;
  sectionTitle: string;
  /** The highlighted words exactly as on the page. */
  quote: string;
  /** Up to CONTEXT characters before and after the quote. */
  prefix: string;
  suffix: string;
  /** The reader's note; '' for a highlight alone. */
  note: string;
  /** ISO times. */
  created: string;
  updated: string;
}

/** Characters of text kept on each side of a quote to find it again. */
export const CONTEXT = 32;

const TEXT_FIELDS = [
  'id',
  'article',
  'title',
  'source',
  'section',
  'sectionTitle',
  'quote',
  'prefix',
  'suffix',
  'note',
  'created',
  'updated',
] as const;

export function isReaderNote(value: unknown): value is ReaderNote {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return TEXT_FIELDS.every((f) => typeof v[f] === 'string') && (v.quote as string).length > 0;
}

export function loadNotes(store: KeyValueStore): ReaderNote[] {
  return readList(store, NOTES_KEY, isReaderNote);
}

export function saveNotes(store: KeyValueStore, notes: ReaderNote[]): void {
  if (notes.length === 0) store.removeItem(NOTES_KEY);
  else store.setItem(NOTES_KEY, JSON.stringify(notes));
}

/** Adds a note or replaces the one with the same id. */
export function putNote(store: KeyValueStore, note: ReaderNote): ReaderNote[] {
  const notes = loadNotes(store).filter((n) => n.id !== note.id);
  notes.push(note);
  saveNotes(store, notes);
  return notes;
}

export function removeNote(store: KeyValueStore, id: string): ReaderNote[] {
  const notes = loadNotes(store).filter((n) => n.id !== id);
  saveNotes(store, notes);
  return notes;
}

export function clearNotes(store: KeyValueStore): void {
  store.removeItem(NOTES_KEY);
}

/** Compares section anchors in reading order: s2 < s2-1 < s2-10 < s3. */
export function compareSections(a: string, b: string): number {
  const pa = a.replace(/^s/, '').split('-').map(Number);
  const pb = b.replace(/^s/, '').split('-').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export interface ArticleNotes {
  article: string;
  title: string;
  source: string;
  notes: ReaderNote[];
}

/** Notes grouped by article (articles in the order first noted), each in reading order. */
export function notesByArticle(notes: ReaderNote[]): ArticleNotes[] {
  const groups = new Map<string, ArticleNotes>();
  for (const n of [...notes].sort((a, b) => a.created.localeCompare(b.created))) {
    const g = groups.get(n.article) ?? {
      article: n.article,
      title: n.title,
      source: n.source,
      notes: [],
    };
    g.notes.push(n);
    groups.set(n.article, g);
  }
  for (const g of groups.values())
    g.notes.sort(
      (a, b) => compareSections(a.section, b.section) || a.created.localeCompare(b.created),
    );
  return [...groups.values()];
}

/** Whether a note belongs to a handout item: the whole article, or a section and its sub-sections. */
export function noteInItem(note: ReaderNote, article: string, section?: string): boolean {
  if (note.article !== article) return false;
  return !section || note.section === section || note.section.startsWith(`${section}-`);
}
