import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../helpers/paths.ts';

/**
 * IIS, which many government intranets run, answers 404 for a file type it has no MIME type for:
 * every kind of file the build writes must be one IIS knows or one public/web.config maps, or
 * search breaks on the intranet while working everywhere else. Read from the built site, so a new
 * Pagefind file type fails here first.
 */
const IIS_DEFAULT_TYPES = new Set([
  '.html',
  '.htm',
  '.css',
  '.js',
  '.xml',
  '.txt',
  '.svg',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.ico',
  '.pdf',
  '.woff',
  '.woff2',
]);

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('public/web.config for IIS', () => {
  const config = fs.readFileSync(path.join(ROOT, 'public/web.config'), 'utf8');
  const mapped = new Set(
    [...config.matchAll(/<mimeMap fileExtension="([^"]+)"/g)].map((m) => m[1]),
  );

  it('is in the built site, so copying dist/ is all an IIS deployment needs', () => {
    expect(fs.readFileSync(path.join(DIST, 'web.config'), 'utf8')).toBe(config);
  });

  it('gives every kind of file the build writes a MIME type, Pagefind index files included', () => {
    const kinds = new Set(
      files(DIST)
        .map((f) => path.extname(f))
        .filter((ext) => ext !== '.config'),
    );
    expect([...kinds].filter((ext) => ext.startsWith('.pf_'))).not.toEqual([]);
    expect(
      [...kinds].filter((ext) => !IIS_DEFAULT_TYPES.has(ext) && !mapped.has(ext)).sort(),
    ).toEqual([]);
  });

  it('removes each type before mapping it, and uses only paths relative to itself, so it works under a sub-path', () => {
    for (const ext of mapped) expect(config, ext).toContain(`<remove fileExtension="${ext}" />`);
    expect(config).not.toMatch(/(?:path|url|href)="\//);
  });
});
