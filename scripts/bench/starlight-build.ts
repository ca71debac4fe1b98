/**
 * Starlight on the same documents as the bench's corpus copies, for issue 22's goal: our
 * `npm run build` at or under 0.4× Starlight's build time and memory.
 *
 * A Starlight project in <bench dir>/starlight, set up as Starlight's manual setup says
 * (astro.config.mjs with starlight({ title }), src/content.config.ts with docsLoader()/docsSchema(),
 * pages in src/content/docs): its own package.json and npm install, kept between runs while the
 * package.json is the same. Every source the corpus scenario gets (writeCorpusCopies, the same files
 * and texts) becomes one Starlight page: its file name as the title, its text as paragraphs. Then
 * `astro build` from a cold cache, measured with the bench's process-tree meter; Starlight builds its
 * Pagefind index inside it. Starlight keeps its defaults (a sidebar listing every page); only the
 * language is set to zh-CN, so its Pagefind segments Chinese words as ours does.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { environment } from '../../src/site/environment.ts';
import { measure } from './measure-tree.ts';
import { writeCorpusCopies } from './study-corpus.ts';

/** The Starlight release measured against (its current release when the goal was set). */
const STARLIGHT_RANGE = '0.42.x';

/** What the bench records of Starlight: its build measured, or why it could not be. */
export type StarlightRun =
  | {
      measured: true;
      starlightVersion: string;
      astroVersion: string;
      /** Sources written as pages, and the pages Starlight built from them (its 404 aside). */
      documents: number;
      pages: number;
      seconds: number;
      cpuSeconds: number;
      peakBytes: number;
    }
  | { measured: false; documents: number; reason: string };

// Markdown as Starlight reads it: CommonMark (remark-stringify escapes # > - 1. * _ ` [ ] < & \ …),
// plus GFM, where ~ marks strikethrough, and remark-directive, where :name starts a directive.
const markdown = unified().use(remarkStringify, {
  unsafe: [
    { character: '~', inConstruct: 'phrasing' },
    { character: ':', after: '[A-Za-z]', inConstruct: 'phrasing' },
  ],
});

/**
 * A source's paragraphs: runs of non-blank lines, joined without a space (a line cut by a
 * hyperlink in the reports goes on in the next line), indentation and trailing spaces dropped.
 */
export function sourceParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (line.trim() !== '') current.push(line.trim());
    else if (current.length > 0) {
      paragraphs.push(current.join(''));
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current.join(''));
  return paragraphs;
}

/**
 * One document as a Starlight page: the title in the front matter (a JSON string is a YAML string),
 * then every paragraph as a Markdown paragraph, escaped so that Markdown shows it as written.
 */
export function starlightPage(title: string, text: string): string {
  const tree: Root = {
    type: 'root',
    children: sourceParagraphs(text).map((value) => ({
      type: 'paragraph',
      children: [{ type: 'text', value }],
    })),
  };
  return `---\ntitle: ${JSON.stringify(title)}\n---\n\n${String(markdown.stringify(tree))}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Writes the corpus copies (as the corpus scenario gets them) into src/content/docs as numbered
 * pages, so that Starlight's slugs are plain and one source is one page. Returns how many.
 */
function writeDocs(project: string, sourceDirs: string[], copies: number): number {
  const staging = path.join(project, 'sources');
  const docs = path.join(project, 'src/content/docs');
  for (const d of [staging, docs]) fs.rmSync(d, { recursive: true, force: true });
  writeCorpusCopies(sourceDirs, staging, copies);
  fs.mkdirSync(docs, { recursive: true });
  const files = fs
    .readdirSync(staging, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  files.forEach((file, i) => {
    let text: string;
    try {
      text = utf8.decode(fs.readFileSync(file));
    } catch {
      throw new Error(
        `${file}: not UTF-8 text; the Starlight pages are written from UTF-8 sources`,
      );
    }
    const page = starlightPage(path.basename(file, '.txt'), text);
    fs.writeFileSync(path.join(docs, `doc-${String(i + 1).padStart(5, '0')}.md`), page);
  });
  fs.rmSync(staging, { recursive: true, force: true });
  return files.length;
}

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

const ASTRO_CONFIG = `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
    starlight({
      title: '政协学习资料库（Starlight 对照）',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
    }),
  ],
});
`;

/** The project's files besides its pages; Astro pinned to the version the site builds with. */
function writeProject(project: string, astroVersion: string): string {
  const packageJson = `${JSON.stringify(
    {
      name: 'starlight-bench',
      private: true,
      type: 'module',
      dependencies: { '@astrojs/starlight': STARLIGHT_RANGE, astro: astroVersion },
    },
    null,
    2,
  )}\n`;
  fs.mkdirSync(path.join(project, 'src'), { recursive: true });
  fs.writeFileSync(path.join(project, 'astro.config.mjs'), ASTRO_CONFIG);
  fs.writeFileSync(path.join(project, 'src/content.config.ts'), CONTENT_CONFIG);
  return packageJson;
}

function installedVersion(project: string, pkg: string): string | undefined {
  const file = path.join(project, 'node_modules', pkg, 'package.json');
  if (!fs.existsSync(file)) return undefined;
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * npm install in the Starlight project unless the same package.json is installed already. Returns
 * why it failed (npm's own error lines: offline, the registry unreachable), or undefined.
 */
function install(project: string, packageJson: string): string | undefined {
  const file = path.join(project, 'package.json');
  const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === packageJson;
  if (same && installedVersion(project, '@astrojs/starlight')) return undefined;
  fs.writeFileSync(file, packageJson);
  console.log(`  npm install @astrojs/starlight@${STARLIGHT_RANGE} in ${project}`);
  const npm = environment.npmCommandLine;
  const args = ['install', '--no-audit', '--no-fund', '--loglevel=error'];
  const run = npm
    ? spawnSync(process.execPath, [npm, ...args], { cwd: project, encoding: 'utf8' })
    : spawnSync('npm', args, {
        cwd: project,
        encoding: 'utf8',
        shell: process.platform === 'win32',
      });
  if (run.status === 0) return undefined;
  const errors = `${run.stderr ?? ''}${run.error?.message ?? ''}`
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 4)
    .join(' / ');
  fs.rmSync(file, { force: true }); // so the next run tries again
  return `npm install failed (exit ${run.status ?? 'none'}): ${errors}`;
}

/** Pages Starlight built: its HTML files, the 404 page aside. */
function builtPages(dist: string): number {
  return fs
    .readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html').length;
}

/** Sets up, fills and builds the Starlight project under `dir`; measures the build. */
export async function runStarlightBench(options: {
  dir: string;
  sourceDirs: string[];
  copies: number;
  /** The site's checkout: Starlight gets the same Astro version as its node_modules holds. */
  siteRoot: string;
  keep: boolean;
}): Promise<StarlightRun> {
  const project = path.join(options.dir, 'starlight');
  const astroVersion = installedVersion(options.siteRoot, 'astro');
  if (!astroVersion) throw new Error(`no astro in ${options.siteRoot}/node_modules`);
  const packageJson = writeProject(project, astroVersion);
  const documents = writeDocs(project, options.sourceDirs, options.copies);
  console.log(`\n== Starlight: ${documents} pages in ${path.join(project, 'src/content/docs')}`);
  const failed = install(project, packageJson);
  if (failed) return { measured: false, documents, reason: `Starlight not installed: ${failed}` };
  // A cold cache, as our builds get: Astro's data store, Vite's prebundle, the last output.
  for (const d of ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'dist'])
    fs.rmSync(path.join(project, d), { recursive: true, force: true });
  const astro = path.join(project, 'node_modules/astro/bin/astro.mjs');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const run = await measure(process.execPath, [astro, 'build'], { cwd: project, env });
  if (run.exitCode !== 0)
    return {
      measured: false,
      documents,
      reason: `Starlight's astro build failed (exit ${run.exitCode}): ${run.stderr.slice(-1500)}`,
    };
  const pages = builtPages(path.join(project, 'dist'));
  if (!options.keep)
    for (const d of ['dist', 'src/content/docs', '.astro'])
      fs.rmSync(path.join(project, d), { recursive: true, force: true });
  return {
    measured: true,
    starlightVersion: installedVersion(project, '@astrojs/starlight') ?? '?',
    astroVersion: installedVersion(project, 'astro') ?? '?',
    documents,
    pages,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    peakBytes: run.peakBytes,
  };
}
