import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readArticles,
  resolveArgument,
  resolveArguments,
  UnknownItemError,
} from '../../scripts/handout/articles.ts';
import {
  formatItem,
  handoutParams,
  itemsFromLocation,
  itemsQuery,
  parseItem,
} from '../../src/core/handout-items.ts';
import { resolveSessions, type ArticleLike } from '../../src/site/sessions.ts';
import { sectionTexts } from '../../src/core/sections.ts';
import { ARTICLES } from '../helpers/paths.ts';

const SLUG_2024 = '2024nian-zhengfu-gongzuo-baogao';
const REPORT_2024 = `zhengfu-gongzuo-baogao/${SLUG_2024}`;

describe('handout items', () => {
  it('reads an item however a reader copied it', () => {
    const want = { article: REPORT_2024, section: 's3-1' };
    expect(parseItem(`${REPORT_2024}#s3-1`)).toEqual(want);
    expect(parseItem(`/articles/${REPORT_2024}/#s3-1`)).toEqual(want);
    expect(
      parseItem(`http://intranet.example/xuexi/articles/${REPORT_2024}/#s3-1`, '/xuexi/'),
    ).toEqual(want);
    expect(parseItem(`${REPORT_2024}%23s3-1`)).toEqual(want);
    expect(parseItem(REPORT_2024)).toEqual({ article: REPORT_2024 });
  });

  it('refuses anchors that are not sections and paths that climb out', () => {
    expect(parseItem(`${REPORT_2024}#s3-1-p2`)).toBeNull();
    expect(parseItem('../etc/passwd')).toBeNull();
    expect(parseItem('  ')).toBeNull();
  });

  it('reads a shared list back, even when a literal # cut it into search and hash', () => {
    const items = [
      { article: REPORT_2024, section: 's2' },
      { article: 'zhengfu-gongzuo-baogao/2018nian-zhengfu-gongzuo-baogao' },
    ];
    const query = itemsQuery(items);
    expect(query).toBe(
      `items=${REPORT_2024}%23s2,zhengfu-gongzuo-baogao/2018nian-zhengfu-gongzuo-baogao`,
    );
    expect(itemsFromLocation(`?${query}`, '')).toEqual(items);
    // Typed by hand: ?items=a#s2,b puts "#s2,b" in location.hash.
    expect(
      itemsFromLocation(
        `?items=${REPORT_2024}`,
        '#s2,zhengfu-gongzuo-baogao/2018nian-zhengfu-gongzuo-baogao',
      ),
    ).toEqual(items);
    expect(
      itemsFromLocation(
        `?items=${REPORT_2024}`,
        '#s2,zhengfu-gongzuo-baogao/2018nian-zhengfu-gongzuo-baogao#s1-8&notes=1',
      ),
    ).toEqual([items[0], { ...items[1], section: 's1-8' }]);
    expect(handoutParams(`?items=${REPORT_2024}`, '#s2&notes=1').get('notes')).toBe('1');
    expect(items.map(formatItem)).toEqual([
      `${REPORT_2024}#s2`,
      'zhengfu-gongzuo-baogao/2018nian-zhengfu-gongzuo-baogao',
    ]);
  });
});

describe('npm run handout arguments, on the shipped articles', () => {
  const articles = readArticles(ARTICLES);

  it('finds every shipped article with its title and numbers its headings like the site does', () => {
    expect(articles.length).toBe(
      fs
        .readdirSync(ARTICLES, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.mdx?$/.test(f)).length,
    );
    const report = articles.find((a) => a.id === REPORT_2024)!;
    expect(report.title).toBe('政府工作报告');
    expect(report.sections.get('s1')).toBe('一、2023年工作回顾');
    expect(report.sections.get('s3-1')).toMatch(/^（一）大力推进现代化产业体系建设/);
  });

  it('accepts an id, a page path, a Markdown path and a source path; a slug or file name when only one article has it', () => {
    for (const arg of [
      REPORT_2024,
      `/articles/${REPORT_2024}/`,
      `src/content/articles/${REPORT_2024}.mdx`,
      'src/content/sources/政府工作报告/2024年政府工作报告.txt',
    ]) {
      expect(resolveArgument(arg, articles), arg).toEqual({ article: REPORT_2024 });
    }
    // An archive may hold another copy of the report (another folder, another file name).
    const bySlug = articles.filter((a) => a.id.split('/').pop() === SLUG_2024);
    const byName = articles.filter(
      (a) => path.basename(a.source).replace(/\.[^.]+$/, '') === '2024年政府工作报告',
    );
    for (const [arg, holders] of [
      [SLUG_2024, bySlug],
      [`${SLUG_2024}#s2`, bySlug],
      ['2024年政府工作报告', byName],
    ] as const) {
      const section = arg.includes('#') ? { section: 's2' } : {};
      if (holders.length === 1) {
        expect(resolveArgument(arg, articles), arg).toEqual({ article: REPORT_2024, ...section });
        continue;
      }
      // Several have it: one that matches more exactly (a whole id, a whole source path) wins; else the error lists them.
      try {
        expect(
          holders.map((h) => h.id),
          arg,
        ).toContain(resolveArgument(arg, articles).article);
      } catch (error) {
        if (!(error instanceof UnknownItemError)) throw error;
        expect(error.message, arg).toMatch(
          new RegExp(`不唯一.*${holders.map((h) => h.id).join('.*')}`),
        );
      }
    }
  });

  it('names what it cannot find', () => {
    // A slug no article has, whatever the archive holds.
    let missing = 'zhengfu-gongzuo-baogao-absent';
    while (articles.some((a) => a.id.split('/').pop() === missing)) missing += '-x';
    expect(() => resolveArgument(missing, articles)).toThrow(UnknownItemError);
    expect(() => resolveArgument(missing, articles)).toThrow(new RegExp(missing));
    expect(() => resolveArgument(`${REPORT_2024}#s9`, articles)).toThrow(/没有第 s9 节/);
  });

  it('names every unknown and every ambiguous argument at once, and resolves the rest', () => {
    const [first, second] = articles;
    const slugOf = (id: string) => id.split('/').pop() ?? id;
    // Two slugs no article has, and one that two articles share (a second copy of one, in another folder).
    const missing = ['absent-one', 'absent-two'].map((name) => {
      while (articles.some((a) => slugOf(a.id) === name)) name += '-x';
      return name;
    });
    const copy = { ...first, id: `another-folder/${slugOf(first.id)}` };
    const archive = [...articles, copy];
    const { items, problems } = resolveArguments(
      [missing[0], second.id, slugOf(first.id), missing[1]],
      archive,
    );
    expect(items).toEqual([{ article: second.id }]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain(missing[0]);
    expect(problems[1]).toMatch(new RegExp(`不唯一.*${first.id}.*${copy.id}`));
    expect(problems[2]).toContain(missing[1]);
  });
});

describe('study sessions', () => {
  const entries: ArticleLike[] = readArticles(ARTICLES).map((a) => {
    const file = path.join(ARTICLES, `${a.id}.mdx`);
    const text = fs.readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 4);
    const num = (key: string) => Number(new RegExp(`^${key}: (\\d+)`, 'm').exec(text)![1]);
    return {
      id: a.id,
      body: text.slice(end + 4),
      data: {
        title: a.title,
        readingMinutes: num('readingMinutes'),
        characters: num('characters'),
      },
    };
  });

  it('counts a 一、 section as its own text plus its （一） sections', () => {
    const sections = sectionTexts(entries.find((e) => e.id === REPORT_2024)!.body!);
    const s3 = sections.get('s3')!.text;
    expect(sections.get('s3-1')!.text).toMatch(/^（一）大力推进现代化产业体系建设/);
    expect(sections.get('s3-1')!.heading).toBe(
      '（一）大力推进现代化产业体系建设，加快发展新质生产力。',
    );
    expect(s3.includes(sections.get('s3-1')!.text)).toBe(true);
    expect(s3.includes(sections.get('s3-9')!.text)).toBe(true);
    expect(sections.get('s2')!.text.includes(sections.get('s3-1')!.text)).toBe(false);
  });

  it('reads headings and text as the page shows them, Markdown escapes resolved', () => {
    const sections = sectionTexts(
      '## 一、总体要求\n\n坚持\\*两个确立\\*。\n\n### （一）关于\\<协商\\>民主\n\n正文。',
    );
    expect([...sections.keys()]).toEqual(['s1', 's1-1']);
    expect(sections.get('s1-1')!.heading).toBe('（一）关于<协商>民主');
    expect(sections.get('s1')!.text).toBe(
      '一、总体要求\n坚持*两个确立*。\n（一）关于<协商>民主\n正文。\n',
    );
  });

  it('resolves the sample sessions against the shipped articles, with reading times', () => {
    const sessions = resolveSessions(entries);
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    for (const s of sessions) {
      for (const m of s.resolved) {
        const article = entries.find((e) => e.id === m.item.article)!;
        expect(m.readingMinutes).toBeGreaterThanOrEqual(1);
        if (m.item.section) expect(m.characters).toBeLessThan(article.data.characters);
        else expect(m.readingMinutes).toBe(article.data.readingMinutes);
      }
      expect(s.readingMinutes).toBe(s.resolved.reduce((n, m) => n + m.readingMinutes, 0));
    }
  });

  it('fails naming the session and the material that is not there', () => {
    const data = {
      sessions: [
        { id: 'bad', date: '2026-01-01', meeting: '测试', materials: [`${REPORT_2024}#s7`] },
      ],
    };
    expect(() => resolveSessions(entries, data)).toThrow(
      /学习会 bad 的材料“zhengfu-gongzuo-baogao\/2024nian-zhengfu-gongzuo-baogao#s7”/,
    );
  });
});
