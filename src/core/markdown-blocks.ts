/**
 * Reads the headings and paragraphs of a generated article body (scripts/ingest/stages/emit.ts writes
 * only those, one per blank-line-separated block) without a Markdown parser: parsing every article
 * with remark costs ~70 ms for a long report, too much for keyword-in-context over a big archive.
 * Text comes out as the Markdown renderer reads it — backslash escapes and character references
 * resolved — which tests check against remark on the shipped articles and on hostile text.
 */
export type MarkdownBlock =
  { type: 'heading'; depth: number; text: string } | { type: 'paragraph'; text: string };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$/s;
const ESCAPE =
  /\\([!-/:-@[-`{-~])|&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
};

/**
 * A study aid the editorial layer put in the body (<EditorsNote>…</EditorsNote>): written at the
 * start of a line, its children indented. Text never starts a line with "<" (ingest escapes it).
 */
const STUDY_AID_BLOCK = /^<([A-Z][A-Za-z]*)\b[^\n]*\n[\s\S]*?^<\/\1>[ \t]*$/gm;

/**
 * The mark around a corrected place (<Erratum n="1">和</Erratum>, scripts/ingest/stages/errata.ts):
 * its tags go, its words stay. A "<" of the text itself is always escaped ("\<"), never a tag.
 */
export const ERRATUM_TAG = /(?<!\\)<\/?Erratum\b[^<>]*>/g;

/** The article's own text as readers get it: study aids are the editors', not the text's, and are left out; corrections are in. */
export function markdownBlocks(body: string): MarkdownBlock[] {
  return body
    .replace(/\r\n?/g, '\n')
    .replace(STUDY_AID_BLOCK, '')
    .replace(ERRATUM_TAG, '')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '')
    .map((block): MarkdownBlock => {
      const heading = HEADING.exec(block);
      if (heading) {
        // A closing run of #s after a space is not part of the heading ("## 标题 ##").
        const text = heading[2].replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
        return { type: 'heading', depth: heading[1].length, text: unescape(text) };
      }
      // Lines of a paragraph lose their leading indentation and trailing spaces, as in CommonMark.
      return {
        type: 'paragraph',
        text: unescape(
          block
            .split('\n')
            .map((l) => l.replace(/^[ \t]+/, ''))
            .join('\n')
            .replace(/[ \t]+$/, ''),
        ),
      };
    });
}

function unescape(text: string): string {
  return text.replace(ESCAPE, (all, escaped: string | undefined, ref: string | undefined) => {
    if (escaped) return escaped;
    if (ref!.startsWith('#')) {
      const code =
        ref![1] === 'x' || ref![1] === 'X'
          ? parseInt(ref!.slice(2), 16)
          : parseInt(ref!.slice(1), 10);
      return code === 0 || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
    }
    return NAMED[ref!] ?? all;
  });
}
