import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planIngest, type Manifest } from '../../scripts/ingest/plan.ts';
import { sha256 } from '../../scripts/model/hash.ts';
import { GOV_REPORTS } from '../helpers/paths.ts';

// Real reports, so the hashes are the ones ingest computes for real sources.
const names = [
  '2010年政府工作报告.txt',
  '2015年政府工作报告.txt',
  '2019年政府工作报告.txt',
  '2023年政府工作报告.txt',
].filter((f) => fs.existsSync(path.join(GOV_REPORTS, f)));
const bytes = new Map(names.map((f) => [f, fs.readFileSync(path.join(GOV_REPORTS, f))]));
const hashOf = (f: string) => sha256(bytes.get(f)!);
const articleOf = (f: string) => `${f.replace(/\.txt$/, '')}.mdx`;
const articleText = (f: string) =>
  `---\ntitle: "${f}"\n---\n${bytes.get(f)!.toString('utf8').slice(0, 200)}`;

/** The manifest a run over `sources` leaves behind. */
function manifestFor(sources: string[], pipeline: string): Manifest {
  return {
    pipeline,
    sources: Object.fromEntries(
      sources.map((f) => [
        f,
        { hash: hashOf(f), outputs: [{ file: articleOf(f), hash: sha256(articleText(f)) }] },
      ]),
    ),
  };
}
const outputsAsWritten = (file: string) => {
  const source = names.find((f) => articleOf(f) === file);
  return source ? sha256(articleText(source)) : undefined;
};

describe('planIngest', () => {
  it('has at least three real reports to plan with', () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it('adds everything on a first run', () => {
    const plan = planIngest(
      undefined,
      'p1',
      new Map(names.map((f) => [f, hashOf(f)])),
      () => undefined,
    );
    expect([...plan.values()]).toEqual(names.map(() => 'added'));
  });

  it('leaves sources whose bytes, pipeline and outputs are unchanged', () => {
    const plan = planIngest(
      manifestFor(names, 'p1'),
      'p1',
      new Map(names.map((f) => [f, hashOf(f)])),
      outputsAsWritten,
    );
    expect([...plan.values()]).toEqual(names.map(() => 'unchanged'));
  });

  it('re-converts a source whose bytes changed, and only it', () => {
    const [edited, ...rest] = names;
    const hashes = new Map(names.map((f) => [f, hashOf(f)]));
    hashes.set(edited, sha256(Buffer.concat([bytes.get(edited)!, Buffer.from('新增一句。')])));
    const plan = planIngest(manifestFor(names, 'p1'), 'p1', hashes, outputsAsWritten);
    expect(plan.get(edited)).toBe('changed');
    for (const f of rest) expect(plan.get(f)).toBe('unchanged');
  });

  it('marks a source that is gone as removed and a new one as added', () => {
    const [gone, ...kept] = names;
    const added = names.at(-1)!;
    const before = manifestFor(
      names.filter((f) => f !== added),
      'p1',
    );
    const plan = planIngest(
      before,
      'p1',
      new Map(kept.map((f) => [f, hashOf(f)])),
      outputsAsWritten,
    );
    expect(plan.get(gone)).toBe('removed');
    expect(plan.get(added)).toBe('added');
    for (const f of kept.filter((f) => f !== added)) expect(plan.get(f)).toBe('unchanged');
  });

  it('re-converts everything when the pipeline changed', () => {
    const plan = planIngest(
      manifestFor(names, 'p1'),
      'p2',
      new Map(names.map((f) => [f, hashOf(f)])),
      outputsAsWritten,
    );
    expect([...plan.values()]).toEqual(names.map(() => 'changed'));
  });

  it('re-converts a source whose generated article was edited or deleted by hand', () => {
    const [edited, deleted, ...rest] = names;
    const outputs = (file: string) =>
      file === articleOf(edited)
        ? sha256('手工改过')
        : file === articleOf(deleted)
          ? undefined
          : outputsAsWritten(file);
    const plan = planIngest(
      manifestFor(names, 'p1'),
      'p1',
      new Map(names.map((f) => [f, hashOf(f)])),
      outputs,
    );
    expect(plan.get(edited)).toBe('changed');
    expect(plan.get(deleted)).toBe('changed');
    for (const f of rest) expect(plan.get(f)).toBe('unchanged');
  });
});
