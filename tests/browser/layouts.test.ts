// Every layout a person uses (issue 14 items 4–5): desktop 1280×800, a 390×844 phone, a 640×480 news
// embed, the presenter's 1920×1080 projector. In each, on the default view: the map, Belarus's seven
// regions, the year and the headline cards are on the first screen; every card's source opens in one
// step; axe finds no serious or critical issue; a screenshot of each layout is kept under
// test-results/browser/. On the phone, the first (SVG) map answers a pinch and a tap, and the page does
// not zoom instead. One browser for the file.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  type AppPage,
  axeViolations,
  type ByruDebug,
  launchBrowser,
  MAP_SELECTOR,
  newGuardedPage,
  NO_PROBLEMS,
  openApp,
  problemsOf,
  refuseWebGL,
  saveScreenshot,
} from './harness';

/** A point inside each of Belarus's seven regions (lon, lat), well away from its borders. */
const BELARUS_REGIONS: Record<string, [number, number]> = {
  'BY-BR': [25.5, 52.4],
  'BY-HM': [27.56, 53.9],
  'BY-HO': [29.5, 52.3],
  'BY-HR': [24.8, 53.6],
  'BY-MA': [30.3, 53.7],
  'BY-MI': [27.0, 53.3],
  'BY-VI': [28.8, 55.2],
};

const LAYOUTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, query: 'debug=1', phone: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, query: 'debug=1', phone: true },
  { name: 'embed', viewport: { width: 640, height: 480 }, query: 'embed=1&debug=1', phone: false },
  { name: 'projector', viewport: { width: 1920, height: 1080 }, query: 'present=1&debug=1', phone: false },
] as const;

let browser: Browser;
const open: AppPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async ({ task }) => {
  const app = open[open.length - 1];
  if (task.result?.state === 'fail' && app) {
    const path = await saveScreenshot(app.page, `layouts failed ${task.name}`).catch(() => null);
    if (path) console.log(`[browser tests] screenshot of the failed test: ${path}`);
  }
  for (const a of open.splice(0)) await a.context.close();
});

/** A guarded page at a layout's size; `webgl: false` keeps the first (SVG) map, as a locked-down browser does. */
async function newPage(layout: (typeof LAYOUTS)[number], options: { webgl?: boolean } = {}): Promise<AppPage> {
  const app = await newGuardedPage(browser, { viewport: layout.viewport, phone: layout.phone });
  if (options.webgl === false) await refuseWebGL(app.context);
  open.push(app);
  return app;
}

/** Opens the layout's default view and waits for the map's debug handle and the headline cards. */
async function openLayout(page: Page, query: string): Promise<void> {
  await openApp(page, query, { until: 'ready' });
  await page.waitForFunction(() => Boolean((window as unknown as { byruDebug?: unknown }).byruDebug), null, {
    timeout: 30_000,
  });
  await page.locator('.byru-card').first().waitFor({ state: 'visible', timeout: 10_000 });
  // Presenter mode loads its part (caption, year, controls) after the app.
  if (query.includes('present=1'))
    await page.locator('.byru-presenter-year').waitFor({ state: 'visible', timeout: 15_000 });
  // The headline follows the year shown (a moment later: the panels follow the map in a transition;
  // the presenter opens on its first step's year).
  await expect
    .poll(async () => {
      const year = (
        await page.locator('.byru-year:visible, .byru-presenter-year:visible').first().textContent()
      )?.trim();
      const title = await page.locator('.byru-headline-title').first().textContent();
      return Boolean(year && title?.includes(year));
    })
    .toBe(true);
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The first screen as the reader sees it on arrival (the page not scrolled). */
async function firstScreen(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
}

async function boxOf(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((s) => {
    const el = [...document.querySelectorAll(s)].find((e) => (e as HTMLElement).offsetParent !== null);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  }, selector);
}

describe.each(LAYOUTS)('the $name layout', (layout) => {
  test("shows the map, Belarus's seven regions, the year and the headline on the first screen", async () => {
    const app = await newPage(layout);
    const { page } = app;
    await openLayout(page, layout.query);
    const screen = await firstScreen(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const map = await boxOf(page, MAP_SELECTOR);
    expect(map, 'the map').not.toBeNull();
    // At least 200 px of the map's height lies on the first screen.
    expect(Math.min(map!.bottom, screen.height) - Math.max(map!.top, 0)).toBeGreaterThanOrEqual(200);

    // Belarus's regions as the map shows them: each one's label point and tap target in the inset.
    const points = await page.evaluate(
      ([codes, selector]) => {
        const debug = (window as unknown as { byruDebug: ByruDebug }).byruDebug;
        const targets = debug.insetTargets();
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return codes.map((code) => {
          const [x = NaN, y = NaN] = targets[code]?.[0]?.[0] ?? [];
          return { code, x: r.left + x, y: r.top + y, inMap: x >= 0 && y >= 0 && x <= r.width && y <= r.height };
        });
      },
      [Object.keys(BELARUS_REGIONS), MAP_SELECTOR] as const,
    );
    const offScreen = points.filter(
      (p) => !p.inMap || !(p.x >= 0 && p.x <= screen.width && p.y >= 0 && p.y <= screen.height),
    );
    expect(offScreen.map((p) => p.code)).toEqual([]);

    const year = await boxOf(page, '.byru-year, .byru-presenter-year');
    expect(year, 'the year').not.toBeNull();
    expect(year!.top).toBeGreaterThanOrEqual(0);
    expect(year!.bottom).toBeLessThanOrEqual(screen.height);
    expect(await page.locator('.byru-year:visible, .byru-presenter-year:visible').first().textContent()).toMatch(
      /^\d{4}$/,
    );

    // The headline: its title and every card lie above the fold (a phone's row scrolls sideways).
    const headline = page.getByRole('region', { name: /^(Главное за|Галоўнае за|Headline figures for) \d{4}/ });
    await expect.poll(() => headline.isVisible()).toBe(true);
    const cards = await headline.getByRole('listitem').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }),
    );
    expect(cards.length).toBeGreaterThanOrEqual(3);
    expect(cards.length).toBeLessThanOrEqual(6);
    for (const c of cards) {
      expect(c.top).toBeGreaterThanOrEqual(0);
      expect(c.bottom).toBeLessThanOrEqual(screen.height);
    }
    await saveScreenshot(page, `layout ${layout.name}`);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test("opens each card's source in one step", async () => {
    const app = await newPage(layout);
    const { page } = app;
    await openLayout(page, layout.query);
    const headline = page.getByRole('region', { name: /^Главное за \d{4}/ });
    const cards = headline.getByRole('listitem');
    const count = await cards.count();
    let opened = 0;
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      const buttons = card.getByRole('button', { expanded: false });
      const values = await buttons.count();
      // A card says "no data" or has a button per value.
      if (values === 0) {
        await expect.poll(() => card.textContent()).toMatch(/нет данных/);
        continue;
      }
      for (let j = 0; j < values; j++) {
        const button = card.locator('.byru-fig-button').nth(j);
        await button.scrollIntoViewIfNeeded();
        if (layout.phone) await button.tap();
        else await button.click();
        await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
        const note = card.getByRole('group', { name: 'Источник' }).first();
        await expect.poll(() => note.isVisible()).toBe(true);
        // The note names a source (a link or a cited title) and quotes it.
        await expect.poll(async () => (await note.textContent())?.length ?? 0).toBeGreaterThan(20);
        // Closed by the same button (Escape would also leave presenter mode on the projector).
        if (layout.phone) await button.tap();
        else await button.click();
        await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
        opened++;
      }
    }
    // Not vacuous: the default view of each layout has values with sources (the projector opens on 2016).
    expect(opened).toBeGreaterThanOrEqual(2);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('has no serious or critical accessibility issue (axe)', async () => {
    const app = await newPage(layout);
    const { page } = app;
    await openLayout(page, layout.query);
    const { severe } = await axeViolations(page);
    expect(severe).toEqual([]);
  });
});

describe("the phone's first (SVG) map", () => {
  const phone = LAYOUTS[1];

  /** Two fingers on the map, moved apart (or together) about its centre, over the DevTools protocol. */
  async function pinch(page: Page, from: number, to: number): Promise<void> {
    const box = (await boxOf(page, `${MAP_SELECTOR} svg`))!;
    const cx = (box.left + box.right) / 2;
    const cy = (box.top + box.bottom) / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (d: number) => [
      { x: cx - d, y: cy, id: 1 },
      { x: cx + d, y: cy, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(from) });
    for (let i = 1; i <= 8; i++)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: touch(from + ((to - from) * i) / 8),
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  test('zooms the map with a pinch, not the page', async () => {
    const app = await newPage(phone, { webgl: false });
    const { page } = app;
    await openLayout(page, phone.query);
    const svg = page.locator(`${MAP_SELECTOR}[data-renderer="svg"] svg`);
    const before = Number(await svg.getAttribute('data-zoom'));
    await pinch(page, 30, 110);
    await expect.poll(async () => Number(await svg.getAttribute('data-zoom'))).toBeGreaterThan(before * 1.5);
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
    const zoomed = Number(await svg.getAttribute('data-zoom'));
    await pinch(page, 110, 40);
    await expect.poll(async () => Number(await svg.getAttribute('data-zoom'))).toBeLessThan(zoomed);
    expect(await page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('selects a region with a tap', async () => {
    const app = await newPage(phone, { webgl: false });
    const { page } = app;
    await openLayout(page, phone.query);
    const [lon, lat] = BELARUS_REGIONS['BY-VI']!;
    const at = await page.evaluate(
      ([lon, lat, selector]) => {
        const debug = (window as unknown as { byruDebug: ByruDebug }).byruDebug;
        const r = document.querySelector(selector)!.getBoundingClientRect();
        const [x, y] = debug.pixelOf(lon, lat);
        return { x: r.left + x, y: r.top + y, code: debug.regionAt(x, y) };
      },
      [lon, lat, MAP_SELECTOR] as const,
    );
    expect(at.code).toBe('BY-VI');
    await page.touchscreen.tap(at.x, at.y);
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('region'))).toBe('BY-VI');
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });
});
