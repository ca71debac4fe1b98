import { EDITORS_NOTE } from './split.ts';
import type { Paragraph } from '../../model/text.ts';

/**
 * A "【编者按】……" paragraph among the first of an article is the editor's note on it, not the
 * author's text: it is taken out of the body, its label dropped, and carried as the article's
 * editorsNote (the 编者按 study aid). Only the first three paragraphs are looked at: a quotation of
 * an editor's note further down is text.
 */
export function takeEditorsNote(paragraphs: Paragraph[]): {
  body: Paragraph[];
  editorsNote?: string;
  label?: string;
} {
  const at = paragraphs.slice(0, 3).findIndex((p) => EDITORS_NOTE.test(p.text));
  if (at < 0) return { body: paragraphs };
  const text = paragraphs[at].text;
  const label = EDITORS_NOTE.exec(text)![0];
  const note = text.slice(label.length).trim();
  if (note === '') return { body: paragraphs };
  return {
    body: [...paragraphs.slice(0, at), ...paragraphs.slice(at + 1)],
    editorsNote: note,
    label: label.trim(),
  };
}
