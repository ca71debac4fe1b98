import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import { buildArchive } from '../helpers/build-archive.ts';
import { checkLinks } from '../helpers/link-check.ts';
import { DIST, SOURCES } from '../helpers/paths.ts';
import { folderArgs, runIngest } from '../helpers/run-ingest.ts';
import { shippedArticles } from '../helpers/shipped-articles.ts';
import { editorialPathFor } from '../../scripts/ingest/stages/editorial.ts';
import { squeezeSpaces } from '../../src/core/chinese.ts';

/**
 * The issue's done-when, on a copy of the shipped archive: `publish: false` added under an article
 * of a journal issue in its editorial file, then a build. The article chosen is the last of the
 * first issue with two or more articles, so the test holds for any archive that has one.
 */
const WORK = `${DIST}-withheld`;
const issueArticles = shippedArticles().filter((a) => a.data.issueSlug);
const issueSlug = issueArticles[0]?.data.issueSlug;
const withheldChoice = issueArticles
  .filter((a) => a.data.issueSlug === issueSlug)
  .sort((a, b) => (b.data.issueOrder ?? 0) - (a.data.issueOrder ?? 0))[0];
// Used only when the archive has such an article (describe.runIf below).
const chosen = withheldChoice!;
const href = withheldChoice ? `/articles/${withheldChoice.id}/` : '';

/** Adds `publish: false` to the article's entry in its source's editorial file (a new entry if it has none). */
function withhold(sourcesDir: string): void {
  const file = path.join(sourcesDir, editorialPathFor(chosen.data.source));
  const doc = parseDocument(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : 'articles: []\n');
  const list = doc.get('articles');
  const entry = isSeq(list)
    ? list.items.find(
        (item) =>
          isMap(item) &&
          (squeezeSpaces(String(item.get('match'))) === squeezeSpaces(chosen.data.title) ||
            item.get('index') === chosen.data.sourceIndex),
      )
    : undefined;
  if (isMap(entry)) entry.set('publish', false);
  else doc.addIn(['articles'], { index: chosen.data.sourceIndex, publish: false });
  fs.writeFileSync(file, doc.toString());
}

const read = (file: string) => fs.readFileSync(path.join(WORK, 'dist', file), 'utf8');
function allFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).map((f) =>
    path.join(dir, f),
  );
}

describe.runIf(withheldChoice)(
  'an article withheld with publish: false (a journal issue of the shipped archive)',
  () => {
    beforeAll(() => {
      fs.rmSync(WORK, { recursive: true, force: true });
      fs.cpSync(SOURCES, path.join(WORK, 'sources'), { recursive: true });
      withhold(path.join(WORK, 'sources'));
      const ingest = runIngest(folderArgs(WORK));
      expect(ingest.status, ingest.stderr).toBe(0);
      buildArchive(path.join(WORK, 'dist'), path.join(WORK, 'articles'));
    }, 600_000);

    it('has no page, and no page, feed or sitemap links to it', () => {
      expect(fs.existsSync(path.join(WORK, 'dist', href, 'index.html'))).toBe(false);
      const linking = allFiles(path.join(WORK, 'dist'))
        .filter((f) => /\.(html|xml)$/.test(f))
        .filter(
          (f) =>
            fs.readFileSync(f, 'utf8').includes(`${href}"`) ||
            fs.readFileSync(f, 'utf8').includes(`${href}<`),
        );
      expect(linking).toEqual([]);
      // The other articles of its issue still have their pages.
      const others = issueArticles.filter((a) => a.data.issueSlug === issueSlug && a !== chosen);
      for (const a of others)
        expect(fs.existsSync(path.join(WORK, 'dist/articles', a.id, 'index.html'))).toBe(true);
    });

    it('has no search entry: no fragment of the index names it, while the others are there', () => {
      const fragments = allFiles(path.join(WORK, 'dist'))
        .filter((f) => f.endsWith('.pf_fragment'))
        .map((f) => zlib.gunzipSync(fs.readFileSync(f)).toString('utf8'));
      expect(fragments.length).toBeGreaterThan(0);
      expect(fragments.filter((f) => f.includes(href))).toEqual([]);
      expect(
        fragments.some((f) =>
          f.includes(`/articles/${issueArticles.find((a) => a !== chosen)?.id}/`),
        ),
      ).toBe(true);
    });

    it('is listed on its issue’s contents by title, marked 暂未刊出, without a link', () => {
      for (const page of [`issues/${issueSlug}/index.html`, 'index.html']) {
        const html = read(page);
        const item =
          /<li class="issue-contents-withheld"[^>]*>([\s\S]*?)<\/li>/.exec(html)?.[1] ?? '';
        expect(item, page).toContain(chosen.data.title);
        expect(item).toContain('暂未刊出');
        expect(item).not.toContain('<a');
      }
    });

    it('leaves no broken link behind', () => {
      const { broken } = checkLinks(path.join(WORK, 'dist'));
      expect(broken).toEqual([]);
    });
  },
);
