import fc from 'fast-check';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { docxToLines } from '../../scripts/ingest/stages/docx.ts';
import { memberReport } from '../fixtures/hostile/word.ts';
import { hostileSource, visibleText } from '../helpers/hostile-text.ts';
import { elementsOf, renderMdx, splitArticle, textOf } from '../helpers/render-mdx.ts';

describe('Word (.docx) sources go through the same pipeline', () => {
  it('turns heading styles and bold lead-ins into sections and sub-sections', async () => {
    const { articles, encoding } = await convertSource(
      '调研报告/委员履职.docx',
      await memberReport(),
    );
    expect(encoding).toBe('docx');
    expect(articles).toHaveLength(1);
    const { data, body } = splitArticle(articles[0].content);
    expect(data.title).toBe('关于提高委员履职能力的调研报告');
    expect(data.column).toBe('调研报告');
    const headings = body.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '## 一、总体情况',
      '### （一）履职质量有效提升。',
      '### （二）存在的不足',
      '## 二、下一步打算',
    ]);
    // The bold lead-in is split from the body text that shared its paragraph.
    expect(body).toMatch(/^全年共提交提案三百二十件。$/m);
  });

  it('shows markup typed into Word as text, runs nothing, and loses no word', async () => {
    const { articles } = await convertSource('委员履职.docx', await memberReport());
    const { body } = splitArticle(articles[0].content);
    const tree = await renderMdx(body);
    const shown = textOf(tree);
    expect(shown).toContain(
      '<script>globalThis.__pwned = 1</script>{alert(1)} & 1 < 2 &amp; `代码`。',
    );
    expect(elementsOf(tree).map((e) => e.tagName)).not.toContain('script');
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    for (const words of [
      '立案二百九十八件',
      '办复率百分之百',
      '第一行',
      '第二行（软回车后）。',
      '社情民意',
      '八十五篇',
      '数据来源：市政协办公室。',
    ]) {
      expect(visibleText(shown)).toContain(visibleText(words));
    }
  });

  it('makes every paragraph, table cell and soft line break a line, marks paragraph ends and heading styles, and drops the footnote back-link arrow', async () => {
    const lines = await docxToLines(await memberReport(), 'a.docx');
    const texts = lines.map((l) => l.text);
    expect(texts).toContain('提案');
    expect(texts).toContain('三百二十件');
    const soft = texts.indexOf('第二行（软回车后）。');
    expect(texts[soft - 1]).toBe('第一行');
    expect(lines[soft].gapBefore).toBe(false);
    expect(texts.join('')).not.toContain('↑');
    // What Word knows and a .txt does not, handed on for mend and structure: where a paragraph ends
    // for certain, and which lines carry a heading style.
    expect(lines[soft - 1].paragraphEnd).toBeUndefined();
    expect(lines[soft].paragraphEnd).toBe(true);
    expect(lines.filter((l) => l.headingStyle).map((l) => [l.text, l.headingStyle])).toEqual([
      ['一、总体情况', 2],
      ['（二）存在的不足', 3],
    ]);
  });

  it('says what is wrong with a .docx that is not one', async () => {
    await expect(docxToLines(Buffer.from('这不是 Word 文件。'), '假.docx')).rejects.toThrow(
      /假\.docx: 不是 Word 文件/,
    );
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    await expect(docxToLines(ole, '旧.docx')).rejects.toThrow(/旧版 \.doc 或加了密码/);
    const empty = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph({ text: '' })] }] }),
    );
    await expect(docxToLines(empty, '空.docx')).rejects.toThrow(/没有文字/);
  });

  it('brings random hostile text typed into Word paragraphs back as the same text', async () => {
    await fc.assert(
      fc.asyncProperty(hostileSource, async (text) => {
        const paragraphs = text
          .split(/\r\n|\r|\n/)
          .map((line) => new Paragraph({ children: [new TextRun(line)] }));
        const bytes = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
        const { articles } = await convertSource('随机.docx', bytes);
        let shown = '';
        for (const article of articles) {
          const { data, body } = splitArticle(article.content);
          const tree = await renderMdx(body);
          shown += ((data.header as string[] | undefined) ?? []).join('') + textOf(tree);
          expect(
            elementsOf(tree)
              .map((e) => e.tagName)
              .filter((t) => !['h2', 'h3', 'p', 'span', 'a'].includes(t)),
          ).toEqual([]);
        }
        expect(visibleText(shown)).toBe(visibleText(text));
      }),
      { numRuns: Number(process.env.HOSTILE_RUNS ?? 40) },
    );
  }, 120_000);
});
