/**
 * A link from the editors' proofreading page into the editors' desk (the CMS at /admin/, served by
 * `npm run dev` only), opening one article of one source with a form filled in. The proofreading
 * page writes these links and the desk reads them, so the format lives here once.
 */

/** What the editor wants to do about a finding. */
export type DeskAction =
  /** 改正: add an erratum whose `find` is the found text. */
  | 'erratum'
  /** 确认无误: accept the finding, so it is no longer reported. */
  | 'accept'
  /** 加编者注: add a notice shown to readers above the text. */
  | 'notice'
  /** 暂不刊出: withhold the article (`publish: false`). */
  | 'withhold';

export const DESK_ACTIONS: readonly DeskAction[] = ['erratum', 'accept', 'notice', 'withhold'];

export interface DeskRequest {
  action: DeskAction;
  /** The source file, relative to src/content/sources, with "/" separators ("期刊/学习与履职文选.txt"). */
  source: string;
  /** The article's title as ingest found it in that source (what the editorial file's `match` takes). */
  article: string;
  /** The found text (for erratum and accept). */
  find?: string;
  /** The finding's kind (for accept), as the proofreading report names it ("latin-in-chinese"). */
  kind?: string;
}

/** The desk's address below the site's base path. */
export const DESK_PATH = 'admin/';

/** The desk's address with the request in its query string (the CMS itself routes by the hash). */
export function deskLink(base: string, request: DeskRequest): string {
  const params = new URLSearchParams();
  for (const key of ['action', 'source', 'article', 'find', 'kind'] as const) {
    const value = request[key];
    if (value !== undefined) params.set(key, value);
  }
  return `${base}${DESK_PATH}?${params}`;
}

/** The request a desk link carries, or undefined when the query string holds none or a bad one. */
export function readDeskLink(search: string): DeskRequest | undefined {
  const params = new URLSearchParams(search);
  const action = params.get('action') as DeskAction | null;
  const source = params.get('source');
  const article = params.get('article');
  if (!action || !DESK_ACTIONS.includes(action) || !source || !article) return undefined;
  return {
    action,
    source,
    article,
    ...(params.has('find') ? { find: params.get('find') ?? '' } : {}),
    ...(params.has('kind') ? { kind: params.get('kind') ?? '' } : {}),
  };
}

/**
 * The desk's name for a source's editorial entry, used in the desk's own addresses
 * (`#/collections/editorial/entries/<name>`): the source path without its extension, with "~" for
 * "/" because the desk's router splits on "/".
 */
export function deskEntryName(source: string): string {
  return source.replace(/\.[^./]+$/, '').replaceAll('/', '~');
}

/** The desk's collections and custom widgets, named once for its configuration and its page. */
export const DESK_NAMES = {
  /** One entry per source: its editorial file. */
  editorialCollection: 'editorial',
  /** The data files: sessions, glossary, columns, topics. */
  dataCollection: 'data',
  /** The upload form. */
  uploadCollection: 'upload',
  /** The list of per-article edits, which fills in a desk link's request when it opens. */
  articlesWidget: 'desk-articles',
  /** Uploads a source into a column folder. */
  uploadWidget: 'desk-upload',
} as const;
