import { describe, expect, it } from 'vitest';
import { articleSlug, slugify } from '../../scripts/stages/slug.ts';

describe('slug', () => {
  it('romanises Chinese into readable ASCII words', () => {
    expect(slugify('2024年政府工作报告')).toBe('2024nian-zhengfu-gongzuo-baogao');
    expect(slugify('学思践悟新思想 实干担当谱新篇')).toMatch(/^[a-z0-9-]+$/);
  });

  it('depends only on the source path, so two sources with one title get two stable pages', () => {
    const a = articleSlug('政府工作报告/2023年政府工作报告.txt', false, '政府工作报告', new Set());
    const b = articleSlug('政府工作报告/2024年政府工作报告.txt', false, '政府工作报告', new Set());
    expect(a).not.toBe(b);
    expect(articleSlug('政府工作报告/2024年政府工作报告.txt', false, '政府工作报告', new Set())).toBe(b);
  });

  it('keeps compilation articles apart even when a title repeats in one file', () => {
    const taken = new Set<string>();
    const first = articleSlug('2024年第5期.txt', true, '学习体会', taken);
    const second = articleSlug('2024年第5期.txt', true, '学习体会', taken);
    expect(first).toBe('2024nian-di5qi/xuexitihui');
    expect(second).toBe('2024nian-di5qi/xuexitihui-2');
  });

  it('cuts long slugs and keeps them apart with a hash of the whole text', () => {
    const a = slugify('第十四届全国人民代表大会第二次会议关于政府工作报告的决议');
    const b = slugify('第十四届全国人民代表大会第三次会议关于政府工作报告的决议');
    expect(a.length).toBeLessThanOrEqual(80);
    expect(a).not.toBe(b);
  });
});
