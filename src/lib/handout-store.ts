import { formatItem, parseItem, type HandoutItem } from '../core/handout-items.ts';

/** The reader's handout list, kept in this browser only (localStorage), in the order they chose. */
const KEY = 'zhengxie-handout';

export interface StoredItem {
  item: string;
  title: string;
}

export function loadHandout(): StoredItem[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list)
      ? list.filter((e) => typeof e?.item === 'string' && parseItem(e.item))
      : [];
  } catch {
    return [];
  }
}

export function saveHandout(list: StoredItem[]): void {
  localStorage.setItem(KEY, JSON.stringify(list));
  window.dispatchEvent(new CustomEvent('handout-change'));
}

export function hasItem(item: HandoutItem): boolean {
  const key = formatItem(item);
  return loadHandout().some((e) => e.item === key);
}

/** Adds the item, or takes it out when it is already there; returns whether it is in the list now. */
export function toggleItem(item: HandoutItem, title: string): boolean {
  const key = formatItem(item);
  const list = loadHandout();
  const at = list.findIndex((e) => e.item === key);
  if (at >= 0) list.splice(at, 1);
  else list.push({ item: key, title });
  saveHandout(list);
  return at < 0;
}
