import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/core/article-file.ts';
import { suffixOnDisk, suffixPlace } from '../../scripts/ingest/address-clash.ts';
import { SOURCES } from '../helpers/paths.ts';
import { folderArgs, runIngest } from '../helpers/run-ingest.ts';
import { tempFolder } from '../helpers/temp-folder.ts';

/** The shipped journal issue, as an editor's PC saves ten exports of it: machine-made names, left out of URLs. */
const SEED = path.join(SOURCES, '期刊/学习与履职文选.txt');
const NAME = (n: number) => `000_f38b8acfe226dc3a-${n}.txt`;

function archive(copies: number[]) {
  const dir = tempFolder('errata-clash');
  fs.mkdirSync(path.join(dir, 'sources/期刊'), { recursive: true });
  for (const n of copies) fs.copyFileSync(SEED, path.join(dir, 'sources/期刊', NAME(n)));
  return dir;
}

function ingest(dir: string, manifest = 'manifest.json') {
  return runIngest(folderArgs(dir, { cache: manifest }));
}

/** Each article file's source, by article id. */
function owners(dir: string): Map<string, string> {
  const root = path.join(dir, 'articles');
  return new Map(
    (fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => [
        f
          .replace(/\.mdx$/, '')
          .split(path.sep)
          .join('/'),
        String(readArticle(fs.readFileSync(path.join(root, f), 'utf8')).data.source),
      ]),
  );
}

describe('ten exports of one journal saved under machine-made names', () => {
  it('build on: the first keeps the addresses, each later one gets a readable suffix and a warning', () => {
    const dir = archive([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const run = ingest(dir);
    expect(run.status, run.stderr).toBe(0);
    const warnings = run.stderr.split('\n').filter((l) => l.includes('地址加后缀'));
    expect(warnings).toHaveLength(9);
    const byOwner = new Map<string, string[]>();
    for (const [id, source] of owners(dir))
      byOwner.set(source, [...(byOwner.get(source) ?? []), id]);
    expect(byOwner.size).toBe(10);
    const first = byOwner.get(`期刊/${NAME(1)}`) ?? [];
    for (let n = 2; n <= 10; n++) {
      const ids = byOwner.get(`期刊/${NAME(n)}`) ?? [];
      expect(ids).toHaveLength(first.length);
      // The same article's address with -n after the source's part of it.
      for (const id of ids) expect(first.map((f) => suffixPlace(f, id)?.n)).toContain(n);
      expect(warnings.some((w) => w.includes(NAME(n)) && w.includes(`-${n}`))).toBe(true);
    }
    // Each export is its own issue, on its own page.
    const issues = new Set(
      [...owners(dir).keys()].map(
        (id) =>
          readArticle(fs.readFileSync(path.join(dir, 'articles', `${id}.mdx`), 'utf8')).data
            .issueSlug,
      ),
    );
    expect(issues.size).toBe(10);
  });

  it('addresses do not move between builds: one export removed, the others keep theirs, even without the last run’s record', () => {
    const dir = archive([1, 2, 3, 4]);
    expect(ingest(dir).status).toBe(0);
    const before = owners(dir);
    fs.rmSync(path.join(dir, 'sources/期刊', NAME(2)));
    // A fresh clone: the committed articles, no manifest of the last run.
    const run = ingest(dir, 'other-manifest.json');
    expect(run.status, run.stderr).toBe(0);
    const after = owners(dir);
    expect([...after].sort()).toEqual(
      [...before].filter(([, source]) => source !== `期刊/${NAME(2)}`).sort(),
    );
  });

  it('an export added later never takes the address of one already in the archive, whatever its name', () => {
    const dir = archive([5]);
    expect(ingest(dir).status).toBe(0);
    const before = owners(dir);
    fs.copyFileSync(SEED, path.join(dir, 'sources/期刊', NAME(1)));
    const run = ingest(dir);
    expect(run.status, run.stderr).toBe(0);
    const after = owners(dir);
    for (const [id, source] of before) expect(after.get(id)).toBe(source);
    expect(run.stderr).toContain(NAME(1));
  });
});

describe('where the suffix goes', () => {
  it('after the part of the address that two sources share, and found again on disk', () => {
    expect(suffixPlace('qikan/wenxuan/juan-shou-yu', 'qikan/wenxuan-2/juan-shou-yu')).toEqual({
      head: 'qikan/wenxuan',
      tail: '/juan-shou-yu',
      n: 2,
    });
    expect(suffixPlace('qikan/juan-shou-yu', 'qikan/juan-shou-yu-12')).toEqual({
      head: 'qikan/juan-shou-yu',
      tail: '',
      n: 12,
    });
    expect(suffixPlace('qikan/juan-shou-yu', 'qikan/bian-zhe-an-2')).toBeUndefined();
    expect(suffixOnDisk(['qikan/a', 'qikan/b'], ['other/x', 'qikan-7/b'])).toBe(7);
    expect(suffixOnDisk(['qikan/a'], ['qikan/a'])).toBeUndefined();
  });
});
