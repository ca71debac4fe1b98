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
import { button, el, required } from './dom.ts';
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

/** The print options' fields, by the name each has in the form. */
type OptionFields = Record<
  'cover' | 'meeting' | 'date' | 'organiser' | 'outline' | 'notes' | 'mynotes',
  HTMLInputElement
>;

/** The page's parts the builder reads and fills (src/pages/handout/index.astro). */
interface HandoutPage {
  controls: HTMLElement;
  list: HTMLOListElement;
  status: HTMLElement;
  share: HTMLInputElement;
  doc: HTMLElement;
  author: HTMLMetaElement;
  form: OptionFields;
}

/** One builder's state: the page, where its list comes from, the list, and which render is current. */
interface Builder {
  page: HandoutPage;
  base: string;
  params: URLSearchParams;
  /** Opened from a shared link: the list lives in the address, not in the reader's store. */
  fromLink: boolean;
  items: StoredItem[];
  /** The title the page had before a handout named it. */
  pageTitle: string;
  /** Increases with every render: an older one stops once its materials have loaded. */
  generation: number;
}

function findHandoutPage(): HandoutPage {
  const controls = required(document, '.handout-controls');
  const input = (name: string) => required<HTMLInputElement>(controls, `[name=${name}]`);
  return {
    controls,
    list: required<HTMLOListElement>(controls, '.handout-list'),
    status: required(controls, '.handout-status'),
    share: required<HTMLInputElement>(controls, '.handout-share'),
    doc: required(document, '#handout-document'),
    author: required<HTMLMetaElement>(document, 'meta[name="author"]'),
    form: {
      cover: input('cover'),
      meeting: input('meeting'),
      date: input('date'),
      organiser: input('organiser'),
      outline: input('outline'),
      notes: input('notes'),
      mynotes: input('mynotes'),
    },
  };
}

function fillOptions(form: OptionFields, options: HandoutOptions): void {
  form.cover.checked = options.cover;
  form.meeting.value = options.meeting;
  form.date.value = options.date;
  form.organiser.value = options.organiser;
  form.outline.checked = options.outline;
  form.notes.checked = options.notes;
}

function readOptions(form: OptionFields): HandoutOptions {
  return {
    cover: form.cover.checked,
    meeting: form.meeting.value,
    date: form.date.value,
    organiser: form.organiser.value,
    outline: form.outline.checked,
    notes: form.notes.checked,
  };
}

export function mountHandoutBuilder(base: string): void {
  const page = findHandoutPage();
  // A shared link (?items=…) shows its own selection; otherwise the reader's saved list.
  const params = handoutParams(location.search, location.hash);
  const fromLink = params.has('items');
  const items: StoredItem[] = fromLink
    ? itemsFromLocation(location.search, location.hash, base).map((i) => ({
        item: formatItem(i),
        title: '',
      }))
    : loadHandout();
  const builder: Builder = {
    page,
    base,
    params,
    fromLink,
    items,
    pageTitle: document.title,
    generation: 0,
  };
  fillOptions(page.form, optionsFromParams(params));
  required(page.controls, '.handout-from-link').hidden = !fromLink;
  listen(builder);
  persist(builder);
  void render(builder);
}

/** A change of option redraws the handout; print, keep and the share link do what they say. */
function listen(builder: Builder): void {
  const { controls, form, share, status } = builder.page;
  for (const field of Object.values(form))
    field.addEventListener('change', () => change(builder, builder.items));
  required(controls, '.handout-print').addEventListener('click', () => window.print());
  required(controls, '.handout-keep').addEventListener('click', () => {
    saveHandout(builder.items);
    status.textContent = '已保存为我的讲义。';
  });
  share.addEventListener('focus', () => share.select());
}

/** The list's items that name a material (a stored item that no longer parses is left out). */
function parsedItems(builder: Builder): HandoutItem[] {
  return builder.items
    .map((s) => parseItem(s.item, builder.base))
    .filter((i): i is HandoutItem => i !== null);
}

/** Keeps the list (in the address for a shared link, else in the store) and updates the share link. */
function persist(builder: Builder): void {
  const query = handoutQuery(parsedItems(builder), readOptions(builder.page.form));
  if (builder.fromLink) history.replaceState(null, '', query);
  else saveHandout(builder.items);
  const handoutPath = `${builder.base.replace(/\/?$/, '/')}handout/${query}`;
  builder.page.share.value = new URL(handoutPath, location.href).href;
}

/** A new list (null: the move was not possible, nothing changes): kept, then drawn. */
function change(builder: Builder, next: StoredItem[] | null): void {
  if (!next) return;
  builder.items = next;
  persist(builder);
  void render(builder);
}

/** Loads the materials, then draws the list and the printable document. */
async function render(builder: Builder): Promise<void> {
  const { page } = builder;
  const mine = ++builder.generation;
  document.documentElement.dataset.handout = 'loading';
  page.list.replaceChildren();
  const wanted = parsedItems(builder);
  if (wanted.length === 0) {
    page.status.textContent = '讲义还是空的。在任意文章或章节标题旁点“加入讲义”。';
    page.doc.replaceChildren();
    document.title = builder.pageTitle;
    document.documentElement.dataset.handout = 'empty';
    return;
  }
  page.status.textContent = `正在载入 ${wanted.length} 份材料……`;
  const { loaded, errors } = await loadItems(builder.base, wanted);
  if (mine !== builder.generation) return;
  builder.items.forEach((stored, i) => page.list.append(listEntry(builder, stored, i, loaded)));
  showDocument(builder, loaded, errors);
}

/** One material in the list: its name and reading time, and buttons to move or remove it. */
function listEntry(
  builder: Builder,
  stored: StoredItem,
  i: number,
  loaded: LoadedItem[],
): HTMLLIElement {
  const last = builder.items.length - 1;
  const l = loaded.find((x) => formatItem(x.item) === stored.item);
  const name = entryName(stored, l);
  // The name is kept so the list still reads well when a material cannot be loaded later.
  if (l && !stored.title) stored.title = name;
  const text = el(
    'span',
    '',
    l ? `${name}（约 ${readingMinutes(l.characters)} 分钟）` : `${name}（无法载入）`,
  );
  const remove = () =>
    change(
      builder,
      builder.items.filter((_, k) => k !== i),
    );
  const li = el('li');
  li.append(
    text,
    ' ',
    button('上移', () => change(builder, moveEntry(builder.items, i, i - 1)), {
      label: `把“${name}”上移`,
      disabled: i === 0,
    }),
    button('下移', () => change(builder, moveEntry(builder.items, i, i + 1)), {
      label: `把“${name}”下移`,
      disabled: i === last,
    }),
    button('移除', remove, { label: `从讲义中移除“${name}”` }),
  );
  return li;
}

/** The printable document, its title and author, and the status line. */
function showDocument(builder: Builder, loaded: LoadedItem[], errors: LoadError[]): void {
  const { page } = builder;
  const root = document.documentElement;
  const chosen = readOptions(page.form);
  page.doc.replaceChildren(...documentParts(chosen, loaded, page.form.mynotes.checked));
  document.title = handoutTitle(chosen, loaded, builder.pageTitle);
  // The page's markup gives the default author (the site's name).
  page.author.content = chosen.organiser.trim() || (page.author.dataset.default ?? '');
  page.status.textContent = handoutStatus(loaded, errors);
  root.dataset.handoutErrors = errors.map((e) => formatItem(e.item)).join(',');
  root.dataset.handout = errors.length ? 'error' : 'ready';
}

/** The handout's pages in order: cover, outline, each material (with the reader's notes), questions, notes. */
function documentParts(
  chosen: HandoutOptions,
  loaded: LoadedItem[],
  withMyNotes: boolean,
): HTMLElement[] {
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
  const store = withMyNotes ? browserStore() : null;
  const readerNotes = store ? loadNotes(store) : [];
  for (const l of loaded) {
    parts.push(l.element);
    const notes = store && handoutNotesSection(readerNotes, l.item.article, l.item.section);
    if (notes) parts.push(notes);
  }
  const questions = questionsPage(loaded);
  if (questions) parts.push(questions);
  if (chosen.notes) parts.push(notesPage());
  return parts;
}
