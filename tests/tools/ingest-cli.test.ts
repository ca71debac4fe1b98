import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodedVariants, hostileText, unreadableSources } from '../fixtures/hostile/fixtures.ts';
import {
  errorLines,
  ingest,
  ingestInBackground,
  put,
  snapshot,
  workspace,
  type Workspace,
} from '../helpers/ingest-cli.ts';
import { ROOT, SOURCES } from '../helpers/paths.ts';
import { SOURCE_EXTENSIONS } from '../../scripts/ingest/pipeline.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A workspace holding two good sources, already ingested once. */
function ingested(): { ws: Workspace; before: Record<string, string> } {
  const ws = workspace();
  made.push(ws.dir);
  put(ws, '委员履职/委员履职心得.txt', encodedVariants()['gbk.txt']);
  put(ws, '社区养老/没有小标题.txt', hostileText('没有小标题.txt'));
  const first = ingest(ws);
  expect(first.status, first.stderr).toBe(0);
  const before = snapshot(ws.out);
  expect(Object.keys(before)).toHaveLength(2);
  return { ws, before };
}

describe('unreadable sources stop ingest, one message per file, nothing changed', () => {
  it.each(unreadableSources())('$name', ({ name, bytes, reason }) => {
    const { ws, before } = ingested();
    put(ws, name, bytes);
    const run = ingest(ws);
    expect(run.status).toBe(1);
    const errors = errorLines(run.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(name);
    expect(errors[0]).toMatch(reason);
    expect(snapshot(ws.out)).toEqual(before);
    expect(fs.existsSync(`${ws.out}.next`)).toBe(false);
  });

  it('lists every bad file at once, and --check fails the same way', () => {
    const { ws, before } = ingested();
    for (const u of unreadableSources()) put(ws, `坏文件/${u.name}`, u.bytes);
    for (const args of [[], ['--check']]) {
      const run = ingest(ws, ...args);
      expect(run.status).toBe(1);
      const errors = errorLines(run.stderr);
      expect(errors).toHaveLength(unreadableSources().length);
      for (const u of unreadableSources())
        expect(errors.filter((e) => e.includes(u.name) && u.reason.test(e))).toHaveLength(1);
      expect(snapshot(ws.out)).toEqual(before);
    }
  });

  it('--skip-bad goes on with the rest and lists what it skipped', () => {
    const { ws, before } = ingested();
    for (const u of unreadableSources()) put(ws, u.name, u.bytes);
    put(ws, '繁體字.txt', hostileText('繁體字.txt'));
    const run = ingest(ws, '--skip-bad');
    expect(run.status, run.stderr).toBe(0);
    const skipped = run.stderr.split('\n').find((l) => l.startsWith('已跳过 / skipped'));
    for (const u of unreadableSources()) expect(skipped).toContain(u.name);
    const after = snapshot(ws.out);
    expect(Object.keys(after)).toHaveLength(3);
    for (const [file, content] of Object.entries(before)) expect(after[file]).toBe(content);
  });

  it('--skip-bad keeps the previous article of a source that went bad, rather than deleting it', () => {
    const { ws, before } = ingested();
    put(ws, '委员履职/委员履职心得.txt', Buffer.alloc(0));
    const run = ingest(ws, '--skip-bad');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/保留旧文章/);
    expect(snapshot(ws.out)).toEqual(before);
  });

  it('refuses a sources folder that does not exist instead of emptying the archive', () => {
    const { ws, before } = ingested();
    const run = ingest({ ...ws, sources: path.join(ws.dir, '没有这个目录') });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/材料目录不存在/);
    expect(snapshot(ws.out)).toEqual(before);
  });
});

describe('other files under sources', () => {
  it('names a file of another type in a warning and leaves it alone', () => {
    const { ws, before } = ingested();
    const others = {
      '委员履职/说明.pptx': 'PK\x03\x04 not a source',
      '委员履职/照片.jpg': '\xff\xd8\xff',
      '旧稿.doc': '\xd0\xcf\x11\xe0',
    };
    for (const [rel, bytes] of Object.entries(others)) put(ws, rel, Buffer.from(bytes, 'latin1'));
    // Word's lock file beside an open document is no source and no error either.
    put(ws, '委员履职/~$员履职心得.docx', Buffer.alloc(162, 7));
    const run = ingest(ws);
    expect(run.status, run.stderr).toBe(0);
    for (const rel of [...Object.keys(others), '委员履职/~$员履职心得.docx']) {
      expect(
        run.stderr.split('\n').filter((l) => l.startsWith('警告 / warning:') && l.includes(rel)),
      ).toHaveLength(1);
    }
    for (const [rel, bytes] of Object.entries(others))
      expect(fs.readFileSync(path.join(ws.sources, rel), 'latin1')).toBe(bytes);
    expect(snapshot(ws.out)).toEqual(before);
  });

  it('removes the article of a removed source, and only that one', () => {
    const { ws, before } = ingested();
    fs.rmSync(path.join(ws.sources, '社区养老/没有小标题.txt'));
    expect(ingest(ws).status).toBe(0);
    const after = snapshot(ws.out);
    expect(Object.keys(after)).toHaveLength(1);
    const [kept] = Object.keys(after);
    expect(after[kept]).toBe(before[kept]);
  });
});

describe('writes are atomic', () => {
  /** The shipped reports three times over: enough work that a kill lands mid-run. */
  function reportsWorkspace(): Workspace {
    const ws = workspace();
    made.push(ws.dir);
    for (const copy of ['甲', '乙', '丙'])
      fs.cpSync(SOURCES, path.join(ws.sources, copy), { recursive: true });
    return ws;
  }

  function reviseAll(ws: Workspace): void {
    for (const entry of fs.readdirSync(ws.sources, { recursive: true, withFileTypes: true })) {
      // Sources only: an editor's .yaml beside them is data, and a line of prose would break it.
      if (entry.isFile() && SOURCE_EXTENSIONS.includes(path.extname(entry.name)))
        fs.appendFileSync(path.join(entry.parentPath, entry.name), '\n本文件已修订。\n');
    }
  }

  it('a run killed at any moment leaves the previous articles or the new ones, never a mix', async () => {
    const template = reportsWorkspace();
    expect(ingest(template).status).toBe(0);
    const old = snapshot(template.out);
    reviseAll(template);
    const expected = reportsWorkspace();
    reviseAll(expected);
    expect(ingest(expected).status).toBe(0);
    const revised = snapshot(expected.out);
    expect(revised).not.toEqual(old);

    let killedMidRun = 0;
    // Kill soon after start, mid-conversion, and the moment the new set starts being written aside.
    for (const when of [300, 1500, 'writing'] as const) {
      const ws = workspace();
      made.push(ws.dir);
      fs.cpSync(template.dir, ws.dir, { recursive: true });
      const child = ingestInBackground(ws);
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      if (when === 'writing') {
        while (child.exitCode === null && !fs.existsSync(`${ws.out}.next`))
          await new Promise((r) => setTimeout(r, 1));
      } else await new Promise((r) => setTimeout(r, when));
      child.kill('SIGKILL');
      if ((await exited) === 'SIGKILL') killedMidRun++;

      const now = fs.existsSync(ws.out) ? snapshot(ws.out) : snapshot(`${ws.out}.old`);
      expect([old, revised]).toContainEqual(now);
      // The next run recovers and finishes the job.
      const again = ingest(ws);
      expect(again.status, again.stderr).toBe(0);
      expect(snapshot(ws.out)).toEqual(revised);
      expect(fs.existsSync(`${ws.out}.next`) || fs.existsSync(`${ws.out}.old`)).toBe(false);
    }
    expect(killedMidRun).toBeGreaterThan(0);
  }, 180_000);

  it('recovers the previous set from each state a crash between the two renames can leave', () => {
    const { ws, before } = ingested();
    const next = `${ws.out}.next`;
    const old = `${ws.out}.old`;
    const half = () => {
      fs.mkdirSync(next, { recursive: true });
      fs.writeFileSync(path.join(next, '半个文件.mdx'), '---\ntitle: "写了一半');
    };

    // Died while writing the new set aside.
    half();
    expect(ingest(ws, '--check').status).toBe(0);
    expect(snapshot(ws.out)).toEqual(before);
    expect(fs.existsSync(next)).toBe(false);

    // Died after moving the old set aside, before moving the new one in.
    half();
    fs.renameSync(ws.out, old);
    expect(ingest(ws, '--check').status).toBe(0);
    expect(snapshot(ws.out)).toEqual(before);
    expect(fs.existsSync(old) || fs.existsSync(next)).toBe(false);

    // Died after the swap, before deleting the old set.
    fs.cpSync(ws.out, old, { recursive: true });
    fs.writeFileSync(path.join(old, '旧的.md'), 'old');
    expect(ingest(ws, '--check').status).toBe(0);
    expect(snapshot(ws.out)).toEqual(before);
    expect(fs.existsSync(old)).toBe(false);
  });
});

describe('npm run build', () => {
  it('stops on a bad source with its message and leaves the articles as they were', () => {
    // A copy of the project (sharing node_modules), so a bad file never enters the real sources.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-build-'));
    made.push(copy, `${copy}-dist`, `${copy}-dist-cache`);
    for (const item of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'scripts']) {
      fs.cpSync(path.join(ROOT, item), path.join(copy, item), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const articles = path.join(copy, 'src/content/articles');
    const before = snapshot(articles);
    fs.writeFileSync(
      path.join(copy, 'src/content/sources/政府工作报告/损坏的文件.txt'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
    );
    const run = spawnSync('npm', ['run', '-s', 'build'], {
      cwd: copy,
      encoding: 'utf8',
      env: { ...process.env, DIST_DIR: `${copy}-dist`, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(run.status).not.toBe(0);
    expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/损坏的文件\.txt: 二进制文件/)]);
    expect(snapshot(articles)).toEqual(before);
    expect(fs.existsSync(`${copy}-dist`)).toBe(false);
  }, 120_000);
});
