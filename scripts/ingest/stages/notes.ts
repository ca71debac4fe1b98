import type { Paragraph } from '../../model/text.ts';

// How Wikisource-style licence notes open; what follows them to the end of the file is the same note.
const LICENCE_OPENING = /^本作品(?:是|来自|在)/u;
// What an editor appends in brackets after a speech or article: "（根据录音整理）", "（有删节）", "（原载《…》）".
export const EDITORIAL_NOTE =
  /^[(（](?:根据|据)?(?:录音|讲话录音|记录)整理[^()（）]{0,20}[)）]$|^[(（][^()（）]{0,30}(?:有删节|略有删节|摘编|节选|原载|刊于|标题为编者所加|编者有删改)[^()（）]{0,30}[)）]$/u;

/**
 * Splits off what follows the text without being part of it: a licence note web copies append
 * (“本作品是中华人民共和国的法律… Public domain false”, to the end of the file), and editors'
 * bracketed notes at the very end ("（根据录音整理）"). They must not be read aloud, printed or
 * searched as the text; they are kept verbatim as the article's notes, never dropped.
 */
export function separateNotes(paragraphs: Paragraph[]): { body: Paragraph[]; notes: string[] } {
  let end = paragraphs.findIndex((p) => LICENCE_OPENING.test(p.text));
  if (end <= 0) end = paragraphs.length;
  let at = end;
  while (at > 1 && EDITORIAL_NOTE.test(paragraphs[at - 1].text.trim())) at--;
  if (at === paragraphs.length) return { body: paragraphs, notes: [] };
  return { body: paragraphs.slice(0, at), notes: paragraphs.slice(at).map((p) => p.text) };
}
