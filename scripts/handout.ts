/**
 * npm run handout -- <slug or path>… [--all] [--outline] [--notes] [--cover "会议名称"]
 *                    [--date 2026-03-05] [--organiser "政协办公室"] [--out file.pdf] [--build]
 *
 * Prints a study handout to PDF (scripts/handout/print.ts): this file reads the command line and
 * finds the articles it names.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { HandoutItem } from '../src/core/handout-items.ts';
import { chromiumAvailable, CHROMIUM } from './tools/chromium.ts';
import { readArticles, resolveArguments, type ArticleFile } from './handout/articles.ts';
import { HandoutFailure, printHandout } from './handout/print.ts';
import { environment } from '../src/site/environment.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  '用法：npm run handout -- <文章路径或来源文件名>… [--all] [--outline] [--notes] [--cover "会议名称"] [--date 2026-03-05] [--organiser "主办单位"] [--out 讲义.pdf] [--build]';

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

type CommandLine = ReturnType<typeof parseCommandLine>;

/** The options and the names typed; an unknown option ends the command with usage. */
function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        all: { type: 'boolean' },
        outline: { type: 'boolean' },
        notes: { type: 'boolean' },
        cover: { type: 'string' },
        date: { type: 'string' },
        organiser: { type: 'string' },
        out: { type: 'string' },
        build: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  return parsed;
}

/** Values a person may mistype: said before anything is read or printed. */
function checkValues(values: CommandLine['values']): void {
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    fail(`--date 要写成 2026-03-05 这样的日期，而不是“${values.date}”`);
}

/** The handout's items: --all, then each name typed; every name not found or not unique is named at once. */
function handoutItems(
  { values, positionals }: CommandLine,
  articles: ArticleFile[],
): HandoutItem[] {
  const { items, problems } = resolveArguments(positionals, articles);
  if (problems.length > 0) fail(problems.join('\n'));
  const all = values.all ? articles.map((a) => ({ article: a.id })) : [];
  return [...all, ...items];
}

async function main(): Promise<void> {
  const commandLine = parseCommandLine();
  const opts = commandLine.values;
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  checkValues(opts);
  const articles = readArticles(
    path.resolve(ROOT, environment.articlesDir ?? 'src/content/articles'),
  );
  const items = handoutItems(commandLine, articles);
  if (items.length === 0) fail(`没有指定材料。\n${USAGE}`);
  if (!chromiumAvailable())
    fail(`找不到 Chromium（${CHROMIUM}）。请安装 Debian 的 chromium 包，或设置 CHROMIUM_PATH。`, 1);
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  try {
    const { file, pages } = await printHandout(printRequest(opts, items, titles));
    const list = items.map(
      (i) => `${titles.get(i.article) ?? i.article}${i.section ? `#${i.section}` : ''}`,
    );
    process.stdout.write(
      `讲义：${file}\n${pages} 页，${items.length} 份材料：${list.join('、')}\n`,
    );
  } catch (e) {
    if (e instanceof HandoutFailure) fail(e.message, 1);
    throw e;
  }
}

/** What to print and where, from the options and the environment (the built site, its base path). */
function printRequest(
  opts: CommandLine['values'],
  items: HandoutItem[],
  titles: Map<string, string>,
): Parameters<typeof printHandout>[0] {
  // npm runs scripts from the project folder; a relative --out means the folder the command was typed in.
  const cwd = environment.commandFolder;
  return {
    root: ROOT,
    items,
    titles,
    out: path.resolve(cwd, opts.out ?? 'handout.pdf'),
    dist: path.resolve(ROOT, environment.distDir ?? 'dist'),
    basePath: environment.basePath.replace(/\/?$/, '/'),
    options: {
      cover: opts.cover !== undefined,
      meeting: opts.cover ?? '',
      date: opts.date ?? '',
      organiser: opts.organiser ?? '',
      outline: !!opts.outline,
      notes: !!opts.notes,
    },
    build: !!opts.build,
    quiet: !!opts.quiet,
  };
}

await main();
