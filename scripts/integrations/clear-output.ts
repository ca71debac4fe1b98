/**
 * Astro empties the output folder before it writes the pages, one file at a time on the main
 * thread: at 10,000 articles, 6 s of every build went to deleting the last one (its pages and
 * search index), with nothing else running. This integration moves the old output aside first (one
 * rename) and deletes it in the background while the pages are rendered; Astro then finds the
 * folder empty. Where the move is not possible (the folder is missing, a mount point, on another
 * drive than the cache, or held open on Windows), nothing changes and Astro empties it as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The name an earlier build's output takes in the cache folder while it is deleted. */
const PREVIOUS_OUTPUT = 'previous-output-';

/**
 * Moves `outDir` into `cacheDir` and deletes it there, with any an interrupted build left behind;
 * resolves when they are gone. Does nothing (and resolves) when the move fails.
 */
export function moveAsideAndDelete(outDir: string, cacheDir: string): Promise<void> {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.renameSync(outDir, path.join(cacheDir, `${PREVIOUS_OUTPUT}${process.pid}-${Date.now()}`));
  } catch {
    // Astro's own emptying still happens.
  }
  return Promise.all(previousOutputs(cacheDir).map(deleteFolder)).then(() => undefined);
}

/** Earlier outputs waiting in the cache folder to be deleted (none if it cannot be read). */
function previousOutputs(cacheDir: string): string[] {
  try {
    return fs
      .readdirSync(cacheDir)
      .filter((name) => name.startsWith(PREVIOUS_OUTPUT))
      .map((name) => path.join(cacheDir, name));
  } catch {
    return [];
  }
}

function deleteFolder(dir: string): Promise<void> {
  return fs.promises.rm(dir, { recursive: true, force: true }).catch((error: Error) => {
    throw new Error(
      `上次构建的输出删不掉 / could not delete the last build's output ${dir}: ${error.message}`,
    );
  });
}

export function clearOutputIntegration(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let deleting: Promise<void> = Promise.resolve();
  return {
    name: 'zhengxie:clear-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        deleting = moveAsideAndDelete(outDir, cacheDir);
      },
      'astro:build:done': async () => {
        await deleting;
      },
    },
  };
}
