import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SOURCES } from '../helpers/paths.ts';
import type { ProofreadingReport } from '../../src/core/proofreading.ts';
import { tempFolder } from '../helpers/temp-folder.ts';
import { folderArgs } from '../helpers/run-ingest.ts';

/** The real ingest CLI on Node 24, with its terminal summary (not --quiet). */
function ingest(args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/ingest.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const seed = (fs.readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.txt'))
  .find((f) => fs.readFileSync(path.join(SOURCES, f)).includes(Buffer.from('周均发')))!;

describe('ingest and the proofreading report', () => {
  it('prints a summary, writes the full JSON with --report, keeps findings of unchanged sources, and --check covers the report and accepted findings', () => {
    const dir = tempFolder('ingest-report');
    const sources = path.join(dir, 'sources');
    fs.mkdirSync(path.join(sources, '期刊'), { recursive: true });
    fs.copyFileSync(path.join(SOURCES, seed), path.join(sources, '期刊/seed.txt'));
    const args = folderArgs(dir, { cache: 'cache.json' });

    const first = ingest([...args, '--report', path.join(dir, 'report.json')]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/校对报告 \/ proofreading: \d+ 条/);
    expect(first.stdout).toContain('truncated');
    const report: ProofreadingReport = JSON.parse(
      fs.readFileSync(path.join(dir, 'report.json'), 'utf8'),
    );
    expect(report.findings.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['truncated', 'latin-in-chinese']),
    );
    expect(report.findings.every((f) => f.source === '期刊/seed.txt' && f.line > 0)).toBe(true);
    // The same report is written beside the articles folder for the site.
    expect(fs.readFileSync(path.join(dir, 'proofreading.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(dir, 'report.json'), 'utf8'),
    );

    // Nothing changed: nothing converted, the same findings reported.
    const again = ingest([...args, '--report', path.join(dir, 'again.json')]);
    expect(again.stdout).toContain('0 converted');
    expect(fs.readFileSync(path.join(dir, 'again.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(dir, 'report.json'), 'utf8'),
    );
    expect(ingest([...args, '--check']).status).toBe(0);

    // The editor accepts the "and": the report is stale until ingest runs, then leaves it out.
    fs.writeFileSync(
      path.join(sources, '期刊/seed.yaml'),
      'articles:\n  - match: 发展新质生产力 推进新型工业化\n    accept:\n      - { kind: latin-in-chinese, text: and }\n',
    );
    const stale = ingest([...args, '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('proofreading.json');
    expect(ingest(args).status).toBe(0);
    const accepted: ProofreadingReport = JSON.parse(
      fs.readFileSync(path.join(dir, 'proofreading.json'), 'utf8'),
    );
    expect(accepted.findings.map((f) => f.kind)).not.toContain('latin-in-chinese');
    expect(accepted.accepted).toBe(1);
    expect(accepted.findings).toHaveLength(report.findings.length - 1);
    // Five runs of the real CLI, each loading jieba: generous on a shared machine.
  }, 300_000);
});
