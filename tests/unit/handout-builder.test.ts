import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MEETING,
  handoutQuery,
  optionsFromParams,
  parseItem,
  type HandoutItem,
  type HandoutOptions,
} from '../../src/core/handout-items.ts';
import {
  entryName,
  handoutStatus,
  handoutTitle,
  moveEntry,
} from '../../src/lib/handout-builder.ts';
import type { LoadedItem } from '../../src/lib/handout-document.ts';

const none: HandoutOptions = {
  cover: false,
  meeting: '',
  date: '',
  organiser: '',
  outline: false,
  notes: false,
};
const items = ['zhengfu-gongzuo-baogao/2024nian-zhengfu-gongzuo-baogao#s3-1', 'qikan/wenzhang'].map(
  (s) => parseItem(s)!,
) as HandoutItem[];
/** What the builder reads of a loaded material (its element is only printed, never read here). */
const loaded = (title: string, characters: number, sectionTitle?: string) =>
  ({ item: items[0], title, characters, sectionTitle }) as unknown as LoadedItem;

describe('handout options and the share link', () => {
  it('carries the options that are set, and reads back the same options', () => {
    const chosen: HandoutOptions = {
      cover: true,
      meeting: ' 常委会学习会 ',
      date: '2026-03-05',
      organiser: '政协办公室',
      outline: true,
      notes: true,
    };
    const query = handoutQuery(items, chosen);
    expect(query.startsWith('?items=')).toBe(true);
    expect(optionsFromParams(new URLSearchParams(query))).toEqual({
      ...chosen,
      meeting: '常委会学习会',
    });
  });

  it('drops a date and organiser without a cover, and names a nameless cover', () => {
    const query = new URLSearchParams(
      handoutQuery(items, { ...none, date: '2026-03-05', organiser: '政协办公室' }),
    );
    expect([...query.keys()]).toEqual(['items']);
    expect(new URLSearchParams(handoutQuery(items, { ...none, cover: true })).get('cover')).toBe(
      DEFAULT_MEETING,
    );
  });
});

describe('the list of materials', () => {
  it('moves an entry up or down and refuses to move it off either end', () => {
    expect(moveEntry(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 0, -1)).toBeNull();
    expect(moveEntry(['a', 'b', 'c'], 2, 3)).toBeNull();
  });

  it('names an entry by its title and section, else by what was saved, else by the item', () => {
    expect(entryName({ item: 'x#s1', title: '' }, loaded('报告', 10, '一、总体要求'))).toBe(
      '报告：一、总体要求',
    );
    expect(entryName({ item: 'x', title: '保存的标题' }, undefined)).toBe('保存的标题');
    expect(entryName({ item: 'x', title: '' }, undefined)).toBe('x');
  });
});

describe('status and the PDF title', () => {
  it('sums reading minutes, or lists what failed with the reason', () => {
    expect(handoutStatus([loaded('甲', 800), loaded('乙', 400)], [])).toBe(
      '共 2 份材料，约 3 分钟读完。',
    );
    expect(handoutStatus([], [{ item: items[1], message: '404' }])).toBe(
      '有 1 份材料无法载入：qikan/wenzhang（404）',
    );
  });

  it('titles the PDF by the meeting on a cover, else by the first text', () => {
    expect(handoutTitle({ ...none, cover: true, meeting: '' }, [loaded('甲', 1)], '学习讲义')).toBe(
      DEFAULT_MEETING,
    );
    expect(handoutTitle(none, [loaded('甲', 1)], '学习讲义')).toBe('甲');
    expect(handoutTitle(none, [], '学习讲义')).toBe('学习讲义');
  });
});
