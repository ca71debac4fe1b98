/**
 * Header search box behaviour: / focuses it; focusing loads Pagefind (not before, so reading a
 * page costs no search bytes); typing previews the first matches; Enter goes to the search page.
 * On a page opened from a result (?hl=…), the phrases are highlighted.
 */
// Pagefind's loader is fetched on first use, so an article page runs no search code before the reader
// reaches for the box (6 KB less script on every page).
const loadEngine = () => import('./load.ts').then((m) => m.loadEngine());

const PREVIEW = 5;

export function startSearchBox(): void {
  if (new URLSearchParams(location.search).has('hl')) void import('./highlight.ts').then((m) => m.highlightFromUrl());
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
  input.addEventListener('focus', () => void loadEngine().catch(() => undefined), { once: true });

  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void showPreview(++run), 200);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') preview.hidden = true;
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) preview.hidden = true;
  });

  async function showPreview(mine: number): Promise<void> {
    const q = input!.value.trim();
    if (!q) {
      preview!.hidden = true;
      return;
    }
    const engine = await loadEngine();
    const { hits } = await engine.run(q, {});
    const loaded = (await Promise.all(hits.slice(0, PREVIEW).map((h) => h.load()))).filter((l) => l !== undefined);
    if (mine !== run) return;
    const list = document.createElement('ol');
    for (const l of loaded) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = l.url;
      a.textContent = l.title;
      li.append(a);
      list.append(li);
    }
    const all = document.createElement('p');
    const link = document.createElement('a');
    link.href = `${form!.action}?q=${encodeURIComponent(q)}`;
    link.textContent = hits.length > 0 ? `查看全部 ${hits.length} 篇结果` : '没有找到，去检索页调整条件';
    all.append(link);
    preview!.replaceChildren(...(loaded.length > 0 ? [list] : []), all);
    preview!.hidden = false;
  }
}
