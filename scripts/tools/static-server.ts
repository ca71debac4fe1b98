import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * What the README's nginx setting gzips (`gzip_types` plus HTML, which nginx always includes).
 * Pagefind's files and the sidecars are gzip already and go as they are.
 */
const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg']);

export interface ServeOptions {
  /** Mounts dist/ under a sub-path. */
  prefix?: string;
  /** Gzips text files for a browser that accepts it, as the deployment the README describes does. */
  gzip?: boolean;
}

export interface StaticServer {
  origin: string;
  /** Every path requested, in order, so tests can check what a page loaded. */
  requests: string[];
  /** When each of `requests` arrived (Date.now()), so a bench can count what came before a moment. */
  requestTimes: number[];
  close(): Promise<void>;
}

/**
 * A plain static file server on 127.0.0.1, like the intranet servers the archive is deployed on:
 * directory → index.html, nothing rewritten.
 */
export async function serveDirectory(
  dir: string,
  { prefix = '/', gzip = false }: ServeOptions = {},
): Promise<StaticServer> {
  const requests: string[] = [];
  const requestTimes: number[] = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(pathname);
    requestTimes.push(Date.now());
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = path.join(dir, pathname.slice(prefix.length));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory())
      file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      const notFound = path.join(dir, '404.html');
      res
        .writeHead(404, { 'content-type': TYPES['.html'] })
        .end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const body = fs.readFileSync(file);
    if (
      gzip &&
      COMPRESSED.has(path.extname(file)) &&
      /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
    )
      res
        .writeHead(200, {
          'content-type': type,
          'content-encoding': 'gzip',
          vary: 'Accept-Encoding',
        })
        .end(zlib.gzipSync(body));
    else res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    requestTimes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
