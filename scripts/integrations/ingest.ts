/**
 * Ingest as an Astro integration: `astro build` and `astro dev` first bring src/content/articles up
 * to date with src/content/sources (incrementally, by running the `npm run ingest` CLI), and the dev
 * server re-ingests when a source, an editor's metadata file beside it or a vocabulary ingest reads
 * (columns, topics, glossary in src/data) changes, then refreshes
 * the content collection so the open page reloads with the change.
 *
 * A build given ARTICLES_DIR (benchmarks, tests) brings its own articles and ingests nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import fs from 'node:fs';
import { runScript } from './run-script.ts';
import { localImportClosure } from '../ingest/pipeline-fingerprint.ts';
import { environment } from '../../src/site/environment.ts';
import { unresolvedWarnings } from '../proofread/report.ts';
import { REPORT_FILE, type ProofreadingReport } from '../../src/core/proofreading.ts';

/** Edits often come as several file events (an editor's save, a copied folder): one ingest for them. */
const SETTLE_MS = 300;

export function ingestIntegration(): AstroIntegration {
  let root = '';
  let sourcesDir = '';
  let enabled = false;
  const ingest = () => runScript(root, 'scripts/ingest.ts');
  return {
    name: 'zhengxie:ingest',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        sourcesDir = path.join(root, 'src/content/sources');
        enabled = (command === 'build' || command === 'dev') && !environment.articlesDir;
        if (!enabled) return;
        if ((await ingest()) === 0) return;
        const message =
          '导入失败，src/content/articles 未改动（原因见上）/ ingest failed, nothing in src/content/articles was changed (see above)';
        // A build must not publish an archive that is missing a source; the dev server still
        // starts on the articles of the last good ingest, so the editor can fix the file and save.
        if (command === 'build') throw new Error(message);
        logger.error(message);
      },
      // Said again at the end of the build, where an editor looks: severe findings no one has resolved.
      'astro:build:done': ({ logger }) => {
        const articles = environment.articlesDir ?? path.join(root, 'src/content/articles');
        const file = path.join(path.dirname(path.resolve(root, articles)), REPORT_FILE);
        if (!fs.existsSync(file)) return;
        const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ProofreadingReport;
        for (const warning of unresolvedWarnings(report)) logger.warn(warning);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        if (!enabled) return;
        // The data files the conversion reads, as its fingerprint finds them: a desk save to the
        // topics or the columns re-ingests as a save to an editorial file does.
        const vocabularies = localImportClosure(
          path.join(root, 'scripts/ingest/pipeline.ts'),
        ).filter((file) => file.endsWith('.json'));
        server.watcher.add([sourcesDir, ...vocabularies]);
        const rerun = settled(async () => {
          if ((await ingest()) !== 0) {
            logger.error(
              '导入失败，页面保持上一次的内容 / ingest failed, pages keep the last good articles',
            );
            return;
          }
          await refreshContent?.({});
        }, logger);
        const onEvent = (file: string) => {
          if (isInside(file, sourcesDir) || vocabularies.includes(path.resolve(file))) rerun();
        };
        server.watcher.on('add', onEvent);
        server.watcher.on('change', onEvent);
        server.watcher.on('unlink', onEvent);
      },
    },
  };
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * `task` once events have settled for SETTLE_MS; events during a run start one more run after it,
 * so an edit saved while ingest runs is never missed and two ingests never run at once.
 */
function settled(task: () => Promise<void>, logger: AstroIntegrationLogger): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;
  const start = async () => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      await task();
    } catch (error) {
      logger.error(String((error as Error).stack ?? error));
    } finally {
      running = false;
    }
    if (pending) {
      pending = false;
      void start();
    }
  };
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => void start(), SETTLE_MS);
  };
}
