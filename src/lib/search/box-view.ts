/** The header search box's elements and its list of previewed matches (a listbox). */
import type { LoadedHit } from './excerpts.ts';
import { SEARCH_BOX_FORM } from './box-form.ts';

export interface SearchBoxView {
  form: HTMLFormElement;
  input: HTMLInputElement;
  preview: HTMLElement;
  /** The chosen option's place in the list, -1 when none is. */
  active: number;
}

export function findSearchBox(doc: Document): SearchBoxView | undefined {
  const form = doc.querySelector<HTMLFormElement>(SEARCH_BOX_FORM);
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const preview = form?.querySelector<HTMLElement>('[data-site-search-preview]');
  return form && input && preview ? { form, input, preview, active: -1 } : undefined;
}

export const options = (box: SearchBoxView) => [
  ...box.preview.querySelectorAll<HTMLAnchorElement>('[role="option"]'),
];

export function closePreview(box: SearchBoxView): void {
  box.preview.hidden = true;
  box.input.setAttribute('aria-expanded', 'false');
  box.input.removeAttribute('aria-activedescendant');
  box.active = -1;
}

/** Moves the choice to option k (wrapping round). */
export function choose(box: SearchBoxView, k: number): void {
  const list = options(box);
  if (list.length === 0) return;
  box.active = (k + list.length) % list.length;
  list.forEach((o, i) => o.setAttribute('aria-selected', String(i === box.active)));
  box.input.setAttribute('aria-activedescendant', list[box.active]?.id ?? '');
}

export interface Preview {
  q: string;
  loaded: LoadedHit[];
  /** Hits found so far, and whether that is all of them. */
  found: number;
  complete: boolean;
}

export function showPreview(box: SearchBoxView, p: Preview): void {
  const list = document.createElement('ol');
  list.setAttribute('role', 'listbox');
  list.id = 'site-search-options';
  list.setAttribute('aria-label', '检索建议');
  p.loaded.forEach((l, k) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = l.url;
    a.textContent = l.title;
    a.id = `site-search-option-${k}`;
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    a.tabIndex = -1;
    li.append(a);
    list.append(li);
  });
  const all = document.createElement('p');
  const link = document.createElement('a');
  link.href = `${box.form.action}?q=${encodeURIComponent(p.q)}`;
  link.textContent =
    p.found === 0
      ? '没有找到，去检索页调整条件'
      : p.complete
        ? `查看全部 ${p.found} 篇结果`
        : '查看全部结果';
  all.append(link);
  box.preview.replaceChildren(...(p.loaded.length > 0 ? [list] : []), all);
  box.preview.hidden = false;
  box.active = -1;
  box.input.removeAttribute('aria-activedescendant');
  box.input.setAttribute('aria-expanded', 'true');
}
