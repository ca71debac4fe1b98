import { describe, expect, it } from 'vitest';
import { mend } from '../../scripts/ingest/stages/mend.ts';
import { separateNotes } from '../../scripts/ingest/stages/notes.ts';
import { splitArticles } from '../../scripts/ingest/stages/split.ts';
import { fixtureLines } from '../helpers/fixtures.ts';

describe('separateNotes', () => {
  it('moves the Wikisource licence trailer out of the 2018 report body, verbatim', () => {
    const [d] = splitArticles(fixtureLines('reports/2018年政府工作报告.txt'), { fileStem: '2018' });
    const { body, notes } = separateNotes(mend(d.body));
    expect(body.at(-1)!.text).toMatch(/中华民族伟大复兴的中国梦作出新的贡献！$/);
    expect(notes[0]).toMatch(/^本作品是中华人民共和国的法律、法规/);
    expect(notes.join('')).toContain('Public domain');
    expect(body.length + notes.length).toBe(mend(d.body).length);
  });

  it('leaves a text without such a note alone', () => {
    const [d] = splitArticles(fixtureLines('compilation/magazine-layout.txt'), { fileStem: 'm' });
    const paragraphs = mend(d.body);
    expect(separateNotes(paragraphs)).toEqual({ body: paragraphs, notes: [] });
  });
});
