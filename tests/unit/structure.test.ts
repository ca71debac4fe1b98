import { describe, expect, it } from 'vitest';
import { mend } from '../../scripts/ingest/stages/mend.ts';
import { splitArticles } from '../../scripts/ingest/stages/split.ts';
import { structure } from '../../scripts/ingest/stages/structure.ts';
import type { Block } from '../../scripts/model/text.ts';
import { fixtureLines } from '../helpers/fixtures.ts';

const p = (text: string, line = 1) => ({ text, line });
const headings = (blocks: Block[]) =>
  blocks
    .filter((b) => b.type === 'heading')
    .map((b) => `h${b.type === 'heading' ? b.depth : ''} ${b.text}`);

describe('structure', () => {
  it('splits a heading that shares its line with body text after its first sentence', () => {
    expect(
      structure([p('一、增强政治引领力，推进政治共同体建设。一是旗帜鲜明讲政治。二是凝聚共识。')]),
    ).toEqual([
      { type: 'heading', depth: 2, text: '一、增强政治引领力，推进政治共同体建设。', line: 1 },
      { type: 'paragraph', text: '一是旗帜鲜明讲政治。二是凝聚共识。', line: 1 },
    ]);
  });

  it('splits at bold marks and drops them: "一、……现状**(一)履职质量有效提升**"', () => {
    const blocks = structure([
      p('一、现状**(一)履职质量有效提升**近年来成果丰硕。**(二)转化渠道不断拓宽**成果报送党委。'),
    ]);
    expect(blocks.map((b) => (b.type === 'heading' ? `h${b.depth}:${b.text}` : b.text))).toEqual([
      'h2:一、现状',
      'h3:(一)履职质量有效提升',
      '近年来成果丰硕。',
      'h3:(二)转化渠道不断拓宽',
      '成果报送党委。',
    ]);
    expect(blocks.some((b) => b.text.includes('**'))).toBe(false);
  });

  it('accepts half- and full-width brackets and keeps unpaired ** as text', () => {
    expect(
      headings(
        structure([p('一、总体要求'), p('(一)半角'), p('（二）全角'), p('（三)混合')]),
      ).slice(1),
    ).toEqual(['h3 (一)半角', 'h3 （二）全角', 'h3 （三)混合']);
    // A text numbered （一） above 一、 (the 1958 and 1981 reports): （n） are its sections, 一、 their parts.
    expect(headings(structure([p('(一)半角'), p('一、部分'), p('（二）全角')]))).toEqual([
      'h2 (一)半角',
      'h3 一、部分',
      'h2 （二）全角',
    ]);
    expect(structure([p('指数 2**10 很大。')])).toEqual([
      { type: 'paragraph', text: '指数 2**10 很大。', line: 1 },
    ]);
  });

  it('turns every numbered heading of a real report into a heading', () => {
    const [d] = splitArticles(fixtureLines('reports/2018年政府工作报告.txt'), { fileStem: '2018' });
    const hs = headings(structure(mend(d.body)));
    expect(hs.filter((h) => h.startsWith('h2'))).toEqual([
      'h2 一、过去五年工作回顾',
      'h2 二、2018年经济社会发展总体要求和政策取向',
      'h2 三、对2018年政府工作的建议',
    ]);
    expect(hs.filter((h) => h.startsWith('h3'))).toHaveLength(18);
    expect(hs[1]).toBe(
      'h3 （一）坚持稳中求进工作总基调，着力创新和完善宏观调控，经济运行保持在合理区间、实现稳中向好。',
    );
  });

  it('reads a numeral alone on its line (1960 report) as a section', () => {
    const [d] = splitArticles(fixtureLines('reports/1960年政府工作报告.txt'), { fileStem: '1960' });
    expect(headings(structure(mend(d.body)))).toEqual(['h2 一', 'h2 二', 'h2 三', 'h2 四']);
  });
});

describe('numbering that restarts inside a section', () => {
  it('nests a restarted 一、 run one level down and resumes the outer numbering (1955 report)', () => {
    const [d] = splitArticles(fixtureLines('reports/1955年政府工作报告.txt'), { fileStem: '1955' });
    const hs = headings(structure(mend(d.body)));
    const h2 = hs.filter((h) => h.startsWith('h2 ')).map((h) => h.slice(3, 5));
    expect(h2).toEqual(['一、', '二、', '三、', '四、']);
    // "一、" alone on its line is joined to the text it numbers, never an empty heading.
    expect(hs.every((h) => h.replace(/^h\d /, '').length > 3)).toBe(true);
    expect(hs).toContain('h3 一、开垦宜于耕种的荒地。');
  });
});
