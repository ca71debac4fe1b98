/**
 * The handout builder page (/handout/): the reader's list of materials, the print options, the
 * share link and the printable document. The rules (the link and its options are in
 * src/core/handout-items.ts; the status line and the PDF's title here) are pure functions with unit tests; mountHandoutBuilder
 * wires them to the page's elements.
 */
import {
  DEFAULT_MEETING,
  formatItem,
  handoutParams,
  handoutQuery,
  itemsFromLocation,
  optionsFromParams,
  parseItem,
  type HandoutItem,
  type HandoutOptions,
} from '../core/handout-items.ts';
import {
  coverPage,
  coverVerso,
  loadItems,
  notesPage,
  outlinePage,
  questionsPage,
  readingMinutes,
  type LoadError,
  type LoadedItem,
} from './handout-document.ts';
import { loadHandout, saveHandout, type StoredItem } from './handout-store.ts';
import { browserStore } from './local-store.ts';
import { handoutNotesSection } from './notes/handout-notes.ts';
import { loadNotes } from './notes/store.ts';

/** The list with one entry moved; null when the move would leave the list (the first cannot move up). */
export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] | null {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return null;
  const moved = [...list];
  const [entry] = moved.splice(from, 1);
  moved.splice(to, 0, entry);
  return moved;
}

/** How a material is named in the list: its title (and section), else what the reader saved, else the item itself. */
export function entryName(stored: StoredItem, loaded: LoadedItem | undefined): string {
  if (loaded) return loaded.sectionTitle ? `${loaded.title}：${loaded.sectionTitle}` : loaded.title;
  return stored.title || stored.item;
}

/** The status line once the materials have loaded: a total reading time, or which failed and why. */
export function handoutStatus(loaded: LoadedItem[], errors: LoadError[]): string {
  if (errors.length > 0)
    return `有 ${errors.length} 份材料无法载入：${errors.map((e) => `${formatItem(e.item)}（${e.message}）`).join('；')}`;
  const minutes = loaded.reduce((sum, l) => sum + readingMinutes(l.characters), 0);
  return `共 ${loaded.length} 份材料，约 ${minutes} 分钟读完。`;
}

/** Chromium prints document.title as the PDF's title: the meeting on the cover, else the first text. */
export function handoutTitle(
  options: HandoutOptions,
  loaded: LoadedItem[],
  pageTitle: string,
): string {
  if (options.cover) return options.meeting.trim() || DEFAULT_MEETING;
  return loaded[0]?.title ?? pageTitle;
}

function button(
  text: string,
  label: string,
  onClick: () => void,
  disabled = false,
): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

export function mountHandoutBuilder(base: string): void {
  const root = document.documentElement;
  const controls = document.querySelector<HTMLElement>('.handout-controls')!;
  const list = controls.querySelector<HTMLOListElement>('.handout-list')!;
  const status = controls.querySelector<HTMLElement>('.handout-status')!;
  const share = controls.querySelector<HTMLInputElement>('.handout-share')!;
  const doc = document.getElementById('handout-document')!;
  const author = document.querySelector<HTMLMetaElement>('meta[name="author"]')!;
  const pageTitle = document.title;
  const input = (name: string) => controls.querySelector<HTMLInputElement>(`[name=${name}]`)!;
  const form = {
    cover: input('cover'),
    meeting: input('meeting'),
    date: input('date'),
    organiser: input('organiser'),
    outline: input('outline'),
    notes: input('notes'),
    mynotes: input('mynotes'),
  };

  // A shared link (?items=…) shows its own selection; otherwise the reader's saved list.
  const params = handoutParams(location.search, location.hash);
  const fromLink = params.has('items');
  let items: StoredItem[] = fromLink
    ? itemsFromLocation(location.search, location.hash, base).map((i) => ({
        item: formatItem(i),
        title: '',
      }))
    : loadHandout();
  const initial = optionsFromParams(params);
  form.cover.checked = initial.cover;
  form.meeting.value = initial.meeting;
  form.date.value = initial.date;
  form.organiser.value = initial.organiser;
  form.outline.checked = initial.outline;
  form.notes.checked = initial.notes;
  controls.querySelector<HTMLElement>('.handout-from-link')!.hidden = !fromLink;

  const options = (): HandoutOptions => ({
    cover: form.cover.checked,
    meeting: form.meeting.value,
    date: form.date.value,
    organiser: form.organiser.value,
    outline: form.outline.checked,
    notes: form.notes.checked,
  });
  const parsed = (): HandoutItem[] =>
    items.map((s) => parseItem(s.item, base)).filter((i): i is HandoutItem => i !== null);

  function persist(): void {
    const query = handoutQuery(parsed(), options());
    if (fromLink) history.replaceState(null, '', query);
    else saveHandout(items);
    share.value = new URL(`${base.replace(/\/?$/, '/')}handout/${query}`, location.href).href;
  }

  function change(next: StoredItem[] | null): void {
    if (!next) return;
    items = next;
    persist();
    void render();
  }

  let generation = 0;
  async function render(): Promise<void> {
    const mine = ++generation;
    root.dataset.handout = 'loading';
    list.replaceChildren();
    const wanted = parsed();
    if (wanted.length === 0) {
      status.textContent = '讲义还是空的。在任意文章或章节标题旁点“加入讲义”。';
      doc.replaceChildren();
      document.title = pageTitle;
      root.dataset.handout = 'empty';
      return;
    }
    status.textContent = `正在载入 ${wanted.length} 份材料……`;
    const { loaded, errors } = await loadItems(base, wanted, params.get('site') ?? '');
    if (mine !== generation) return;

    items.forEach((stored, i) => {
      const l = loaded.find((x) => formatItem(x.item) === stored.item);
      const name = entryName(stored, l);
      if (l && !stored.title) stored.title = name;
      const li = document.createElement('li');
      const text = document.createElement('span');
      text.textContent = l
        ? `${name}（约 ${readingMinutes(l.characters)} 分钟）`
        : `${name}（无法载入）`;
      li.append(
        text,
        ' ',
        button('上移', `把“${name}”上移`, () => change(moveEntry(items, i, i - 1)), i === 0),
        button(
          '下移',
          `把“${name}”下移`,
          () => change(moveEntry(items, i, i + 1)),
          i === items.length - 1,
        ),
        button('移除', `从讲义中移除“${name}”`, () => change(items.filter((_, k) => k !== i))),
      );
      list.append(li);
    });

    const chosen = options();
    const parts: HTMLElement[] = [];
    if (chosen.cover)
      parts.push(
        coverPage(
          {
            meeting: chosen.meeting.trim() || DEFAULT_MEETING,
            date: chosen.date,
            organiser: chosen.organiser.trim(),
          },
          loaded,
        ),
        coverVerso(),
      );
    if (chosen.outline) parts.push(outlinePage(loaded));
    const store = form.mynotes.checked ? browserStore() : null;
    const readerNotes = store ? loadNotes(store) : [];
    for (const l of loaded) {
      parts.push(l.element);
      const notes = store && handoutNotesSection(readerNotes, l.item.article, l.item.section);
      if (notes) parts.push(notes);
    }
    const questions = questionsPage(loaded);
    if (questions) parts.push(questions);
    if (chosen.notes) parts.push(notesPage());
    doc.replaceChildren(...parts);
    document.title = handoutTitle(chosen, loaded, pageTitle);
    author.content = chosen.organiser.trim() || author.dataset.default!;
    status.textContent = handoutStatus(loaded, errors);
    root.dataset.handoutErrors = errors.map((e) => formatItem(e.item)).join(',');
    root.dataset.handout = errors.length ? 'error' : 'ready';
  }

  for (const field of Object.values(form)) field.addEventListener('change', () => change(items));
  controls.querySelector('.handout-print')!.addEventListener('click', () => window.print());
  controls.querySelector('.handout-keep')!.addEventListener('click', () => {
    saveHandout(items);
    status.textContent = '已保存为我的讲义。';
  });
  share.addEventListener('focus', () => share.select());
  persist();
  void render();
}
