// The presenter's offline copy in real Chromium (issue 15): a reader who never asks stores nothing; a
// presenter who presses "Make available offline" can cut the network, reload and step through the
// whole story on the WebGL map; a new release is noticed when the network is back. The build is
// served by our node server, with a switch that makes its sw.js a new release.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import story from '../../data/story.json';
import { startServer, type RunningServer } from '../../scripts/serve.mjs';
import {
  type AppPage,
  launchBrowser,
  newGuardedPage,
  NO_PROBLEMS,
  problemsOf,
  saveScreenshot,
  WEBGL_IDLE_SELECTOR,
} from './harness';

const ROOT = resolve(process.env.BROWSER_TEST_ROOT ?? 'dist');

let browser: Browser;
let server: RunningServer;
let release = 1;
let app: AppPage | null = null;

/** What the browser keeps for this origin: service-worker registrations and caches. */
const stored = (page: Page) =>
  page.evaluate(async () => ({
    registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
    caches: await caches.keys(),
  }));

const presenter = (page: Page) => page.getByRole('region', { name: /^Presentation/u });
const stepShown = (page: Page) => presenter(page).getAttribute('data-step');
const status = (page: Page) => presenter(page).getByRole('status').textContent();

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer({
    root: ROOT,
    routes: {
      // The deployed worker; after `release = 2` a byte differs, as after a new deployment.
      '/sw.js': (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(`${readFileSync(join(ROOT, 'sw.js'), 'utf8')}\n// release ${release}\n`);
      },
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async ({ task }) => {
  if (app && task.result?.state === 'fail') {
    const path = await saveScreenshot(app.page, `offline ${task.name}`).catch(() => null);
    if (path) console.log(`[browser tests] screenshot of the failed test: ${path}`);
  }
  await app?.context.close();
  app = null;
});

describe('offline copy for the presenter', () => {
  test('a reader, and a presenter who does not ask, store nothing', { timeout: 90_000 }, async () => {
    app = await newGuardedPage(browser, { origin: server.url, serviceWorkers: 'allow' });
    for (const query of ['lang=en', 'present=1&lang=en']) {
      await app.page.goto(`${server.url}/?${query}`, { waitUntil: 'load' });
      await app.page.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 60_000 });
      expect(await stored(app.page), query).toEqual({ registrations: [], caches: [] });
    }
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('saved once, the presentation reloads and runs with the network cut', { timeout: 120_000 }, async () => {
    app = await newGuardedPage(browser, {
      origin: server.url,
      serviceWorkers: 'allow',
      viewport: { width: 1280, height: 800 },
    });
    const { page, context } = app;
    await page.goto(`${server.url}/?present=1&lang=en`, { waitUntil: 'load' });
    await presenter(page).waitFor();
    await presenter(page).getByRole('button', { name: 'Make available offline' }).click();
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('Available offline');
    const saved = await stored(page);
    expect(saved.registrations).toEqual([`${server.url}/`]);
    expect(saved.caches.some((name) => name.startsWith('workbox-precache'))).toBe(true);

    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    // The WebGL map (engine and worker from the cache) takes over, and the story steps to its end.
    await page.locator(WEBGL_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 60_000 });
    await expect.poll(() => stepShown(page)).toBe(story.steps[0]?.id);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (const step of story.steps.slice(1)) {
      await page.keyboard.press('PageDown');
      await expect.poll(() => stepShown(page)).toBe(step.id);
    }
    expect(await presenter(page).locator('.byru-presenter-year').textContent()).toBe(String(story.steps.at(-1)?.year));
    expect(await status(page)).toBe('Available offline');
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);

    // Back online, a new deployment is found and offered; the copy can be removed entirely.
    await context.setOffline(false);
    release = 2;
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('A new version is ready');
    await presenter(page).getByRole('button', { name: 'Remove the offline copy' }).click();
    await presenter(page).getByRole('button', { name: 'Make available offline' }).waitFor();
    expect(await stored(page)).toEqual({ registrations: [], caches: [] });
  });
});
