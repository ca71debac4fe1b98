import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_REPORTS, ROOT } from '../helpers/paths.ts';

/**
 * The real ingest CLI, run again and again over a temp folder of real reports: what it converts,
 * writes and removes on each run is read from its summary line and from the files themselves.
 */
const REPORTS = [
  '1979年政府工作报告.txt',
  '2009年政府工作报告.txt',
  '2019年政府工作报告.txt',
  '第十四届全国人民代表大会第一次会议关于政府工作报告的决议.txt',
];

let dir: string;
let sources: string;
let out: string;
let cache: string;

interface Summary {
  sources: number;
  articles: number;
  converted: number;
  unchanged: number;
  written: number;
  removed: number;
}

function ingest(): Summary {
  const stdout = execFileSync(
    process.execPath,
    ['scripts/ingest.ts', '--sources', sources, '--out', out, '--cache', cache],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const m =
    /ingested (\d+) sources → (\d+) articles .*\((\d+) converted, (\d+) unchanged, (\d+) written, (\d+) removed\)/.exec(
      stdout,
    );
  if (!m) throw new Error(`no summary line in: ${stdout}`);
  const [sourcesCount, articles, converted, unchanged, written, removed] = m.slice(1).map(Number);
  return { sources: sourcesCount, articles, converted, unchanged, written, removed };
}

function articles(): Map<string, { text: string; mtimeMs: number }> {
  const files = fs
    .readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'));
  return new Map(
    files.map((e) => {
      const file = path.join(e.parentPath, e.name);
      return [
        path.relative(out, file),
        { text: fs.readFileSync(file, 'utf8'), mtimeMs: fs.statSync(file).mtimeMs },
      ];
    }),
  );
}

const articleOf = (source: string) =>
  [...articles()].find(([, a]) => a.text.includes(`source: "报告/${source}"`));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-incremental-'));
  sources = path.join(dir, 'sources');
  out = path.join(dir, 'articles');
  cache = path.join(dir, 'manifest.json');
  fs.mkdirSync(path.join(sources, '报告'), { recursive: true });
  for (const f of REPORTS)
    fs.copyFileSync(path.join(GOV_REPORTS, f), path.join(sources, '报告', f));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each step builds on the one before, as runs of the CLI do on a real archive.
describe('ingest CLI, incremental', () => {
  it('converts every source on the first run', () => {
    expect(ingest()).toMatchObject({
      sources: REPORTS.length,
      articles: REPORTS.length,
      converted: REPORTS.length,
      written: REPORTS.length,
      removed: 0,
    });
    expect(articles().size).toBe(REPORTS.length);
  });

  it('converts and writes nothing when nothing changed', () => {
    const before = articles();
    fs.utimesSync(out, new Date(), new Date(2000, 0, 1)); // the folder would be replaced if it were swapped
    const folderTime = fs.statSync(out).mtimeMs;
    expect(ingest()).toMatchObject({
      converted: 0,
      unchanged: REPORTS.length,
      written: 0,
      removed: 0,
    });
    expect(articles()).toEqual(before);
    expect(fs.statSync(out).mtimeMs).toBe(folderTime);
  });

  it('goes by content, not by modification time', () => {
    const source = path.join(sources, '报告', REPORTS[0]);
    fs.utimesSync(source, new Date(), new Date());
    expect(ingest()).toMatchObject({ converted: 0, written: 0 });
  });

  it('converts only the source whose text changed', () => {
    const before = articles();
    const edited = REPORTS[1];
    const file = path.join(sources, '报告', edited);
    fs.writeFileSync(
      file,
      `${fs.readFileSync(file, 'utf8').trimEnd()}\n\n这一段是测试为增量导入加上的新段落。\n`,
    );
    expect(ingest()).toMatchObject({
      converted: 1,
      unchanged: REPORTS.length - 1,
      written: 1,
      removed: 0,
    });
    const [editedArticle, { text }] = articleOf(edited)!;
    expect(text).toContain('这一段是测试为增量导入加上的新段落。');
    for (const [file, a] of articles())
      if (file !== editedArticle) expect(a).toEqual(before.get(file));
  });

  it('removes the article of a deleted source and leaves the others', () => {
    const deleted = REPORTS[2];
    const [gone] = articleOf(deleted)!;
    fs.rmSync(path.join(sources, '报告', deleted));
    expect(ingest()).toMatchObject({ sources: REPORTS.length - 1, converted: 0, removed: 1 });
    expect(articles().has(gone)).toBe(false);
    expect(articles().size).toBe(REPORTS.length - 1);
  });

  it('recovers from a swap interrupted between its two renames', () => {
    const before = articles();
    // What a run killed after moving the old set aside and before moving the new one in leaves.
    fs.renameSync(out, `${out}.old`);
    expect(fs.existsSync(out)).toBe(false);
    expect(ingest()).toMatchObject({ converted: 0, written: 0, removed: 0 });
    expect(fs.existsSync(`${out}.old`)).toBe(false);
    expect([...articles().keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('does not read a source whose size and modification time are as recorded, and re-reads it once touched', () => {
    // Same size, other bytes, time put back: only a run that skips reading it can miss the edit.
    // This is the shortcut that makes a re-run over 10,000 unchanged sources take a second or two.
    const file = path.join(sources, '报告', REPORTS[0]);
    const { atime, mtime } = fs.statSync(file);
    const text = fs.readFileSync(file, 'utf8');
    const swapped = text.replace('各位代表', '各位委员');
    expect(Buffer.byteLength(swapped)).toBe(Buffer.byteLength(text));
    expect(swapped).not.toBe(text);
    fs.writeFileSync(file, swapped);
    fs.utimesSync(file, atime, mtime);
    expect(ingest()).toMatchObject({ converted: 0, written: 0 });
    fs.utimesSync(file, new Date(), new Date());
    expect(ingest()).toMatchObject({ converted: 1, written: 1 });
    expect(articleOf(REPORTS[0])![1].text).toContain('各位委员');
  });

  it('re-converts everything when the pipeline that made the manifest is not this one', () => {
    const manifest = JSON.parse(fs.readFileSync(cache, 'utf8'));
    fs.writeFileSync(cache, JSON.stringify({ ...manifest, pipeline: 'an older pipeline' }));
    expect(ingest()).toMatchObject({ converted: REPORTS.length - 1, written: 0 });
  });
});
