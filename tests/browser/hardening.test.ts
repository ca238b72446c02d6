// Hard to break, in real Chromium: the built app under the Content-Security-Policy SECURITY.md gives
// hosts, with storage blocked and in sandboxed iframes; hostile URLs; a lost WebGL context; and 50
// mount/unmount cycles through the published `mount` API (byru-map.js) without leaks.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/serve.mjs';
import { LIB_FILE } from '../../src/embed/files';
import { PALETTES } from '../../src/scene/palette';
import { documentedHeaders } from '../securityHeaders';
import {
  type AppPage,
  baseURL,
  colourDistance,
  launchBrowser,
  linksShown,
  MAP_SELECTOR,
  newGuardedPage,
  NO_PROBLEMS,
  openApp,
  pixelOf,
  problemsOf,
  type RGBA,
  sampleCanvas,
  saveScreenshot,
  waitForMapIdle,
} from './harness';

const ROOT = resolve(process.env.BROWSER_TEST_ROOT ?? 'dist');

/** Every view of the app, by its query: each hardening check runs on all of them (add new views here). */
const VIEWS = [
  { name: 'main', query: 'debug=1' },
  { name: 'embed', query: 'debug=1&embed=1' },
  { name: 'presenter', query: 'debug=1&present=1' },
];

const MINSK: [number, number] = [27.56, 53.9];
const BARENTS_SEA: [number, number] = [40.0, 73.0];
const KURSK: [number, number] = [36.2, 51.7];
/** The light theme's water, as the canvas reads it (RGBA). */
const WATER = [...[1, 3, 5].map((i) => parseInt(PALETTES.light.water.slice(i, i + 2), 16)), 255] as [
  number,
  number,
  number,
  number,
];

interface PolicyServer {
  server: RunningServer;
  /** `directive blocked-uri at source:line` of every CSP report the browser posted. */
  reports: string[];
}

/**
 * Serves the build with the given headers, a `report-uri` added to the policy, and two test pages
 * without them: `/host.html?sandbox=…&src=…` (an iframe host) and `/blank.html` (for the mount API).
 */
async function startPolicyServer(headers: Record<string, string>): Promise<PolicyServer> {
  const reports: string[] = [];
  const policy = {
    ...headers,
    'Content-Security-Policy': `${headers['Content-Security-Policy']}; report-uri /csp-report`,
  };
  const server = await startServer({
    root: ROOT,
    headers: (_req, { pathname }) => (pathname === '/host.html' || pathname === '/csp-report' ? undefined : policy),
    routes: {
      '/csp-report': (req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          try {
            const r = (JSON.parse(body) as { 'csp-report': Record<string, string> })['csp-report'];
            reports.push(
              `${r['violated-directive']} blocked ${r['blocked-uri']} at ${r['source-file']}:${r['line-number']}`,
            );
          } catch {
            reports.push(`unreadable report: ${body}`);
          }
          res.statusCode = 204;
          res.end();
        });
      },
      '/host.html': (_req, res, { url }) => {
        const attr = (s: string) => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(
          `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body>` +
            `<iframe sandbox="${attr(url.searchParams.get('sandbox') ?? '')}" src="${attr(url.searchParams.get('src') ?? '')}" ` +
            `width="960" height="640" title="map"></iframe></body></html>`,
        );
      },
      '/blank.html':
        '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>mount</title></head><body></body></html>',
    },
  });
  return { server, reports };
}

/** Records `securitypolicyviolation` events in every frame, before any script of the page runs. */
function watchViolations(): void {
  const w = window as unknown as { byruViolations: string[] };
  w.byruViolations = [];
  addEventListener('securitypolicyviolation', (e) =>
    w.byruViolations.push(
      `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
    ),
  );
}

/** Makes every storage API throw, as a browser that blocks storage does (in every frame). */
function blockStorage(): void {
  const refuse = (): never => {
    throw new DOMException('storage is blocked (test)', 'SecurityError');
  };
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches'])
    Object.defineProperty(window, name, { get: refuse, configurable: true });
  Object.defineProperty(Document.prototype, 'cookie', { get: refuse, set: refuse, configurable: true });
}

/** Console messages about the policy (e.g. "Refused to load …") from the page and its workers. */
function watchCspConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (/Content[ -]Security[ -]Policy|Refused to/i.test(m.text())) messages.push(`${m.type()}: ${m.text()}`);
  });
  return messages;
}

async function violationsOf(page: Page, server: PolicyServer, consoleCsp: string[]): Promise<string[]> {
  // Reports are posted by the browser shortly after the event: let them arrive.
  await page.waitForTimeout(300);
  const inFrames = await Promise.all(
    page
      .frames()
      .map((f) =>
        f.evaluate(() => (window as unknown as { byruViolations?: string[] }).byruViolations ?? []).catch(() => []),
      ),
  );
  return [...inFrames.flat(), ...consoleCsp, ...server.reports];
}

/** Nothing kept: no cookie in the context, no storage in the page. */
async function storedData(context: BrowserContext, page: Page): Promise<Record<string, unknown>> {
  const inPage = await page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    cookie: document.cookie,
  }));
  return { ...inPage, cookies: (await context.cookies()).length };
}

async function clickAt(page: Page, [x, y]: [number, number]): Promise<void> {
  const box = await page.locator(`${MAP_SELECTOR} canvas`).first().boundingBox();
  if (!box) throw new Error('the map canvas is not visible');
  await page.mouse.move(box.x + x - 30, box.y + y - 20);
  await page.mouse.move(box.x + x, box.y + y, { steps: 3 });
  await page.mouse.click(box.x + x, box.y + y);
}

let browser: Browser;
let base: PolicyServer;
const open: AppPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  base = await startPolicyServer(documentedHeaders('base'));
});

afterAll(async () => {
  await base?.server.close();
  await browser?.close();
});

afterEach(async ({ task }) => {
  for (const app of open.splice(0)) {
    if (task.result?.state === 'fail') {
      const path = await saveScreenshot(app.page, `hardening-${task.name}`).catch(() => null);
      if (path) console.log(`[browser tests] screenshot of the failed test: ${path}`);
    }
    await app.context.close();
  }
  base.reports.length = 0;
});

/** A small window: SwiftShader draws it faster, and the layout is still the desktop one. */
const VIEWPORT = { width: 1000, height: 680 };

async function guardedPage(origin: string, options: { storage?: 'blocked' } = {}) {
  const app = await newGuardedPage(browser, { origin, viewport: VIEWPORT });
  open.push(app);
  await app.context.addInitScript(watchViolations);
  if (options.storage === 'blocked') await app.context.addInitScript(blockStorage);
  return { ...app, consoleCsp: watchCspConsole(app.page) };
}

describe('under the policy in SECURITY.md', () => {
  test('the main view runs a session of use with no violation, no foreign request, no cookie and nothing stored', async () => {
    const app = await guardedPage(base.server.url);
    const { page, context } = app;
    await openApp(page, 'debug=1&year=2020', { baseURL: base.server.url });

    await clickAt(page, await pixelOf(page, ...MINSK));
    await expect.poll(() => page.getByRole('complementary').first().textContent()).toMatch(/Минск/);
    await page.getByRole('slider', { name: 'Год' }).press('ArrowRight');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Belarus' }).waitFor();

    await page.getByText('Download the data').click();
    const csv = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /\(CSV\)/ })
      .first()
      .click();
    expect((await csv).suggestedFilename()).toMatch(/\.csv$/);

    await page.getByRole('button', { name: 'Share' }).click();
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: /PNG/ }).click();
    expect((await png).suggestedFilename()).toMatch(/\.png$/);
    await waitForMapIdle(page);

    expect(await violationsOf(page, base, app.consoleCsp)).toEqual([]);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
    expect(await storedData(context, page)).toEqual({
      localStorage: 0,
      sessionStorage: 0,
      indexedDB: 0,
      caches: 0,
      cookie: '',
      cookies: 0,
    });
  });

  test.each(VIEWS)(
    'the $name view draws and answers with storage blocked, with no violation or foreign request',
    async ({ query }) => {
      const app = await guardedPage(base.server.url, { storage: 'blocked' });
      const { page, context } = app;
      await openApp(page, query, { baseURL: base.server.url });
      const [x, y] = await pixelOf(page, ...MINSK);
      const box = await page.locator(`${MAP_SELECTOR} canvas`).first().boundingBox();
      if (box) await page.mouse.move(box.x + x, box.y + y, { steps: 3 });
      const sample = await sampleCanvas(page, [[x, y], await pixelOf(page, ...BARENTS_SEA)]);
      const [minsk, water] = sample.pixels;
      expect(minsk && water && colourDistance(minsk, water), JSON.stringify(sample)).toBeGreaterThan(8);

      expect(await violationsOf(page, base, app.consoleCsp)).toEqual([]);
      expect(problemsOf(app)).toEqual(NO_PROBLEMS);
      expect(await context.cookies()).toEqual([]);
    },
  );

  test.each([
    { sandbox: 'allow-scripts allow-same-origin allow-popups allow-downloads', headers: 'base' },
    { sandbox: 'allow-scripts', headers: 'opaque-sandbox' },
  ])('a cross-site iframe with sandbox="$sandbox" draws the map ($headers headers)', async ({ sandbox, headers }) => {
    const server = headers === 'base' ? base : await startPolicyServer(documentedHeaders(headers));
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    try {
      await context.addInitScript(watchViolations);
      const page = await context.newPage();
      const consoleCsp = watchCspConsole(page);
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      // The host page is on localhost, the map on 127.0.0.1: another site, so its storage is third-party.
      const app = server.server.url;
      const host = app.replace('127.0.0.1', 'localhost');
      const elsewhere: string[] = [];
      context.on('request', (r) => {
        const origin = new URL(r.url()).origin;
        if (origin !== app && !r.url().startsWith(`${host}/host.html`)) elsewhere.push(r.url());
      });
      await page.goto(`${host}/host.html?${new URLSearchParams({ sandbox, src: `${app}/?debug=1&embed=1` })}`);
      await page
        .frameLocator('iframe')
        .locator('[data-testid="map"][data-renderer="webgl"][data-map-state="idle"]')
        .waitFor({ state: 'attached', timeout: 30_000 });
      const storage = await page.frames()[1]?.evaluate(() => {
        try {
          return `localStorage has ${localStorage.length} items`;
        } catch (e) {
          return (e as Error).name;
        }
      });
      // Chromium refuses storage in both frames (third-party, or an opaque origin): the map needs none.
      expect(storage).toBe('SecurityError');
      expect(await violationsOf(page, server, consoleCsp)).toEqual([]);
      expect(elsewhere).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      if (server !== base) await server.server.close();
    }
  });
});

describe('under Trusted Types', () => {
  test.each(['', '; trusted-types default'])(
    'with require-trusted-types-for (headers:trusted-types%s) the WebGL map starts, draws and exports, with no violation',
    async (extra) => {
      const headers = documentedHeaders('trusted-types');
      const tt = await startPolicyServer({
        ...headers,
        'Content-Security-Policy': `${headers['Content-Security-Policy']}${extra}`,
      });
      try {
        const app = await guardedPage(tt.server.url);
        const { page } = app;
        await openApp(page, 'debug=1&year=2020', { baseURL: tt.server.url });
        const [minsk, water] = (
          await sampleCanvas(page, [await pixelOf(page, ...MINSK), await pixelOf(page, ...BARENTS_SEA)])
        ).pixels;
        expect(minsk && water && colourDistance(minsk, water)).toBeGreaterThan(8);
        await page.getByRole('button', { name: 'Поделиться' }).click();
        const png = page.waitForEvent('download');
        await page.getByRole('button', { name: /PNG/ }).click();
        expect((await png).suggestedFilename()).toMatch(/\.png$/);
        expect(await violationsOf(page, tt, app.consoleCsp)).toEqual([]);
        expect(problemsOf(app)).toEqual(NO_PROBLEMS);
      } finally {
        await tt.server.close();
      }
    },
  );

  test('in a sandbox="allow-scripts" iframe (a data: worker the policy does not pass), the SVG map stays, drawn', async () => {
    const headers = documentedHeaders('opaque-sandbox');
    const tt = await startPolicyServer({
      ...headers,
      'Content-Security-Policy': `${headers['Content-Security-Policy']}; require-trusted-types-for 'script'`,
    });
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const warnings: string[] = [];
      const pageErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      const app = tt.server.url;
      const host = app.replace('127.0.0.1', 'localhost');
      await page.goto(
        `${host}/host.html?${new URLSearchParams({ sandbox: 'allow-scripts', src: `${app}/?debug=1&embed=1` })}`,
      );
      const frame = page.frameLocator('iframe');
      await frame.locator(MAP_SELECTOR).waitFor({ state: 'attached', timeout: 30_000 });
      await frame.locator(MAP_SELECTOR).first().hover();
      await expect
        .poll(() => warnings.some((w) => /WebGL map failed to start/u.test(w)), { timeout: 20_000 })
        .toBe(true);
      await page.waitForTimeout(1500);
      expect(await frame.locator(MAP_SELECTOR).getAttribute('data-renderer')).toBe('svg');
      expect(await frame.locator(`${MAP_SELECTOR} svg path`).count()).toBeGreaterThan(50);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
      await tt.server.close();
    }
  });

  test("when no policy may be made (trusted-types 'none'), the engine does not start and the SVG map stays, drawn", async () => {
    const headers = documentedHeaders('trusted-types');
    const none = await startPolicyServer({
      ...headers,
      'Content-Security-Policy': `${headers['Content-Security-Policy']}; trusted-types 'none'`,
    });
    try {
      const app = await guardedPage(none.server.url);
      const { page } = app;
      const warnings: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
      await openApp(page, 'debug=1&year=2020', { baseURL: none.server.url, until: 'ready' });
      // Reach for the map (the engine is fetched on the first touch at the latest), then give it time.
      await page.locator(MAP_SELECTOR).first().hover();
      await page.mouse.wheel(0, 1);
      await expect
        .poll(() => warnings.some((w) => /WebGL map failed to start/u.test(w)), { timeout: 20_000 })
        .toBe(true);
      await page.waitForTimeout(1500);
      const map = page.locator(MAP_SELECTOR);
      expect(await map.count()).toBe(1);
      expect(await map.getAttribute('data-renderer')).toBe('svg');
      expect(await map.locator('svg path').count()).toBeGreaterThan(50);
      // The image export draws the SVG map (the WebGL map never took over, so it is not blank).
      await page.getByRole('button', { name: 'Поделиться' }).click();
      const png = page.waitForEvent('download');
      await page.getByRole('button', { name: /PNG/ }).click();
      const bytes = await readFile((await (await png).path()) ?? '');
      expect(bytes.length).toBeGreaterThan(20_000);
      expect(app.console.pageErrors).toEqual([]);
    } finally {
      await none.server.close();
    }
  });
});

describe('hostile URLs', () => {
  const q = (params: [string, string][]) =>
    params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const JUNK = q([
    ['region', 'A'.repeat(4000)],
    ['lang', 'x'.repeat(2000)],
    ...Array.from({ length: 100 }, (): [string, string] => ['kinds', 'sister']),
    ['year', '2019'],
  ]);
  /** Query → what the page must show: the default year (or the one given), and the region panel's words. */
  const CASES: { query: string; year: string; panel: RegExp }[] = [
    {
      query: q([
        ['region', '<img src=x onerror="window.byruPwned=1">'],
        ['lang', '<script>window.byruPwned=1</script>'],
        ['kinds', '"><svg onload="window.byruPwned=1">'],
        ['debug', '<script>'],
        ['year', '9e999'],
      ]),
      year: '2024',
      panel: /Выберите регион/,
    },
    {
      query: q([
        ['region', 'javascript:window.byruPwned=1'],
        ['year', 'javascript:alert(1)'],
        ['lang', '{{constructor.constructor("window.byruPwned=1")()}}'],
        ['kinds', '${window.byruPwned=1}'],
      ]),
      year: '2024',
      panel: /Выберите регион/,
    },
    // A prototype key as a region id: well-formed, unknown.
    {
      query: `region=constructor&__proto__[year]=2018&constructor[prototype][lang]=en&lang=%00&kinds=%E0%A4%A`,
      year: '2024',
      panel: /«constructor» не найден/,
    },
    // A very long query with repeated keys: the first value of each counts.
    { query: `region=RU-ZZZ&${JUNK}`, year: '2019', panel: /«RU-ZZZ» не найден/ },
  ];

  test('render the page, run no script, open no dialog, fall back to the defaults; an unknown region is «не найден»', async () => {
    const app = await newGuardedPage(browser, { viewport: VIEWPORT });
    open.push(app);
    const { page } = app;
    for (const { query, year, panel } of CASES) {
      // Served without the policy: the app itself must not run the payloads, not only the CSP.
      await page.goto(`${baseURL()}/?${query}`);
      await waitForMapIdle(page);
      await expect.poll(() => page.getByRole('complementary', { name: 'Регион' }).textContent()).toMatch(panel);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { byruPwned?: unknown }).byruPwned ?? null,
        injected: document.querySelectorAll('img[src="x"], [onerror], [onload], script:not([src])').length,
        title: document.querySelector('h1')?.textContent ?? '',
        year: document.querySelector('input[type="range"]')?.getAttribute('aria-valuetext') ?? '',
        lang: document.documentElement.lang,
      }));
      expect(state, query.slice(0, 160)).toEqual({
        pwned: null,
        injected: 0,
        title: 'Регионы Беларуси и России: сотрудничество',
        year,
        lang: 'ru',
      });
    }
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });
});

describe('a lost WebGL context', () => {
  /** Loses the map's WebGL context through WEBGL_lose_context (kept on window to restore it). */
  async function loseContext(page: Page): Promise<void> {
    await page.evaluate((selector) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas`);
      const ext = canvas?.getContext('webgl2')?.getExtension('WEBGL_lose_context');
      if (!ext) throw new Error('no WEBGL_lose_context on the map canvas');
      (window as unknown as { byruLoseContext: WEBGL_lose_context }).byruLoseContext = ext;
      ext.loseContext();
    }, MAP_SELECTOR);
    await page.locator(`${MAP_SELECTOR}[data-map-state="lost"]`).waitFor({ state: 'attached' });
  }

  /** The map's pixels on a 64 × 48 grid (the region fills carry the selection, classes and dimming). */
  async function picture(page: Page): Promise<RGBA[]> {
    const box = await page.locator(`${MAP_SELECTOR} canvas`).first().boundingBox();
    if (!box) throw new Error('the map canvas is not visible');
    const points: [number, number][] = [];
    for (let i = 0; i < 64; i++)
      for (let j = 0; j < 48; j++) points.push([((i + 0.5) * box.width) / 64, ((j + 0.5) * box.height) / 48]);
    return (await sampleCanvas(page, points)).pixels.map((p) => p ?? [0, 0, 0, 0]);
  }

  test('comes back with the same year, links and selection after a restore; lost for good, the SVG map takes over', async () => {
    const app = await guardedPage(base.server.url);
    const { page } = app;
    await openApp(page, 'debug=1&year=2019&region=RU-KRS', { baseURL: base.server.url });
    const links = await linksShown(page);
    const before = await picture(page);
    expect(links.length).toBeGreaterThan(0);

    await loseContext(page);
    await page.evaluate(() =>
      (window as unknown as { byruLoseContext: WEBGL_lose_context }).byruLoseContext.restoreContext(),
    );
    await waitForMapIdle(page);
    const after = await picture(page);
    // Kursk oblast, selected, is framed on screen: it is drawn, not left the colour of the water.
    const [kursk] = (await sampleCanvas(page, [await pixelOf(page, ...KURSK)])).pixels;
    expect(kursk, 'Kursk oblast is on screen').toBeTruthy();
    expect(colourDistance(kursk ?? WATER, WATER), 'Kursk oblast looks like water').toBeGreaterThan(8);
    // The restored map is the same picture (without the feature state re-applied, a quarter differ).
    const changed = after.filter((p, i) => colourDistance(p, before[i] ?? [0, 0, 0, 0]) > 3).length;
    expect(changed, `${changed} of ${after.length} grid pixels changed`).toBeLessThanOrEqual(after.length / 200);
    expect(await linksShown(page)).toEqual(links);
    await expect.poll(() => page.getByRole('complementary', { name: 'Регион' }).textContent()).toMatch(/Курская/);

    // Not restored: after the timeout (5 s) the SVG map draws the same view.
    await loseContext(page);
    const svg = page.locator(`${MAP_SELECTOR}[data-renderer="svg"] svg`).first();
    await svg.waitFor({ timeout: 15_000 });
    expect(await page.locator(`${MAP_SELECTOR} canvas`).count()).toBe(0);
    expect(await page.getByRole('slider', { name: 'Год' }).getAttribute('aria-valuetext')).toBe('2019');
    expect(await page.getByRole('complementary', { name: 'Регион' }).textContent()).toMatch(/Курская/);

    // The PNG export of the SVG map goes through a data: image: allowed by img-src, nothing else needed.
    await page.getByRole('button', { name: 'Поделиться' }).click();
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: /PNG/ }).click();
    expect((await png).suggestedFilename()).toMatch(/\.png$/);

    expect(await violationsOf(page, base, app.consoleCsp)).toEqual([]);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  }, 120_000);
});

describe('mounting and unmounting 50 times', () => {
  interface Census {
    heapMB: number;
    windowListeners: string[];
    documentListeners: string[];
    canvasObjects: number;
    webglContexts: number;
    workerObjects: number;
    runningWorkers: number;
    canvasesInDom: number;
  }

  async function census(cdp: CDPSession, page: Page): Promise<Census> {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const listeners = async (expression: string) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'census' });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId ?? '' });
      return listeners.map((l) => l.type).sort();
    };
    const instances = async (prototype: string) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: prototype, objectGroup: 'census' });
      const { objects } = await cdp.send('Runtime.queryObjects', {
        prototypeObjectId: result.objectId ?? '',
        objectGroup: 'census',
      });
      const { result: n } = await cdp.send('Runtime.callFunctionOn', {
        objectId: objects.objectId ?? '',
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      return n.value as number;
    };
    const c: Census = {
      heapMB: Math.round((await cdp.send('Runtime.getHeapUsage')).usedSize / 10_000) / 100,
      windowListeners: await listeners('window'),
      documentListeners: await listeners('document'),
      canvasObjects: await instances('HTMLCanvasElement.prototype'),
      webglContexts: await instances('WebGL2RenderingContext.prototype'),
      workerObjects: await instances('Worker.prototype'),
      runningWorkers: page.workers().length,
      canvasesInDom: await page.evaluate(() => document.querySelectorAll('canvas').length),
    };
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'census' });
    return c;
  }

  /** Mount/unmount cycles in the page; of each 10, 7 are unmounted at once, 2 once the data is in and
   *  the map is being made, 1 once drawn (skipping the first `skip`). */
  async function cycles(page: Page, n: number, skip = 0): Promise<void> {
    await page.evaluate(
      async ([n, skip]) => {
        const { mount } = (window as unknown as { byruLib: { mount: (el: HTMLElement, o: object) => () => void } })
          .byruLib;
        const until = (ok: () => boolean) =>
          new Promise<void>((done, fail) => {
            const start = performance.now();
            const tick = () =>
              ok() ? done() : performance.now() - start > 30_000 ? fail(new Error('timed out')) : setTimeout(tick, 20);
            tick();
          });
        for (let i = skip; i < n; i++) {
          const el = document.createElement('div');
          el.style.width = '320px';
          el.style.height = '480px';
          document.body.append(el);
          const unmount = mount(el, { urlSync: true, year: 2016 + (i % 9), region: i % 2 ? 'RU-KRS' : 'BY-HR' });
          const stage = i % 10;
          if (stage === 4 || stage === 7 || stage === 9)
            await until(() => el.querySelector('[data-testid="map"]') !== null);
          if (stage === 9)
            await until(() => el.querySelector('[data-renderer="webgl"][data-map-state="idle"]') !== null);
          unmount();
          el.remove();
        }
      },
      [n, skip] as const,
    );
  }

  test('leaves no listener, worker, canvas or WebGL context behind, and the heap flat', async () => {
    const app = await guardedPage(base.server.url);
    const { page } = app;
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`${base.server.url}/blank.html`);
    // A string, so vitest does not rewrite the import() for Node: the browser loads the published module.
    await page.evaluate(`import('/${LIB_FILE}').then((lib) => { window.byruLib = lib; })`);
    const cdp = await app.context.newCDPSession(page);

    await cycles(page, 10, 7); // warm-up: code compiled, MapLibre's shared resources made once
    const before = await census(cdp, page);
    await cycles(page, 50);
    const after = await census(cdp, page);
    console.log(`[hardening] 50 mount/unmount cycles: ${JSON.stringify({ before, after })}`);

    expect(after.windowListeners).toEqual(before.windowListeners);
    expect(after.documentListeners).toEqual(before.documentListeners);
    expect(after.canvasesInDom).toBe(0);
    expect(after.canvasObjects).toBeLessThanOrEqual(before.canvasObjects);
    expect(after.webglContexts).toBeLessThanOrEqual(before.webglContexts);
    expect(after.workerObjects).toBeLessThanOrEqual(before.workerObjects);
    expect(after.runningWorkers).toBeLessThanOrEqual(1);
    // One leaked instance holds megabytes (geometry, dataset, GL buffers): 50 would be far above this.
    expect(after.heapMB - before.heapMB).toBeLessThan(4);
    expect(await page.evaluate(() => document.body.children.length)).toBe(0);
    expect(await violationsOf(page, base, app.consoleCsp)).toEqual([]);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  }, 180_000);
});
