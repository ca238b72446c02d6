// Embedding in a real browser (issue 5): the built app inside sandboxed iframes on another site's page
// sizes itself through the resizer script; two `mount` instances on one page keep their own state;
// the PNG export is a real, non-blank picture at twice the view; the year's CSV holds that year.
// Two servers of our own: the app (dist/, with the CORS header EMBEDDING.md asks hosts for) and a
// "news site" on another host name that serves only the test pages.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/serve.mjs';
import { guardConsole, launchBrowser, WEBGL_IDLE_SELECTOR, saveScreenshot, type ConsoleGuard } from './harness';

const ROOT = resolve(process.env.BROWSER_TEST_ROOT ?? 'dist');

let browser: Browser;
let app: RunningServer;
let host: RunningServer;
/** The app's origin and the news site's (another host name: cross-site, as in real life). */
let appOrigin: string;
let hostOrigin: string;

/** Host page: two sandboxed embeds of different widths, a foreign iframe, and the resizer script. */
const embedPage = (appUrl: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An article</title></head>
<body style="margin:0;font-family:sans-serif">
<h1>An article with two maps</h1>
<iframe id="narrow" name="narrow-map" sandbox="allow-scripts" title="Map, narrow column"
  src="${appUrl}/?embed=1&year=2020&lang=en&debug=1" style="display:block;width:300px;border:0" height="150"></iframe>
<p>Some text between the maps.</p>
<iframe id="wide" sandbox="allow-scripts" title="Map, wide, plain"
  src="${appUrl}/?embed=1&plain=1&theme=dark&year=2016" style="display:block;width:480px;border:0" height="150"></iframe>
<iframe id="foreign" sandbox="allow-scripts" height="100" style="display:block;width:200px;border:0"
  srcdoc="<script>parent.postMessage({type:'other:height',height:999},'*');parent.postMessage('byru:height 999','*');</script>"></iframe>
<script>
  // What the page receives, with the iframe each message came from (the resizer matches the same way).
  window.received = [];
  addEventListener('message', (e) => {
    const from = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
    window.received.push({ from: from ? from.id : null, data: e.data });
  });
</script>
<script src="${appUrl}/embed.js" async></script>
</body></html>`;

/** Host page that imports the mount API (a module script from the app's origin) and mounts two maps. */
const mountPage = (appUrl: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Two maps</title></head>
<body style="margin:0">
<div id="first" style="height:480px"></div>
<div id="second" style="height:480px"></div>
<script type="module">
  import { mount } from '${appUrl}/byru-map.js';
  window.maps = [
    mount(document.getElementById('first'), { year: 2018, lang: 'en' }),
    mount(document.getElementById('second'), { year: 2022, lang: 'be', region: 'RU-KRS' }),
  ];
</script>
</body></html>`;

interface Guarded {
  context: BrowserContext;
  page: Page;
  log: ConsoleGuard;
  /** Requests to anything but our two servers (each aborted). */
  foreign: string[];
  /** Responses with an error status. */
  failed: string[];
}

async function openGuarded(options: { viewport?: { width: number; height: number } } = {}): Promise<Guarded> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1100, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  const foreign: string[] = [];
  const failed: string[] = [];
  const ours = (url: string): boolean =>
    /^(data|blob|about):/u.test(url) || [appOrigin, hostOrigin].includes(new URL(url).origin);
  await context.route('**/*', async (route) => {
    if (ours(route.request().url())) await route.fallback();
    else {
      foreign.push(route.request().url());
      await route.abort('blockedbyclient');
    }
  });
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const page = await context.newPage();
  return { context, page, log: guardConsole(page), foreign, failed };
}

const problems = (g: Guarded) => ({
  foreign: g.foreign,
  failed: g.failed,
  pageErrors: g.log.pageErrors,
  consoleErrors: g.log.errors,
});
const NONE = { foreign: [], failed: [], pageErrors: [], consoleErrors: [] };

function frameOf(page: Page, id: string): Frame {
  const frame = page.frames().find((f) => f.name() === id || f.url().includes(id));
  if (!frame) throw new Error(`no frame ${id}`);
  return frame;
}

/** Height (CSS px, rounded up) of the embed's content, measured inside the iframe. */
const contentHeight = (frame: Frame): Promise<number> =>
  frame.evaluate(() => Math.ceil(document.getElementById('app')?.getBoundingClientRect().height ?? 0));

/** The iframe's inline height, as the resizer set it ('' when never set). */
const iframeHeight = (page: Page, id: string): Promise<string> =>
  page.locator(`#${id}`).evaluate((f) => (f as HTMLIFrameElement).style.height);

let current: Guarded | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  // The headers a host of the app must send for sandboxed iframes and cross-origin `mount` (EMBEDDING.md).
  app = await startServer({ root: ROOT, headers: { 'Access-Control-Allow-Origin': '*' } });
  appOrigin = app.url;
  host = await startServer({
    root: ROOT,
    routes: {
      '/article.html': embedPage(app.url),
      '/two-maps.html': mountPage(app.url),
    },
  });
  // Another host name for the same address: the article is cross-site to the app.
  hostOrigin = host.url.replace('127.0.0.1', 'localhost');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

afterEach(async ({ task }) => {
  if (current && task.result?.state === 'fail') {
    const path = await saveScreenshot(current.page, `embed ${task.name}`).catch(() => null);
    if (path) console.log(`[browser tests] screenshot of the failed test: ${path}`);
  }
  await current?.context.close();
  current = null;
});

describe('embeds on another site', () => {
  test('sandboxed iframes render, post their height, and the resizer sizes each one', { timeout: 80_000 }, async () => {
    current = await openGuarded();
    const { page } = current;
    await page.goto(`${hostOrigin}/article.html`, { waitUntil: 'load' });
    const narrow = page.frameLocator('#narrow');
    const wide = page.frameLocator('#wide');
    await narrow.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 60_000 });
    // The second embed sits below the first one's headline cards, past the fold: Chromium draws no
    // frame in an off-screen cross-origin iframe until the reader scrolls to it.
    await page.locator('#wide').scrollIntoViewIfNeeded();
    await wide.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 60_000 });

    // The sandbox really is opaque (no storage, origin "null") and the app still runs.
    expect(await frameOf(page, 'narrow-map').evaluate(() => window.origin)).toBe('null');

    // Title, year, legend and source line are all visible in the 300 px embed, with no sideways scroll.
    await expect
      .poll(() => narrow.getByRole('heading', { level: 1 }).textContent())
      .toBe('Regions of Belarus and Russia: cooperation');
    expect(await narrow.getByRole('slider', { name: 'Year' }).getAttribute('aria-valuetext')).toBe('2020');
    expect(await narrow.locator('.byru-legend').isVisible()).toBe(true);
    expect(await narrow.locator('.byru-footer').textContent()).toMatch(/Sources:.*Natural Earth/u);
    const narrowFrame = frameOf(page, 'narrow-map');
    expect(await narrowFrame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    // plain: no header or footer; theme=dark on the app root.
    expect(await wide.locator('header').count()).toBe(0);
    expect(await wide.locator('.byru-app').getAttribute('data-theme')).toBe('dark');

    // Each iframe's height is its content's height, set by the resizer from its own messages.
    const wideFrame = page.frames().find((f) => f.url().includes('plain=1'));
    if (!wideFrame) throw new Error('the wide frame is missing');
    for (const [id, frame] of [
      ['narrow', narrowFrame],
      ['wide', wideFrame],
    ] as const) {
      await expect
        .poll(
          async () => {
            const [content, height] = [await contentHeight(frame), await iframeHeight(page, id)];
            return height === `${content}px` && content > 300;
          },
          { timeout: 15_000, message: `#${id} is not as tall as its content` },
        )
        .toBe(true);
      // Nothing is cut off or scrolls inside the iframe.
      const content = await contentHeight(frame);
      expect(await frame.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(content + 1);
    }

    // The host received well-formed messages from both embeds, attributed to the right iframe.
    const received = await page.evaluate(
      () => (window as unknown as { received: { from: string | null; data: unknown }[] }).received,
    );
    const heights = received.filter((m) => (m.data as { type?: string } | null)?.type === 'byru:height');
    expect(new Set(heights.map((m) => m.from))).toEqual(new Set(['narrow', 'wide']));
    for (const m of heights) {
      expect(m.data).toEqual({
        type: 'byru:height',
        version: 1,
        height: expect.any(Number),
        id: expect.any(String),
      });
    }
    expect(heights.find((m) => m.from === 'narrow')?.data).toMatchObject({ id: 'narrow-map' });
    // The foreign iframe's look-alike messages did not resize it.
    expect(received.some((m) => m.from === 'foreign')).toBe(true);
    expect(await iframeHeight(page, 'foreign')).toBe('');

    // Selecting a region opens its panel below the map: the embed grows and its iframe follows.
    const before = await contentHeight(narrowFrame);
    // A tap on Minsk oblast in the inset (where the map's debug handle says its target is).
    const [tx = 0, ty = 0] = await narrowFrame.evaluate(
      () =>
        (
          window as unknown as { byruDebug: { insetTargets(): Record<string, [number, number][][]> } }
        ).byruDebug.insetTargets()['BY-MI']?.[0]?.[0] ?? [],
    );
    await narrow.locator('[data-testid="map"] canvas').click({ position: { x: tx, y: ty } });
    await narrow.getByTestId('region-panel').getByRole('heading', { level: 2 }).waitFor();
    await expect
      .poll(
        async () => {
          const [content, height] = [await contentHeight(narrowFrame), await iframeHeight(page, 'narrow')];
          return height === `${content}px` && content > before + 50;
        },
        { timeout: 15_000, message: 'the iframe did not grow with its content' },
      )
      .toBe(true);

    expect(problems(current)).toEqual(NONE);
  });
});

describe('an embed with its data table open', () => {
  test(
    'is as tall as its content whatever the iframe’s height, and gets there in one message',
    { timeout: 80_000 },
    async () => {
      current = await openGuarded();
      const { page } = current;
      await page.goto(`${hostOrigin}/article.html`, { waitUntil: 'load' });
      const narrow = page.frameLocator('#narrow');
      const narrowFrame = frameOf(page, 'narrow-map');
      await narrow.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 60_000 });
      const messages = (): Promise<number> =>
        page.evaluate(
          () =>
            (
              window as unknown as { received: { from: string | null; data: { type?: string } | null }[] }
            ).received.filter((m) => m.from === 'narrow' && m.data?.type === 'byru:height').length,
        );
      /** Waits until the embed has posted nothing for a second (its height has settled). */
      const settled = async (): Promise<number> => {
        let seen = -1;
        await expect
          .poll(
            async () => {
              const now = await messages();
              const quiet = now === seen;
              seen = now;
              return quiet;
            },
            { timeout: 20_000, interval: 1000 },
          )
          .toBe(true);
        return seen;
      };
      const before = await settled();

      await narrow.getByText('Table: links and figures for 2020').click();
      const opened = await narrow.locator('.byru-table-body').boundingBox();
      expect(opened?.height ?? 0).toBeGreaterThan(100);
      // One message for one change: the new height does not feed back into itself.
      expect(await settled()).toBe(before + 1);
      const content = await contentHeight(narrowFrame);
      expect(await iframeHeight(page, 'narrow')).toBe(`${content}px`);

      // The host gives the iframe another height: the content keeps its own, nothing is posted.
      for (const height of ['2000px', '400px']) {
        await page.locator('#narrow').evaluate((f, h) => void ((f as HTMLIFrameElement).style.height = h), height);
        expect(await settled()).toBe(before + 1);
        expect(await contentHeight(narrowFrame)).toBe(content);
      }
      expect(problems(current)).toEqual(NONE);
    },
  );
});

describe('the mount API on a plain host page', () => {
  test('two instances load from another origin and do not share state', async () => {
    current = await openGuarded({ viewport: { width: 820, height: 1000 } });
    const { page } = current;
    await page.goto(`${hostOrigin}/two-maps.html`, { waitUntil: 'load' });
    await expect.poll(() => page.locator(WEBGL_IDLE_SELECTOR).count(), { timeout: 60_000 }).toBe(2);

    const first = page.locator('#first');
    const second = page.locator('#second');
    const slider1 = first.getByRole('slider', { name: 'Year' });
    const slider2 = second.getByRole('slider', { name: 'Год' });
    expect(await slider1.getAttribute('aria-valuetext')).toBe('2018');
    expect(await slider2.getAttribute('aria-valuetext')).toBe('2022');

    // Step the first map's year with the keyboard: only the first changes.
    await slider1.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider1.getAttribute('aria-valuetext')).toBe('2019');
    expect(await slider2.getAttribute('aria-valuetext')).toBe('2022');
    // The second keeps its own language and selection; the first has none.
    expect(await second.getByTestId('region-panel').textContent()).toContain('Курская вобласць');
    expect(await first.getByTestId('region-panel').textContent()).not.toContain('Kursk');
    const states = await page.evaluate(() =>
      (window as unknown as { maps: { store: { getState(): { year: number; lang: string } } }[] }).maps.map((m) => {
        const s = m.store.getState();
        return { year: s.year, lang: s.lang };
      }),
    );
    expect(states).toEqual([
      { year: 2019, lang: 'en' },
      { year: 2022, lang: 'be' },
    ]);
    // Neither instance touched the host page's address.
    expect(new URL(page.url()).search).toBe('');
    // The library brought its own styles (a stylesheet link from the app's origin).
    expect(
      await page.evaluate(
        (origin) =>
          [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].some((l) =>
            l.href.startsWith(origin),
          ),
        appOrigin,
      ),
    ).toBe(true);
    expect(problems(current)).toEqual(NONE);
  });
});

/** PNG width and height from its IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('export', () => {
  test('the PNG is the view at 2×, decodes and is not blank; the CSV holds the year', async () => {
    current = await openGuarded({ viewport: { width: 720, height: 600 } });
    const { page } = current;
    // No debug flag: the export must work without a preserved drawing buffer.
    await page.goto(`${appOrigin}/?year=2020&lang=en`, { waitUntil: 'load' });
    await page.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 60_000 });
    const [cssWidth, cssHeight] = await page
      .locator('[data-testid="map"] canvas')
      .evaluate((c) => [c.clientWidth, c.clientHeight]);

    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share, embed, download' });
    const [png] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Image of this view (PNG, 2×)' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('by-ru-regions-2020.png');
    const bytes = await readFile(await png.path());
    const [width, height] = pngSize(bytes);
    expect(width).toBe(2 * cssWidth);
    // The map plus the title above and the legend and source line below, all at 2×.
    expect(height).toBeGreaterThan(2 * cssHeight + 2 * 80);
    expect(height % 2).toBe(0);

    const decoded = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2D context');
      ctx.drawImage(image, 0, 0);
      const colours = new Set<string>();
      const mapColours = new Set<string>();
      for (let i = 0; i < 48; i++)
        for (let j = 0; j < 48; j++) {
          const x = Math.floor(((i + 0.5) * image.width) / 48);
          const y = Math.floor(((j + 0.5) * image.height) / 48);
          const px = ctx.getImageData(x, y, 1, 1).data.join();
          colours.add(px);
          // The map band: below the 96 px (2 × 48) title band.
          if (y > 100 && y < image.height * 0.7) mapColours.add(px);
        }
      return { width: image.width, height: image.height, colours: colours.size, mapColours: mapColours.size };
    }, bytes.toString('base64'));
    expect(decoded.width).toBe(width);
    expect(decoded.colours, 'the PNG is nearly one colour').toBeGreaterThan(20);
    expect(decoded.mapColours, 'the map part of the PNG is blank').toBeGreaterThan(8);
    await expect.poll(() => dialog.getByRole('status').last().textContent()).toBe('Image saved');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Data for 2020 (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('by-ru-regions-2020.csv');
    const text = (await readFile(await csv.path(), 'utf8')).replace(/^\ufeff/u, '');
    expect(text.split('\r\n')[0]).toMatch(/^record,id,/u);
    expect(text).toContain('gov-kursk'); // signed 29 Sep 2020
    expect(text).toContain('forum-2020');
    expect(text).not.toContain('vitebsk-oblast-volgograd-oblast'); // signed 2024
    expect(problems(current)).toEqual(NONE);
  });
});
