import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { frontMatter } from '../../src/core/article-file.ts';
import { applyDeskRequest } from '../../src/core/desk-prefill.ts';
import { deskConfig } from '../../scripts/desk/config.ts';
import { updateYaml } from '../../scripts/desk/keep-comments.ts';
import { DeskRefusal, fieldLabels, guardSave } from '../../scripts/desk/save-guard.ts';
import { saveUpload } from '../../scripts/desk/upload.ts';

const YAML = `# 编辑写的说明：为什么这里没有 issue。
articles:
  - match: 第一篇 # 标题照原文
    questions:
      - 原有的题
`;

describe('desk: the editor’s YAML keeps its comments', () => {
  it('writes unchanged data back byte for byte', () => {
    expect(updateYaml(YAML, parse(YAML))).toBe(YAML);
  });
  it('keeps the comments around what a save changed and adds what it added', () => {
    const data = parse(YAML);
    data.articles[0].questions.push('新题');
    data.articles[0].errata = [{ find: 'and', replace: '和' }];
    const out = updateYaml(YAML, data);
    expect(out).toContain('# 编辑写的说明：为什么这里没有 issue。');
    expect(out).toContain('# 标题照原文');
    expect(parse(out)).toEqual(data);
  });
});

describe('desk: a link from the proofreading page fills in the form', () => {
  const request = { source: 'a.txt', article: '第一篇' } as const;
  it('adds an erratum with the found text to the article’s entry', () => {
    const { edits, at } = applyDeskRequest([{ match: '第 一篇', questions: ['题'] }], {
      ...request,
      action: 'erratum',
      find: 'and',
    });
    expect(at).toBe(0);
    expect(edits[0]).toEqual({ match: '第 一篇', questions: ['题'], errata: [{ find: 'and' }] });
  });
  it('adds an entry for an article the file does not edit yet', () => {
    const { edits, at } = applyDeskRequest([{ match: '别的' }], { ...request, action: 'withhold' });
    expect(at).toBe(1);
    expect(edits[1]).toEqual({ match: '第一篇', publish: false });
  });
  it('records an accepted finding with its kind and text, and opens an empty notice', () => {
    const accepted = applyDeskRequest([], {
      ...request,
      action: 'accept',
      kind: 'latin-in-chinese',
      find: 'and',
    });
    expect(accepted.edits[0].accept).toEqual([{ kind: 'latin-in-chinese', text: 'and' }]);
    expect(applyDeskRequest([], { ...request, action: 'notice' }).edits[0].notice).toBe('');
  });
});

describe('desk: the save guard', () => {
  let root: string;
  let labels: Map<string, string>;
  const yamlPath = 'src/content/sources/期刊/第一篇.yaml';
  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-unit-'));
    fs.mkdirSync(path.join(root, 'src/content/sources/期刊'), { recursive: true });
    fs.mkdirSync(path.join(root, 'src/content/articles/qikan'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'src/content/sources/期刊/第一篇.txt'),
      '第一篇\n正文。又一句。\n',
    );
    fs.writeFileSync(path.join(root, yamlPath), YAML);
    fs.writeFileSync(
      path.join(root, 'src/content/articles/qikan/di-yi-pian.mdx'),
      `${frontMatter({ title: '第一篇', source: '期刊/第一篇.txt', sourceIndex: 0 })}\n正文。\n`,
    );
    labels = fieldLabels(await deskConfig(root, '/admin/api/v1/'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const refusal = async (raw: string, file = yamlPath) =>
    guardSave(root, [{ path: file, raw }], labels).then(
      () => 'saved',
      (error: unknown) => (error instanceof DeskRefusal ? error.message : `other: ${error}`),
    );

  it('lets a valid save through, its comments kept and emptied fields dropped', async () => {
    const [saved] = await guardSave(
      root,
      [
        {
          path: yamlPath,
          raw: 'articles:\n  - match: 第一篇\n    questions: [原有的题, 新题]\n    notice: ""\n',
        },
      ],
      labels,
    );
    expect(saved.raw).toContain('# 编辑写的说明');
    expect(parse(saved.raw)).toEqual({
      articles: [{ match: '第一篇', questions: ['原有的题', '新题'] }],
    });
  });
  it('names the field in the editor’s words when the editorial schema refuses', async () => {
    expect(await refusal('articles:\n  - match: 第一篇\n    index: 0\n')).toBe(
      '期刊/第一篇.yaml：各篇文章 › 第 1 项：每篇须写 match（标题）或 index（位置）之一 / give exactly one of match or index',
    );
    expect(await refusal('articles:\n  - match: 第一篇\n    date: 2024年\n')).toMatch(
      /各篇文章 › 第 1 项 › .*日期.*2024-12-01/,
    );
  });
  it('refuses an entry for an article the source does not have, as ingest would', async () => {
    expect(await refusal('articles:\n  - match: 没有这篇\n')).toMatch(
      /材料里没有标题为《没有这篇》的文章/,
    );
  });
  it('keeps an erratum that deletes its text (replace empty) but refuses one with no replace at all', async () => {
    expect(
      await refusal('articles:\n  - match: 第一篇\n    errata: [{ find: 正文, replace: "" }]\n'),
    ).toBe('saved');
    expect(await refusal('articles:\n  - match: 第一篇\n    errata: [{ find: 正文 }]\n')).toMatch(
      /勘误 › 第 1 项 › 改为：必须填写/,
    );
  });
  it('refuses what only the text can tell, as ingest would: an erratum not found exactly once, a 金句 not in the text', async () => {
    const erratum = (find: string) =>
      refusal(`articles:\n  - match: 第一篇\n    errata: [{ find: "${find}", replace: 乙 }]\n`);
    expect(await erratum('没有的字')).toMatch(
      /^期刊\/第一篇\.yaml：第 \d+ 行：.*“没有的字”不在文章正文中/,
    );
    expect(await erratum('。')).toMatch(/^期刊\/第一篇\.yaml：第 \d+ 行：.*出现 2 次/);
    expect(await erratum('又一')).toBe('saved');
    expect(await refusal('articles:\n  - match: 第一篇\n    quotes: [没有这句话]\n')).toMatch(
      /^期刊\/第一篇\.yaml：.*金句不在正文中/,
    );
    expect(fs.readFileSync(path.join(root, yamlPath), 'utf8')).toBe(YAML);
  });
  it('checks the data files against the schemas the site reads them with, keeping their note', async () => {
    fs.mkdirSync(path.join(root, 'src/data'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'src/data/columns.json'),
      '{ "$comment": "说明", "columns": ["甲"] }',
    );
    const [saved] = await guardSave(
      root,
      [{ path: 'src/data/columns.json', raw: '{"columns":["甲","乙"]}' }],
      labels,
    );
    expect(JSON.parse(saved.raw)).toEqual({ $comment: '说明', columns: ['甲', '乙'] });
    const twice =
      '{"topics":[{"topic":"甲","spellings":["甲"]},{"topic":"甲","spellings":["乙"]}]}';
    expect(await refusal(twice, 'src/data/topics.json')).toMatch(
      /^src\/data\/topics\.json：.*主题名称不能重复/,
    );
    const bad = '{"sessions":[{"id":"a","date":"12月","meeting":"会","materials":["x"]}]}';
    expect(await refusal(bad, 'src/data/sessions.json')).toMatch(
      /学习会 › 第 1 项 › .*日期写作 2024-12-01/,
    );
  });
  it('saves nothing outside the editorial files and data files', async () => {
    expect(await refusal('x: 1\n', 'astro.config.mjs')).toMatch(/编辑台只保存/);
    expect(await refusal('x: 1\n', 'src/content/sources/期刊/无材料.yaml')).toMatch(/编辑台只保存/);
  });
  it('uploads a source into a column folder, never over a file and never outside the folders', async () => {
    const content = Buffer.from('新材料\n正文。\n').toString('base64');
    expect(await saveUpload(root, { folder: '期刊', name: '二期.txt', content })).toBe(
      '期刊/二期.txt',
    );
    const again = saveUpload(root, { folder: '期刊', name: '二期.txt', content });
    await expect(again).rejects.toThrow(/已经存在，没有覆盖/);
    await expect(saveUpload(root, { folder: '..', name: 'x.txt', content })).rejects.toThrow(
      /栏目文件夹/,
    );
    await expect(saveUpload(root, { folder: '期刊', name: '../x.txt', content })).rejects.toThrow(
      /不能用/,
    );
    await expect(saveUpload(root, { folder: '期刊', name: 'x.exe', content })).rejects.toThrow(
      /只能上传/,
    );
  });
});
