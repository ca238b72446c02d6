// Helpers for the real-browser tests: launch Debian Chromium (SwiftShader WebGL) through
// playwright-core, open the built app, and guard against off-origin requests and console errors.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

/** The map container and its drawing canvas (app contract). */
export const MAP_SELECTOR = '[data-testid="map"]';
/** Some map is drawn: the SVG map (the first view) or the WebGL map. */
export const MAP_IDLE_SELECTOR = '[data-testid="map"][data-map-state="idle"]';
/** The WebGL map has taken over from the SVG map and settled (what a desktop browser ends up with). */
export const WEBGL_IDLE_SELECTOR = '[data-testid="map"][data-renderer="webgl"][data-map-state="idle"]';
const CANVAS_SELECTOR = '[data-testid="map"] canvas';

/** What the app exposes on `window.byruDebug` when opened with `?debug=1`. */
export interface ByruDebug {
  /** CSS px relative to the map canvas' top-left corner. */
  pixelOf(lon: number, lat: number): [number, number];
  regionAt(x: number, y: number): string | null;
  /** Ids of the link arcs drawn in the current frame (any part on screen), sorted. */
  linksShown(): string[];
  /** Ids (`origin>partner`) of the partner arcs drawn in the current frame, sorted. */
  partnersShown(): string[];
  /** The inset's tap targets (CSS px, `[[[x, y]]]`), by Belarusian region code. */
  insetTargets(): Record<string, [number, number][][]>;
}

/** Origin of the server started by global-setup.ts, e.g. http://127.0.0.1:41234 */
export function baseURL(): string {
  return inject('baseURL');
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = inject('chromiumPath') || findChromium({ install: false });
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
}

export interface RequestGuard {
  /** `METHOD url` of every request to another origin (each was aborted). */
  offOrigin: string[];
  /** `status url` of same-origin responses with status >= 400. */
  failed: string[];
}

/** Aborts and records every request whose origin differs from `origin` (data: URLs are allowed). */
export async function guardRequests(context: BrowserContext, origin: string): Promise<RequestGuard> {
  const guard: RequestGuard = { offOrigin: [], failed: [] };
  const isForeign = (url: string): boolean => {
    if (url.startsWith('data:') || url.startsWith('about:')) return false;
    try {
      return new URL(url).origin !== origin;
    } catch {
      return true;
    }
  };
  const record = (entry: string): void => {
    if (!guard.offOrigin.includes(entry)) guard.offOrigin.push(entry);
  };
  await context.route('**/*', async (route) => {
    const request = route.request();
    if (isForeign(request.url())) {
      record(`${request.method()} ${request.url()}`);
      await route.abort('blockedbyclient');
    } else {
      await route.fallback();
    }
  });
  // Belt and braces: anything the router did not see (e.g. from a worker) is still recorded.
  context.on('request', (request) => {
    if (isForeign(request.url())) record(`${request.method()} ${request.url()}`);
  });
  context.on('response', (response) => {
    if (!isForeign(response.url()) && response.status() >= 400) {
      guard.failed.push(`${response.status()} ${response.url()}`);
    }
  });
  const watchSockets = (page: Page): void => {
    page.on('websocket', (socket) => {
      if (isForeign(socket.url())) record(`WEBSOCKET ${socket.url()}`);
    });
  };
  context.pages().forEach(watchSockets);
  context.on('page', watchSockets);
  return guard;
}

export interface ConsoleGuard {
  /** console.error messages. */
  errors: string[];
  /** Uncaught exceptions and unhandled rejections (`pageerror`). */
  pageErrors: string[];
  /** `type: message` of every alert/confirm/prompt/beforeunload dialog (each was dismissed). */
  dialogs: string[];
}

export function guardConsole(page: Page): ConsoleGuard {
  const guard: ConsoleGuard = { errors: [], pageErrors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    guard.errors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => guard.pageErrors.push(error.stack ?? error.message));
  page.on('crash', () => guard.pageErrors.push('page crashed'));
  page.on('dialog', (dialog) => {
    guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  return guard;
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  requests: RequestGuard;
  console: ConsoleGuard;
}

/** Everything both guards caught, by kind, for one assertion that lists every problem at once:
 *  `expect(problemsOf(app)).toEqual(NO_PROBLEMS)`. */
export function problemsOf(app: AppPage): Record<keyof typeof NO_PROBLEMS, string[]> {
  return {
    'requests to another origin': app.requests.offOrigin,
    'same-origin responses with an error status': app.requests.failed,
    'uncaught page errors': app.console.pageErrors,
    'console.error messages': app.console.errors,
    dialogs: app.console.dialogs,
  };
}

export const NO_PROBLEMS = {
  'requests to another origin': [] as string[],
  'same-origin responses with an error status': [] as string[],
  'uncaught page errors': [] as string[],
  'console.error messages': [] as string[],
  dialogs: [] as string[],
};

/** A fresh context + page with both guards attached before any navigation. */
export async function newGuardedPage(
  browser: Browser,
  options: {
    origin?: string;
    viewport?: { width: number; height: number };
    locale?: string;
    /** A phone: touch screen, mobile viewport behaviour, `(pointer: coarse)`. */
    phone?: boolean;
    /** Service workers are blocked unless a test is about them (the presenter's offline copy). */
    serviceWorkers?: 'allow' | 'block';
  } = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.phone ? { isMobile: true, hasTouch: true } : {}),
    deviceScaleFactor: 1,
    locale: options.locale ?? 'ru-RU',
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const requests = await guardRequests(context, options.origin ?? baseURL());
  const page = await context.newPage();
  return { context, page, requests, console: guardConsole(page) };
}

/** Opens the app at `/?<query>` and waits until the WebGL map has taken over from the first view
 *  (the SVG map) and reports `data-map-state="idle"` (and, with debug=1, until `window.byruDebug` exists). With `until: 'ready'` it waits only until the
 *  data has loaded and the interface is there (the map container is attached), not for the map to draw:
 *  for tests of the interface alone, which then need not wait seconds for WebGL under SwiftShader. */
export async function openApp(
  page: Page,
  query: string | Record<string, string> = 'debug=1',
  options: { baseURL?: string; path?: string; timeout?: number; until?: 'idle' | 'ready' } = {},
): Promise<void> {
  const search = new URLSearchParams(typeof query === 'string' ? query.replace(/^\?/, '') : query).toString();
  const url = `${options.baseURL ?? baseURL()}${options.path ?? '/'}${search ? `?${search}` : ''}`;
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status() ?? 'nothing'}`);
  if (options.until === 'ready') {
    await page.locator(MAP_SELECTOR).waitFor({ state: 'attached', timeout: options.timeout ?? 30_000 });
    return;
  }
  await waitForMapIdle(page, options.timeout);
  if (new URLSearchParams(search).get('debug') === '1') {
    // As long as the map's own wait: on two shared cores 5 s was once too short (CI, 2026-12-03).
    await page.waitForFunction(() => Boolean((window as unknown as { byruDebug?: unknown }).byruDebug), null, {
      timeout: options.timeout ?? 30_000,
    });
  }
}

/** Waits for the WebGL map to have taken over and settled (a desktop Chromium with WebGL). */
export async function waitForMapIdle(page: Page, timeout = 30_000): Promise<void> {
  try {
    await page.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout });
  } catch (error) {
    const map = page.locator(MAP_SELECTOR).first();
    const state = await Promise.all([
      map.getAttribute('data-renderer', { timeout: 1_000 }),
      map.getAttribute('data-map-state', { timeout: 1_000 }),
    ]).catch(() => ['(no [data-testid="map"] element)']);
    throw new Error(
      `The WebGL map did not take over and reach data-map-state="idle" within ${timeout} ms; the map is ${JSON.stringify(state)}`,
      { cause: error },
    );
  }
}

/** `window.byruDebug.pixelOf(lon, lat)`: CSS px relative to the map canvas. */
export async function pixelOf(page: Page, lon: number, lat: number): Promise<[number, number]> {
  return page.evaluate(
    ([lon, lat]) => {
      const debug = (window as unknown as { byruDebug?: ByruDebug }).byruDebug;
      if (!debug) throw new Error('window.byruDebug is missing (open the app with ?debug=1)');
      return debug.pixelOf(lon, lat);
    },
    [lon, lat] as const,
  );
}

/** `window.byruDebug.linksShown()`: ids of the link arcs drawn in the current frame. */
export async function linksShown(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const debug = (window as unknown as { byruDebug?: ByruDebug }).byruDebug;
    if (!debug) throw new Error('window.byruDebug is missing (open the app with ?debug=1)');
    return debug.linksShown();
  });
}

/** `window.byruDebug.partnersShown()`: ids (`origin>partner`) of the partner arcs drawn in the current frame. */
export async function partnersShown(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const debug = (window as unknown as { byruDebug?: ByruDebug }).byruDebug;
    if (!debug) throw new Error('window.byruDebug is missing (open the app with ?debug=1)');
    return debug.partnersShown();
  });
}

/**
 * Runs `action` and waits until the map has drawn again and settled: its data-map-state must leave
 * "idle" (rendering/loading) after the action and come back to "idle". Waiting for "idle" alone would
 * pass at once, before a change reaches the map.
 */
export async function waitForMapRedraw(page: Page, action: () => Promise<void>, timeout = 30_000): Promise<void> {
  await page.evaluate((selector) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) throw new Error(`no element matches ${selector}`);
    const w = window as unknown as { byruRedraw?: { observer: MutationObserver; redrawn: boolean } };
    w.byruRedraw?.observer.disconnect();
    const watch = { observer: null as unknown as MutationObserver, redrawn: false };
    // Records batch up: idle → rendering → idle may arrive together, so look at the old values.
    watch.observer = new MutationObserver((records) => {
      if (records.some((r) => r.oldValue !== 'idle' || el.dataset.mapState !== 'idle')) watch.redrawn = true;
    });
    watch.observer.observe(el, { attributes: true, attributeFilter: ['data-map-state'], attributeOldValue: true });
    w.byruRedraw = watch;
  }, MAP_SELECTOR);
  await action();
  try {
    await page.waitForFunction(
      (selector) => {
        const w = window as unknown as { byruRedraw?: { redrawn: boolean } };
        return (
          w.byruRedraw?.redrawn === true && document.querySelector<HTMLElement>(selector)?.dataset.mapState === 'idle'
        );
      },
      MAP_SELECTOR,
      { timeout, polling: 50 },
    );
  } catch (error) {
    const state = await page.locator(MAP_SELECTOR).first().getAttribute('data-map-state');
    throw new Error(`The map did not redraw and settle within ${timeout} ms; it is ${JSON.stringify(state)}`, {
      cause: error,
    });
  } finally {
    await page.evaluate(() => {
      const w = window as unknown as { byruRedraw?: { observer: MutationObserver } };
      w.byruRedraw?.observer.disconnect();
      delete w.byruRedraw;
    });
  }
}

/**
 * Starts recording every value an element's attribute takes (e.g. a slider's aria-valuetext while
 * playing, too fast to poll). Returns a function that reads the values recorded so far, in order.
 */
export async function recordAttribute(element: Locator, name: string): Promise<() => Promise<string[]>> {
  const key = `byruRecord${Math.random().toString(36).slice(2)}`;
  await element.evaluate(
    (el, [name, key]) => {
      const values: string[] = [];
      (window as unknown as Record<string, string[]>)[key] = values;
      // Records may batch up: the value after one change is the old value of the next.
      new MutationObserver((records) =>
        records.forEach((_, i) => values.push(records[i + 1]?.oldValue ?? el.getAttribute(name) ?? '')),
      ).observe(el, { attributes: true, attributeFilter: [name], attributeOldValue: true });
    },
    [name, key] as const,
  );
  return () => element.page().evaluate((key) => [...((window as unknown as Record<string, string[]>)[key] ?? [])], key);
}

export async function regionAt(page: Page, x: number, y: number): Promise<string | null> {
  return page.evaluate(
    ([x, y]) => {
      const debug = (window as unknown as { byruDebug?: ByruDebug }).byruDebug;
      if (!debug) throw new Error('window.byruDebug is missing (open the app with ?debug=1)');
      return debug.regionAt(x, y);
    },
    [x, y] as const,
  );
}

export type RGBA = [number, number, number, number];

export interface CanvasSample {
  /** Size of the map container as laid out (CSS px): a map clipped to nothing has a 0 here. */
  containerSize: [number, number];
  /** Canvas size in CSS px and in device px. */
  cssSize: [number, number];
  size: [number, number];
  /** RGBA at each requested point (CSS px relative to the canvas); null when outside the canvas. */
  pixels: (RGBA | null)[];
  /** Number of distinct colours on a 32 × 24 grid over the whole canvas. */
  distinctColours: number;
}

/** Copies the WebGL map canvas into a 2D canvas in the page and reads pixels
 *  (needs preserveDrawingBuffer, which the app enables with debug=1). */
export async function sampleCanvas(page: Page, points: [number, number][]): Promise<CanvasSample> {
  return page.evaluate(
    ([mapSelector, selector, points]) => {
      const container = document.querySelector(mapSelector);
      const source = document.querySelector(selector);
      if (!(source instanceof HTMLCanvasElement)) throw new Error(`no canvas matches ${selector}`);
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const context = copy.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2D context');
      context.drawImage(source, 0, 0);
      const scaleX = source.width / source.clientWidth;
      const scaleY = source.height / source.clientHeight;
      const read = (x: number, y: number): [number, number, number, number] => {
        const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(x, y, 1, 1).data;
        return [r, g, b, a];
      };
      const pixels = points.map(([x, y]) => {
        const px = Math.floor(x * scaleX);
        const py = Math.floor(y * scaleY);
        return px >= 0 && py >= 0 && px < copy.width && py < copy.height ? read(px, py) : null;
      });
      const colours = new Set<string>();
      for (let i = 0; i < 32; i++) {
        for (let j = 0; j < 24; j++) {
          colours.add(
            read(Math.floor(((i + 0.5) * copy.width) / 32), Math.floor(((j + 0.5) * copy.height) / 24)).join(),
          );
        }
      }
      return {
        containerSize: [container?.clientWidth ?? 0, container?.clientHeight ?? 0] as [number, number],
        cssSize: [source.clientWidth, source.clientHeight] as [number, number],
        size: [source.width, source.height] as [number, number],
        pixels,
        distinctColours: colours.size,
      };
    },
    [MAP_SELECTOR, CANVAS_SELECTOR, points] as const,
  );
}

/** Reads pixels from what is actually on screen (a screenshot of the canvas' box, decoded in the page),
 *  so a canvas that is drawn but clipped, hidden or covered counts as not drawn. Points are CSS px
 *  relative to the canvas; null when the point is outside the visible part of the canvas. */
export async function sampleScreen(
  page: Page,
  points: [number, number][],
  /** What the points are relative to: the WebGL map's canvas, or e.g. the SVG map's picture. */
  selector = CANVAS_SELECTOR,
): Promise<(RGBA | null)[]> {
  const box = await page.locator(selector).first().boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return points.map(() => null);
  const clip = {
    x: Math.max(0, box.x),
    y: Math.max(0, box.y),
    width: Math.min(box.x + box.width, viewport.width) - Math.max(0, box.x),
    height: Math.min(box.y + box.height, viewport.height) - Math.max(0, box.y),
  };
  if (clip.width < 1 || clip.height < 1) return points.map(() => null);
  const png = await page.screenshot({ clip, scale: 'css', animations: 'disabled' });
  const relative = points.map(([x, y]): [number, number] => [box.x + x - clip.x, box.y + y - clip.y]);
  return page.evaluate(
    async ([base64, points]) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const copy = document.createElement('canvas');
      copy.width = image.width;
      copy.height = image.height;
      const context = copy.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2D context');
      context.drawImage(image, 0, 0);
      return points.map(([x, y]): [number, number, number, number] | null => {
        const px = Math.floor(x);
        const py = Math.floor(y);
        if (px < 0 || py < 0 || px >= copy.width || py >= copy.height) return null;
        const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(px, py, 1, 1).data;
        return [r, g, b, a];
      });
    },
    [png.toString('base64'), relative] as const,
  );
}

/** Largest per-channel difference between two colours (0–255). */
export function colourDistance(a: RGBA, b: RGBA): number {
  return Math.max(...a.map((value, i) => Math.abs(value - (b[i] ?? 0))));
}

/** Clicks the map at a CSS-px point relative to the map canvas. */
export async function clickMap(page: Page, [x, y]: [number, number]): Promise<void> {
  const box = await page.locator(CANVAS_SELECTOR).first().boundingBox();
  if (!box) throw new Error('the map canvas is not visible');
  await page.mouse.click(box.x + x, box.y + y);
}

/** Saves a screenshot under test-results/browser/ (git-ignored) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = resolve('test-results', 'browser');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * The usual frame of a browser test file: one Chromium for the file, a fresh guarded page per test
 * (handed to `use`), closed afterwards, with a screenshot kept when the test fails.
 */
export function withGuardedPages(
  label: string,
  use: (app: AppPage) => void,
  options: Parameters<typeof newGuardedPage>[1] = {},
): void {
  let browser: Browser | undefined;
  let app: AppPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('withGuardedPages: the browser did not start');
    app = await newGuardedPage(browser, options);
    use(app);
  });
  afterEach(async ({ task }) => {
    if (!app) return;
    if (task.result?.state === 'fail') {
      const path = await saveScreenshot(app.page, `${label} ${task.name}`).catch(() => null);
      if (path) console.log(`[browser tests] screenshot of the failed test: ${path}`);
    }
    await app.context.close();
  });
}

/** Makes every canvas of the context refuse WebGL, as a locked-down browser does (the SVG map stays). */
export async function refuseWebGL(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return /webgl/i.test(type) ? null : (getContext as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof getContext;
  });
}

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core run inside the page (evaluated over the DevTools protocol, so a page CSP cannot block it). */
export async function axeViolations(page: Page): Promise<{ all: AxeViolation[]; severe: string[] }> {
  await page.evaluate(`${AXE}\n;true`);
  const all = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  const severe = all
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  return { all, severe };
}
