import { describe, expect, it } from 'vitest';
import { splitArticles } from '../../scripts/ingest/stages/split.ts';
import { fixtureLines } from '../helpers/fixtures.ts';

describe('splitArticles: a magazine compilation', () => {
  const drafts = splitArticles(fixtureLines('compilation/magazine-layout.txt'), {
    fileStem: 'magazine-layout',
  });

  it('finds every article, its column label, two-line title and author mark', () => {
    expect(drafts.map((d) => [d.column, d.title, d.authors])).toEqual([
      ['深入学习贯彻党的二十届三中全会精神', '凝心聚力建设现代化产业体系', ['王明']],
      ['学习笔记', '学思践悟新思想 实干担当谱新篇', ['李华']],
      ['履职思考', '发展新质生产力 推进新型工业化', ['赵强']],
      ['地方政协工作高质量发展机制建设专项研究', '地方政协履职成果转化运用机制研究', []],
    ]);
  });

  it('turns bylines into positions and keeps the byline as printed', () => {
    expect(drafts[0].byline).toBe('（作者系省政协委员，张掖市政协党组书记、主席）');
    expect(drafts[0].positions).toEqual(['省政协委员', '张掖市政协党组书记、主席']);
    expect(drafts[1].positions).toEqual(['正宁县政协主席']);
    expect(drafts[3].byline).toBeUndefined();
  });

  it('keeps every header line it consumed, so nothing of the source is lost', () => {
    expect(drafts[1].header).toEqual(['学习 笔记', '学思践悟新思想', '实干担当谱新篇', '□ 李 华']);
    const bodyText = drafts.flatMap((d) => d.body.map((l) => l.text)).join('');
    expect(bodyText).not.toMatch(/□|作者系/);
  });
});

describe('splitArticles: speeches and reports', () => {
  it('reads title, dated subtitle and a speaker split over two lines with full-width spaces', () => {
    const [d] = splitArticles(fixtureLines('reports/2024年政府工作报告.txt'), {
      fileStem: '2024年政府工作报告',
    });
    expect(d.title).toBe('政府工作报告');
    expect(d.titleFromFileName).toBe(false);
    expect(d.subtitle).toBe('2024年3月5日在第十四届全国人民代表大会第二次会议上');
    expect(d.authors).toEqual(['李强']);
    expect(d.positions).toEqual(['国务院总理']);
    expect(d.body[0].text).toBe('各位代表：');
  });

  it('takes the title from the file name when the file opens with the salutation', () => {
    for (const stem of ['1954年政府工作报告', '2003年政府工作报告', '2018年政府工作报告']) {
      const [d] = splitArticles(fixtureLines(`reports/${stem}.txt`), { fileStem: stem });
      expect(d.title).toBe(stem);
      expect(d.titleFromFileName).toBe(true);
      expect(d.body[0].text).toMatch(/^各位代表/);
    }
  });

  it('does not mistake a first sentence cut by a lost hyperlink for a title', () => {
    const stem = '第十四届全国人民代表大会第二次会议关于政府工作报告的决议';
    const [d] = splitArticles(fixtureLines(`reports/${stem}.txt`), { fileStem: stem });
    expect(d.title).toBe(stem);
    expect(d.body[0].text).toMatch(/^第十四届全国人民代表大会第二次会议听取和/);
  });

  it('uses the folder as the column of an unlabelled source', () => {
    const [d] = splitArticles(fixtureLines('reports/2003年政府工作报告.txt'), {
      fileStem: '2003年政府工作报告',
      defaultColumn: '政府工作报告',
    });
    expect(d.column).toBe('政府工作报告');
  });
});

describe('splitArticles: what is not a subtitle', () => {
  it('does not read pasted code ("-->", "---") under a title as a subtitle', () => {
    const lines = [
      { text: '代码样文字', line: 1, gapBefore: false },
      { text: '-->主', line: 3, gapBefore: true },
      { text: '---', line: 4, gapBefore: false },
    ];
    const [d] = splitArticles(lines, { fileStem: 'x' });
    expect(d.title).toBe('代码样文字');
    expect(d.subtitle).toBeUndefined();
    expect(d.body.map((l) => l.text)).toEqual(['-->主', '---']);
  });
});
