/**
 * PDFs set in CJK fonts often map a character's glyph back to the radical that shares it: the text
 * layer says "⼈⺠" (KANGXI RADICAL MAN, CJK RADICAL CIVILIAN) where the page shows 人民. The
 * Kangxi radicals have a compatibility mapping (NFKC); the supplement's are listed here, each with
 * the ideograph Unicode names as its equivalent (EquivalentUnifiedIdeograph.txt).
 */
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂',
  '⺅': '亻',
  '⺆': '冂',
  '⺉': '刂',
  '⺌': '小',
  '⺎': '兀',
  '⺏': '尣',
  '⺐': '尢',
  '⺒': '巳',
  '⺓': '幺',
  '⺖': '忄',
  '⺗': '心',
  '⺘': '扌',
  '⺙': '攵',
  '⺛': '旡',
  '⺝': '月',
  '⺞': '歺',
  '⺟': '母',
  '⺠': '民',
  '⺡': '氵',
  '⺢': '氺',
  '⺣': '灬',
  '⺤': '爫',
  '⺦': '丬',
  '⺧': '牛',
  '⺨': '犭',
  '⺩': '王',
  '⺪': '疋',
  '⺫': '罒',
  '⺬': '示',
  '⺭': '礻',
  '⺮': '竹',
  '⺯': '糹',
  '⺰': '纟',
  '⺱': '罓',
  '⺳': '网',
  '⺶': '羊',
  '⺹': '耂',
  '⺺': '肀',
  '⺻': '聿',
  '⺼': '肉',
  '⺽': '臼',
  '⺾': '艹',
  '⻁': '虎',
  '⻂': '衤',
  '⻃': '覀',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻋': '车',
  '⻌': '辶',
  '⻏': '阝',
  '⻐': '钅',
  '⻑': '長',
  '⻒': '镸',
  '⻓': '长',
  '⻔': '门',
  '⻖': '阝',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻟': '飠',
  '⻠': '饣',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻲': '亀',
  '⻳': '龟',
};

const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/gu;

/** Radicals in a PDF's text layer → the ideographs the page shows. */
export function unifyRadicals(text: string): string {
  return text.replace(RADICAL, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

/**
 * Glyphs a CJK font shares between two characters, which the text layer maps back to the one the
 * page does not mean (Chromium with Noto CJK does this; found by printing the 72 reports): the
 * dash — read as the horizontal bar ―, the double dash —— as ⸺, the full-width slash ／ as the
 * division slash ∕. Chinese text uses the first in each pair.
 */
const SHARED_GLYPHS: Record<string, string> = { '―': '—', '⸺': '——', '∕': '／' };
/** And 户, read as 戶: only a simplified text means 户. */
const SHARED_WITH_TRADITIONAL: Record<string, string> = { 戶: '户' };

const SHARED = new RegExp(`[${Object.keys(SHARED_GLYPHS).join('')}]`, 'gu');
const SHARED_TRADITIONAL = new RegExp(`[${Object.keys(SHARED_WITH_TRADITIONAL).join('')}]`, 'gu');

// Common characters written differently in simplified and traditional text.
const SIMPLIFIED_ONLY = /[们这国为会发过对说时个来业经资与实产]/gu;
const TRADITIONAL_ONLY = /[們這國為會發過對說時個來業經資與實產]/gu;

/** True for a text in simplified characters throughout: under one traditional form to 200 simplified (1957 mixes them 1 : 31 and means its 戶). */
export function isSimplified(text: string): boolean {
  const simplified = text.match(SIMPLIFIED_ONLY)?.length ?? 0;
  return simplified > 0 && (text.match(TRADITIONAL_ONLY)?.length ?? 0) * 200 < simplified;
}

/** Shared glyphs back to the characters the page shows; 戶 only in a simplified text. */
export function unshareGlyphs(text: string, simplified: boolean): string {
  const shown = text.replace(SHARED, (c) => SHARED_GLYPHS[c] ?? c);
  return simplified
    ? shown.replace(SHARED_TRADITIONAL, (c) => SHARED_WITH_TRADITIONAL[c] ?? c)
    : shown;
}
