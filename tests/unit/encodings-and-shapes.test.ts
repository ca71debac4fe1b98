import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { decode } from '../../scripts/ingest/stages/decode.ts';
import {
  encodedVariants,
  hostileText,
  longLineText,
  nonBmpVariants,
  unreadableSources,
} from '../fixtures/hostile/fixtures.ts';
import { visibleText } from '../helpers/hostile-text.ts';
import { SOURCES } from '../helpers/paths.ts';
import { renderMdx, splitArticle, textOf } from '../helpers/render-mdx.ts';

/** Each article of a source as a reader gets it: front matter, and the rendered body text. */
async function read(name: string, bytes: Uint8Array) {
  const converted = await convertSource(name, bytes);
  return Promise.all(
    converted.articles.map(async (a) => {
      const { data, body } = splitArticle(a.content);
      return {
        slug: a.slug,
        data,
        body,
        text: textOf(await renderMdx(body)),
        encoding: converted.encoding,
      };
    }),
  );
}

describe('every encoding an office PC saves in gives the same articles', () => {
  const variants = encodedVariants();
  const expected = {
    'utf-8.txt': 'utf-8',
    'utf-8-bom.txt': 'utf-8-bom',
    'utf-16le-bom.txt': 'utf-16le',
    'utf-16be-bom.txt': 'utf-16be',
    'gbk.txt': 'gb18030',
    'gb18030.txt': 'gb18030',
    'crlf.txt': 'utf-8',
    'cr.txt': 'utf-8',
    'gbk-crlf.txt': 'gb18030',
  } as const;

  it.each(Object.keys(expected))('%s', async (name) => {
    const [utf8] = await read('材料.txt', variants['utf-8.txt']);
    const [article] = await read('材料.txt', variants[name]);
    expect(article.encoding).toBe(expected[name as keyof typeof expected]);
    expect(article.body).toBe(utf8.body);
    expect(article.data).toEqual(utf8.data);
    // Nothing lost on the way: every visible character of the text is on the page.
    expect(visibleText(article.data.header + article.text)).toBe(
      visibleText(hostileText('委员履职心得.txt')),
    );
    expect(article.body).toMatch(/^## 一、总体情况$/m);
    expect(article.body).toMatch(/^### （二）存在的不足$/m);
  });

  it('reads a real traditional-character report saved as GBK, UTF-16 and UTF-8 alike', async () => {
    const text = fs.readFileSync(path.join(SOURCES, '政府工作报告/1954年政府工作报告.txt'), 'utf8');
    const bodies = await Promise.all(
      [
        Buffer.from(text),
        iconv.encode(text, 'gbk'),
        Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]),
      ].map(async (bytes) => (await read('1954.txt', bytes)).map((a) => a.body).join('\n')),
    );
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toBe(bodies[0]);
  });
});

describe('messy shapes', () => {
  it('keeps traditional characters traditional', async () => {
    const [article] = await read('繁體字.txt', Buffer.from(hostileText('繁體字.txt')));
    expect(article.data.title).toBe('關於發揮人民政協作用的幾點體會');
    expect(article.body).toMatch(/^## 一、團結一致，共同奮鬥$/m);
    expect(article.text).toContain('這裡的「協商」二字，體現了社會主義民主的特點。');
    expect(article.text).not.toMatch(/团结|协商会议|这里/);
  });

  it.each(Object.keys(nonBmpVariants()))(
    'keeps characters outside the BMP, emoji and zero-width joiners (%s)',
    async (name) => {
      const [article] = await read(name, nonBmpVariants()[name]);
      for (const s of [
        '𠮷',
        '𪚥',
        '𡘙',
        '𬌗',
        '👍🏻',
        '👨\u200D👩\u200D👧',
        '🇨🇳',
        '政\u200B协',
        '委\u200C员',
        '履\u2060职',
        '李　强',
      ]) {
        expect(article.text).toContain(s);
      }
      expect(visibleText(article.data.header + article.text)).toBe(
        visibleText(hostileText('生僻字与表情.txt')),
      );
    },
  );

  it('treats zero-width and full-width spaces at line edges as layout, not text', async () => {
    const [article] = await read('生僻字与表情.txt', Buffer.from(hostileText('生僻字与表情.txt')));
    const paragraphs = article.body.trim().split('\n\n');
    for (const p of paragraphs)
      expect(p).not.toMatch(
        /^[\s\u3000\u200B-\u200D\u2060\uFEFF]|[\s\u3000\u200B-\u200D\u2060\uFEFF]$/,
      );
    // The line holding only a zero-width space is blank, so it opens no paragraph of its own.
    expect(paragraphs.some((p) => p.startsWith('网页粘贴的文字里'))).toBe(true);
  });

  it('takes a single 60,000-character line whole, as one paragraph', async () => {
    const [article] = await read('长行.txt', Buffer.from(longLineText()));
    expect(article.data.characters).toBe(60_000);
    expect(article.body.trim().split('\n')).toHaveLength(1);
    expect(visibleText(article.text)).toHaveLength(60_000);
  });

  it('makes a source with no headings one article of plain paragraphs titled by its file name', async () => {
    const [article] = await read(
      '社区养老/没有小标题.txt',
      Buffer.from(hostileText('没有小标题.txt')),
    );
    expect(article.data.title).toBe('没有小标题');
    expect(article.data.titleFromFileName).toBe(true);
    expect(article.body).not.toMatch(/^#/m);
    expect(article.body.trim().split('\n\n')).toHaveLength(3);
    expect(visibleText(article.text)).toBe(visibleText(hostileText('没有小标题.txt')));
  });

  it('gives two sources with the same title two distinct pages whose addresses depend only on their paths', async () => {
    const bytes = Buffer.from(hostileText('委员履职心得.txt'));
    const [a] = await read('张掖市政协/委员履职心得.txt', bytes);
    const [b] = await read('正宁县政协/委员履职心得.txt', bytes);
    const [c] = await read('张掖市政协/委员履职心得（修订稿）.txt', bytes);
    expect(a.data.title).toBe(b.data.title);
    expect(new Set([a.slug, b.slug, c.slug]).size).toBe(3);
    // Stable: converting again, alone, gives the same address.
    expect((await read('张掖市政协/委员履职心得.txt', bytes))[0].slug).toBe(a.slug);
  });
});

describe('decode refuses what it cannot read, and says why', () => {
  it.each(unreadableSources().filter((u) => u.name.endsWith('.txt')))(
    '$name',
    ({ name, bytes, reason }) => {
      expect(() => decode(bytes, name)).toThrow(reason);
      expect(() => decode(bytes, name)).toThrow(name);
    },
  );

  it('refuses UTF-16 that does not decode whole, instead of dropping bytes', () => {
    const text = iconv.encode('委员履职', 'utf-16le');
    const odd = Buffer.concat([Buffer.from([0xff, 0xfe]), text, Buffer.from([0x41])]);
    expect(() => decode(odd, 'a.txt')).toThrow(/UTF-16.*奇数|odd byte/);
    const lone = Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      iconv.encode('委员', 'utf-16be'),
      Buffer.from([0xd8, 0x00, 0x00, 0x41]),
    ]);
    expect(() => decode(lone, 'b.txt')).toThrow(/代理项|surrogate/);
  });

  it('names UTF-16 without a BOM rather than calling it just binary', () => {
    expect(() =>
      decode(iconv.encode(hostileText('委员履职心得.txt'), 'utf-16le'), 'c.txt'),
    ).toThrow(/没有 BOM 的 UTF-16/);
    expect(() =>
      decode(iconv.encode(hostileText('委员履职心得.txt'), 'utf-16be'), 'c.txt'),
    ).toThrow(/没有 BOM 的 UTF-16/);
  });

  it('refuses Big5 and Shift-JIS text that GB18030 would read as valid nonsense', () => {
    const text = fs.readFileSync(path.join(SOURCES, '政府工作报告/1954年政府工作报告.txt'), 'utf8');
    expect(() => decode(iconv.encode(text, 'big5'), 'big5.txt')).toThrow(/乱码|mojibake/);
    expect(() => decode(iconv.encode(text.slice(0, 3000), 'shift_jis'), 'sjis.txt')).toThrow(
      /乱码|mojibake|无法识别/,
    );
    // The same report in GBK is read, traditional characters and all.
    expect(decode(iconv.encode(text, 'gbk'), 'gbk.txt').text).toBe(text);
  });

  it('reads a file holding only a BOM as empty', () => {
    expect(() => decode(Buffer.from([0xef, 0xbb, 0xbf]), 'bom.txt')).toThrow(/空文件/);
  });
});
