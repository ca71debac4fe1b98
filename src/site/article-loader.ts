/**
 * The articles collection: each .mdx article rendered to HTML when the collection syncs and stored
 * with its digest, as Astro does for Markdown, instead of becoming a JS module that Vite bundles.
 * At 10,000 articles the module path cost 5 GiB and recompiled every article on every build; here
 * an article whose file is unchanged keeps its stored HTML, and the build holds HTML strings.
 *
 * The body goes through the site's own processor with remark-mdx on worker threads
 * (articleBodyRenderer); its study aids stay as marks around their children's HTML, which the
 * article page renders as the components themselves (src/components/ArticleBody.astro). A body that
 * names a component not in the page's list is refused here, when the collection syncs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { articleIdOfFile, readArticle } from '../core/article-file.ts';
import { articleBodyRenderer, type ArticleBodyRenderer } from '../markdown/parallel-markdown.ts';
import { refuseUnknownComponents } from '../markdown/rehype-component-marks.ts';

export interface ArticleLoaderOptions {
  /** The folder of .mdx articles, relative to the project root. */
  dir: string;
  /** The names of the components a body may use (src/components/study-aids.ts). */
  components: readonly string[];
}

/**
 * What an article's HTML is made from besides its own file: a change to any of these renders every
 * article again (Astro itself starts afresh only when its config or content config changes).
 */
const RENDERER_SOURCES = ['src/markdown', 'src/components', 'src/core', 'src/data/glossary.json'];
/** Files read and rendered at once: enough to keep the worker threads busy, few enough to hold. */
const IN_FLIGHT = 16;

export function articleLoader(options: ArticleLoaderOptions): Loader {
  return {
    name: 'article-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = path.resolve(root, options.dir);
      const base = context.config.base.endsWith('/')
        ? context.config.base
        : `${context.config.base}/`;
      await forgetIfRendererChanged(context, await rendererFingerprint(root, base));
      const sync = articleSync(context, root, dir, bodyRenderer(base, options.components));
      const files = await articleFiles(dir);
      const gone = new Set(context.store.keys());
      await eachLimited(files, IN_FLIGHT, async (file) => gone.delete(await sync(file)));
      for (const id of gone) context.store.delete(id);
      context.watcher?.add(dir);
      context.watcher?.on('all', (event, changed) => {
        if (!changed.startsWith(dir + path.sep) || !changed.endsWith('.mdx')) return;
        if (event === 'unlink') context.store.delete(articleIdOfFile(path.relative(dir, changed)));
        else if (event === 'add' || event === 'change') void sync(changed);
      });
    },
  };
}

/** Reads one article file and stores it, rendering its body unless the stored digest matches. */
function articleSync(
  context: LoaderContext,
  root: string,
  dir: string,
  render: (body: string) => Promise<{ html: string; headings: unknown[] }>,
): (file: string) => Promise<string> {
  return async (file) => {
    const contents = await fs.readFile(file, 'utf8');
    const id = articleIdOfFile(path.relative(dir, file));
    const digest = context.generateDigest(contents);
    if (context.store.get(id)?.digest === digest) return id;
    const { data, body } = readArticle(contents);
    const parsed = await context.parseData({ id, data, filePath: file });
    const { html, headings } = await render(body).catch((error: Error) => {
      throw new Error(`${path.relative(root, file)}: ${error.message}`, { cause: error });
    });
    context.store.set({
      id,
      data: parsed,
      body,
      filePath: path.relative(root, file).replaceAll(path.sep, '/'),
      digest,
      rendered: { html, metadata: { headings: headings as never, imagePaths: [] } },
    });
    return id;
  };
}

/** Body → HTML with component marks, on the workers; a component outside the list is refused. */
function bodyRenderer(
  base: string,
  components: readonly string[],
): (body: string) => Promise<{ html: string; headings: unknown[] }> {
  let processor: ArticleBodyRenderer | undefined;
  return async (body) => {
    processor ??= articleBodyRenderer(base);
    const { code, metadata } = await processor.render(body);
    refuseUnknownComponents(code, components);
    return { html: code, headings: metadata.headings };
  };
}

async function forgetIfRendererChanged(context: LoaderContext, fingerprint: string): Promise<void> {
  if (context.meta.get('renderer') === fingerprint) return;
  context.store.clear();
  context.meta.set('renderer', fingerprint);
}

async function rendererFingerprint(root: string, base: string): Promise<string> {
  const hash = createHash('sha256').update(base);
  for (const source of RENDERER_SOURCES) {
    const at = path.join(root, source);
    const stat = await fs.stat(at).catch(() => undefined);
    const files = stat?.isDirectory()
      ? (await fs.readdir(at, { recursive: true })).sort().map((f) => path.join(at, f))
      : stat
        ? [at]
        : [];
    for (const file of files) {
      if (!(await fs.stat(file)).isFile()) continue;
      hash.update(file.slice(root.length)).update(await fs.readFile(file));
    }
  }
  return hash.digest('hex');
}

async function articleFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.filter((f) => f.endsWith('.mdx')).map((f) => path.join(dir, f));
}

async function eachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<unknown>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
