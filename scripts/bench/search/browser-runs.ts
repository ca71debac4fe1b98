/**
 * Runs the queries in headless Chromium against both engines on the same built archive:
 * ours through the real search page (/search/?q=, the data-search-result contract), the default
 * Pagefind through its JS API (search, then the top ten results' data, as its UI would).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { StaticServer } from '../../tools/static-server.ts';
import { isBundleDir } from '../../search-index/shards.ts';

export type Engine = 'ours' | 'default';

/** Top ten result URLs (without ?hl or #anchor). */
export async function topTen(page: Page, engine: Engine, phrase: string): Promise<string[]> {
  return (await firstResults(page, engine, phrase)).urls;
}

/**
 * The top ten result URLs and the moment (performance.now()) they were shown: for ours, when the
 * results list stops being aria-busy; the search may go on afterwards (older bundles, counts).
 */
async function firstResults(
  page: Page,
  engine: Engine,
  phrase: string,
): Promise<{ urls: string[]; shownAt: number }> {
  if (engine === 'ours') {
    return page.evaluate(async (q) => {
      const form = document.querySelector<HTMLFormElement>('[data-search-form]');
      const results = document.querySelector('[data-search-results]');
      const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
      if (!form || !results || !input) throw new Error(`${location.href} is not the search page`);
      input.value = q;
      const done = new Promise<number>((resolve) => {
        const obs = new MutationObserver(() => {
          if (results.getAttribute('aria-busy') === 'false') {
            obs.disconnect();
            resolve(performance.now());
          }
        });
        obs.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
      });
      form.requestSubmit();
      const shownAt = await done;
      const urls = [...results.querySelectorAll('[data-search-result] a[href]')]
        .slice(0, 1000)
        .filter((a) => a.closest('.search-result-title'))
        .slice(0, 10)
        .map((a) => new URL((a as HTMLAnchorElement).href).pathname);
      return { urls, shownAt };
    }, phrase);
  }
  return page.evaluate(async (q) => {
    // A URL on the benchmark's server, not a module of this project.
    const bundle = '/pagefind-default/pagefind.js';
    const pf = await import(/* @vite-ignore */ bundle);
    const search = await pf.search(q);
    const data = await Promise.all(
      search.results.slice(0, 10).map((r: { data(): Promise<{ url: string }> }) => r.data()),
    );
    return {
      urls: data.map((d: { url: string }) => new URL(d.url, location.origin).pathname),
      shownAt: performance.now(),
    };
  }, phrase);
}

/** Milliseconds for one query on a page that has already searched once (index code and wasm loaded). */
export async function timedQuery(page: Page, engine: Engine, phrase: string): Promise<number> {
  const started = await page.evaluate(() => performance.now());
  await topTen(page, engine, phrase);
  return (await page.evaluate(() => performance.now())) - started;
}

export async function openEngine(browser: Browser, origin: string, engine: Engine): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(engine === 'ours' ? `${origin}/search/` : `${origin}/`);
  if (engine === 'ours')
    await page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached' });
  return page;
}

/** A first query with an empty cache: what it fetched and how long until its first results. */
export interface ColdQuery {
  bytes: number;
  /** From submitting the query to the first results shown. */
  ms: number;
}

/**
 * A reader's first query with an empty cache, on a page just opened. Bytes: from navigation until
 * the first results are shown, the page's scripts and every search file (the Pagefind script,
 * wasm, entry and metadata, index chunks, fragments, our sidecars) of every bundle folder it
 * touched (pagefind/, pagefind-1/ …; for default Pagefind, pagefind-default/), as the server saw
 * them requested, the Web Workers' requests included. What our page asks for after its results are
 * shown (older bundles, to complete the counts) is not counted; what it asked for before, even if
 * not needed for them, is. Counted as the files served, uncompressed by the server (Pagefind's own
 * files are gzipped).
 */
export async function coldQuery(
  browser: Browser,
  server: StaticServer,
  dist: string,
  engine: Engine,
  phrase: string,
): Promise<ColdQuery> {
  const before = server.requests.length;
  const page = await openEngine(browser, server.origin, engine);
  const submitted = await page.evaluate(() => performance.now());
  const { shownAt } = await firstResults(page, engine, phrase);
  const shownAtEpoch = await page.evaluate((t) => performance.timeOrigin + t, shownAt);
  await page.context().close();
  const counted = (r: string) => {
    const folder = r.split('/')[1] ?? '';
    if (engine === 'default') return folder === 'pagefind-default';
    return isBundleDir(folder) || (folder === '_astro' && r.endsWith('.js'));
  };
  const fetched = server.requests
    .slice(before)
    .filter((_, i) => server.requestTimes[before + i] <= shownAtEpoch);
  let bytes = 0;
  for (const r of new Set(fetched.map((r) => r.split('?')[0]).filter(counted))) {
    const file = path.join(dist, decodeURIComponent(r));
    if (fs.existsSync(file) && fs.statSync(file).isFile()) bytes += fs.statSync(file).size;
  }
  return { bytes, ms: shownAt - submitted };
}

/** Waits until our search page has searched every bundle (its status line is no longer aria-busy). */
export async function searchComplete(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-search-status]')?.getAttribute('aria-busy') !== 'true',
    undefined,
    { timeout: 120_000 },
  );
}

/** Bytes of the index itself: word index, fragments, filters, metadata (and our sidecar), not the UI. */
export function indexBytes(dir: string): number {
  let total = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(pf_index|pf_fragment|pf_filter|pf_meta)$|^zh-search\.json$/.test(e.name))
        total += fs.statSync(full).size;
    }
  };
  walk(dir);
  return total;
}

/** Every result of our search page, pressing "show the rest" until it is gone; with the count the page states. */
export async function everyResult(
  page: Page,
  phrase: string,
): Promise<{ urls: string[]; stated: number }> {
  await topTen(page, 'ours', phrase);
  await searchComplete(page);
  for (;;) {
    const more = page.locator('[data-search-more]');
    if (await more.isHidden()) break;
    await more.click();
    await page.waitForFunction(
      () => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false',
    );
  }
  const urls = await page.$$eval('[data-search-result] .search-result-title a[href]', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  const status = (await page.textContent('[data-search-status]')) ?? '';
  return { urls, stated: Number(/共找到 (\d+) 篇/.exec(status)?.[1] ?? 0) };
}
