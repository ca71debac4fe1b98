import type { SectionDepth } from './sections.ts';
/** Shared knowledge of how Chinese committee texts are written: numbering, sentence ends. */

/** Every numeral a Chinese text prints: 〇 and 零, 一 … 九, 十 and 百, and 两 in amounts. */
export const CN_DIGITS = '〇零一二三四五六七八九十百两';
/** One numeral of a section, point or article number ("一、", "（十二）", "第一百条"), as a pattern's class. */
export const CN_NUMERAL = '[一二三四五六七八九十百]';
/** One of 一 … 九, as a pattern's class. */
export const CN_ONE_TO_NINE = '[一二三四五六七八九]';
/** One digit of a year written out in Chinese ("一九七八", "二〇二四"; 〇 in each form it is printed in). */
export const CN_YEAR_DIGIT = '[〇零○Ｏ一二三四五六七八九]';
/** One digit of a year as printed: Arabic, full-width or Chinese ("2024", "２０２４", "二〇二四"). */
export const YEAR_DIGIT = '[0-9０-９〇零○一二三四五六七八九]';
const NUM = `${CN_NUMERAL}+`;

/** "一、" opens a section (h2). */
export const SECTION_MARK = new RegExp(`^${NUM}、`);
/** "(一)" or "（一）" (half- or full-width, mixed too) opens a sub-section (h3). */
export const SUBSECTION_MARK = new RegExp(`^[(（]${NUM}[)）]`);
/**
 * "一是 / 二要 / 三则 …" opens a point, but only where a sentence can begin: "统一是" must not count.
 * Group 1 is what precedes the marker, group 2 the marker.
 */
export const POINT_MARK = new RegExp(
  `(^|[。；;：:！!？?”」\\s])(${NUM}(?:是|要|则|方面|个方面|来|看|抓|靠))(?![是的个])`,
  'g',
);
export const POINT_MARK_AT_START = new RegExp(
  `^${NUM}(?:是|要|则|方面|个方面|来|看|抓|靠)(?![是的个])`,
);

/** What cannot open a paragraph: text that starts with it was cut from the line before. */
export const CANNOT_START = /^[，,。.、；;：:！!？?）)」』”’》】…]/u;

/** What may end a paragraph that is whole; anything else before a break means the sentence goes on. */
export const TERMINAL = /[。！？!?…”’」』：:；;）)】》—]$/;

/** Sentence splitter that keeps the end marks (and closing quotes) on their sentence. */
export function sentences(text: string): string[] {
  return (
    text.match(/[^。！？!?；;]*(?:[。！？!?；;]+[”’」』）)]*|$)/g)?.filter((s) => s !== '') ?? []
  );
}

/** A numeral alone on its line ("一", "二" in the 1960 report) or "第一部分" also opens a section. */
// Only numbers a section can have: "十三五" alone on a line is a cut-off phrase, not section 135.
const SECTION_NUMBER = `(?:${CN_ONE_TO_NINE}|十${CN_ONE_TO_NINE}?|[二三四五六七八九]十${CN_ONE_TO_NINE}?)`;
export const BARE_SECTION = new RegExp(`^(?:${SECTION_NUMBER}|第${SECTION_NUMBER}(?:部分|章))$`);

/** Regulations: "第一章　总则" is a chapter (h2), "第一节　…" a section (h3), when the mark stands apart from what follows. */
export const CHAPTER_MARK = new RegExp(`^第${NUM}章(?:[\\s\u3000]|$)`, 'u');
export const REGULATION_SECTION_MARK = new RegExp(`^第${NUM}节(?:[\\s\u3000]|$)`, 'u');

export function headingLevel(raw: string): SectionDepth | undefined {
  const text = visible(raw);
  if (SECTION_MARK.test(text) || BARE_SECTION.test(text) || CHAPTER_MARK.test(text)) return 2;
  if (SUBSECTION_MARK.test(text) || REGULATION_SECTION_MARK.test(text)) return 3;
  return undefined;
}

/**
 * Numbered items that open a paragraph and become anchored points: an article of a regulation
 * ("第一条"), and "1." "1．" "（1）" "(1)" "①". "5.2%" is a number, not an item.
 */
export const ITEM_MARK_AT_START = new RegExp(
  `^(?:第${NUM}条|[0-9]{1,2}[.．](?![0-9])|[(（][0-9]{1,2}[)）]|[\u2460-\u2473])`,
  'u',
);
/** "第一条" opening a paragraph: the article of a regulation. */
export const ARTICLE_MARK_AT_START = new RegExp(`^第${NUM}条`, 'u');

/** Removes every kind of space (full-width ones included) that typesetting puts inside names: "李　强" → "李强". */
/** A line that reads as a title or a label by itself ("关于教育改革问题", "结束语"): short, and no punctuation at all. */
export const TITLE_LIKE = /^[^，,。；;：:！!？?、“”"（）()]{2,16}$/u;

export function squeezeSpaces(text: string): string {
  return text.replace(/[\s\u3000\u200B-\u200D\u2060\uFEFF]+/g, '');
}

/** Zero-width characters pasted in from web pages: invisible, so they never decide structure (they stay in the text). */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

export function visible(text: string): string {
  return text.replace(ZERO_WIDTH, '');
}

/** Han characters, including the supplementary planes (𠮷, 𪚥). */
export const HAN = /\p{Script=Han}/u;

const CN_NUM: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const CN_YEAR = new RegExp(`^${CN_YEAR_DIGIT}{4}$`, 'u');
const SMALL_NUMBER = new RegExp(`^(${CN_ONE_TO_NINE})?(十)?(${CN_ONE_TO_NINE})?$`, 'u');

/** "2024" / "２０２４" / "一九七八" → 2024 / 1978; "十二" / "二十六" → 12 / 26. */
export function parseNumber(text: string): number | undefined {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (CN_YEAR.test(text)) return Number([...text].map((c) => CN_NUM[c]).join(''));
  const m = SMALL_NUMBER.exec(text);
  if (!m || text === '') return undefined;
  const tens = m[2] ? (m[1] ? CN_NUM[m[1]] : 1) : 0;
  const ones = m[2] ? (m[3] ? CN_NUM[m[3]] : 0) : m[1] ? CN_NUM[m[1]] : 0;
  return tens * 10 + ones;
}

/** A section or sub-section mark at the start of a heading ("三、", "（十二）"); group 1 is its number. */
export const MARK_NUMBER = new RegExp(`^[(（]?(${NUM})[、)）]`, 'u');

/** The number a section or sub-section mark carries: "三、…" → 3, "（十二）…" → 12. */
export function markNumber(text: string): number | undefined {
  const m = MARK_NUMBER.exec(visible(text));
  return m ? parseNumber(m[1]) : undefined;
}

const BARE_MARK = new RegExp(`^(?:${NUM}、|[(（]${NUM}[)）])$`, 'u');

/** A mark with nothing after it ("一、" alone on its line): the export cut it from its text. */
export function isBareMark(text: string): boolean {
  return BARE_MARK.test(visible(text).trim());
}
