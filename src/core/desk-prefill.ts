/**
 * What a desk link asks for, done to the editorial file's list of per-article edits before the
 * editor sees the form: the article's entry (added if the file has none yet) gets an erratum with
 * the found text, an accepted finding, an empty notice, or `publish: false`. The editor completes
 * it and saves; nothing is saved by opening the link.
 */
import type { DeskRequest } from './desk-link.ts';

/** One article's edits as the desk holds them: plain data, the editorial schema's field names. */
export type ArticleEditsDraft = Record<string, unknown> & { match?: string };

const sameTitle = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** The edits with the request applied, and the position of the article's entry in them. */
export function applyDeskRequest(
  edits: readonly ArticleEditsDraft[],
  request: DeskRequest,
): { edits: ArticleEditsDraft[]; at: number } {
  const next = edits.map((entry) => ({ ...entry }));
  let at = next.findIndex(
    (entry) => typeof entry.match === 'string' && sameTitle(entry.match, request.article),
  );
  if (at < 0) at = next.push({ match: request.article }) - 1;
  const entry = next[at];
  const listOf = (key: string) => (Array.isArray(entry[key]) ? (entry[key] as unknown[]) : []);
  switch (request.action) {
    case 'erratum':
      entry.errata = [...listOf('errata'), { find: request.find ?? '' }];
      break;
    case 'accept':
      entry.accept = [
        ...listOf('accept'),
        { kind: request.kind ?? '', ...(request.find ? { text: request.find } : {}) },
      ];
      break;
    case 'notice':
      entry.notice = typeof entry.notice === 'string' ? entry.notice : '';
      break;
    case 'withhold':
      entry.publish = false;
      break;
  }
  return { edits: next, at };
}
