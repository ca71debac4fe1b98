import { localDay, readList, type KeyValueStore } from '../local-store.ts';

/** Where the study record is kept (localStorage of this browser only). */
export const RECORD_KEY = 'zx-study-record';

export type StudyKind = 'article' | 'session';

/** What was opened: an article or a study session, with its title and site path at the time. */
export interface StudyPage {
  kind: StudyKind;
  /** Article id or session id. */
  id: string;
  title: string;
  /** Path from the site root, e.g. "articles/x/y/". */
  path: string;
}

/** One page on one day: when it was first and last read and for how long it was on screen. */
export interface StudyVisit extends StudyPage {
  /** The reader's calendar day, yyyy-mm-dd. */
  day: string;
  /** Seconds the page was visible (Page Visibility API), summed over the day. */
  seconds: number;
  /** ISO times of the first opening and the last time counted that day. */
  first: string;
  last: string;
}

export function isStudyVisit(value: unknown): value is StudyVisit {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.kind === 'article' || v.kind === 'session')
    && ['id', 'title', 'path', 'day', 'first', 'last'].every((f) => typeof v[f] === 'string')
    && typeof v.seconds === 'number' && Number.isFinite(v.seconds) && v.seconds >= 0;
}

export function loadRecord(store: KeyValueStore): StudyVisit[] {
  return readList(store, RECORD_KEY, isStudyVisit);
}

export function clearRecord(store: KeyValueStore): void {
  store.removeItem(RECORD_KEY);
}

/** The record with `seconds` more of `page` on the day of `at` (0 seconds records the opening). */
export function withVisibleTime(record: StudyVisit[], page: StudyPage, seconds: number, at: Date): StudyVisit[] {
  const day = localDay(at);
  const when = at.toISOString();
  const same = (v: StudyVisit) => v.day === day && v.kind === page.kind && v.id === page.id;
  const existing = record.find(same);
  const visit: StudyVisit = existing
    ? { ...existing, title: page.title, path: page.path, seconds: existing.seconds + seconds, last: when }
    : { ...page, day, seconds, first: when, last: when };
  return [...record.filter((v) => !same(v)), visit];
}

export function addVisibleTime(store: KeyValueStore, page: StudyPage, seconds: number, at: Date): void {
  store.setItem(RECORD_KEY, JSON.stringify(withVisibleTime(loadRecord(store), page, seconds, at)));
}

export interface StudyDay {
  day: string;
  visits: StudyVisit[];
  seconds: number;
}

/** Days newest first; within a day, in the order the pages were first opened. */
export function recordByDay(record: StudyVisit[]): StudyDay[] {
  const days = new Map<string, StudyVisit[]>();
  for (const v of record) days.set(v.day, [...(days.get(v.day) ?? []), v]);
  return [...days.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([day, visits]) => ({
      day,
      visits: visits.sort((a, b) => a.first.localeCompare(b.first)),
      seconds: visits.reduce((sum, v) => sum + v.seconds, 0),
    }));
}

/** "约 12 分钟"; under half a minute reads "不到 1 分钟" rather than a misleading 0 or 1. */
export function studyMinutes(seconds: number): string {
  return seconds < 30 ? '不到 1 分钟' : `约 ${Math.round(seconds / 60)} 分钟`;
}

export const KIND_NAMES: Record<StudyKind, string> = { article: '文章', session: '学习会' };

/** "09:05" in the reader's time zone. */
export function clockTime(iso: string): string {
  const t = new Date(iso);
  return `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
}
