import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sourceParagraphs, starlightPage } from '../../scripts/bench/starlight-build.ts';
import { GOV_REPORTS, SOURCES } from '../helpers/paths.ts';

const commonMark = unified().use(remarkParse);

/** A page split into its front matter (as YAML) and its body parsed as CommonMark. */
function readPage(page: string): { title: unknown; body: Root } {
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(page);
  if (!m) throw new Error(`no front matter in ${page.slice(0, 80)}`);
  return { title: (parseYaml(m[1]) as { title: unknown }).title, body: commonMark.parse(m[2]) };
}

function expectParagraphs(body: Root, paragraphs: string[]): void {
  expect(body.children.map((c) => c.type)).toEqual(paragraphs.map(() => 'paragraph'));
  expect(body.children.map((c) => toString(c))).toEqual(paragraphs);
}

const documents = [GOV_REPORTS, SOURCES].flatMap((dir) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => path.join(e.parentPath, e.name)),
);

describe('the bench writes the corpus as Starlight pages', () => {
  it('turns every shared report and shipped source into a page whose paragraphs read back as its text', () => {
    expect(documents.length).toBeGreaterThan(0);
    for (const file of documents) {
      const text = fs.readFileSync(file, 'utf8');
      const title = path.basename(file, '.txt');
      const paragraphs = sourceParagraphs(text);
      const page = readPage(starlightPage(title, text));
      expect(page.title).toBe(title);
      expectParagraphs(page.body, paragraphs);
      // Nothing of the text is lost: only line breaks, indentation and trailing spaces go.
      const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
      const sameText = paragraphs.join('') === lines.map((l) => l.trim()).join('');
      expect(sameText, `${file}: text lost`).toBe(true);
    }
  });

  it('joins a report line cut by a hyperlink to its paragraph (1954 report, shared corpus)', () => {
    const text = fs.readFileSync(path.join(GOV_REPORTS, '1954年政府工作报告.txt'), 'utf8');
    const cut = text.split('\n').findIndex((l) => l.trim() === '關於憲法草案的報告');
    expect(cut).toBeGreaterThan(0);
    const joined = sourceParagraphs(text).find((p) => p.includes('關於憲法草案的報告'));
    expect(joined).toContain('同志關於憲法草案的報告並進行了三天的討論');
  });

  it('keeps as text a real paragraph that starts or is strewn with Markdown markup', () => {
    const real = sourceParagraphs(
      fs.readFileSync(path.join(GOV_REPORTS, '2024年政府工作报告.txt'), 'utf8'),
    ).slice(1, 4);
    expect(real.length).toBe(3);
    const [a, b, c] = real.map((p) => p.slice(0, 30));
    const hostile = [
      `# ${a}`,
      `> ${b}`,
      `- ${c}`,
      `1. ${a}`,
      `2) ${b}`,
      `* ${c}`,
      `+ ${a}`,
      `<div>${b}</div>`,
      `<!-- ${c} -->`,
      '---',
      '===',
      `${a}*${b}*${c}`,
      `${a}_${b}_ \`${c}\``,
      `[${a}](${b}) ![${c}](x.png)`,
      `&amp; ${a} \\ ${b}`,
      `    ${c}`,
    ];
    const text = hostile.join('\n\n');
    const paragraphs = sourceParagraphs(text);
    expect(paragraphs).toEqual(hostile.map((p) => p.trim()));
    expectParagraphs(readPage(starlightPage(a, text)).body, paragraphs);
  });

  it("escapes what only Starlight's Markdown reads as markup: GFM strikethrough and directives", () => {
    const page = starlightPage('题', '科研~~机构~~ and 高校\n\n时间 note:abc 与 3:30');
    expect(page).toContain('科研\\~\\~机构\\~\\~');
    expect(page).toContain('note\\:abc');
    expect(page).toContain('3:30');
  });

  it('writes titles with quotes, colons and hashes as YAML strings', () => {
    for (const title of ['2024年政府工作报告（第2套）', '"引号" # 井号: 冒号', "'单引' - 减号"])
      expect(readPage(starlightPage(title, '正文。')).title).toBe(title);
  });
});
