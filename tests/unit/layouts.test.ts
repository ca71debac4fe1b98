import fs from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { markdownBlocks } from '../../src/core/markdown-blocks.ts';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { decode } from '../../scripts/ingest/stages/decode.ts';
import { normalise } from '../../scripts/ingest/stages/normalise.ts';
import { isPageFurniture, removePageFurniture } from '../../scripts/ingest/stages/furniture.ts';
import { isHardWrapped } from '../../scripts/ingest/stages/wrap.ts';
import { renderMarkdown } from '../helpers/render-markdown.ts';
import { FIXTURES } from '../helpers/paths.ts';

/** Constructed layout fixtures (see tests/fixtures/layouts/README.md). */
const file = (name: string) => path.join(FIXTURES, 'layouts', name);

async function convert(name: string, folder = '期刊') {
  const { articles, encoding } = await convertSource(
    `${folder}/${name}`,
    fs.readFileSync(file(name)),
  );
  return {
    encoding,
    articles: articles.map((a) => ({ ...readArticle(a.content), findings: a.findings })),
  };
}

/** The body as the site renders it (Astro's processor with the site's plugins). */
async function html(markdown: string): Promise<string> {
  return toHtml(await renderMarkdown(markdown));
}

describe('running headers and footers (constructed, UTF-8 with BOM and CRLF)', () => {
  it('drops exactly the page-number and journal-issue lines, and joins the sentences they cut', async () => {
    const lines = normalise(decode(fs.readFileSync(file('running-heads.txt')), 'x').text);
    const { removed } = removePageFurniture(lines);
    expect(removed.map((l) => l.text)).toEqual([
      '— 23 —',
      '政协天地 2024·11',
      '政协天地 2024·11',
      '— 24 —',
    ]);
    const { articles, encoding } = await convert('running-heads.txt');
    expect(encoding).toBe('utf-8-bom');
    const text = articles.map((a) => a.body).join('\n');
    expect(text).toContain('增加就业补贴支出，支持以工代训。');
    expect(text).toContain('督促和协助地方统筹做好农资供应等工作');
    expect(text).not.toMatch(/政协天地|— 2\d —/);
  });

  it('reads unspaced and spaced column labels, 文/ and ■ author marks, and bylines with and without brackets', async () => {
    const { articles } = await convert('running-heads.txt');
    expect(articles.map((a) => a.data.title)).toEqual([
      '扩大有效需求 增强发展动力',
      '加强基本民生保障',
    ]);
    expect(articles.map((a) => a.data.column)).toEqual(['委员论坛', '履职风采']);
    expect(articles.map((a) => a.data.authors)).toEqual([['王某某'], ['李某某']]);
    expect(articles.map((a) => a.data.regions)).toEqual([['张掖市'], ['正宁县']]);
    expect(articles[1].data.byline).toBe('作者系正宁县政协委员');
    expect(articles[0].body).toContain('## 一、针对就业压力凸显');
  });
});

describe('author marks, bylines and the editor’s note (constructed)', () => {
  it('reads two authors on one line, a byline under the title, 文/ with two names, and takes 【编者按】 out of the text', async () => {
    const { articles } = await convert('author-marks.txt');
    expect(articles.map((a) => a.data.title)).toEqual([
      '推动高质量发展',
      '统筹推进经济社会各领域工作',
    ]);
    expect(articles.map((a) => a.data.column)).toEqual(['履职风采', '委员论坛']);
    expect(articles.map((a) => a.data.authors)).toEqual([
      ['张某某', '赵某某'],
      ['钱某', '孙某'],
    ]);
    expect(articles[0].data.positions).toEqual(['省政协委员', '定西市政协副主席']);
    expect(articles[0].data.regions).toEqual(['定西市']);
    expect(articles[1].data.regions).toEqual(['陇西县', '渭源县']);
    // The 【编者按】 paragraph became the article's 编者按 study aid, before the text and apart from it.
    const note = /^<EditorsNote>\n([\s\S]*?)\n<\/EditorsNote>/
      .exec(articles[0].body.trim())?.[1]
      .trim();
    expect(note).toMatch(/^本刊今年开设“委员论坛”栏目.*供大家学习参考。$/);
    expect(articles[0].body).not.toContain('编者按');
    expect(markdownBlocks(articles[0].body)[0].text.startsWith('科技创新成果丰硕。')).toBe(true);
  });
});

describe('a speech (constructed, GBK)', () => {
  it('gives title, subtitle, date, speaker and notes, and keeps the salutation as text', async () => {
    const { articles, encoding } = await convert('speech-gbk.txt');
    expect(encoding).toBe('gb18030');
    expect(articles).toHaveLength(1);
    const [{ data, body }] = articles;
    expect(data.title).toBe('在市政协十五届二次会议闭幕会上的讲话');
    expect(data.subtitle).toBe('在政协某某市第十五届委员会第二次会议闭幕会上的讲话');
    expect(data.date).toBe('2024-01-18');
    expect(data.authors).toEqual(['王某某']);
    expect(data.notes).toEqual(['（根据录音整理）']);
    expect(body).not.toContain('根据录音整理');
    expect(body.trim().split('\n\n')[0]).toBe('各位委员、同志们：');
    expect(await html(body)).toContain('<h2 id="s2">二、强化基本民生保障</h2>');
  });
});

describe('a regulation (constructed)', () => {
  it('makes 第X章 h2 and 第X节 h3, and anchors 第X条 and the items 1．（1）① as points of their section', async () => {
    const { articles } = await convert('regulation.txt');
    const [{ data, body }] = articles;
    expect(data.title).toBe('政协某某市委员会委员履职管理办法');
    const page = await html(body);
    expect(page).toContain('<h2 id="s1">第一章　总则</h2>');
    expect(page).toContain('<h2 id="s2">第二章　委员履职</h2>');
    expect(page).toContain('<h3 id="s2-1">第一节　会议活动</h3>');
    expect(page).toContain('<h3 id="s2-2">第二节　提案工作</h3>');
    expect(page).toContain('<span id="s1-p1" class="point">第一条</span>');
    expect(page).toContain('<span id="s1-p3" class="point">1．</span>');
    expect(page).toContain('<span id="s1-p5" class="point">（1）</span>');
    expect(page).toContain('<span id="s2-1-p2" class="point">①</span>');
    expect(page).toContain('<span id="s3-p1" class="point">第五条</span>');
    // Same Markdown, same anchors.
    expect(await html(body)).toBe(page);
  });
});

describe('a 讲话选编: speeches back to back (constructed)', () => {
  it('gives one article per speech, each with its own title, subtitle, date, speaker and note', async () => {
    const { articles } = await convert('speeches.txt');
    expect(articles.map((a) => a.data.title)).toEqual([
      '在市政协十五届二次会议开幕会上的讲话',
      '在市政协十五届二次会议闭幕会上的讲话',
      '在全市政协工作会议上的讲话',
    ]);
    expect(articles.map((a) => a.data.date)).toEqual(['2024-01-15', '2024-01-18', '2024-03-02']);
    expect(articles.map((a) => a.data.authors)).toEqual([['王某某'], ['李某某'], ['赵某某']]);
    expect(articles.map((a) => a.data.subtitle)).toEqual([
      '在政协某某市第十五届委员会第二次会议开幕会上的讲话',
      '在政协某某市第十五届委员会第二次会议闭幕会上的讲话',
      '在全市政协工作会议上的讲话',
    ]);
    for (const { data, body } of articles) {
      expect(data.notes).toEqual(['（根据录音整理）']);
      // No head of the next speech is left in the text of the one before.
      expect(body).not.toMatch(/讲话|录音整理|（\d{4}年/);
      expect(await html(body)).toContain('<h2 id="s1">一、');
    }
  });

  it('a single speech with its note is still one article', async () => {
    const { articles } = await convert('speech-gbk.txt');
    expect(articles).toHaveLength(1);
  });
});

describe('a regulation whose title ends in （试行） (constructed)', () => {
  it('keeps （试行） in the title, on the title line or on a line of its own', async () => {
    const { articles } = await convert('regulation-trial.txt');
    expect(articles.map((a) => a.data.title)).toEqual([
      '政协某某市委员会委员联系界别群众工作办法（试行）',
    ]);
    expect(articles[0].body).not.toContain('试行）');
    const [title, ...rest] = fs.readFileSync(file('regulation-trial.txt'), 'utf8').split('\n');
    const twoLines = [title.replace('（试行）', ''), '（试行）', ...rest].join('\n');
    const { articles: split } = await convertSource('期刊/办法.txt', Buffer.from(twoLines));
    expect(readArticle(split[0].content).data.title).toBe(articles[0].data.title);
  });
});

describe('a hard-wrapped Word export (constructed)', () => {
  it('rejoins the 30-character lines into paragraphs, with no space inside a cut Latin word or number, and splits at ＊　＊　＊', async () => {
    const lines = normalise(fs.readFileSync(file('hard-wrapped.txt'), 'utf8'));
    expect(isHardWrapped(lines)).toBe(true);
    const { articles } = await convert('hard-wrapped.txt');
    expect(articles.map((a) => a.data.title)).toEqual(['扩大高水平对外开放', '经济发展再上新台阶']);
    const paragraphs = articles.map((a) => a.body.trim().split('\n\n'));
    expect(paragraphs.map((p) => p.length)).toEqual([2, 2]);
    expect(paragraphs[0][0]).toContain('伙伴关系协定RCEP生效实施');
    expect(paragraphs[1][0]).toContain('突破40万亿元。');
    expect(paragraphs[0][1]).toContain('北京冬奥会、冬残奥会');
    expect(articles.map((a) => a.body).join('')).not.toContain('＊');
  });

  it('the seed and the shared reports are not hard-wrapped', () => {
    for (const f of ['running-heads.txt', 'speech-gbk.txt', 'regulation.txt', 'speeches.txt'])
      expect(isHardWrapped(normalise(decode(fs.readFileSync(file(f)), f).text)), f).toBe(false);
  });
});

describe('page furniture is told from text', () => {
  it('takes only header and page-number lines', () => {
    for (const t of [
      '政协天地 2024·11',
      '— 23 —',
      '-23-',
      '政协天地 2024年第11期',
      '23 政协天地 2024·11',
    ])
      expect(isPageFurniture(t), t).toBe(true);
    for (const t of [
      '1954年9月23日',
      '我们在2024年11月',
      '2024年政府工作报告',
      '政协委员 2024',
      '第一条',
    ])
      expect(isPageFurniture(t), t).toBe(false);
  });
});
