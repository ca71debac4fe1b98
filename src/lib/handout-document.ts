import { formatItem, type HandoutItem } from '../core/handout-items.ts';
import { articlePath } from '../core/article-path.ts';
import { chineseDate } from '../core/dates.ts';
import { el } from './dom.ts';

/**
 * Builds a handout in the browser from the article pages themselves (fetched from the same site),
 * so a handout prints exactly what the article page prints, and a static site needs no second copy
 * of every text. Used by /handout/ and by the projection mode of a study session.
 */

export interface LoadedItem {
  item: HandoutItem;
  /** The article's title; for a section, the article's title too (the section heading follows). */
  title: string;
  /** The section heading, for a section item. */
  sectionTitle?: string;
  /** <article> ready to insert: title, the text, the print-only source line. */
  element: HTMLElement;
  /** Characters of text, spaces excluded, for a reading time. */
  characters: number;
  /** The article's 思考题 (study aid), taken out of the text: a handout prints them together on a page of their own at the end. */
  questions?: HTMLElement;
}

export interface LoadError {
  item: HandoutItem;
  message: string;
}

/** The handout shows reading times at the rate the articles were tagged with. */
export { readingMinutes } from '../core/reading-time.ts';

/** What never belongs in a handout: controls, navigation, search-index helpers. */
const STRIP =
  'script, style, button, nav, aside:not([data-study-aid]), form, input, .add-to-handout, .no-print, .copy-link, [hidden], [data-pagefind-ignore="all"]:not([data-study-aid])';

/** A study aid in an article body (src/components/StudyAid.astro). */
const STUDY_AID = '[data-study-aid]';

export function articlePageUrl(base: string, article: string): string {
  return `${base.replace(/\/?$/, '/')}${articlePath(article)}`;
}

const pages = new Map<string, Promise<Document>>();

async function fetchArticle(base: string, article: string): Promise<Document> {
  const address = articlePageUrl(base, article);
  let page = pages.get(address);
  if (!page) {
    page = fetch(address).then(async (res) => {
      if (!res.ok) throw new Error(`找不到文章（${res.status}）`);
      return new DOMParser().parseFromString(await res.text(), 'text/html');
    });
    pages.set(address, page);
  }
  return page;
}

/** A heading and everything up to the next heading of the same or a higher level. */
function sectionNodes(body: Element, id: string): Element[] | null {
  const heading = [...body.children].find((el) => el.id === id && /^H[23]$/.test(el.tagName));
  if (!heading) return null;
  const level = Number(heading.tagName[1]);
  const nodes = [heading];
  for (let el = heading.nextElementSibling; el; el = el.nextElementSibling) {
    // The 金句 and 思考题 after the text are the article's, not its last section's.
    if ((/^H[1-3]$/.test(el.tagName) && Number(el.tagName[1]) <= level) || el.matches(STUDY_AID))
      break;
    nodes.push(el);
  }
  return nodes;
}

/**
 * A section taken alone still tells readers what the editor told them of the whole text: the
 * 编者注 above it, and after it the 勘误 entries of the corrections marked in it.
 */
function withSectionsEditorial(body: Element, content: Element): void {
  const notice = body.querySelector('[data-study-aid="notice"]');
  if (notice) content.prepend(notice.cloneNode(true));
  const marked = new Set(
    [...content.querySelectorAll('.erratum-mark')].map((a) => a.getAttribute('href')?.slice(1)),
  );
  const errata = body.querySelector('[data-study-aid="errata"]')?.cloneNode(true) as
    Element | undefined;
  if (!errata || marked.size === 0) return;
  errata.querySelectorAll('.erratum-note').forEach((li) => {
    if (!marked.has(li.id)) li.remove();
  });
  content.append(errata);
}

/** One material of a handout: its text (or section) from the article page, with its source line. */
export async function loadItem(base: string, item: HandoutItem): Promise<LoadedItem> {
  const doc = await fetchArticle(base, item.article);
  const source = doc.querySelector('article');
  const body = source?.querySelector('.article-body');
  const h1 = source?.querySelector('h1');
  if (!source || !body || !h1) throw new Error('页面里没有文章');
  const title = h1.textContent?.trim() ?? item.article;

  const article = document.createElement('article');
  article.className = 'handout-item';
  article.dataset.item = formatItem(item);
  const header = document.createElement('header');
  header.append(h1.cloneNode(true));
  const subtitle = source.querySelector('.article-subtitle');
  if (subtitle && !item.section) header.append(subtitle.cloneNode(true));
  article.append(header);

  const content = document.createElement('div');
  content.className = 'article-body';
  let sectionTitle: string | undefined;
  if (item.section) {
    const nodes = sectionNodes(body, item.section);
    if (!nodes) throw new Error(`文章里没有第 ${item.section} 节`);
    sectionTitle = nodes[0].textContent?.trim();
    content.append(...nodes.map((n) => n.cloneNode(true)));
    withSectionsEditorial(body, content);
  } else {
    content.append(...[...body.childNodes].map((n) => n.cloneNode(true)));
  }
  content.querySelectorAll(STRIP).forEach((el) => el.remove());
  article.append(content);
  // A section item still brings its article's 思考题: the discussion is about the whole article.
  const questions = body.querySelector('[data-study-aid="questions"]')?.cloneNode(true) as
    HTMLElement | undefined;
  content.querySelector('[data-study-aid="questions"]')?.remove();

  // The source line (site, issue, column) under each text, as the printed article has it.
  const printSource = source.querySelector('.print-source');
  if (printSource) article.append(printSource.cloneNode(true));
  const characters = [...(content.textContent ?? '').replace(/\s/g, '')].length;
  return { item, title, sectionTitle, element: article, characters, questions };
}

/** Loads every item in order; a missing one is reported, never silently dropped. */
export async function loadItems(
  base: string,
  items: HandoutItem[],
): Promise<{ loaded: LoadedItem[]; errors: LoadError[] }> {
  const results = await Promise.allSettled(items.map((item) => loadItem(base, item)));
  const loaded: LoadedItem[] = [];
  const errors: LoadError[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') loaded.push(r.value);
    else
      errors.push({
        item: items[i],
        message: r.reason instanceof Error ? r.reason.message : String(r.reason),
      });
  });
  return { loaded, errors };
}

// The notes and record pages import chineseDate from here; it lives in src/core/dates.ts.
export { chineseDate };

export interface CoverDetails {
  meeting: string;
  date?: string;
  organiser?: string;
}

export function coverPage(details: CoverDetails, loaded: LoadedItem[]): HTMLElement {
  const cover = el('section', 'handout-cover');
  cover.append(el('p', 'handout-cover-kind', '学习材料'));
  cover.append(el('h1', 'handout-cover-title', details.meeting));
  const contents = el('ol', 'handout-cover-contents');
  for (const l of loaded)
    contents.append(el('li', '', l.sectionTitle ? `${l.title}：${l.sectionTitle}` : l.title));
  cover.append(contents);
  if (details.organiser) cover.append(el('p', 'handout-cover-organiser', details.organiser));
  if (details.date) cover.append(el('p', 'handout-cover-date', chineseDate(details.date)));
  return cover;
}

/**
 * The blank back of the cover. Printed both sides, the text then starts on a right-hand page, where
 * GB/T 9704 puts an odd page number; Chromium does not insert blank pages for break-before: right.
 */
export function coverVerso(): HTMLElement {
  const verso = el('div', 'handout-cover-verso');
  verso.setAttribute('aria-hidden', 'true');
  return verso;
}

/** The opening clause of a point: "一是加大宏观调控力度，推动经济运行持续好转。" */
function pointLead(point: Element): string {
  const paragraph = point.closest('p');
  if (!paragraph) return point.textContent ?? '';
  const range = document.createRange();
  range.setStartBefore(point);
  // The point is inside the paragraph, so it has a last child.
  range.setEndAfter(paragraph.lastChild ?? point);
  const rest = range.toString();
  const end = rest.search(/[。；！？]/);
  return end >= 0 ? rest.slice(0, end + 1) : rest;
}

/** An outline line holds a heading or the lead of a point, never a whole paragraph. */
export function outlineLine(text: string, max = 40): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const end = clean.search(/[。；！？]/);
  const sentence = end >= 0 ? clean.slice(0, end + 1) : clean;
  return [...sentence].length > max ? `${[...sentence].slice(0, max).join('')}……` : sentence;
}

/** 学习要点: each item's headings and its 一是/二是 points, in order, on one page where they fit. */
export function outlinePage(loaded: LoadedItem[]): HTMLElement {
  const outline = el('section', 'handout-outline');
  outline.append(el('h1', 'handout-outline-title', '学习要点'));
  for (const l of loaded) {
    // A paragraph, not a heading: the PDF outline bookmarks each article once, at its own title.
    outline.append(
      el('p', 'handout-outline-item', l.sectionTitle ? `${l.title}：${l.sectionTitle}` : l.title),
    );
    const list = el('ul', 'handout-outline-points');
    const headings = [
      ...l.element.querySelectorAll('.article-body h2, .article-body h3, .article-body .point'),
    ].filter((node) => !node.closest(STUDY_AID));
    // A section item's own heading is already the line above.
    if (l.sectionTitle && headings[0]?.tagName.startsWith('H')) headings.shift();
    for (const node of headings) {
      if (node.tagName === 'H2')
        list.append(el('li', 'outline-h2', outlineLine(node.textContent ?? '')));
      else if (node.tagName === 'H3')
        list.append(el('li', 'outline-h3', outlineLine(node.textContent ?? '')));
      else list.append(el('li', 'outline-point', outlineLine(pointLead(node))));
    }
    if (list.children.length > 0) outline.append(list);
  }
  return outline;
}

/**
 * 思考题 of every material, together on a page of their own at the end of the handout, each under its
 * article's title: a study session hands them out for the discussion. Null when no material has any.
 */
export function questionsPage(loaded: LoadedItem[]): HTMLElement | null {
  const withQuestions = loaded.filter(
    (l, i) => l.questions && loaded.findIndex((o) => o.title === l.title && o.questions) === i,
  );
  if (withQuestions.length === 0) return null;
  const page = el('section', 'handout-questions');
  page.append(el('h1', 'handout-questions-title', '思考题'));
  for (const l of withQuestions) {
    page.append(el('h2', 'handout-questions-item', l.title));
    const list = l.questions?.querySelector('ol, ul');
    if (list) page.append(list.cloneNode(true));
  }
  return page;
}

/** Ruled lines on the text grid for notes taken in the discussion. */
export function notesPage(lines = 20): HTMLElement {
  const notes = el('section', 'handout-notes');
  // h1: a top-level bookmark in the PDF, not a section of the last article.
  notes.append(el('h1', 'handout-notes-title', '讨论记录'));
  const ruled = el('div', 'handout-note-lines');
  for (let i = 0; i < lines; i++) ruled.append(el('div', 'handout-note-line'));
  notes.append(ruled);
  return notes;
}
