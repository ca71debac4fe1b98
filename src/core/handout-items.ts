/**
 * A handout item names an article by its id (its path under /articles/) and, optionally, one section
 * of it: "zhengfu-gongzuo-baogao/2024nian-zhengfu-gongzuo-baogao#s2". The same strings go in
 * localStorage, in the shareable /handout/?items=… link and on the `npm run handout` command line.
 */
export interface HandoutItem {
  article: string;
  /** An anchor from rehype-section-anchors: s2 (一、) or s2-1 (（一）). */
  section?: string;
}

const SECTION = /^s\d+(?:-\d+)?$/;

/**
 * Reads an item however a reader may have copied it: "a/b#s2", "/articles/a/b/#s2", a full URL, or
 * with the site's base path in front. Returns null for anything that names no article or an
 * anchor that is not a section.
 */
export function parseItem(raw: string, base = '/'): HandoutItem | null {
  let text = raw.trim();
  if (!text) return null;
  try {
    if (/^[a-z]+:\/\//i.test(text)) {
      const u = new URL(text);
      text = u.pathname + u.hash;
    }
    text = decodeURIComponent(text);
  } catch {
    return null;
  }
  const hashAt = text.indexOf('#');
  let path = hashAt >= 0 ? text.slice(0, hashAt) : text;
  const section = hashAt >= 0 ? text.slice(hashAt + 1) : '';
  const cleanBase = base.replace(/^\/+|\/+$/g, '');
  path = path.replace(/^\/+|\/+$/g, '');
  if (cleanBase && path.startsWith(`${cleanBase}/`)) path = path.slice(cleanBase.length + 1);
  path = path.replace(/^articles\//, '');
  if (!path || path.includes('..') || !/^[\w\-/.\u3400-\u9fff]+$/u.test(path)) return null;
  if (section && !SECTION.test(section)) return null;
  return section ? { article: path, section } : { article: path };
}

export function formatItem(item: HandoutItem): string {
  return item.section ? `${item.article}#${item.section}` : item.article;
}

/**
 * The items of a shareable link. A `#` typed straight into the address (…?items=a#s2,b) starts the
 * URL fragment, so the fragment is read back as the rest of the list.
 */
export function handoutParams(search: string, hash: string): URLSearchParams {
  const params = new URLSearchParams(search);
  const raw = params.get('items');
  if (raw === null || !hash || raw.includes('#')) return params;
  // …?items=a#s2,b&notes=1 arrives as search "?items=a" and hash "#s2,b&notes=1": glue them back.
  return new URLSearchParams(search + hash.replace(/#/g, '%23'));
}

export function itemsFromLocation(search: string, hash: string, base = '/'): HandoutItem[] {
  const raw = handoutParams(search, hash).get('items');
  if (raw === null) return [];
  return raw
    .split(/[,，]/)
    .map((s) => parseItem(s, base))
    .filter((i): i is HandoutItem => i !== null);
}

/** `items=…` for a shareable link: slashes stay readable, each `#` becomes %23 so it survives. */
export function itemsQuery(items: HandoutItem[]): string {
  return `items=${items.map((i) => encodeURIComponent(formatItem(i)).replace(/%2F/gi, '/')).join(',')}`;
}

/** The print options, as the form shows them and the share link carries them (the reader's own notes never travel). */
export interface HandoutOptions {
  cover: boolean;
  meeting: string;
  date: string;
  organiser: string;
  outline: boolean;
  notes: boolean;
}

/** A cover with no meeting named still needs a line to print. */
export const DEFAULT_MEETING = '学习会';

export function optionsFromParams(params: URLSearchParams): HandoutOptions {
  return {
    cover: params.has('cover'),
    meeting: params.get('cover') ?? '',
    date: params.get('date') ?? '',
    organiser: params.get('organiser') ?? '',
    outline: params.get('outline') === '1',
    notes: params.get('notes') === '1',
  };
}

/** The query of a handout link: the items, then the options that are set (date and organiser only with a cover). */
export function handoutQuery(items: HandoutItem[], options: HandoutOptions): string {
  const q = new URLSearchParams();
  if (options.cover) q.set('cover', options.meeting.trim() || DEFAULT_MEETING);
  if (options.cover && options.date) q.set('date', options.date);
  if (options.cover && options.organiser.trim()) q.set('organiser', options.organiser.trim());
  if (options.outline) q.set('outline', '1');
  if (options.notes) q.set('notes', '1');
  const rest = q.toString();
  return `?${itemsQuery(items)}${rest ? `&${rest}` : ''}`;
}
