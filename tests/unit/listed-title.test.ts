import { describe, expect, it } from 'vitest';
import { listedTitle } from '../../src/core/listed-title.ts';

describe('a title as lists show it', () => {
  it('puts the year before a title that only names its column', () => {
    expect(listedTitle({ title: '政府工作报告', column: '政府工作报告', year: 2024 })).toBe(
      '2024年政府工作报告',
    );
  });

  it('leaves titles that carry a year, say more than the column, or have no year', () => {
    expect(listedTitle({ title: '2018年政府工作报告', column: '政府工作报告', year: 2018 })).toBe(
      '2018年政府工作报告',
    );
    expect(listedTitle({ title: '发展新质生产力', column: '履职思考', year: 2024 })).toBe(
      '发展新质生产力',
    );
    expect(listedTitle({ title: '政府工作报告', column: '政府工作报告' })).toBe('政府工作报告');
    expect(listedTitle({ title: '政府工作报告', year: 2024 })).toBe('政府工作报告');
  });
});
