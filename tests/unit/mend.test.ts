import { describe, expect, it } from 'vitest';
import { continues, mend } from '../../scripts/ingest/stages/mend.ts';
import { splitArticles } from '../../scripts/ingest/stages/split.ts';
import { fixtureLines } from '../helpers/fixtures.ts';

function bodyOf(rel: string, stem: string): string[] {
  return splitArticles(fixtureLines(rel), { fileStem: stem }).flatMap((d) => mend(d.body).map((p) => p.text));
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
    expect(first).toMatch(/^第十四届全国人民代表大会第二次会议听取和审议了国务院总理李强所作的政府工作报告。会议充分肯定/);
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
    const joinedAfter = lines.filter((_, i) => i > 0 && paragraphOfLine.get(i) === paragraphOfLine.get(i - 1)).map((_, i) => i);
    for (let i = 1; i < lines.length; i++) {
      if (paragraphOfLine.get(i) !== paragraphOfLine.get(i - 1)) continue;
      expect(lines[i - 1].text).not.toMatch(/[。！？]$/);
      // In the 2018 report the only cut lines are the Wikisource licence note's lost links.
      expect(paragraphs[paragraphOfLine.get(i)!].text).toMatch(/本作品|公务演讲|Public domain/);
    }
    expect(joinedAfter.length).toBeGreaterThan(0);
  });
});
