import { describe, expect, it } from 'vitest';
import topicsData from '../../src/data/topics.json' with { type: 'json' };
import { glossary } from '../../src/language/glossary.ts';
import { mend } from '../../scripts/ingest/stages/mend.ts';
import { splitArticles } from '../../scripts/ingest/stages/split.ts';
import { structure } from '../../scripts/ingest/stages/structure.ts';
import { findDate, regionsOf, tag } from '../../scripts/ingest/stages/tag.ts';
import { parseNumber } from '../../src/core/chinese.ts';
import { fixtureLines } from '../helpers/fixtures.ts';

function tagged(rel: string, stem: string) {
  return splitArticles(fixtureLines(rel), { fileStem: stem }).map((d) => {
    const blocks = structure(mend(d.body));
    return { draft: d, blocks, tags: tag(d, blocks, stem) };
  });
}

describe('tag', () => {
  it('reads dates written in Arabic, full-width and Chinese numerals', () => {
    expect(findDate('2024年3月5日在第十四届全国人民代表大会第二次会议上')).toBe('2024-03-05');
    expect(findDate('１９５６年６月１５日')).toBe('1956-06-15');
    expect(findDate('一九七八年二月二十六日在第五届全国人民代表大会第一次会议上')).toBe(
      '1978-02-26',
    );
    expect(findDate('本届政府1998年3月就职')).toBeUndefined();
    expect(parseNumber('二十六')).toBe(26);
    expect(parseNumber('十')).toBe(10);
  });

  it('dates, places and speaks for the 2024 report from its subtitle', () => {
    const [{ tags }] = tagged('reports/2024年政府工作报告.txt', '2024年政府工作报告');
    expect(tags.date).toBe('2024-03-05');
    expect(tags.year).toBe(2024);
    expect(tags.occasion).toBe('第十四届全国人民代表大会第二次会议');
    expect(tags.readingMinutes).toBe(Math.round(tags.characters / 400));
  });

  it('takes the year from the file name when the text gives no date', () => {
    const [{ tags }] = tagged('reports/2003年政府工作报告.txt', '2003年政府工作报告');
    expect(tags.date).toBeUndefined();
    expect(tags.year).toBe(2003);
  });

  it('finds regions at the head of positions, not in "省政协委员"', () => {
    expect(regionsOf(['省政协委员', '张掖市政协党组书记、主席'])).toEqual(['张掖市']);
    expect(regionsOf(['正宁县政协主席'])).toEqual(['正宁县']);
    expect(regionsOf(['陇西县政协副主席'])).toEqual(['陇西县']);
    expect(regionsOf(['国务院总理'])).toEqual([]);
  });

  it('tags only from the curated vocabulary and finds quoted formulations as glossary terms', () => {
    const articles = tagged('compilation/magazine-layout.txt', 'm');
    const vocabulary = new Set(topicsData.topics.map((t) => t.topic));
    const glossaryTerms = new Set(glossary.map((t) => t.term));
    for (const { tags } of articles) {
      for (const t of tags.tags) expect(vocabulary.has(t)).toBe(true);
      for (const t of tags.terms) expect(glossaryTerms.has(t)).toBe(true);
    }
    const [first, second] = articles;
    expect(first.tags.terms).toEqual(
      expect.arrayContaining(['逢会必学', '第一议题', '两个确立', '大统战工作格局', '协商民主']),
    );
    expect(first.tags.regions).toEqual(['张掖市']);
    expect(second.tags.terms).toContain('四下基层');
    // A term is only claimed where the text uses it.
    for (const { blocks, draft, tags } of articles) {
      const text = draft.title + blocks.map((b) => b.text).join('');
      for (const term of tags.terms) {
        const g = glossary.find((x) => x.term === term)!;
        expect([g.term, ...(g.aliases ?? [])].some((s) => text.includes(s))).toBe(true);
      }
    }
  });
});

describe('tag: older and traditional texts', () => {
  it('dates a resolution by its NPC session', async () => {
    const { npcSessionYear } = await import('../../scripts/ingest/stages/tag.ts');
    expect(npcSessionYear('第十四届全国人民代表大会第二次会议关于政府工作报告的决议')).toBe(2024);
    expect(npcSessionYear('第一届全国人民代表大会第一次会议')).toBe(1954);
    expect(npcSessionYear('第十一届全国人民代表大会第五次会议')).toBe(2012);
    const stem = '第十四届全国人民代表大会第二次会议关于政府工作报告的决议';
    const [{ tags }] = tagged(`reports/${stem}.txt`, stem);
    expect(tags.year).toBe(2024);
  });

  it('finds simplified vocabulary and glossary terms in a traditional-character report', () => {
    const [{ tags }] = tagged('reports/1954年政府工作报告.txt', '1954年政府工作报告');
    expect(tags.tags.length).toBeGreaterThan(0);
    expect(tags.terms).toContain('和平共处五项原则');
  });
});
