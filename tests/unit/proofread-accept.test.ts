import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAccepted } from '../../scripts/proofread/accept.ts';
import { readAcceptList } from '../../scripts/ingest/accept-list.ts';
import { buildReport, reportSummary } from '../../scripts/proofread/report.ts';
import type { Finding } from '../../src/core/proofreading.ts';
import { tempFolder } from '../helpers/temp-folder.ts';

const finding = (
  kind: Finding['kind'],
  text: string,
  title = '发展新质生产力',
  sourceIndex = 2,
): Finding => ({
  kind,
  severity: 'warning',
  message: 'm',
  text,
  source: '期刊/x.txt',
  line: 50,
  article: 'a',
  title,
  sourceIndex,
  before: '',
  after: '',
});

describe('accepted findings', () => {
  it('sets aside what the editor accepted, by kind, text and article; pure', () => {
    const all = [
      finding('latin-in-chinese', 'and'),
      finding('latin-in-chinese', 'the'),
      finding('truncated', '(一)', '地方政协', 3),
    ];
    const rules = [
      { kind: 'latin-in-chinese', text: 'and', article: { match: '发展新质生产力' } },
      { kind: 'truncated', article: { index: 1 } },
    ];
    const before = JSON.stringify(all);
    const { open, accepted } = applyAccepted(all, rules);
    expect(accepted.map((f) => f.text)).toEqual(['and']);
    expect(open.map((f) => f.text)).toEqual(['the', '(一)']);
    expect(JSON.stringify(all)).toBe(before);
    expect(applyAccepted(all, [{ kind: 'truncated' }]).open.map((f) => f.text)).toEqual([
      'and',
      'the',
    ]);
  });

  it('reads accept lists from the yaml beside a source, and the report leaves accepted findings out of its list and counts', () => {
    const dir = tempFolder('accept');
    fs.mkdirSync(path.join(dir, '期刊'));
    fs.writeFileSync(
      path.join(dir, '期刊/x.yaml'),
      'articles:\n  - match: 发展新质生产力\n    accept:\n      - { kind: latin-in-chinese, text: and }\n',
    );
    const rules = readAcceptList(dir, '期刊/x.txt');
    expect(rules).toEqual([
      { kind: 'latin-in-chinese', text: 'and', article: { match: '发展新质生产力' } },
    ]);
    const report = buildReport(
      new Map([
        [
          '期刊/x.txt',
          {
            findings: [finding('latin-in-chinese', 'and'), finding('doubled-character', '心心')],
            articles: [],
          },
        ],
      ]),
      (s) => readAcceptList(dir, s),
    );
    expect(report.findings.map((f) => f.text)).toEqual(['心心']);
    expect(report.counts).toEqual({ 'doubled-character': 1 });
    expect(report.accepted).toBe(1);
    expect(reportSummary(report)).toContain('1 条已由编辑认可');
    fs.writeFileSync(
      path.join(dir, '期刊/x.yaml'),
      'articles:\n  - accept:\n      - { text: and }\n',
    );
    expect(() => readAcceptList(dir, '期刊/x.txt')).toThrow(/期刊\/x\.yaml/);
  });
});
