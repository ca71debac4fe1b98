import { describe, expect, it } from 'vitest';
import { normalise } from '../../scripts/ingest/stages/normalise.ts';
import { fixtureLines } from '../helpers/fixtures.ts';

describe('normalise', () => {
  it('treats CRLF, CR, LF and form feeds alike and numbers lines as the file does', () => {
    const lf = normalise('一、标题\n\n正文。\n');
    expect(normalise('一、标题\r\n\r\n正文。\r\n')).toEqual(lf);
    expect(normalise('一、标题\r\r正文。\r')).toEqual(lf);
    expect(lf).toEqual([
      { text: '一、标题', line: 1, gapBefore: false },
      { text: '正文。', line: 3, gapBefore: true },
    ]);
    expect(normalise('机关干\f部特别是')).toEqual([
      { text: '机关干', line: 1, gapBefore: false },
      { text: '部特别是', line: 1, gapBefore: true },
    ]);
  });

  it('strips the indentation typesetters add but keeps spaces inside a line', () => {
    const lines = fixtureLines('reports/1960年政府工作报告.txt');
    expect(lines.every((l) => !/^[\s\u3000]|[\s\u3000]$/.test(l.text))).toBe(true);
    const speaker = fixtureLines('reports/2024年政府工作报告.txt').find((l) =>
      l.text.startsWith('李'),
    );
    expect(speaker?.text).toBe('李　强');
  });
});
