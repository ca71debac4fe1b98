import { pinyin } from 'pinyin-pro';

const MAX_LENGTH = 72;

/**
 * What a slug needs from the runtime: a word segmenter (jieba, native) and a hex digest (SHA-1), so
 * the rule itself stays pure and the browser or a test could supply its own.
 */
export interface SlugTools {
  words(text: string): string[];
  digest(text: string): string;
}

/**
 * Chinese text → a readable ASCII URL segment: words in pinyin without tones, joined by hyphens
 * ("2024年政府工作报告" → "2024nian-zhengfu-gongzuo-baogao"). ASCII survives being pasted into chat,
 * where Chinese paths turn into %E6%94%BF… .
 */
export function romanisedSlug(text: string, tools: SlugTools): string {
  const normalised = text.normalize('NFKC');
  const words = tools.words(normalised);
  // pinyin-pro reads polyphones from the whole phrase (重庆 → chong qing), so romanise once, then regroup by word.
  const syllables = pinyin(normalised, {
    toneType: 'none',
    type: 'array',
    v: true,
    nonZh: 'removed',
  });
  let next = 0;
  const parts: string[] = [];
  for (const word of words) {
    const romanised = word.replace(/\p{Script=Han}/gu, () => syllables[next++] ?? '');
    const clean = romanised.toLowerCase().replace(/[^a-z0-9]+/g, '');
    if (clean === '') continue;
    // Numbers stay glued to their measure word: "2024nian", "di14jie".
    const last = parts.at(-1);
    if (last !== undefined && (/\d$/.test(last) || last === 'di')) parts[parts.length - 1] += clean;
    else parts.push(clean);
  }
  let slug = parts.join('-');
  // A cut slug could meet another cut the same way: a hash of the whole text keeps them apart.
  if (slug.length > MAX_LENGTH)
    slug = `${slug.slice(0, MAX_LENGTH).replace(/-[^-]*$/, '')}-${tools.digest(text).slice(0, 6)}`;
  return slug || 'wenzhang';
}
