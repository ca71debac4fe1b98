import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTICLE_COMPONENTS } from '../../src/core/article-components.ts';
import { articleLoader } from '../../src/site/article-loader.ts';
import { ARTICLES } from '../helpers/paths.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'article-loader-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const dir = path.join(root, 'articles');
fs.cpSync(ARTICLES, dir, { recursive: true });
const files = fs
  .readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .sort();

/** Astro's side of a sync, in memory: the data store and meta store persist between loads, as they do between builds. */
function astroStore() {
  const entries = new Map<string, { id: string; digest?: string; rendered?: { html: string } }>();
  const meta = new Map<string, string>();
  const rendered: string[] = [];
  const context = {
    collection: 'articles',
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string }) => {
        rendered.push(entry.id);
        entries.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => void entries.delete(id),
      keys: () => [...entries.keys()],
      clear: () => entries.clear(),
    },
    meta: { get: (k: string) => meta.get(k), set: (k: string, v: string) => void meta.set(k, v) },
    config: { root: pathToFileURL(`${root}/`), base: '/' },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (s: string) => createHash('sha256').update(s).digest('hex'),
  } as unknown as LoaderContext;
  const load = async () => {
    rendered.length = 0;
    await articleLoader({ dir: 'articles', components: ARTICLE_COMPONENTS }).load(context);
    return [...rendered].sort();
  };
  return { entries, meta, load };
}

describe('the article loader renders when the collection syncs and keeps what did not change (on a copy of the shipped articles)', () => {
  const astro = astroStore();

  it('renders every article the first time, with the site plugins', async () => {
    expect(await astro.load()).toHaveLength(files.length);
    const html = [...astro.entries.values()].map((e) => e.rendered?.html ?? '');
    expect(html.some((h) => h.includes('<h2 id="s1"'))).toBe(true);
  });

  it('renders nothing again when no file changed', async () => {
    expect(await astro.load()).toEqual([]);
  });

  it('renders only the file that changed, and forgets a file that is gone', async () => {
    const [changed, removed] = [files[0], files[1]];
    fs.appendFileSync(path.join(dir, changed), '\n加上的一段。\n');
    fs.rmSync(path.join(dir, removed));
    expect(await astro.load()).toEqual([changed.replace(/\.mdx$/, '')]);
    expect(astro.entries.has(removed.replace(/\.mdx$/, ''))).toBe(false);
    expect(astro.entries.size).toBe(files.length - 1);
  });

  it('renders everything again when the renderer changed since the last sync', async () => {
    astro.meta.set('renderer', 'an older renderer');
    expect(await astro.load()).toHaveLength(files.length - 1);
  });

  it('refuses a body naming a component outside the list, naming the file', async () => {
    fs.writeFileSync(
      path.join(dir, 'bad.mdx'),
      `---\ntitle: "x"\n---\n<Evil>\n\n正文。\n\n</Evil>\n`,
    );
    await expect(astro.load()).rejects.toThrow(/articles\/bad\.mdx.*Evil/s);
    fs.rmSync(path.join(dir, 'bad.mdx'));
  });
});
