import type { KeyValueStore } from './local-store.ts';

/** What /notes/ and /record/ share: lists built from the reader's local data, export and clear buttons. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function link(href: string, text: string): HTMLAnchorElement {
  const a = el('a', '', text);
  a.href = href;
  return a;
}

export interface StudyPage {
  list: HTMLElement;
  status: HTMLElement;
  /** The site root as an absolute address, for links in the page and in exported files. */
  siteBase: string;
  /** Export and clear make sense only when there is something to export or clear. */
  enable(on: boolean): void;
  /** Runs handler when the button with data-action=name is pressed. */
  onAction(name: string, handler: () => void | Promise<void>): void;
}

/** Shows the script-only part of the page; without storage it says so and returns null. */
export function openStudyPage(
  root: HTMLElement,
  store: KeyValueStore | null,
  selectors: { list: string; status: string },
  unavailable: string,
): StudyPage | null {
  const list = root.querySelector<HTMLElement>(selectors.list);
  const status = root.querySelector<HTMLElement>(selectors.status);
  if (!list || !status) return null;
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-action]')];
  const enable = (on: boolean) =>
    buttons.forEach((b) => {
      b.disabled = !on;
    });
  root.hidden = false;
  if (!store) {
    status.textContent = unavailable;
    enable(false);
    return null;
  }
  return {
    list,
    status,
    siteBase: new URL(import.meta.env.BASE_URL, location.href).href,
    enable,
    onAction: (name, handler) =>
      root
        .querySelector(`[data-action="${name}"]`)
        ?.addEventListener('click', () => void handler()),
  };
}
