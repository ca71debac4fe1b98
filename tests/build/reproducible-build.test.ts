import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../helpers/build-archive.ts';
import { snapshot } from '../helpers/ingest-cli.ts';
import { DIST } from '../helpers/paths.ts';

/**
 * Two builds of the same sources, from two copies of the project into two folders, give the same
 * dist/ byte for byte — fingerprinted asset names and the Pagefind index included — so a rebuild
 * on another machine can be checked by comparing files, and an unchanged archive redeploys nothing.
 */
const builds = [`${DIST}-repro-a`, `${DIST}-repro-b`];

afterAll(() => {
  for (const dir of builds)
    for (const suffix of ['', '-root', '-cache'])
      fs.rmSync(`${dir}${suffix}`, { recursive: true, force: true });
});

describe('reproducible build', () => {
  it('builds the same sources twice into identical files', () => {
    for (const dir of builds) buildArchive(dir);
    const [a, b] = builds.map(snapshot);
    expect(Object.keys(a).length).toBeGreaterThan(50);
    expect(Object.keys(a).filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(0);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    const differing = Object.keys(a).filter((f) => a[f] !== b[f]);
    expect(differing).toEqual([]);
  }, 300_000);
});
