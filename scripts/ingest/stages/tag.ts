import topicsData from '../../../src/data/topics.json' with { type: 'json' };
import { topicsFileSchema } from '../../../src/core/data-files.ts';
import { termSpellings } from '../../../src/language/glossary.ts';
import type { Block } from '../../model/text.ts';
import type { ArticleDraft } from './split.ts';
import { jieba, tfidf } from '../../../src/language/jieba.ts';
import { CN_NUMERAL, CN_YEAR_DIGIT, parseNumber } from '../../../src/core/chinese.ts';
import { readingMinutes } from '../../../src/core/reading-time.ts';
import * as OpenCC from 'opencc-js/t2cn';

// Vocabulary and glossary are written in simplified characters; 1950s texts are traditional.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const { topics } = topicsFileSchema.parse(topicsData);

/**
 * The year a National People's Congress session met: 第N届 began in these years, one session a year.
 * Resolutions name only their session ("第十四届全国人民代表大会第二次会议关于…的决议").
 */
const NPC_TERM_START = [
  1954, 1959, 1964, 1975, 1978, 1983, 1988, 1993, 1998, 2003, 2008, 2013, 2018, 2023,
];

const NPC_SESSION = new RegExp(`第(${CN_NUMERAL}+)届全国人民代表大会第(${CN_NUMERAL}+)次会议`, 'u');

export function npcSessionYear(text: string): number | undefined {
  const m = NPC_SESSION.exec(text);
  if (!m) return undefined;
  const [term, session] = [parseNumber(m[1]), parseNumber(m[2])];
  const start = term ? NPC_TERM_START[term - 1] : undefined;
  return start && session ? start + session - 1 : undefined;
}

export interface Tags {
  tags: string[];
  terms: string[];
  regions: string[];
  keywords: string[];
  date?: string;
  year?: number;
  occasion?: string;
  readingMinutes: number;
  characters: number;
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

const DATE = new RegExp(
  `([0-9０-９]{4}|${CN_YEAR_DIGIT}{4})年([0-9０-９]{1,2}|${CN_NUMERAL}{1,3})月([0-9０-９]{1,2}|${CN_NUMERAL}{1,3})日`,
  'u',
);

export function findDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [parseNumber(m[1]), parseNumber(m[2]), parseNumber(m[3])];
  if (!y || !mo || !d || mo > 12 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// A place at the head of a position: "张掖市政协党组书记" → 张掖市, "正宁县政协主席" → 正宁县.
const REGION =
  /^(\p{Script=Han}{2,8}?(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|地区|县|区|旗))(?=政协|人大|政府|人民|委|党|统战|.*(?:主席|书记|委员|主任|局长|部长|县长|市长))/u;
const NOT_PLACES = new Set(['省', '市', '县', '区', '全国', '地区']);

export function regionsOf(positions: string[]): string[] {
  const out: string[] = [];
  for (const p of positions) {
    const m = REGION.exec(p);
    if (m && !NOT_PLACES.has(m[1]) && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/**
 * Topic tags come only from the curated vocabulary: an article gets a topic when its spellings
 * occur often enough for the length of the text (once per 5,000 characters, at least twice) or in
 * the title. Long reports touch everything, so at most eight, the most mentioned first.
 */
function topicTags(title: string, text: string): string[] {
  const threshold = Math.max(2, Math.ceil(text.length / 5000));
  const scored = topics
    .map(({ topic, spellings }) => ({
      topic,
      n: spellings.reduce((sum, s) => sum + count(text, s), 0),
      inTitle: spellings.some((s) => title.includes(s)),
    }))
    .filter((t) => t.inTitle || t.n >= threshold)
    .sort(
      (a, b) =>
        Number(b.inTitle) - Number(a.inTitle) || b.n - a.n || a.topic.localeCompare(b.topic),
    );
  return scored.slice(0, 8).map((t) => t.topic);
}

function glossaryTerms(text: string): string[] {
  const found = new Set<string>();
  for (const { spelling, term } of termSpellings) if (text.includes(spelling)) found.add(term.term);
  return [...found].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
}

export function tag(draft: ArticleDraft, blocks: Block[], fileStem: string): Tags {
  const text = blocks.map((b) => b.text).join('\n');
  const simplified = toSimplified(`${draft.title}\n${text}`);
  const characters = [...text.replace(/\s/g, '')].length;
  const subtitle = draft.subtitle ?? '';
  // Besides the subtitle, only a dated note in brackets ("（2024年3月11日第十四届全国人民代表大会第二次会议通过）")
  // dates a text: a date in running prose is what the text talks about, not when it was given.
  const dateNote = [...blocks.slice(0, 2), ...blocks.slice(-2)].find((b) =>
    /^[（(][^（()）]{0,60}[)）]$/u.test(b.text),
  );
  const date =
    findDate(subtitle) ??
    (draft.dateLine ? findDate(draft.dateLine) : undefined) ??
    (dateNote ? findDate(dateNote.text) : undefined);
  const yearFromName = /^([0-9]{4})年/.exec(fileStem)?.[1];
  const occasion = /在(.+?)上(?:的讲话|的报告)?$/u.exec(subtitle)?.[1];
  const keywords = tfidf
    .extractKeywords(jieba, text, 12, ['n', 'nz', 'vn', 'nt', 'ns', 'l', 'i'])
    .map((k) => k.keyword)
    .filter((k) => [...k].length >= 2);
  return {
    tags: topicTags(toSimplified(draft.title), simplified),
    terms: glossaryTerms(simplified),
    regions: regionsOf(draft.positions),
    keywords: keywords.slice(0, 8),
    date,
    year: date
      ? Number(date.slice(0, 4))
      : yearFromName
        ? Number(yearFromName)
        : npcSessionYear(`${subtitle}${fileStem}`),
    occasion,
    readingMinutes: readingMinutes(characters),
    characters,
  };
}
