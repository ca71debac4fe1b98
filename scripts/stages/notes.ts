import type { Paragraph } from './mend.ts';

// How Wikisource-style licence notes open; what follows them to the end of the file is the same note.
const LICENCE_OPENING = /^本作品(?:是|来自|在)/u;

/**
 * Splits off a trailing licence note (“本作品是中华人民共和国的法律… Public domain false”) that
 * web copies append after the text. It is not part of the speech, so it must not be read aloud,
 * printed or searched as such; it is kept verbatim as the article's notes, never dropped.
 */
export function separateNotes(paragraphs: Paragraph[]): { body: Paragraph[]; notes: string[] } {
  const at = paragraphs.findIndex((p) => LICENCE_OPENING.test(p.text));
  if (at <= 0) return { body: paragraphs, notes: [] };
  return { body: paragraphs.slice(0, at), notes: paragraphs.slice(at).map((p) => p.text) };
}
