/** Characters a reader gets through in a minute when reading Chinese aloud-paced in a study session. */
export const READING_CHARS_PER_MINUTE = 400;

/** Minutes to read a text of `characters` (spaces excluded), at least one. */
export function readingMinutes(characters: number): number {
  return Math.max(1, Math.round(characters / READING_CHARS_PER_MINUTE));
}
