import { describe, expect, it } from 'vitest';
import { articleSlug, isMachineName, sourceSlug } from '../../scripts/ingest/stages/slug.ts';
import { slugify } from '../../src/language/slug.ts';

describe('slug', () => {
  it('romanises Chinese into readable ASCII words', () => {
    expect(slugify('2024年政府工作报告')).toBe('2024nian-zhengfu-gongzuo-baogao');
    expect(slugify('学思践悟新思想 实干担当谱新篇')).toMatch(/^[a-z0-9-]+$/);
  });

  it('depends only on the source path, so two sources with one title get two stable pages', () => {
    const a = articleSlug(
      sourceSlug('政府工作报告/2023年政府工作报告.txt'),
      false,
      '政府工作报告',
      new Set(),
    );
    const b = articleSlug(
      sourceSlug('政府工作报告/2024年政府工作报告.txt'),
      false,
      '政府工作报告',
      new Set(),
    );
    expect(a).not.toBe(b);
    expect(
      articleSlug(
        sourceSlug('政府工作报告/2024年政府工作报告.txt'),
        false,
        '政府工作报告',
        new Set(),
      ),
    ).toBe(b);
  });

  it('keeps compilation articles apart even when a title repeats in one file', () => {
    const taken = new Set<string>();
    const first = articleSlug(sourceSlug('2024年第5期.txt'), true, '学习体会', taken);
    const second = articleSlug(sourceSlug('2024年第5期.txt'), true, '学习体会', taken);
    expect(first).toBe('2024nian-di5qi/xuexitihui');
    expect(second).toBe('2024nian-di5qi/xuexitihui-2');
  });

  it('leaves a machine-made file name out of URLs, so an exported issue reads as its folder and titles', () => {
    expect(isMachineName('000_f38b8acfe226dc3a')).toBe(true);
    expect(isMachineName('20241130_0932')).toBe(true);
    expect(isMachineName('2024')).toBe(false);
    expect(isMachineName('2024年第5期')).toBe(false);
    expect(sourceSlug('extra/000_f38b8acfe226dc3a.txt')).toBe('extra');
    expect(sourceSlug('000_f38b8acfe226dc3a.txt')).toBe('');
    expect(
      articleSlug(sourceSlug('extra/000_f38b8acfe226dc3a.txt'), true, '学习体会', new Set()),
    ).toBe('extra/xuexitihui');
    expect(articleSlug(sourceSlug('000_f38b8acfe226dc3a.txt'), true, '学习体会', new Set())).toBe(
      'xuexitihui',
    );
  });

  it('cuts long slugs and keeps them apart with a hash of the whole text', () => {
    const a = slugify('第十四届全国人民代表大会第二次会议关于政府工作报告的决议');
    const b = slugify('第十四届全国人民代表大会第三次会议关于政府工作报告的决议');
    expect(a.length).toBeLessThanOrEqual(80);
    expect(a).not.toBe(b);
  });
});
