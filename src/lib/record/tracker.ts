import type { KeyValueStore } from '../local-store.ts';
import { addVisibleTime, type StudyPage } from './visits.ts';

/** Visible time is saved this often, so closing the tab loses little. */
const FLUSH_MS = 15_000;
/**
 * Longest stretch counted at once. A gap longer than this between two ticks means the computer
 * slept with the page "visible"; that time was not reading.
 */
const MAX_STRETCH_MS = 60_000;

/**
 * Records that this page was opened today and, while it is visible (Page Visibility API), adds the
 * time it stays on screen. Time in a background tab or a minimised window is not counted.
 */
export function trackVisibleTime(
  store: KeyValueStore,
  page: StudyPage,
  now: () => number = Date.now,
): void {
  let since: number | null = document.visibilityState === 'visible' ? now() : null;
  const save = (seconds: number) => {
    try {
      addVisibleTime(store, page, seconds, new Date(now()));
    } catch {
      // Storage full or refused: reading goes on unrecorded rather than breaking the page.
    }
  };
  const flush = () => {
    if (since === null) return;
    const t = now();
    save(Math.min(t - since, MAX_STRETCH_MS) / 1000);
    since = t;
  };
  save(0);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') since = now();
    else {
      flush();
      since = null;
    }
  });
  addEventListener('pagehide', flush);
  setInterval(flush, FLUSH_MS);
}

/** Reads what is being read from the page's data-record-* attributes and starts the clock. */
export function startStudyRecord(store: KeyValueStore | null): void {
  const el = document.querySelector<HTMLElement>('[data-record-kind]');
  const kind = el?.dataset.recordKind;
  if (!store || !el || (kind !== 'article' && kind !== 'session')) return;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const path = location.pathname.startsWith(base)
    ? location.pathname.slice(base.length)
    : location.pathname.replace(/^\//, '');
  trackVisibleTime(store, {
    kind,
    id: el.dataset.recordId ?? path,
    title: el.dataset.recordTitle ?? document.title,
    path,
  });
}
