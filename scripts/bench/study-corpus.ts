/**
 * Builds benchmark archives from the real government work reports: N study-length articles
 * (about 4,000 characters, cut at the reports' 一、 sections and then at paragraphs), or the whole
 * corpus copied several times. Real text, so ingest, Astro and Pagefind do the work they do for real.
 */
import { CN_NUMERAL } from '../../src/core/chinese.ts';
import fs from 'node:fs';
import path from 'node:path';

/** One study-length excerpt of a report. */
export interface Piece {
  /** Report file name without extension ("2010年政府工作报告"). */
  report: string;
  /** Heading (without its number) of the section the piece starts in, or 导言 before the first. */
  section: string;
  /** 1 for the first piece labelled with that section, 2 for the next… */
  part: number;
  /** The report's lines as printed, blank ones included; a piece that opens a section starts with its heading. */
  paragraphs: string[];
  characters: number;
}

/** A piece closes at a 一、 heading once it is this long, or inside a section once it reaches MAX. */
const AT_SECTION = 2800;
const MAX = 4200;
/** A tail shorter than this joins the piece before it rather than stand as a thin article. */
const MIN_TAIL = 1500;
const SECTION_HEADING = new RegExp(`^[\\s\\u3000]*${CN_NUMERAL}+、`, 'u');
const NUMERALS = '一二三四五六七八九十';

function reportFiles(reportsDir: string): string[] {
  return fs
    .readdirSync(reportsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/**
 * Cuts every report into pieces of about 4,000 characters: a piece starts at a 一、 section when it
 * can, and a long section is cut between paragraphs. Short reports (resolutions) are left out.
 */
export function studyPieces(reportsDir: string): Piece[] {
  const pieces: Piece[] = [];
  for (const file of reportFiles(reportsDir)) {
    const report = file.replace(/\.txt$/, '');
    const lines = fs
      .readFileSync(path.join(reportsDir, file), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/)
      .map((l) => l.trimEnd());
    const chunks: { section: string; part: number; paragraphs: string[]; characters: number }[] =
      [];
    let section = '导言';
    // Pieces per section label, so a label that comes back (a heading shorter than its text) still numbers on.
    const parts = new Map<string, number>();
    let current: (typeof chunks)[number] | undefined;
    for (const line of lines) {
      // Blank lines stay as they were: ingest reads a line cut by a hyperlink from the spacing.
      if (line.trim() === '') {
        current?.paragraphs.push(line);
        continue;
      }
      const heading = SECTION_HEADING.test(line);
      if (heading) section = line.replace(SECTION_HEADING, '').trim();
      if (!current || (heading && current.characters >= AT_SECTION) || current.characters >= MAX) {
        const part = (parts.get(section) ?? 0) + 1;
        parts.set(section, part);
        current = { section, part, paragraphs: [], characters: 0 };
        chunks.push(current);
      }
      current.paragraphs.push(line);
      current.characters += line.trim().length;
    }
    // A short last chunk joins the one before it.
    const tail = chunks.at(-1);
    const before = chunks.at(-2);
    if (tail && before && tail.characters < MIN_TAIL) {
      chunks.pop();
      before.paragraphs.push(...tail.paragraphs);
      before.characters += tail.characters;
    }
    // A resolution or a one-line preamble is not a study article.
    for (const c of chunks) if (c.characters >= MIN_TAIL) pieces.push({ report, ...c });
  }
  return pieces;
}

/** A title the splitter takes as one: short, no comma or full stop, not ending in a bracket or colon. */
export function pieceTitle(piece: Piece, edition: number): string {
  const year = /^\d{4}年/.exec(piece.report)?.[0] ?? '';
  const section = piece.section
    .replace(/[，,。、；;：:！？!?“”"（）()《》\s\u3000]+/gu, ' ')
    .trim()
    .slice(0, 16)
    .trim();
  const part = piece.part > 1 ? ` 之${NUMERALS[Math.min(piece.part, 10) - 1]}` : '';
  return `${year}报告选读 ${section}${part} 第${edition}编`;
}

/** Columns the generated articles are spread over, so no index page lists the whole archive at once. */
const COLUMNS = ['学习笔记', '履职思考', '调研报告', '理论研究', '协商议政', '工作研究'];

export interface StudySource {
  /** Path relative to the sources folder. */
  file: string;
  title: string;
}

/**
 * Writes N single-article sources (title line, blank line, text) into sourcesDir, cycling through
 * the pieces; each round through them is one 编 (edition), so every title and file name is distinct.
 */
export function writeStudySources(
  reportsDir: string,
  sourcesDir: string,
  n: number,
): StudySource[] {
  const pieces = studyPieces(reportsDir);
  const written: StudySource[] = [];
  for (let i = 0; i < n; i++) {
    const piece = pieces[i % pieces.length];
    const title = pieceTitle(piece, Math.floor(i / pieces.length) + 1);
    const file = `${COLUMNS[i % COLUMNS.length]}/${String(i + 1).padStart(5, '0')}-${title.replace(/\s+/g, '-')}.txt`;
    fs.mkdirSync(path.dirname(path.join(sourcesDir, file)), { recursive: true });
    fs.writeFileSync(
      path.join(sourcesDir, file),
      `${title}\n\n${piece.paragraphs.join('\n').trim()}\n`,
    );
    written.push({ file, title });
  }
  return written;
}

/**
 * Writes every report (and the shipped sources) `copies` times, the corpus build that npm run
 * bench also gives Starlight. The first set keeps the shipped paths (folder, file name and the
 * editorial .yaml beside it), so pages the site names by address (study sessions in
 * src/data/sessions.json, among them the journal issue's articles under qikan/) exist; the shared
 * reports and later sets go into 政府工作报告 and carry 第k套.
 */
export function writeCorpusCopies(
  sourceDirs: string[],
  sourcesDir: string,
  copies: number,
): number {
  let count = 0;
  for (const dir of sourceDirs) {
    const files = walkTxt(dir);
    for (let copy = 1; copy <= copies; copy++) {
      for (const rel of files) {
        // One column folder for the rest, so the column stays 政府工作报告; the set number keeps file names apart.
        const shippedPath = copy === 1 && path.dirname(rel) !== '.';
        const file = shippedPath
          ? rel
          : path.join(
              '政府工作报告',
              copy === 1 ? path.basename(rel) : `${path.basename(rel, '.txt')}（第${copy}套）.txt`,
            );
        fs.mkdirSync(path.dirname(path.join(sourcesDir, file)), { recursive: true });
        // The same report in two sets (shipped and shared, or twice among the sources) must still be two pages.
        let target = file;
        for (let n = 1; fs.existsSync(path.join(sourcesDir, target)); n++)
          target = file.replace(/\.txt$/, n === 1 ? '（另本）.txt' : `（另本${n}）.txt`);
        fs.copyFileSync(path.join(dir, rel), path.join(sourcesDir, target));
        const editorial = path.join(dir, rel.replace(/\.txt$/, '.yaml'));
        if (shippedPath && target === file && fs.existsSync(editorial))
          fs.copyFileSync(editorial, path.join(sourcesDir, target.replace(/\.txt$/, '.yaml')));
        count++;
      }
    }
  }
  return count;
}

function walkTxt(dir: string, rel = ''): string[] {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) =>
      e.isDirectory()
        ? walkTxt(dir, path.join(rel, e.name))
        : e.name.endsWith('.txt')
          ? [path.join(rel, e.name)]
          : [],
    );
}

/**
 * Writes one journal issue as an editor adds it each month: a source of `articles` articles
 * separated by "＊　＊　＊", with its .yaml giving the journal, number and date. The pieces are
 * taken from the end of the cycle with an edition no generated archive reaches, so the titles are new.
 */
export function writeJournalIssue(
  reportsDir: string,
  sourcesDir: string,
  issue: { articles: number; number: string; date: string },
): string {
  const pieces = studyPieces(reportsDir);
  const texts = Array.from({ length: issue.articles }, (_, i) => {
    const piece = pieces[pieces.length - 1 - i];
    return `${pieceTitle(piece, 9000)}\n\n${piece.paragraphs.join('\n').trim()}\n`;
  });
  const file = path.join('期刊', `基准月刊${issue.number}.txt`);
  fs.mkdirSync(path.join(sourcesDir, '期刊'), { recursive: true });
  fs.writeFileSync(path.join(sourcesDir, file), texts.join('\n＊　＊　＊\n\n'));
  fs.writeFileSync(
    path.join(sourcesDir, file.replace(/\.txt$/, '.yaml')),
    `issue:\n  journal: 基准月刊\n  number: ${issue.number}\n  date: ${issue.date}\n`,
  );
  return file;
}
