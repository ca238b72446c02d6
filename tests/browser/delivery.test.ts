// Delivery through a real web server (issue 15): the build served by nginx with the configuration
// shipped for hosts (deploy/nginx/), unchanged but for `listen`, `server_name` and `root`. It checks
// what only a real server shows: the headers of SECURITY.md on every file, caching (a year for hashed
// files, revalidation for the rest), precompressed files sent as they are, types, CORS for the embed
// module, a sub-path deployment; and, in Chromium, the app under that server's policy with no
// violation and no request to another origin, in a sandboxed iframe on another site and through the
// mount API from another origin.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startNginx, type RunningNginx } from '../../scripts/nginx.mjs';
import { startServer, type RunningServer } from '../../scripts/serve.mjs';
import { LIB_FILE, RESIZER_FILE } from '../../src/embed/files';
import { documentedHeaders } from '../securityHeaders';
import { guardConsole, launchBrowser, saveScreenshot, WEBGL_IDLE_SELECTOR, type ConsoleGuard } from './harness';

const ROOT = resolve(process.env.BROWSER_TEST_ROOT ?? 'dist');
const REPO = resolve(import.meta.dirname, '../..');
const SUBPATH = '/maps/by-ru/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

let browser: Browser;
let nginx: RunningNginx;
let host: RunningServer;
/** The news site: another host name, so it is cross-site to the app. */
let hostOrigin: string;
let current: { context: BrowserContext; page: Page } | null = null;

const assetNamed = (pattern: RegExp): string => {
  const name = readdirSync(join(ROOT, 'assets')).find((f) => pattern.test(f));
  if (!name) throw new Error(`no file in ${ROOT}/assets matches ${pattern}`);
  return `assets/${name}`;
};

/** Response headers of a GET (or HEAD), lower-case names. */
async function headersOf(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; bytes: number }> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { status: response.status, headers: response.headers, bytes };
}

/** Records CSP violations in every frame of the page (the event fires in the frame that violates). */
const RECORD_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
`;

interface Guarded {
  context: BrowserContext;
  page: Page;
  log: ConsoleGuard;
  foreign: string[];
  failed: string[];
}

async function openGuarded(origins: string[]): Promise<Guarded> {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
  });
  const foreign: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (/^(data|blob|about):/u.test(url) || origins.includes(new URL(url).origin)) await route.fallback();
    else {
      foreign.push(url);
      await route.abort('blockedbyclient');
    }
  });
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await context.addInitScript(RECORD_VIOLATIONS);
  const page = await context.newPage();
  current = { context, page };
  return { context, page, log: guardConsole(page), foreign, failed };
}

const violationsIn = async (page: Page): Promise<string[]> =>
  (
    await Promise.all(
      page
        .frames()
        .map((f) =>
          f.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []).catch(() => []),
        ),
    )
  ).flat();

const problems = async (g: Guarded) => ({
  foreign: g.foreign,
  failed: g.failed,
  pageErrors: g.log.pageErrors,
  consoleErrors: g.log.errors,
  violations: await violationsIn(g.page),
});
const NONE = { foreign: [], failed: [], pageErrors: [], consoleErrors: [], violations: [] };

beforeAll(async () => {
  browser = await launchBrowser();
  nginx = await startNginx({ root: ROOT, site: 'byru-map.conf' });
  host = await startServer({
    root: ROOT,
    routes: {
      '/article.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head>
<body style="margin:0"><h1>An article</h1>
<iframe id="map" title="Map" src="${nginx.url}/?embed=1&lang=en&year=2021"
  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"
  style="display:block;width:640px;border:0" height="200"></iframe>
<script src="${nginx.url}/${RESIZER_FILE}" async></script></body></html>`,
      '/mount.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A map</title></head>
<body style="margin:0"><div id="map" style="height:560px"></div>
<script type="module">
  import { mount } from '${nginx.url}/${LIB_FILE}';
  window.unmount = mount(document.getElementById('map'), { year: 2019, lang: 'en' });
</script></body></html>`,
    },
  });
  hostOrigin = host.url.replace('127.0.0.1', 'localhost');
});

afterAll(async () => {
  await browser?.close();
  await nginx?.close();
  await host?.close();
});

afterEach(async ({ task }) => {
  if (current && task.result?.state === 'fail') {
    const path = await saveScreenshot(current.page, `delivery ${task.name}`).catch(() => null);
    if (path) console.log(`[browser tests] screenshot of the failed test: ${path}`);
  }
  await current?.context.close();
  current = null;
});

describe('nginx with the shipped configuration', () => {
  test('every kind of file carries the headers of SECURITY.md, its own type and its caching', async () => {
    const security = documentedHeaders('base');
    const files = [
      { path: '', type: 'text/html; charset=utf-8', cache: 'no-cache' },
      { path: 'index.html', type: 'text/html; charset=utf-8', cache: 'no-cache' },
      { path: assetNamed(/^mount-.*\.js$/u), type: 'text/javascript; charset=utf-8', cache: IMMUTABLE },
      { path: assetNamed(/^maplibre-gl-worker-.*\.mjs$/u), type: 'text/javascript; charset=utf-8', cache: IMMUTABLE },
      { path: assetNamed(/^mount-.*\.css$/u), type: 'text/css; charset=utf-8', cache: IMMUTABLE },
      { path: 'data/dataset.json', type: 'application/json; charset=utf-8', cache: 'no-cache' },
      { path: 'data/regions.topo.json', type: 'application/json; charset=utf-8', cache: 'no-cache' },
      { path: LIB_FILE, type: 'text/javascript; charset=utf-8', cache: 'no-cache' },
      { path: RESIZER_FILE, type: 'text/javascript; charset=utf-8', cache: 'no-cache' },
      // The presenter's offline copy: a browser must see a new release's worker at once.
      { path: 'sw.js', type: 'text/javascript; charset=utf-8', cache: 'no-cache' },
      { path: 'favicon.png', type: 'image/png', cache: 'no-cache' },
      { path: 'robots.txt', type: 'text/plain; charset=utf-8', cache: 'no-cache' },
    ];
    const seen = await Promise.all(
      files.map(async ({ path }) => {
        const { status, headers } = await headersOf(`${nginx.url}/${path}`);
        return {
          path,
          status,
          type: headers.get('content-type'),
          cache: headers.get('cache-control'),
          cors: headers.get('access-control-allow-origin'),
          security: Object.fromEntries(Object.keys(security).map((name) => [name, headers.get(name)])),
        };
      }),
    );
    expect(seen).toEqual(
      files.map(({ path, type, cache }) => ({ path, status: 200, type, cache, cors: '*', security })),
    );
  });

  test('compressible files are sent as the .gz the build wrote, byte for byte', async () => {
    for (const path of [assetNamed(/^mount-.*\.js$/u), 'data/dataset.json', 'index.html']) {
      const gz = readFileSync(join(ROOT, `${path}.gz`));
      const response = await fetch(`${nginx.url}/${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(response.headers.get('content-encoding'), path).toBe('gzip');
      expect(response.headers.get('vary'), path).toBe('Accept-Encoding');
      // Node's fetch decompresses; the length the server announced is the precompressed file's.
      expect(Number(response.headers.get('content-length')), path).toBe(gz.length);
      expect((await response.arrayBuffer()).byteLength, path).toBe(statSync(join(ROOT, path)).size);
    }
  });

  test('an unchanged page or data file answers 304 to a revalidation', async () => {
    for (const path of ['', 'data/dataset.json']) {
      const first = await fetch(`${nginx.url}/${path}`);
      const etag = first.headers.get('etag');
      expect(etag, path).toMatch(/^"/u);
      const again = await fetch(`${nginx.url}/${path}`, { headers: { 'If-None-Match': etag ?? '' } });
      expect(again.status, path).toBe(304);
    }
  });

  test('unknown paths and dot-files are 404, never the page', async () => {
    for (const path of ['no-such-page', 'assets/nothing.js', '.git/config', 'data/.env']) {
      const { status, headers } = await headersOf(`${nginx.url}/${path}`);
      expect([path, status], path).toEqual([path, 404]);
      expect(headers.get('content-security-policy'), path).toBe(documentedHeaders('base')['Content-Security-Policy']);
    }
  });

  test(
    'the app runs in Chromium under the server policy: WebGL map, no violation, nothing off-origin',
    { timeout: 90_000 },
    async () => {
      const g = await openGuarded([nginx.url]);
      await g.page.goto(`${nginx.url}/?lang=en&year=2020&region=RU-KRS`, { waitUntil: 'load' });
      await g.page.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 60_000 });
      await g.page.getByRole('slider', { name: 'Year' }).press('ArrowRight');
      await expect.poll(() => g.page.getByRole('slider', { name: 'Year' }).getAttribute('aria-valuetext')).toBe('2021');
      expect(await problems(g)).toEqual(NONE);
    },
  );

  test(
    'a sandboxed iframe on another site renders under the policy and is sized by embed.js',
    { timeout: 90_000 },
    async () => {
      const g = await openGuarded([nginx.url, hostOrigin]);
      await g.page.goto(`${hostOrigin}/article.html`, { waitUntil: 'load' });
      const frame = g.page.frameLocator('#map');
      await frame.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 60_000 });
      await expect
        .poll(
          async () =>
            Number.parseFloat(
              await g.page.locator('#map').evaluate((f) => (f as HTMLIFrameElement).style.height || '0'),
            ),
          {
            timeout: 15_000,
          },
        )
        .toBeGreaterThan(300);
      expect(await problems(g)).toEqual(NONE);
    },
  );

  test('a page on another origin imports byru-map.js and mounts the map (CORS)', { timeout: 90_000 }, async () => {
    const g = await openGuarded([nginx.url, hostOrigin]);
    await g.page.goto(`${hostOrigin}/mount.html`, { waitUntil: 'load' });
    await g.page.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 60_000 });
    expect(await g.page.getByRole('slider', { name: 'Year' }).getAttribute('aria-valuetext')).toBe('2019');
    expect(await problems(g)).toEqual(NONE);
  });
});

describe('nginx serving the map under a sub-path (byru-map-subpath.conf)', () => {
  let site = '';
  let sub: RunningNginx;

  beforeAll(async () => {
    // A build for /maps/by-ru/, as a host following deploy/nginx/byru-map-subpath.conf makes it.
    site = mkdtempSync(join(tmpdir(), 'byru-subpath-'));
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root: REPO,
        configFile: join(REPO, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'silent',
        base: SUBPATH,
        build: { outDir: join(site, SUBPATH), emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    sub = await startNginx({ root: site, site: 'byru-map-subpath.conf' });
  });

  afterAll(async () => {
    await sub?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  test('the path without its slash redirects, keeping the query', async () => {
    const { status, headers } = await headersOf(`${sub.url}/maps/by-ru?year=2018`);
    expect(status).toBe(301);
    expect(
      new URL(headers.get('location') ?? '', sub.url).pathname + new URL(headers.get('location') ?? '', sub.url).search,
    ).toBe('/maps/by-ru/?year=2018');
  });

  test(
    'the app runs under the sub-path with its headers, and the rest of the site does not get them',
    { timeout: 90_000 },
    async () => {
      const page = await headersOf(`${sub.url}${SUBPATH}`);
      expect(page.headers.get('content-security-policy')).toBe(documentedHeaders('base')['Content-Security-Policy']);
      const outside = await headersOf(`${sub.url}/other/`);
      expect(outside.status).toBe(404);
      expect(outside.headers.get('content-security-policy')).toBeNull();

      const g = await openGuarded([sub.url]);
      await g.page.goto(`${sub.url}${SUBPATH}?lang=en&year=2022`, { waitUntil: 'load' });
      await g.page.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 60_000 });
      expect(await g.page.getByRole('slider', { name: 'Year' }).getAttribute('aria-valuetext')).toBe('2022');
      expect(await problems(g)).toEqual(NONE);
    },
  );
});
