/**
 * The fingerprint of what a conversion depends on: the source files reachable by import from
 * scripts/ingest/pipeline.ts (stages, src/core rules, src/data vocabularies) and the lock file that pins
 * jieba, OpenCC and pinyin. Following imports rather than hashing all of scripts/ means editing the
 * benchmark, the Pagefind step or a test helper does not re-convert a 10,000-article archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256 } from '../model/hash.ts';

/** Relative specifiers in static imports, re-exports and dynamic imports. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every local file `entry` imports, directly or not, the entry included; absolute paths, sorted. */
export function localImportClosure(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [path.resolve(entry)];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    if (!/\.[cm]?[jt]s$/.test(file)) continue; // JSON and other data: hashed, not parsed
    for (const match of fs.readFileSync(file, 'utf8').matchAll(IMPORT))
      stack.push(path.resolve(path.dirname(file), match[1]));
  }
  return [...seen].sort();
}

/** sha256 over the pipeline's files (by path relative to root and content) and the lock file. */
export function pipelineFingerprint(
  root: string,
  entry = path.join(root, 'scripts/ingest/pipeline.ts'),
): string {
  const files = [...localImportClosure(entry), path.join(root, 'package-lock.json')].filter((f) =>
    fs.existsSync(f),
  );
  return sha256(
    files.map((f) => `${path.relative(root, f)}\0${sha256(fs.readFileSync(f))}`).join('\n'),
  );
}
