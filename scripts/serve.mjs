#!/usr/bin/env node
// A small static file server for the built app (node:http only, no dependencies).
//
// - Serves `root` (default dist/) on 127.0.0.1, on the given port or a random free one (port 0).
// - `/` and paths ending in `/` serve that directory's index.html; any other unknown path is a 404
//   (no SPA fallback: a missing favicon.ico or robots.txt must show up as missing).
// - gzip when the client accepts it, for text-like types.
// - `headers`: extra response headers, an object or a function (req, { pathname }) => object,
//   applied to every response (e.g. a Content-Security-Policy or CORS headers).
// - `routes`: { '/path': handler } answered before the files; a handler is
//   (req, res, { pathname, url }) => void | Promise<void>, or a string served as text/html.
//
// CLI: node scripts/serve.mjs [root=dist] [port=4173]
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json|x-protobuf)|image\/(svg\+xml|x-icon))/;

function contentTypeOf(path) {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function acceptsGzip(req) {
  const accept = String(req.headers['accept-encoding'] ?? '');
  return /\bgzip\b(?!;q=0(\.0*)?\b)/.test(accept);
}

function sendText(res, status, text) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}

async function serveFile(req, res, filePath) {
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) return false;
  const type = contentTypeOf(filePath);
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Last-Modified', info.mtime.toUTCString());
  const gzip = COMPRESSIBLE.test(type) && info.size > 256 && acceptsGzip(req);
  if (COMPRESSIBLE.test(type)) res.setHeader('Vary', 'Accept-Encoding');
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  else res.setHeader('Content-Length', info.size);
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise((done) => {
    const source = createReadStream(filePath);
    const fail = (error) => {
      res.destroy(error);
      done();
    };
    source.on('error', fail);
    res.on('close', done);
    if (gzip) source.pipe(createGzip()).on('error', fail).pipe(res);
    else source.pipe(res);
  });
  return true;
}

/**
 * @param {{
 *   root?: string,
 *   port?: number,
 *   host?: string,
 *   headers?: Record<string, string> | ((req: import('node:http').IncomingMessage, info: { pathname: string }) => Record<string, string> | undefined),
 *   routes?: Record<string, string | ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, info: { pathname: string, url: URL }) => void | Promise<void>)>,
 *   log?: boolean,
 * }} [options]
 */
export async function startServer({
  root = 'dist',
  port = 0,
  host = '127.0.0.1',
  headers,
  routes = {},
  log = false,
} = {}) {
  const rootDir = resolve(root);
  const rootInfo = await stat(rootDir).catch(() => null);
  if (!rootInfo?.isDirectory()) throw new Error(`serve: ${rootDir} is not a directory (run \`npm run build\` first?)`);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return sendText(res, 400, 'Bad request\n');
    }
    if (log) res.on('finish', () => console.error(`${res.statusCode} ${req.method} ${req.url}`));
    try {
      const extra = typeof headers === 'function' ? headers(req, { pathname }) : headers;
      for (const [name, value] of Object.entries(extra ?? {})) res.setHeader(name, value);

      const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
      if (typeof route === 'string') {
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        return res.end(req.method === 'HEAD' ? undefined : route);
      }
      if (typeof route === 'function') {
        await route(req, res, { pathname, url });
        return;
      }

      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        return res.end();
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD, OPTIONS');
        return sendText(res, 405, 'Method not allowed\n');
      }
      if (pathname.includes('\0')) return sendText(res, 400, 'Bad request\n');
      const filePath = resolve(join(rootDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
      if (filePath !== rootDir && !filePath.startsWith(rootDir + sep)) return sendText(res, 403, 'Forbidden\n');

      if (await serveFile(req, res, filePath)) return;
      const info = await stat(filePath).catch(() => null);
      if (info?.isDirectory()) {
        res.statusCode = 301;
        res.setHeader('Location', `${url.pathname}/${url.search}`);
        return res.end();
      }
      return sendText(res, 404, `Not found: ${pathname}\n`);
    } catch (error) {
      console.error('serve: error answering', req.url, error);
      if (!res.headersSent) sendText(res, 500, 'Internal server error\n');
      else res.destroy();
    }
  });

  await new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ready();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host}:${actualPort}`;
  return {
    url,
    port: actualPort,
    server,
    close: () =>
      new Promise((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'dist', port = '4173'] = process.argv.slice(2);
  const { url, close } = await startServer({ root, port: Number(port), log: true });
  console.log(`Serving ${resolve(root)} at ${url}/ (Ctrl+C to stop)`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => close().then(() => process.exit(0)));
  }
}
