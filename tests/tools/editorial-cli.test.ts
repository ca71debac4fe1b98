import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  errorLines,
  ingest,
  put,
  snapshot,
  workspace,
  type Workspace,
} from '../helpers/ingest-cli.ts';
import { ROOT } from '../helpers/paths.ts';

/** A constructed magazine issue (tests/fixtures/compilation/) and an editor's file for it. */
const ISSUE = fs.readFileSync(
  path.join(ROOT, 'tests/fixtures/compilation/magazine-layout.txt'),
  'utf8',
);
const QUOTE = '协商民主是实践全过程人民民主的重要形式';
const EDITORIAL = [
  'issue:',
  '  journal: 政协天地',
  '  number: 2024年第5期',
  'articles:',
  '  - index: 0',
  '    editorsNote: 编者按的文字。',
  '    quotes:',
  `      - ${QUOTE}`,
  '',
].join('\n');

/** The articles' text: snapshot keeps bytes as latin1 so that any change compares. */
const articleText = (files: Record<string, string>) =>
  Object.values(files)
    .map((v) => Buffer.from(v, 'latin1').toString('utf8'))
    .join('\n');

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function issueWithEditorial(): { ws: Workspace; before: Record<string, string> } {
  const ws = workspace();
  made.push(ws.dir);
  put(ws, '期刊/2024年第5期.txt', ISSUE);
  put(ws, '期刊/2024年第5期.yaml', EDITORIAL);
  const first = ingest(ws);
  expect(first.status, first.stderr).toBe(0);
  return { ws, before: snapshot(ws.out) };
}

describe('the editorial file survives re-ingest, and stale editorial work stops it', () => {
  it('merges the editor’s file into the articles, and an edit to the file alone re-converts its source', () => {
    const { ws, before } = issueWithEditorial();
    const texts = articleText(before);
    expect(texts).toContain('issue: "政协天地 2024年第5期"');
    expect(texts).toContain('编者按的文字。');
    put(ws, '期刊/2024年第5期.yaml', EDITORIAL.replace('编者按的文字。', '改过的编者按。'));
    const again = ingest(ws);
    expect(again.status, again.stderr).toBe(0);
    expect(articleText(snapshot(ws.out))).toContain('改过的编者按。');
  });

  it('a source changed so that a quote is gone: the error names the yaml file and line, and nothing is written', () => {
    const { ws, before } = issueWithEditorial();
    put(ws, '期刊/2024年第5期.txt', ISSUE.replace(QUOTE, '协商民主是重要形式'));
    const run = ingest(ws);
    expect(run.status).toBe(1);
    const errors = errorLines(run.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      `2024年第5期.yaml:${EDITORIAL.split('\n').indexOf(`      - ${QUOTE}`) + 1}`,
    );
    expect(snapshot(ws.out)).toEqual(before);
    expect(fs.existsSync(`${ws.out}.next`)).toBe(false);
  });

  it('an editorial file with no source beside it is an error, not ignored', () => {
    const { ws, before } = issueWithEditorial();
    put(ws, '期刊/2024年第6期.yaml', EDITORIAL);
    const run = ingest(ws);
    expect(run.status).toBe(1);
    expect(errorLines(run.stderr).join('\n')).toContain('2024年第6期.yaml');
    expect(snapshot(ws.out)).toEqual(before);
  });

  it('--skip-bad keeps the previous articles of a source whose editorial file went bad', () => {
    const { ws, before } = issueWithEditorial();
    put(ws, '期刊/2024年第5期.yaml', `${EDITORIAL}  - index: 99\n    title: 不存在\n`);
    const run = ingest(ws, '--skip-bad');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('2024年第5期.yaml');
    expect(snapshot(ws.out)).toEqual(before);
  });
});
