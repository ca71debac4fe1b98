import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  localImportClosure,
  pipelineFingerprint,
} from '../../scripts/ingest/pipeline-fingerprint.ts';
import { ROOT } from '../helpers/paths.ts';

describe('pipeline fingerprint', () => {
  const closure = localImportClosure(path.join(ROOT, 'scripts/ingest/pipeline.ts')).map((f) =>
    path.relative(ROOT, f),
  );

  it('covers the stages, the numbering rules and the vocabularies the pipeline imports', () => {
    for (const f of [
      'scripts/ingest/stages/split.ts',
      'scripts/ingest/stages/tag.ts',
      'src/core/chinese.ts',
      'src/language/glossary.ts',
      'src/data/glossary.json',
      'src/data/topics.json',
      'src/data/columns.json',
    ]) {
      expect(closure).toContain(f);
    }
  });

  it('leaves out scripts the conversion does not run, so editing them re-converts nothing', () => {
    for (const f of ['scripts/ingest.ts', 'scripts/search-index.ts', 'scripts/bench.ts'])
      expect(closure).not.toContain(f);
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fingerprint-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('changes when an imported module or data file changes, and only then', () => {
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.writeFileSync(
      path.join(dir, 'entry.ts'),
      "import { rule } from './lib/rule.ts';\nexport const run = () => rule;\n",
    );
    fs.writeFileSync(
      path.join(dir, 'lib/rule.ts'),
      "import words from './words.json' with { type: 'json' };\nexport const rule = words;\n",
    );
    fs.writeFileSync(path.join(dir, 'lib/words.json'), '["协商民主"]');
    fs.writeFileSync(path.join(dir, 'unrelated.ts'), 'export const x = 1;\n');
    const entry = path.join(dir, 'entry.ts');
    const first = pipelineFingerprint(dir, entry);

    fs.writeFileSync(path.join(dir, 'unrelated.ts'), 'export const x = 2;\n');
    expect(pipelineFingerprint(dir, entry)).toBe(first);

    fs.writeFileSync(path.join(dir, 'lib/words.json'), '["协商民主","全过程人民民主"]');
    const second = pipelineFingerprint(dir, entry);
    expect(second).not.toBe(first);

    fs.writeFileSync(
      path.join(dir, 'lib/rule.ts'),
      "import words from './words.json' with { type: 'json' };\nexport const rule = words.slice(1);\n",
    );
    expect(pipelineFingerprint(dir, entry)).not.toBe(second);
  });
});
