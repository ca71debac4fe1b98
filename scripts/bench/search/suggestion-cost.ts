/**
 * What "您是不是要找" costs: for phrases with no exact hit (formulations of the archive with one
 * character replaced by one it never uses), the bytes fetched and the time taken after "没有找到" is
 * shown until the suggestions are, with an empty cache (a reader's first query) and with the browser's
 * cache warm; and how often the formulation meant is among the suggestions.
 */
import type { Browser } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { isBundleDir } from '../../search-index/shards.ts';
import type { StaticServer } from '../../tools/static-server.ts';
import type { PageText, Query } from './phrases.ts';

export interface SuggestionCost {
  queries: number;
  /** Share of the damaged phrases whose formulation is among the suggestions. */
  meantOffered: number;
  /** Bytes fetched after the no-hit status, mean, cold cache. */
  extraBytes: number;
  extraMsMedian: number;
  /** The same with the browser's cache warm (the search files of an earlier query fetched). */
  warmExtraMsMedian: number;
}

/** Characters no archive text is likely to hold; the first the archive lacks replaces one. */
const STRANGERS = [...'鼯鼱鼹麑麚鼷鼩'];

/** Up to `count` formulations of 4+ characters, each with its middle character replaced. */
export function damagedTerms(queries: Query[], pages: PageText[], count: number): string[][] {
  const stranger = STRANGERS.find((c) => !pages.some((p) => p.folded.includes(c))) ?? '鼯';
  return queries
    .filter((q) => q.kind === 'term' && q.relevant.length > 0 && [...q.phrase].length >= 4)
    .slice(0, count)
    .map((q) => {
      const chars = [...q.phrase];
      chars[Math.floor(chars.length / 2)] = stranger;
      return [chars.join(''), q.phrase];
    });
}

interface Timed {
  noHitAt: number;
  doneAt: number;
  offered: string[];
  after: string[];
}

/** Opens (or re-runs on) the search page with `q` and reads when the no-hit status and the suggestions came. */
async function timedSuggestion(
  page: import('playwright-core').Page,
  origin: string,
  q: string,
): Promise<Timed> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`);
  await page.evaluate(() => performance.setResourceTimingBufferSize(100_000));
  await page.waitForSelector('[data-search-suggest][data-suggested]', {
    state: 'attached',
    timeout: 120_000,
  });
  return page.evaluate(() => {
    const marks = (window as unknown as { suggestTimes: { noHitAt: number; doneAt: number } })
      .suggestTimes;
    const offered = [...document.querySelectorAll('[data-search-suggest] a')].map(
      (a) => a.textContent ?? '',
    );
    const after = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime >= marks.noHitAt)
      .map((e) => new URL(e.name).pathname);
    return { ...marks, offered, after };
  });
}

/** Records when the status first says 没有找到 and when the suggestions are in. */
const RECORD_TIMES = () => {
  const times = { noHitAt: 0, doneAt: 0 };
  (window as unknown as { suggestTimes: typeof times }).suggestTimes = times;
  new MutationObserver(() => {
    const status = document.querySelector('[data-search-status]');
    if (
      !times.noHitAt &&
      status?.getAttribute('aria-busy') === 'false' &&
      status.textContent?.startsWith('没有找到')
    )
      times.noHitAt = performance.now();
    if (!times.doneAt && document.querySelector('[data-search-suggest][data-suggested]'))
      times.doneAt = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
};

export async function suggestionCost(
  browser: Browser,
  server: StaticServer,
  dist: string,
  queries: Query[],
  pages: PageText[],
): Promise<SuggestionCost> {
  const damaged = damagedTerms(queries, pages, 6);
  const bytesOf = (paths: string[]) =>
    [...new Set(paths)]
      .filter((r) => isBundleDir(r.split('/')[1] ?? ''))
      .reduce((n, r) => {
        const file = path.join(dist, decodeURIComponent(r));
        return n + (fs.existsSync(file) ? fs.statSync(file).size : 0);
      }, 0);
  const cold: Timed[] = [];
  for (const [q] of damaged) {
    const context = await browser.newContext();
    await context.addInitScript(RECORD_TIMES);
    cold.push(await timedSuggestion(await context.newPage(), server.origin, q));
    await context.close();
  }
  const context = await browser.newContext();
  await context.addInitScript(RECORD_TIMES);
  const warmPage = await context.newPage();
  await timedSuggestion(warmPage, server.origin, '鼯鼱鼹');
  const warm: number[] = [];
  for (const [q] of damaged) {
    const t = await timedSuggestion(warmPage, server.origin, q);
    warm.push(t.doneAt - t.noHitAt);
  }
  await context.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return {
    queries: damaged.length,
    meantOffered:
      damaged.filter(([, meant], k) => cold[k]?.offered.includes(meant)).length /
      Math.max(1, damaged.length),
    extraBytes: Math.round(
      cold.reduce((n, t) => n + bytesOf(t.after), 0) / Math.max(1, cold.length),
    ),
    extraMsMedian: Math.round(median(cold.map((t) => t.doneAt - t.noHitAt))),
    warmExtraMsMedian: Math.round(median(warm)),
  };
}
