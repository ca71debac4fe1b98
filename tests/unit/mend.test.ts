import { describe, expect, it } from 'vitest';
import { continues, mend } from '../../scripts/ingest/stages/mend.ts';
import { normalise } from '../../scripts/ingest/stages/normalise.ts';
import { splitArticles } from '../../scripts/ingest/stages/split.ts';
import { fixtureLines } from '../helpers/fixtures.ts';

function bodyOf(rel: string, stem: string): string[] {
  return splitArticles(fixtureLines(rel), { fileStem: stem }).flatMap((d) =>
    mend(d.body).map((p) => p.text),
  );
}

describe('mend', () => {
  it('joins sentences cut by page breaks without a space', () => {
    const paragraphs = bodyOf('compilation/magazine-layout.txt', 'm');
    const joined = paragraphs.join('\n');
    expect(joined).toContain('推动机关干部特别是年轻干部深入基层。');
    expect(joined).toContain('各级党委、政府，要支持政协围绕大局开展协商。');
    expect(joined).not.toMatch(/机关干\n|党委、政\n/);
  });

  it('rejoins text around former hyperlinks ("李强所作的" / "政府工作报告" / "。")', () => {
    const stem = '第十四届全国人民代表大会第二次会议关于政府工作报告的决议';
    const [first] = bodyOf(`reports/${stem}.txt`, stem);
    expect(first).toMatch(
      /^第十四届全国人民代表大会第二次会议听取和审议了国务院总理李强所作的政府工作报告。会议充分肯定/,
    );
    const traditional = bodyOf('reports/1954年政府工作报告.txt', '1954').join('\n');
    expect(traditional).toContain('在聽了劉少奇同志關於憲法草案的報告並進行了三天的討論以後');
  });

  it('never joins across a finished sentence, a heading alone on its line, or into a new heading or point', () => {
    expect(continues('各位代表：', '现在，我代表国务院')).toBe(false);
    expect(continues('一、2023年工作回顾', '过去一年，是全面贯彻')).toBe(false);
    expect(continues('坚持守正', '（一）推动传统产业')).toBe(false);
    expect(continues('要做到', '一是旗帜鲜明讲政治。')).toBe(false);
    expect(continues('一、增强政治引领力。一是推动机关干', '部特别是')).toBe(true);
    expect(continues('已经光荣地完成了', '。')).toBe(true);
  });

  it('never joins a real report after a finished sentence, and joins only the cut hyperlink trailer', () => {
    const lines = fixtureLines('reports/2018年政府工作报告.txt');
    const paragraphs = mend(lines);
    const paragraphOfLine = new Map<number, number>();
    let at = 0;
    paragraphs.forEach((para, i) => {
      while (at < lines.length && para.text.includes(lines[at].text)) paragraphOfLine.set(at++, i);
    });
    expect(paragraphOfLine.size).toBe(lines.length);
    const joinedAfter = lines
      .filter((_, i) => i > 0 && paragraphOfLine.get(i) === paragraphOfLine.get(i - 1))
      .map((_, i) => i);
    for (let i = 1; i < lines.length; i++) {
      if (paragraphOfLine.get(i) !== paragraphOfLine.get(i - 1)) continue;
      expect(lines[i - 1].text).not.toMatch(/[。！？]$/);
      // In the 2018 report the only cut lines are the Wikisource licence note's lost links.
      expect(paragraphs[paragraphOfLine.get(i)!].text).toMatch(/本作品|公务演讲|Public domain/);
    }
    expect(joinedAfter.length).toBeGreaterThan(0);
  });
});

describe('mend and unnumbered headings', () => {
  const lines = (text: string) => normalise(text);

  // The 1957 report (../shared/corpus) sets its sub-topics as flush-left lines between blank lines,
  // and indents every paragraph: "关于教育改革问题" is a heading, not the start of a cut sentence.
  it('keeps a flush-left label between blank lines apart from the indented paragraph after it', () => {
    const text =
      '下面我想对于教育改革和向科学进军两个问题讲一些意见。\n\n\n关于教育改革问题\n\n\n　　一定的文化是一定社会的政治和经济在观念形态上的反映。\n';
    expect(mend(lines(text)).map((p) => p.text)).toEqual([
      '下面我想对于教育改革和向科学进军两个问题讲一些意见。',
      '关于教育改革问题',
      '一定的文化是一定社会的政治和经济在观念形态上的反映。',
    ]);
  });

  it('still joins a short fragment cut by a page break, whose continuation carries no indent', () => {
    const text = '　　我们要坚持\n\n\n以人民为中心的发展思想。\n';
    expect(mend(lines(text)).map((p) => p.text)).toEqual(['我们要坚持以人民为中心的发展思想。']);
  });

  it('still joins a flush-left fragment into a continuation that is not indented', () => {
    const text = '上文。\n\n关于教育改革\n\n问题的意见如下。\n';
    expect(mend(lines(text)).map((p) => p.text)).toEqual([
      '上文。',
      '关于教育改革问题的意见如下。',
    ]);
  });
});
