/**
 * Header search box behaviour: / focuses it; focusing loads the search (not before, so reading a
 * page costs no search bytes); typing suggests the first matches, but never while an input method
 * is composing characters (the Enter that confirms 新质 must not submit, nor the half-typed pinyin
 * be searched); arrow keys move through the suggestions, Enter opens the chosen one, Esc closes
 * them. Enter with none chosen goes to the search page. On a page opened from a result (?hl=…),
 * the phrases are highlighted.
 */

import type { Hit } from './hits.ts';

/** The search code itself loads with the first focus, not with every page a reader opens. */
const search = () => import('./load.ts');

const PREVIEW = 5;

export function startSearchBox(): void {
  if (new URLSearchParams(location.search).has('hl'))
    void import('./highlight.ts').then((m) => m.highlightFromUrl());
  const form = document.querySelector<HTMLFormElement>('[data-site-search]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const preview = form?.querySelector<HTMLElement>('[data-site-search-preview]');
  if (!form || !input || !preview) return;

  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement;
    if (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) return;
    e.preventDefault();
    input.focus();
  });
  input.addEventListener('focus', () => void search().then((m) => m.preloadPagefind()), {
    once: true,
  });

  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let composing = false;
  let active = -1;
  const options = () => [...preview.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  const close = () => {
    preview.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (k: number) => {
    const list = options();
    if (list.length === 0) return;
    active = (k + list.length) % list.length;
    list.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', list[active].id);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void showPreview(++run), 200);
  };

  input.addEventListener('compositionstart', () => {
    composing = true;
    clearTimeout(timer);
  });
  input.addEventListener('compositionend', () => {
    composing = false;
    schedule();
  });
  input.addEventListener('input', (e) => {
    // Mid-composition input is pinyin, not the reader's words yet.
    if (composing || (e as InputEvent).isComposing) return;
    schedule();
  });
  input.addEventListener('keydown', (e) => {
    // keyCode 229: the key went to the input method (some browsers send it after compositionend).
    if (composing || e.isComposing || e.keyCode === 229) {
      if (e.key === 'Enter') e.preventDefault();
      return;
    }
    if (e.key === 'Escape') close();
    else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !preview.hidden) {
      e.preventDefault();
      choose(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' && active >= 0 && !preview.hidden) {
      e.preventDefault();
      location.href = options()[active].href;
    }
  });
  // Belt and braces: no submit while composing, whatever the browser does with that Enter.
  form.addEventListener('submit', (e) => {
    if (composing) e.preventDefault();
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) close();
  });

  async function showPreview(mine: number): Promise<void> {
    const q = input!.value.trim();
    if (!q) {
      close();
      return;
    }
    const engine = await (await search()).loadEngine();
    // A few suggestions need only the newest bundles that hold them, not the whole archive's count.
    let hits: Hit[] = [];
    let complete = false;
    for await (const outcome of engine.progress(q, {})) {
      ({ hits, complete } = outcome);
      if (hits.length >= PREVIEW || mine !== run) break;
    }
    const loaded = (await Promise.all(hits.slice(0, PREVIEW).map((h) => h.load()))).filter(
      (l) => l !== undefined,
    );
    if (mine !== run || composing) return;
    const list = document.createElement('ol');
    list.setAttribute('role', 'listbox');
    list.id = 'site-search-options';
    list.setAttribute('aria-label', '检索建议');
    loaded.forEach((l, k) => {
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
    link.href = `${form!.action}?q=${encodeURIComponent(q)}`;
    link.textContent =
      hits.length === 0
        ? '没有找到，去检索页调整条件'
        : complete
          ? `查看全部 ${hits.length} 篇结果`
          : '查看全部结果';
    all.append(link);
    preview!.replaceChildren(...(loaded.length > 0 ? [list] : []), all);
    preview!.hidden = false;
    active = -1;
    input!.removeAttribute('aria-activedescendant');
    input!.setAttribute('aria-expanded', 'true');
  }
}
