import { localDay, readList, RECORD_KEY, type KeyValueStore } from '../local-store.ts';

/**
 * The study record as stored: what the tracker on every article and session page needs, and no
 * more (the record page's views are in days.ts), so the script each page loads stays small.
 */
export { RECORD_KEY };

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
  return (
    (v.kind === 'article' || v.kind === 'session') &&
    ['id', 'title', 'path', 'day', 'first', 'last'].every((f) => typeof v[f] === 'string') &&
    typeof v.seconds === 'number' &&
    Number.isFinite(v.seconds) &&
    v.seconds >= 0
  );
}

export function loadRecord(store: KeyValueStore): StudyVisit[] {
  return readList(store, RECORD_KEY, isStudyVisit);
}

export function clearRecord(store: KeyValueStore): void {
  store.removeItem(RECORD_KEY);
}

/** The record with `seconds` more of `page` on the day of `at` (0 seconds records the opening). */
export function withVisibleTime(
  record: StudyVisit[],
  page: StudyPage,
  seconds: number,
  at: Date,
): StudyVisit[] {
  const day = localDay(at);
  const when = at.toISOString();
  const same = (v: StudyVisit) => v.day === day && v.kind === page.kind && v.id === page.id;
  const existing = record.find(same);
  const visit: StudyVisit = existing
    ? {
        ...existing,
        title: page.title,
        path: page.path,
        seconds: existing.seconds + seconds,
        last: when,
      }
    : { ...page, day, seconds, first: when, last: when };
  return [...record.filter((v) => !same(v)), visit];
}

export function addVisibleTime(
  store: KeyValueStore,
  page: StudyPage,
  seconds: number,
  at: Date,
): void {
  store.setItem(RECORD_KEY, JSON.stringify(withVisibleTime(loadRecord(store), page, seconds, at)));
}
