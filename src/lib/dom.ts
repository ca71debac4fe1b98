/** Small builders for the elements the browser code makes (never innerHTML: the text is the reader's or the page's). */

/** An element with an optional class and text. */
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

/** A button that does not submit a form; `label` names it for screen readers when its text is an icon or terse. */
export function button(
  text: string,
  onClick: () => void,
  { label, disabled = false }: { label?: string; disabled?: boolean } = {},
): HTMLButtonElement {
  const b = el('button', '', text);
  b.type = 'button';
  if (label !== undefined) b.setAttribute('aria-label', label);
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

/** The element the page's own markup puts at `selector`; its absence is a broken page, said by name. */
export function required<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  selector: string,
): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`页面缺少 ${selector} / the page has no ${selector}`);
  return found;
}
