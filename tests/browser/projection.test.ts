import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowser } from '../helpers/browser.ts';
import { openSite } from '../helpers/site-in-browser.ts';
import { DIST } from '../helpers/paths.ts';

/** A projector, a laptop screen and a full-HD screen: what a meeting room projects at. */
const SCREENS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Blocks of text a slide shows; a list item or table cell counts like a paragraph. */
const BLOCKS = 'p, li, h2, h3, h4, td';

interface Seen {
  /** "slide:index" of every block the projection put on screen, with whether its end was shown. */
  ends: Record<string, boolean>;
  slides: number;
}

/**
 * Presses only PageDown (what a presenter's remote sends) from the first slide until a press
 * changes nothing, and notes, after every press, which blocks have their last line on screen.
 */
async function pageThrough(page: Page): Promise<Seen> {
  const ends: Record<string, boolean> = {};
  let before = '';
  for (let presses = 0; presses < 2000; presses++) {
    const state = await page.evaluate((blocks) => {
      const stage = document.querySelector<HTMLElement>('.projection-slide');
      if (!stage) throw new Error('no projection on screen');
      const box = stage.getBoundingClientRect();
      const slide = document.documentElement.dataset.projectionSlide ?? '?';
      const shown = [...stage.querySelectorAll<HTMLElement>(blocks)]
        .filter((el) => (el.textContent ?? '').trim() !== '')
        .map((el, i) => {
          // The block's last line (a range's rects are its line boxes; the element's is one box):
          // it must be wholly inside the visible slide.
          const range = document.createRange();
          range.selectNodeContents(el);
          const rects = [...range.getClientRects()].filter((r) => r.height > 0);
          const bottom = Math.max(...rects.map((r) => r.bottom));
          const last = rects.filter((r) => r.bottom === bottom);
          const inside = last.every((r) => r.bottom <= box.bottom + 1 && r.top >= box.top - 1);
          return [`${slide}:${i}`, rects.length > 0 && inside];
        });
      return { slide, top: stage.scrollTop, shown };
    }, BLOCKS);
    for (const [key, visible] of state.shown as [string, boolean][])
      ends[key] = ends[key] === true || visible;
    const now = `${state.slide}/${state.top}`;
    if (now === before) return { ends, slides: Number(state.slide) };
    before = now;
    await page.keyboard.press('PageDown');
    // The address changes with the slide; the scroll position within it is read on the next turn.
    await page.waitForTimeout(20);
  }
  throw new Error('PageDown never reached the end of the projection');
}

describe.skipIf(skipBrowser)('projection of a study session', () => {
  const site = openSite(DIST);
  let sessions: string[] = [];

  beforeAll(async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.origin}/sessions/`);
    sessions = await page
      .locator('.session-list a')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    await page.close();
  });

  for (const screen of SCREENS) {
    it(`shows the last line of every paragraph of every session at ${screen.width}×${screen.height}, with PageDown alone`, async () => {
      expect(sessions.length).toBeGreaterThan(0);
      const context = await site.browser.newContext({ viewport: screen });
      const page = await context.newPage();
      const hidden: string[] = [];
      let blocks = 0;
      for (const session of sessions) {
        await page.goto(`${site.server.origin}${session}`);
        await page.locator('.projection-start').click();
        await page.waitForSelector('.projection:not([hidden]) .projection-slide > *');
        const seen = await pageThrough(page);
        blocks += Object.keys(seen.ends).length;
        for (const [key, shown] of Object.entries(seen.ends))
          if (!shown) hidden.push(`${session}#projection-${key}`);
        // PageDown alone went through every slide.
        const total = await page.locator('.projection-position').textContent();
        expect(total, session).toBe(`${seen.slides} / ${seen.slides}`);
      }
      expect(blocks).toBeGreaterThan(0);
      expect(hidden, `blocks (of ${blocks}) whose end no slide showed`).toEqual([]);
      await context.close();
    }, 240_000);
  }

  it('reveals the rest of a slide with PageDown, Space and ArrowDown before moving on (shipped sessions)', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    // Find a slide that does not fit the screen, in whichever session has one.
    for (const session of sessions) {
      await page.goto(`${site.server.origin}${session}`);
      await page.locator('.projection-start').click();
      await page.waitForSelector('.projection:not([hidden]) .projection-slide > *');
      const count = Number(
        (await page.locator('.projection-position').textContent())?.split('/')[1],
      );
      for (let n = 1; n <= count; n++) {
        await page.keyboard.press(n === 1 ? 'Home' : 'ArrowRight');
        await page.waitForURL(new RegExp(`#projection-${n}$`));
        const overflows = await page
          .locator('.projection-slide')
          .evaluate((el) => el.scrollHeight > el.clientHeight + 1);
        if (!overflows) continue;
        expect(await page.locator('.projection-more').isVisible()).toBe(true);
        for (const key of ['PageDown', ' ', 'ArrowDown']) {
          const top = await page.locator('.projection-slide').evaluate((el) => el.scrollTop);
          const atEnd = await page
            .locator('.projection-slide')
            .evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
          if (atEnd) break;
          await page.keyboard.press(key);
          await expect
            .poll(() => page.locator('.projection-slide').evaluate((el) => el.scrollTop))
            .toBeGreaterThan(top);
          expect(page.url(), key).toMatch(new RegExp(`#projection-${n}$`));
        }
        await context.close();
        return;
      }
    }
    await context.close();
    throw new Error('no slide in any session overflows at 1024×768; nothing to reveal');
  }, 120_000);

  it('keeps "n / N" on one line on a phone', async () => {
    expect(sessions.length).toBeGreaterThan(0);
    const context = await site.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    for (const session of sessions) {
      await page.goto(`${site.server.origin}${session}`);
      await page.locator('.projection-start').click();
      await page.waitForSelector('.projection:not([hidden]) .projection-slide > *');
      await page.keyboard.press('End');
      const lines = await page.locator('.projection-position').evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines, session).toBe(1);
    }
    await context.close();
  });
});
