/**
 * The reader's own data (notes, study record) lives in this browser only. Pages pass
 * localStorage; unit tests pass a Map-backed stand-in.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage keys of the reader's notes and study record, here so the small page-load scripts need nothing else. */
export const NOTES_KEY = 'zx-notes';
export const RECORD_KEY = 'zx-study-record';

export function browserStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be switched off entirely; the features then say so instead of failing.
    return null;
  }
}

/** The stored JSON array under key, or [] when absent or unreadable; entries are kept only if valid. */
export function readList<T>(
  store: KeyValueStore,
  key: string,
  valid: (value: unknown) => value is T,
): T[] {
  try {
    const list: unknown = JSON.parse(store.getItem(key) ?? '[]');
    return Array.isArray(list) ? list.filter(valid) : [];
  } catch {
    return [];
  }
}

/** yyyy-mm-dd in the reader's own time zone: a study record is kept by the reader's calendar day. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Offers a generated file for download under a name the reader will recognise. */
export function downloadFile(data: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
