import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.ts';
import { folderArgs, runIngest } from '../helpers/run-ingest.ts';
import { tempFolder } from '../helpers/temp-folder.ts';

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, f);
    if (fs.statSync(full).isFile()) out[f] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

function tempSources(): string {
  const dir = tempFolder('ingest-check');
  fs.mkdirSync(path.join(dir, 'sources/汇编'), { recursive: true });
  fs.copyFileSync(
    path.join(FIXTURES, 'reports/2024年政府工作报告.txt'),
    path.join(dir, 'sources/2024年政府工作报告.txt'),
  );
  fs.copyFileSync(
    path.join(FIXTURES, 'compilation/magazine-layout.txt'),
    path.join(dir, 'sources/汇编/magazine-layout.txt'),
  );
  return dir;
}

describe('ingest --check', () => {
  it('passes on the committed articles: they are exactly what the shipped sources give', () => {
    const { status, stdout, stderr } = runIngest(['--check']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/up to date/);
  });

  it('names a stale article and an article no source explains, and exits non-zero', () => {
    const dir = tempSources();
    const args = folderArgs(dir, { cache: 'cache.json' });
    expect(runIngest(args).status).toBe(0);
    expect(runIngest([...args, '--check']).status).toBe(0);

    const article = path.join(dir, 'articles/2024nian-zhengfu-gongzuo-baogao.mdx');
    fs.appendFileSync(article, '\n手工改动\n');
    fs.writeFileSync(path.join(dir, 'articles/orphan.mdx'), '---\ntitle: "x"\n---\n');
    // An article from when ingest wrote .md: the .mdx beside it replaces it, so it must go.
    fs.writeFileSync(
      path.join(dir, 'articles/2024nian-zhengfu-gongzuo-baogao.md'),
      '---\ntitle: "x"\n---\n',
    );
    const check = runIngest([...args, '--check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('2024nian-zhengfu-gongzuo-baogao.mdx');
    expect(check.stderr).toMatch(/no source explains: .*orphan\.mdx/);
    expect(check.stderr).toMatch(/no source explains: .*2024nian-zhengfu-gongzuo-baogao\.md\b/);

    // A real run repairs both.
    expect(runIngest(args).status).toBe(0);
    expect(runIngest([...args, '--check']).status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'articles/orphan.mdx'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'articles/2024nian-zhengfu-gongzuo-baogao.md'))).toBe(
      false,
    );
  });

  it('is reproducible: two fresh runs write byte-identical trees', () => {
    const dir = tempSources();
    const run = (out: string) => runIngest(folderArgs(dir, { out, cache: `${out}.json` }));
    expect(run('a').status).toBe(0);
    expect(run('b').status).toBe(0);
    const [a, b] = [tree(path.join(dir, 'a')), tree(path.join(dir, 'b'))];
    expect(Object.keys(a).sort()).toEqual([
      '2024nian-zhengfu-gongzuo-baogao.mdx',
      'huibian/magazine-layout/difang-zhengxie-lvzhi-chengguo-zhuanhua-yunyong-jizhi-yanjiu.mdx',
      'huibian/magazine-layout/fazhan-xin-zhi-shengchanli-tuijin-xinxing-gongyehua.mdx',
      'huibian/magazine-layout/ning-xin-ju-li-jianshe-xiandaihua-chanye-tixi.mdx',
      'huibian/magazine-layout/xue-si-jian-wu-xin-sixiang-shigan-dandang-pu-xinpian.mdx',
    ]);
    expect(b).toEqual(a);
  });

  it('never moves an existing page when another source with the same title is added', () => {
    const dir = tempSources();
    const args = folderArgs(dir, { cache: 'cache.json' });
    runIngest(args);
    const before = tree(path.join(dir, 'articles'));
    fs.copyFileSync(
      path.join(FIXTURES, 'reports/2024年政府工作报告.txt'),
      path.join(dir, 'sources/汇编/2024年政府工作报告.txt'),
    );
    expect(runIngest(args).status).toBe(0);
    const after = tree(path.join(dir, 'articles'));
    for (const [file, content] of Object.entries(before)) expect(after[file]).toBe(content);
    expect(after['huibian/2024nian-zhengfu-gongzuo-baogao.mdx']).toMatch(/title: "政府工作报告"/);
  });
});
