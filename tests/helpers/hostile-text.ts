import fc from 'fast-check';

/**
 * Everything pasted web pages and careless exports put into a source that MDX, Markdown or HTML
 * would read as code or markup. `globalThis.__pwned` marks the ones that would run if they ever did.
 */
export const HOSTILE_TOKENS = [
  '{',
  '}',
  '{alert(1)}',
  '{globalThis.__pwned = 1}',
  '{/* 注释 */}',
  '{...props}',
  'import x from "node:fs"',
  'import("node:fs")',
  'export const a = 1',
  'export default function X() {}',
  '<script>globalThis.__pwned = 1</script>',
  '<script src="x.js"></script>',
  '<style>body{display:none}</style>',
  '<img src=x onerror="globalThis.__pwned = 1">',
  '<div onclick="globalThis.__pwned = 1">',
  '</div>',
  '<a href="javascript:globalThis.__pwned = 1">链接</a>',
  '[点我](javascript:globalThis.__pwned=1)',
  '<iframe src="javascript:alert(1)">',
  '<Foo bar={1} />',
  '<>',
  '</>',
  '<政协>',
  '<b>粗</b>',
  'a<b',
  '# ',
  '## ',
  '###### ',
  '> ',
  '>> ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '| ',
  ' | ',
  '|---|',
  '---',
  '===',
  '___',
  '\\',
  '\\\\',
  '\\{',
  '\\n',
  '$',
  '$$',
  '$x^2$',
  '`',
  '``',
  '```',
  '```js',
  '~~~',
  '~~删除~~',
  '&amp;',
  '&lt;',
  '&gt;',
  '&#123;',
  '&#x7B;',
  '&nbsp;',
  '&copy;',
  '&',
  '&#0;',
  '&unknown;',
  '<!--',
  '-->',
  '<!-- 注释 -->',
  '<?php ?>',
  '<![CDATA[x]]>',
  '_',
  '*',
  '[',
  ']',
  '![',
  '(',
  ')',
  '[^1]',
  '[注]: http://x.y',
  'http://example.com',
  '<http://x.y>',
  'www.x.cn',
  ':',
  '"',
  "'",
  '%',
  '@',
  '^',
  '~',
  '=',
  ' ',
  '  ',
  '\t',
  '\u3000',
  '\u200B',
  '\u200D',
];

// Common characters of committee texts, traditional ones, CJK punctuation, characters outside the
// BMP and emoji (surrogate pairs and ZWJ sequences).
const CHINESE = [
  ...'政协委员履职协商民主建言资政凝聚共识调研报告提案会议人民团结发展改革制度中国特色社会主义新时代',
  ...'關於發揮協商會議團結奮鬥黨派為國這裡體現',
  ...'，。、；：？！“”‘’（）《》【】——…',
  '𠮷',
  '𪚥',
  '𡘙',
  '👍🏻',
  '👨‍👩‍👧',
  '🇨🇳',
  '😀',
];

const chineseRun = fc
  .array(fc.constantFrom(...CHINESE), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(''));
const fragment = fc.oneof(
  { arbitrary: chineseRun, weight: 2 },
  { arbitrary: fc.constantFrom(...HOSTILE_TOKENS), weight: 3 },
);
const line = fc.array(fragment, { minLength: 1, maxLength: 8 }).map((fs) => fs.join(''));

/**
 * A source: a fixed title line and first sentence, then random lines of Chinese and hostile syntax
 * with any line ends. The fixed opening keeps the header heuristics of split (subtitle after a title,
 * "-->" read as a "--" dash) out of this property; they have their own tests. Paired ** is left out:
 * structure drops it on purpose (Word bold marks), a documented transform.
 */
export const hostileSource = fc
  .tuple(
    fc.array(line, { minLength: 1, maxLength: 12 }),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
  )
  .map(([lines, eol]) => `随机测试材料${eol}${eol}正文如下。${eol}${lines.join(eol)}${eol}`)
  .filter((text) => !text.includes('**'));

/**
 * What a reader must find, in order: every character of the source except white space (line ends,
 * indentation and the spaces a line join drops are layout in Chinese text, see normalise and mend)
 * and zero-width characters (kept in the text but invisible).
 */
export function visibleText(text: string): string {
  return text.replace(/[\s\u3000\u200B-\u200D\u2060\uFEFF]/g, '');
}
