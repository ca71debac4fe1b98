import { describe, expect, it } from 'vitest';
import { deskLink, readDeskLink, type DeskRequest } from '../../src/core/desk-link.ts';

describe('desk links', () => {
  it('carry an erratum request on the seed issue there and back, under any base path', () => {
    const request: DeskRequest = {
      action: 'erratum',
      source: '期刊/学习与履职文选.txt',
      article: '发展新质生产力 推进新型工业化',
      find: '科研机构 and 高等院校',
    };
    for (const base of ['/', '/xuexi/']) {
      const link = deskLink(base, request);
      expect(link.startsWith(`${base}admin/?`)).toBe(true);
      expect(readDeskLink(new URL(link, 'http://localhost').search)).toEqual(request);
    }
  });

  it('keep characters that mean something in a URL (& = # + %) inside the found text', () => {
    const request: DeskRequest = {
      action: 'accept',
      source: 'a/b c.txt',
      article: 'x&y',
      find: 'a=b#c+d%e',
      kind: 'k',
    };
    expect(readDeskLink(new URL(deskLink('/', request), 'http://h').search)).toEqual(request);
  });

  it('read no request from an address without one or with an unknown action', () => {
    expect(readDeskLink('')).toBeUndefined();
    expect(readDeskLink('?action=delete&source=a.txt&article=b')).toBeUndefined();
    expect(readDeskLink('?action=notice&source=a.txt')).toBeUndefined();
  });
});
