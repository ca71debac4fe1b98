/**
 * What every page runs for the header search box: / focuses it, and the first focus loads the box's
 * behaviour (box.ts: previews, keys, input methods) and starts loading the search itself. Reading a
 * page therefore costs neither the search's bytes nor the box's: only this. On a page opened from a
 * result (?hl=…), the phrases are highlighted.
 */
import { SEARCH_BOX_FORM } from './box-form.ts';
import { watchInputMethod } from './ime-enter.ts';

export function startSearchBox(): void {
  if (new URLSearchParams(location.search).has('hl'))
    void import('./highlight.ts').then((m) => m.highlightFromUrl());
  const form = document.querySelector<HTMLFormElement>(SEARCH_BOX_FORM);
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) return;
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement;
    if (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) return;
    e.preventDefault();
    input.focus();
  });
  // From page load, not from when box.ts arrives: an input method's Enter while it loads would
  // submit the half-typed pinyin, and its pinyin would be previewed as if typed.
  const inputMethod = watchInputMethod(input);
  // Typing needs the focus first, so the box's behaviour is in place before the first key (or, on
  // a slow link, picks up what was typed meanwhile).
  input.addEventListener(
    'focus',
    () => void import('./box.ts').then((m) => m.attachSearchBox(inputMethod)),
    { once: true },
  );
}
