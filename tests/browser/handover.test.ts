// The first view does not wait for the map engine: the SVG map is drawn from the same scene, MapLibre is
// fetched afterwards (on a desktop when the browser is idle, on a phone when the reader touches the
// map), built underneath, and takes over at the SVG map's camera with the same picture.
import type { Page, Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  type AppPage,
  colourDistance,
  MAP_SELECTOR,
  openApp,
  pixelOf,
  problemsOf,
  NO_PROBLEMS,
  sampleScreen,
  waitForMapIdle,
  withGuardedPages,
} from './harness';

const SVG_MAP = `${MAP_SELECTOR}[data-renderer="svg"] svg[role="img"]`;
const ENGINE = /\/assets\/loadMaplibre-[^/]*\.js$/;
const PLACES: Record<string, [number, number]> = {
  Minsk: [27.56, 53.9],
  Moscow: [37.62, 55.75],
  Novosibirsk: [82.9, 55.0],
  'Barents Sea': [40.0, 73.0],
};

/** Holds every request for the engine's chunk until `release()`; `requested()` says if one came. */
async function holdEngine(page: Page) {
  const held: Route[] = [];
  let open = false;
  await page.route(ENGINE, (route) => (open ? route.fallback() : void held.push(route)));
  return {
    requested: () => held.length > 0 || open,
    release: async () => {
      open = true;
      await Promise.all(held.splice(0).map((r) => r.fallback()));
    },
  };
}

/** Where a few places are on screen (CSS px in the map). */
function placesOf(page: Page) {
  return Promise.all(Object.values(PLACES).map((p) => pixelOf(page, ...p)));
}

/** A 16 × 10 grid of screen colours over the map. */
async function gridOf(page: Page, selector?: string) {
  const box = await page.locator(selector ?? `${MAP_SELECTOR} canvas`).boundingBox();
  if (!box) throw new Error('the map has no box');
  const points: [number, number][] = [];
  for (let i = 0; i < 16; i++)
    for (let j = 0; j < 10; j++) points.push([((i + 0.5) * box.width) / 16, ((j + 0.5) * box.height) / 10]);
  return sampleScreen(page, points, selector);
}

describe('on a desktop', () => {
  let app: AppPage;
  withGuardedPages('handover', (a) => (app = a));

  test('the SVG map is the first view; MapLibre, fetched when idle, takes over where the reader left it, with the same picture', async () => {
    const { page } = app;
    const engine = await holdEngine(page);
    await openApp(page, 'debug=1&year=2022', { until: 'ready' });
    await page.locator(SVG_MAP).waitFor();
    // Nobody touched the map: the idle browser asks for the engine by itself.
    await expect.poll(engine.requested, { timeout: 10_000 }).toBe(true);
    expect(await page.locator(`${MAP_SELECTOR} canvas`).count()).toBe(0);

    // The reader drags the SVG map while the engine is on its way.
    const box = await page.locator(SVG_MAP).boundingBox();
    if (!box) throw new Error('the SVG map has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 + 60, { steps: 6 });
    await page.mouse.up();
    const placesBefore = await placesOf(page);
    const before = await gridOf(page, SVG_MAP);

    await engine.release();
    await waitForMapIdle(page, 60_000);
    expect(await page.locator(MAP_SELECTOR).count()).toBe(1);
    expect(await page.locator('[data-renderer="svg"]').count()).toBe(0);
    // The same places at the same spots on screen: the camera carried over …
    const placesAfter = await placesOf(page);
    const moved = placesBefore.map(([x, y], i) =>
      Math.hypot(x - (placesAfter[i]?.[0] ?? NaN), y - (placesAfter[i]?.[1] ?? NaN)),
    );
    expect(Math.max(...moved), JSON.stringify({ placesBefore, placesAfter })).toBeLessThan(1.5);
    // … and the same picture: the same scene, style and palette. Labels, the hatch's phase and
    // antialiasing differ a little (about one grid point in seven here); a wrong camera or palette
    // changes most of them.
    const after = await gridOf(page);
    const same = before.filter((b, i) => {
      const a = after[i];
      return b && a && colourDistance(b, a) < 24;
    }).length;
    expect(same / before.length, JSON.stringify({ before, after })).toBeGreaterThan(0.8);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  }, 90_000);
});

describe('on a phone', () => {
  let app: AppPage;
  withGuardedPages('handover phone', (a) => (app = a), { phone: true, viewport: { width: 390, height: 844 } });

  test('only the SVG map loads until the reader touches it (the page one scrolling column); then MapLibre takes over', async () => {
    const { page } = app;
    const engine = await holdEngine(page);
    await openApp(page, 'debug=1', { until: 'ready' });
    await page.locator(SVG_MAP).waitFor();
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    // Longer than a desktop waits for an idle moment (3 s at most): no engine without a touch.
    await page.waitForTimeout(4_000);
    expect(engine.requested()).toBe(false);

    // The phone layout is one scrolling column: the panels have room below the map and the legend,
    // and the footer comes after all of them (it used to be laid over the legend).
    const boxes = await page.evaluate(() =>
      Object.fromEntries(
        ['.byru-mapbar', '.byru-side', '.byru-summary', '.byru-footer'].map((sel) => {
          const r = document.querySelector(sel)?.getBoundingClientRect();
          return [sel, r ? { top: r.top, bottom: r.bottom, height: r.height } : null];
        }),
      ),
    );
    const [bar, side, summary, footer] = ['.byru-mapbar', '.byru-side', '.byru-summary', '.byru-footer'].map(
      (sel) => boxes[sel] ?? { top: NaN, bottom: NaN, height: NaN },
    );
    const report = JSON.stringify(boxes);
    expect(side?.top, report).toBeGreaterThanOrEqual((bar?.bottom ?? NaN) - 1);
    expect(side?.height, report).toBeGreaterThanOrEqual(summary?.height ?? NaN);
    expect(footer?.top, report).toBeGreaterThanOrEqual((side?.bottom ?? NaN) - 1);

    const box = await page.locator(SVG_MAP).boundingBox();
    if (!box) throw new Error('the SVG map has no box');
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(engine.requested, { timeout: 10_000 }).toBe(true);
    await engine.release();
    await waitForMapIdle(page, 60_000);
    expect(await page.locator(`${MAP_SELECTOR} canvas`).count()).toBe(1);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  }, 90_000);
});
