import { describe, expect, it } from 'vitest';
import { pdfLines, type PageText, type TextRun } from '../../scripts/ingest/stages/pdf-layout.ts';
import { pageRuns, pdfToLines } from '../../scripts/ingest/stages/pdf.ts';
import { decodeTextString, markedContent } from '../../scripts/ingest/stages/pdf-actual-text.ts';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { isSimplified, unifyRadicals, unshareGlyphs } from '../../src/core/pdf-text-layer.ts';

/**
 * Pages built run by run, as a PDF's text layer gives them: A4 (595 × 842), body type 10.5 on a
 * 17-unit pitch, columns 40 characters wide in all. Each line of a column is written as it is set:
 * "　　" in front marks the two-character indent, a line shorter than the column stops short of it.
 */
const SIZE = 10.5;
const LEFT = 51;
const WIDTH = 493;
const GUTTER = 26;

interface Block {
  lines: string[];
  /** Set across the whole text block, centred (a title, a banner, an author line). */
  span?: boolean;
  size?: number;
}

function columnRuns(lines: string[], column: number, columns: number, top: number): TextRun[] {
  const width = (WIDTH - GUTTER * (columns - 1)) / columns;
  const left = LEFT + column * (width + GUTTER);
  return lines.map((raw, i) => {
    const indent = raw.match(/^\u3000*/)?.[0].length ?? 0;
    const text = raw.slice(indent);
    const x0 = left + indent * SIZE;
    const full = [...text].length + indent >= Math.floor(width / SIZE);
    return {
      text,
      x0,
      x1: full ? left + width : x0 + [...text].length * SIZE,
      y: top - i * 17,
      size: SIZE,
    };
  });
}

/** A page: spanning blocks and column bands from the top down, with a running head and a folio. */
function page(n: number, bands: (Block | string[][])[], furniture = true): PageText {
  const runs: TextRun[] = [];
  let top = 760;
  for (const band of bands) {
    if (Array.isArray(band)) {
      band.forEach((lines, c) => runs.push(...columnRuns(lines, c, band.length, top)));
      top -= Math.max(...band.map((l) => l.length)) * 17 + 10;
    } else
      for (const text of band.lines) {
        const size = band.size ?? 17;
        const width = [...text].length * size;
        runs.push({
          text,
          x0: LEFT + (WIDTH - width) / 2,
          x1: LEFT + (WIDTH + width) / 2,
          y: top,
          size,
        });
        top -= size * 1.6;
      }
  }
  if (furniture)
    runs.push(
      { text: '政协天地 2024年第11期', x0: 250, x1: 345, y: 800, size: 8 },
      { text: `— ${n} —`, x0: 287, x1: 308, y: 30, size: 8 },
    );
  return { page: n, runs };
}

const texts = (pages: PageText[]) => pdfLines(pages).map((l) => l.text);

/** Paragraphs set in lines of `chars` characters, each first line indented by two. */
function set(paragraphs: string[], chars: number): string[] {
  return paragraphs.flatMap((p) => {
    const text = [...`\u3000\u3000${p}`];
    const lines: string[] = [];
    for (let i = 0; i < text.length; i += chars) lines.push(text.slice(i, i + chars).join(''));
    return lines;
  });
}

const SENTENCES = [
  '针对有效需求不足的突出矛盾，多措并举扩投资促消费稳外贸。',
  '去年终端消费直接受到冲击，投资也受到影响。',
  '加快地方政府专项债券发行使用，依法盘活用好专项债务结存限额。',
  '财税、金融、投资等政策更加注重稳就业。',
];
const PARAGRAPHS = [0, 1, 2, 3, 4, 5].map((i) => SENTENCES.slice(i % 4).join('') + SENTENCES[0]);

describe('PDF reading order (constructed pages)', () => {
  it('reads two columns top to bottom, left then right; a paragraph runs on from the foot of the left column', () => {
    const lines = set(PARAGRAPHS.slice(0, 3), 22);
    const half = Math.ceil(lines.length / 2) - 1;
    expect(texts([page(1, [[lines.slice(0, half), lines.slice(half)]])])).toEqual(
      PARAGRAPHS.slice(0, 3),
    );
  });

  it('reads a title and author line that span the columns before the columns beneath them, in three columns', () => {
    const lines = set(PARAGRAPHS, 14);
    const third = Math.ceil(lines.length / 3);
    const cols = [0, 1, 2].map((c) => lines.slice(c * third, (c + 1) * third));
    const read = pdfLines([
      page(1, [{ lines: ['扩大有效需求 增强发展动力'] }, { lines: ['□ 王某某'], size: 11 }, cols]),
    ]);
    expect(read.map((l) => l.text)).toEqual([
      '扩大有效需求 增强发展动力',
      '□ 王某某',
      ...PARAGRAPHS,
    ]);
    expect(read.slice(2).every((l) => l.indented)).toBe(true);
  });

  it('reads a title set on two centred lines, the first full, as one line', () => {
    const title = [
      '关于进一步加强和改进新时代人民政协委员履职能力建设工作的'.padEnd(29, '的'),
      '若干意见和实施办法',
    ];
    const read = texts([page(1, [{ lines: title }, [set(PARAGRAPHS.slice(0, 2), 46)]], false)]);
    expect(read).toEqual([title.join(''), ...PARAGRAPHS.slice(0, 2)]);
  });

  it('runs a paragraph on from the last column of one page to the first of the next', () => {
    const lines = set(PARAGRAPHS.slice(0, 4), 22);
    const cut = [6, 12, 18];
    const read = texts([
      page(1, [[lines.slice(0, cut[0]), lines.slice(cut[0], cut[1])]]),
      page(2, [[lines.slice(cut[1], cut[2]), lines.slice(cut[2])]]),
    ]);
    expect(read).toEqual(PARAGRAPHS.slice(0, 4));
  });
});

describe('PDF page furniture (constructed pages)', () => {
  it('drops the running head and the folios of every page and no other text', () => {
    const lines = set(PARAGRAPHS, 22);
    const pages = [0, 1, 2].map((n) =>
      page(n + 1, [[lines.slice(n * 8, n * 8 + 4), lines.slice(n * 8 + 4, n * 8 + 8)]]),
    );
    const read = texts(pages);
    expect(read.join('')).not.toMatch(/政协天地|—/);
    expect(read.join('')).toBe(
      lines
        .slice(0, 24)
        .join('')
        .replace(/\u3000/g, ''),
    );
  });

  it('keeps a top or bottom line that neither repeats nor reads as a folio', () => {
    const lines = set(PARAGRAPHS.slice(0, 2), 40);
    const pages = [page(1, [[lines.slice(0, 2)]], false), page(2, [[lines.slice(2)]], false)];
    expect(texts(pages)).toEqual(PARAGRAPHS.slice(0, 2));
  });
});

describe('PDF line ends and spacing', () => {
  it('joins Chinese line ends without a space, keeps the word space between Latin words, and rejoins a number', () => {
    // Lines of 46 characters fill the column; the last one stops short.
    const first = `\u3000\u3000${'文'.repeat(34)}the Public`;
    const second = `domain，${'字'.repeat(38)}4`;
    const read = texts([page(1, [[[first, second, '0万亿元。']]], false)]);
    expect(read).toEqual([`${first.trim()} ${second}0万亿元。`]);
  });

  it('closes up letter-spacing in a banner, keeps the word gap of a short label', () => {
    const read = texts([
      page(
        1,
        [
          { lines: ['深 入 学 习 贯 彻 党 的 二 十 届 三 中 全 会 精 神'], size: 10 },
          { lines: ['履职 风采'] },
        ],
        false,
      ),
    ]);
    expect(read).toEqual(['深入学习贯彻党的二十届三中全会精神', '履职 风采']);
  });

  it('keeps the spaces of a line set tight and closes up a line spread between its characters (the 1998 and 2005 reports)', () => {
    const paragraphs = [
      // Set tight, the gaps are the text's own spaces (1998), even beside Chinese characters.
      '本届政府从1 9 9 3 年3 月就职，到现在已经五年了，任期即将结束。',
      '由于 “四人帮”的干扰破坏，不少地方党政军机关无法正常工作。',
      // Justified wide, every pair of characters has a gap: spacing (2005, two columns).
      '城镇 新 增 就 业 900 万 人 ， 城 镇 登 记 失 业 率 控 制 在4.6%。',
    ];
    const read = texts([page(1, [[paragraphs.map((p) => `\u3000\u3000${p}`)]], false)]);
    expect(read).toEqual([
      paragraphs[0],
      paragraphs[1],
      '城镇新增就业900万人，城镇登记失业率控制在4.6%。',
    ]);
  });
});

/** PDF.js text items of one baseline: glyph runs as [text, x] (10.5 type), marks as '<' (a sequence opens) and '>'. */
function items(...parts: ([string, number] | '<' | '>')[]): (TextItem | TextMarkedContent)[] {
  return parts.map((p) =>
    p === '<'
      ? { type: 'beginMarkedContentProps', tag: 'Span', id: '' }
      : p === '>'
        ? { type: 'endMarkedContent', id: '' }
        : {
            str: p[0],
            dir: 'ltr',
            width: p[0].trim() === '' ? 3.6 : [...p[0]].length * SIZE,
            height: SIZE,
            transform: [SIZE, 0, 0, SIZE, p[1], 700],
            fontName: 'f1',
            hasEOL: false,
          },
  );
}

describe('ActualText: the characters a PDF says it drew', () => {
  it('reads the marked-content sequences of a content stream in order, each with its ActualText', () => {
    const stream = [
      '/P <</MCID 0>> BDC BT /F1 10.5 Tf 0 0 Td',
      '/Span <</ActualText <FEFF6237>>> BDC <0012> Tj EMC',
      '(a (nested) \\) BDC string) Tj % BDC in a comment',
      '/Span <</ActualText (\\376\\377\\060\\000)>> BDC EMC EMC ET',
      'BI /W 1 /H 1 ID \u0000BDC\u00ff EI /Artifact BMC EMC',
    ].join('\n');
    expect(markedContent(stream)).toEqual([undefined, '户', '\u3000', undefined]);
    expect(decodeTextString('(\\(1\\) a\\\nb)')).toBe('(1) ab');
  });

  it('reads a glyph the font shares as the character drawn (1957 has both 户 and 戶), keeps the gap before it and an ideographic space PDF.js skipped', () => {
    const page = items(
      ['农', 100],
      '<',
      ['戶', 110.5],
      '>',
      ['和', 121],
      '<',
      ['戶', 131.5],
      '>',
      ['年', 142],
      '<',
      [' ', 152.5],
      ['⽉', 156.1],
      '>',
      '<',
      '>',
      [' ', 166.6],
      ['不够', 177.1],
    );
    const actual = ['户', undefined, '月', '\u3000'];
    expect(
      pageRuns(page, actual)
        .map((r) => r.text)
        .join('|'),
    ).toBe('农|户|和|戶|年| |月|\u3000|不够');
    // Sequences that cannot be matched one for one: the glyphs as the font maps them.
    expect(
      pageRuns(page, ['户'])
        .map((r) => r.text)
        .join(''),
    ).toBe('农戶和戶年 ⽉ 不够');
  });
});

describe('the text layer of CJK fonts', () => {
  it('reads Kangxi and supplement radicals as the ideographs the page shows', () => {
    expect(unifyRadicals('⼈⺠代表⼤会，⻓江⻩河')).toBe('人民代表大会，长江黄河');
  });

  it('gives 户 for the glyph it shares with 戶 in simplified text only, and — ／ for ― ∕ always', () => {
    expect(isSimplified('我们这个国家的住戶')).toBe(true);
    expect(unshareGlyphs('落戶，中国―东盟，1∕4，⸺', true)).toBe('落户，中国—东盟，1／4，——');
    expect(isSimplified('我們這個國家的住戶')).toBe(false);
    // A simplified text that keeps traditional forms (工商業, 資料) keeps its 戶 too.
    expect(isSimplified('社会主义工商業在生产資料私有制方面的改造，个体經济')).toBe(false);
    expect(unshareGlyphs('农戶', false)).toBe('农戶');
  });
});

describe('a file that is not a readable PDF', () => {
  it('is refused with an error naming the file: not a PDF, or damaged', async () => {
    await expect(
      pdfToLines(Buffer.from('<html>改了名的网页</html>'), '期刊/网页.pdf'),
    ).rejects.toThrow(/^期刊\/网页\.pdf: 不是 PDF 文件/);
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41)]);
    await expect(pdfToLines(broken, '期刊/坏.pdf')).rejects.toThrow(
      /^期刊\/坏\.pdf: PDF 文件已损坏/,
    );
  });
});
