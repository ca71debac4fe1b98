import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { pdfToLines } from '../../scripts/ingest/stages/pdf.ts';
import { readArticle } from '../../src/core/article-file.ts';
import { badPdfs, ISSUE_TEXT, printIssue, RUNNING_HEAD } from '../fixtures/pdf/fixtures.ts';
import { openTypesetter } from '../fixtures/pdf/typeset.ts';
import { errorLines, ingest, put, snapshot, workspace } from '../helpers/ingest-cli.ts';

/** What an editor sees of an article: its metadata as read, and its text with headings and paragraphs. */
async function articles(source: string, bytes: Uint8Array) {
  const { articles: generated } = await convertSource(source, bytes);
  return generated.map((a) => {
    const { data, body } = readArticle(a.content);
    const { title, subtitle, column, authors, positions, byline, date, notes } = data;
    return { title, subtitle, column, authors, positions, byline, date, notes, body, slug: a.slug };
  });
}

const chars = (text: string) => [...text.replace(/\s/g, '')].sort().join('');

let issue: Map<1 | 2 | 3, Uint8Array>;
let bad: Record<string, Uint8Array>;

beforeAll(async () => {
  issue = await printIssue();
  bad = await badPdfs(issue.get(2) ?? new Uint8Array());
}, 180_000);

describe('a journal issue typeset as PDF (constructed, printed with Chromium)', () => {
  for (const columns of [1, 2, 3] as const)
    it(`in ${columns} column(s) with running head and — n — folios gives the articles of its text export`, async () => {
      const fromText = await articles('期刊/2024年第11期.txt', Buffer.from(ISSUE_TEXT));
      const fromPdf = await articles(
        '期刊/2024年第11期.pdf',
        issue.get(columns) ?? new Uint8Array(),
      );
      expect(fromText.map((a) => a.title)).toEqual([
        '扩大有效需求 增强发展动力',
        '加强基本民生保障',
        '经济发展再上新台阶',
      ]);
      expect(fromPdf).toEqual(fromText);
    });

  it('leaves no running head or folio in the text, and every other character of the text layer in an article', async () => {
    for (const bytes of issue.values()) {
      const text = (await pdfToLines(bytes, 'issue.pdf')).map((l) => l.text).join('\n');
      expect(text).not.toContain(RUNNING_HEAD);
      expect(text).not.toMatch(/— \d+ —/);
      expect(chars(text)).toBe(chars(ISSUE_TEXT));
    }
  });

  it('is several pages long, so the head and folios repeat', () => {
    for (const bytes of issue.values())
      expect(
        Buffer.from(bytes)
          .toString('latin1')
          .match(/\/Type\s*\/Page\b/g)?.length,
      ).toBeGreaterThan(1);
  });
});

describe('proofreading a PDF', () => {
  it('places a finding by the page and the line on it where the PDF shows the flagged text', async () => {
    const typesetter = await openTypesetter();
    const marked = ISSUE_TEXT.replace(
      '经过八年持续努力',
      '经过八年持续努力，科研机构 and 高等院校',
    );
    let pdf: Uint8Array;
    try {
      pdf = await typesetter.print(marked, { columns: 1, runningHead: RUNNING_HEAD });
    } finally {
      await typesetter.close();
    }
    const { articles: generated } = await convertSource('期刊/校对.pdf', pdf);
    const finding = generated
      .flatMap((a) => a.findings)
      .find((f) => f.kind === 'latin-in-chinese' && f.text === 'and');
    expect(finding?.page).toBeDefined();
    // Poppler, not PDF.js, says where the text is: its page, and its line among the page's lines
    // between the running head and the folio.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-proofread-')), '校对.pdf');
    fs.writeFileSync(file, pdf);
    const page = String(finding?.page);
    const lines = execFileSync('pdftotext', ['-f', page, '-l', page, file, '-'], {
      encoding: 'utf8',
    })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && l !== '\f');
    expect(lines[0]).toBe(RUNNING_HEAD);
    const body = lines.slice(1, -1);
    expect(body.findIndex((l) => / ?and ?/.test(l)) + 1).toBe(finding?.line);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});

describe('PDFs ingest cannot read stop it, naming the file, with nothing written', () => {
  const cases = {
    'scan.pdf': /没有文字层（扫描件），请先做文字识别/,
    'encrypted.pdf': /加了密码/,
    'damaged.pdf': /已损坏/,
  };
  for (const [name, message] of Object.entries(cases))
    it(name, () => {
      const ws = workspace();
      put(ws, '期刊/正常.txt', ISSUE_TEXT);
      expect(ingest(ws).status).toBe(0);
      const before = snapshot(ws.out);
      put(ws, `期刊/${name}`, bad[name]);
      const run = ingest(ws);
      expect(run.status).not.toBe(0);
      const errors = errorLines(run.stderr);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(path.join('期刊', name));
      expect(errors[0]).toMatch(message);
      expect(snapshot(ws.out)).toEqual(before);
      fs.rmSync(ws.dir, { recursive: true, force: true });
    });
});

describe('a PDF is a source like any other', () => {
  it('takes its editorial file beside it, and ingest --check holds after it', () => {
    const ws = workspace();
    put(ws, '期刊/2024年第11期.pdf', issue.get(2) ?? new Uint8Array());
    put(
      ws,
      '期刊/2024年第11期.yaml',
      'issue:\n  journal: 政协天地\n  number: 2024年第11期\n  date: 2024-11-20\narticles:\n  - match: 加强基本民生保障\n    title: 加强基本民生保障工作\n',
    );
    const run = ingest(ws);
    expect(run.status, run.stderr).toBe(0);
    // snapshot() reads bytes as latin1; the articles are read back as the UTF-8 they are.
    const files = Object.keys(snapshot(ws.out))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => readArticle(fs.readFileSync(path.join(ws.out, f), 'utf8')).data);
    expect(files).toHaveLength(3);
    expect(files.map((a) => a.title)).toContain('加强基本民生保障工作');
    expect(files.every((a) => a.journal === '政协天地')).toBe(true);
    expect(ingest(ws, '--check').status).toBe(0);
    // Incremental: the PDF's bytes are hashed; the same bytes are not converted again, others are.
    expect(ingest(ws).stdout).toMatch(/\(0 converted, 1 unchanged/);
    put(ws, '期刊/2024年第11期.pdf', issue.get(3) ?? new Uint8Array());
    expect(ingest(ws).stdout).toMatch(/\(1 converted/);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });
});
