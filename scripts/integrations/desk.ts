/**
 * The editors' desk: Decap CMS at /admin/ under `astro dev` only, so editors run one process and the
 * built site has no /admin/. Decap's own files come from the decap-cms package (no CDN); its
 * local-files API is decap-server's, mounted as middleware behind the desk's save guard, which
 * checks every save against ingest's schemas before anything is written. The dev server's ingest
 * integration watches the sources folder, so a save or an upload shows on the article page without
 * a restart.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import express, { type Response } from 'express';
import { DESK_PATH } from '../../src/core/desk-link.ts';
import { deskConfig } from '../desk/config.ts';
import { DeskRefusal, fieldLabels, guardSave, type SavedFile } from '../desk/save-guard.ts';
import { saveUpload } from '../desk/upload.ts';

const require = createRequire(import.meta.url);
/** decap-server's middleware entry: plain CommonJS, so it is required rather than imported. */
const { registerLocalFs } = require('decap-server/dist/middlewares.js') as {
  registerLocalFs(app: express.Express, options: { logLevel: string }): Promise<void>;
};
const decapDist = path.dirname(require.resolve('decap-cms/dist/decap-cms.js'));

/** The desk's browser code (src/lib/desk), served by Vite from the project. */
const DESK_PAGE_MODULE = 'src/lib/desk/desk-page.ts';
/** Decap's actions that change files other than through a checked save: the desk has no use for them. */
const REFUSED_ACTIONS = new Set(['deleteFile', 'deleteFiles', 'persistMedia']);

export function deskIntegration(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'zhengxie:desk',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // Found at startup rather than on the desk's first visit, which would reload the page.
        if (command === 'dev') updateConfig({ vite: { optimizeDeps: { include: ['immutable'] } } });
      },
      'astro:server:setup': async ({ server, logger }) => {
        const desk = `${base}${DESK_PATH}`;
        server.middlewares.use(desk.replace(/\/$/, ''), await deskApp(root, desk));
        logger.info(`编辑台 / editors' desk: ${desk}`);
      },
    },
  };
}

async function deskApp(root: string, desk: string): Promise<express.Express> {
  const app = express();
  // Astro answers addresses without a trailing slash itself (trailingSlash: 'always'), so the
  // desk's own addresses end in one.
  const apiPath = `${desk}api/v1/`;
  app.get('/', (_req, res) => {
    res.type('html').send(deskPage(desk));
  });
  app.get('/config.json', (_req, res, next) => {
    deskConfig(root, apiPath).then((config) => res.json(config), next);
  });
  app.use('/decap', express.static(decapDist, { index: false }));
  app.use(express.json({ limit: '60mb' }));
  app.post('/upload', (req, res) => {
    saveUpload(root, req.body).then(
      (saved) => res.json({ saved }),
      (error: unknown) => refuse(res, error),
    );
  });
  app.post('/api/v1', (req, res, next) => {
    guardAction(root, apiPath, req.body).then(next, (error: unknown) => refuse(res, error));
  });
  process.env.GIT_REPO_DIRECTORY = root;
  await registerLocalFs(app, { logLevel: 'warn' });
  return app;
}

/** Checks a save and puts the checked content in its place; refuses the actions the desk never uses. */
async function guardAction(
  root: string,
  apiPath: string,
  body: { action?: string; params?: { dataFiles?: SavedFile[]; entry?: SavedFile } },
): Promise<void> {
  if (REFUSED_ACTIONS.has(body.action ?? ''))
    throw new DeskRefusal('编辑台不删除文件，也不上传图片');
  if (body.action !== 'persistEntry' || !body.params) return;
  const files = body.params.dataFiles ?? (body.params.entry ? [body.params.entry] : []);
  const labels = fieldLabels(await deskConfig(root, apiPath));
  const guarded = await guardSave(root, files, labels);
  files.forEach((file, i) => (file.raw = guarded[i].raw));
}

function refuse(res: Response, error: unknown): void {
  if (error instanceof DeskRefusal) res.status(422).json({ error: error.message });
  else res.status(500).json({ error: `编辑台出错：${String(error)}` });
}

function deskPage(desk: string): string {
  const base = desk.slice(0, -DESK_PATH.length);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>编辑台 · 政协学习资料库</title>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="${desk}decap/decap-cms.js"></script>
<script type="module" src="${base}${DESK_PAGE_MODULE}" data-config="${desk}config.json" data-upload="${desk}upload/"></script>
</head>
<body></body>
</html>
`;
}
