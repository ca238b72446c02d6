// The built app (dist/) in real Chromium: it draws, clicks select regions, nothing leaves the origin.
// App contract: `[data-testid="map"]` gets data-map-state="idle" when drawn; with ?debug=1 the app sets
// window.byruDebug = { pixelOf(lon, lat), regionAt(x, y) } and keeps the drawing buffer readable.
import { describe, expect, test } from 'vitest';
import {
  type AppPage,
  baseURL,
  clickMap,
  colourDistance,
  openApp,
  pixelOf,
  regionAt,
  sampleCanvas,
  sampleScreen,
  waitForMapIdle,
  withGuardedPages,
  waitForMapRedraw,
} from './harness';

const MINSK: [number, number] = [27.56, 53.9];
const MOSCOW: [number, number] = [37.62, 55.75];
const BARENTS_SEA: [number, number] = [40.0, 73.0];
const KURSK: [number, number] = [36.2, 51.7];

let app: AppPage;
withGuardedPages('map', (a) => (app = a));

describe('the map in a real browser', () => {
  test('the canvas draws: region pixels at Minsk and Moscow differ from the water', async () => {
    const { page } = app;
    await openApp(page, 'debug=1');
    const points = [await pixelOf(page, ...MINSK), await pixelOf(page, ...MOSCOW), await pixelOf(page, ...BARENTS_SEA)];
    const sample = await sampleCanvas(page, points);
    const report = JSON.stringify({ points, ...sample });

    // A canvas that draws nothing (or is unreadable) is one colour everywhere.
    expect(
      sample.distinctColours,
      `the map canvas is blank (nothing drawn, or unreadable: with debug=1 the app must set preserveDrawingBuffer): ${report}`,
    ).toBeGreaterThan(1);
    const [minsk, moscow, water] = sample.pixels;
    for (const [name, pixel] of [
      ['Minsk', minsk],
      ['Moscow', moscow],
      ['Barents Sea', water],
    ] as const) {
      expect(pixel, `${name} is outside the map canvas: ${report}`).not.toBeNull();
      expect(pixel?.[3], `nothing drawn at ${name} (transparent pixel): ${report}`).toBeGreaterThan(0);
    }
    if (!minsk || !moscow || !water) return;
    expect(colourDistance(minsk, water), `Minsk looks like water: ${report}`).toBeGreaterThan(8);
    expect(colourDistance(moscow, water), `Moscow looks like water: ${report}`).toBeGreaterThan(8);

    // The drawing buffer is not the screen: the map must also be laid out at a usable size and visible.
    const [width, height] = sample.containerSize;
    expect(width >= 200 && height >= 200, `the map container is ${width}×${height} px on screen: ${report}`).toBe(true);
    expect(sample.cssSize, `the canvas does not fill the map container: ${report}`).toEqual(sample.containerSize);
    const screen = await sampleScreen(page, points);
    const [minskOnScreen, moscowOnScreen, waterOnScreen] = screen;
    const screenReport = JSON.stringify({ points, screen });
    expect(
      minskOnScreen && moscowOnScreen && waterOnScreen,
      `not all points are on screen: ${screenReport}`,
    ).toBeTruthy();
    if (!minskOnScreen || !moscowOnScreen || !waterOnScreen) return;
    expect(
      colourDistance(minskOnScreen, waterOnScreen),
      `on screen, Minsk looks like water: ${screenReport}`,
    ).toBeGreaterThan(8);
    expect(
      colourDistance(moscowOnScreen, waterOnScreen),
      `on screen, Moscow looks like water: ${screenReport}`,
    ).toBeGreaterThan(8);
  });

  test('clicking Kursk oblast shows its name in the side panel', async () => {
    const { page } = app;
    await openApp(page, 'debug=1');
    const point = await pixelOf(page, ...KURSK);
    await clickMap(page, point);
    const panel = page.getByRole('complementary').or(page.getByTestId('region-panel'));
    try {
      await panel.filter({ hasText: 'Курская область' }).first().waitFor({ timeout: 10_000 });
    } catch (error) {
      const hit = await regionAt(page, ...point).catch((e: unknown) => `regionAt failed: ${String(e)}`);
      const texts = await panel.allInnerTexts().catch(() => []);
      throw new Error(
        `"Курская область" did not appear in the side panel after clicking ${JSON.stringify(point)}; ` +
          `regionAt there = ${JSON.stringify(hit)}; panel text = ${JSON.stringify(texts)}`,
        { cause: error },
      );
    }
  });

  test('hover and click land on the region under the pointer: small, western, far-eastern and past 180°', async () => {
    // The boundaries arrive projected at build time, the pointer's place is projected at run time:
    // both must meet, from Adygea (a few px wide at this zoom) to Chukotka east of the antimeridian.
    // The places lie away from the city markers and their names (a click there selects the city).
    // A click selects and frames the region; Escape ends the selection and the camera returns (at once:
    // reduced motion), so every place is tried on the default view.
    const { page } = app;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page, 'debug=1');
    const places: [code: string, name: string, lon: number, lat: number][] = [
      ['RU-AD', 'Республика Адыгея', 39.5, 45.0],
      ['RU-PSK', 'Псковская область', 29.0, 57.3],
      ['BY-VI', 'Витебская область', 28.5, 55.5],
      ['RU-PRI', 'Приморский край', 134.5, 44.5],
      ['RU-SAK', 'Сахалинская область', 142.8, 50.5],
      ['RU-CHU', 'Чукотский автономный округ', 184, 66],
    ];
    const wrong: string[] = [];
    for (const [code, name, lon, lat] of places) {
      // The pointer lands on whole pixels: so does the probe (Adygea is a few pixels wide).
      const point = (await pixelOf(page, lon, lat)).map(Math.round) as [number, number];
      const hit = await regionAt(page, ...point);
      // Opening a panel may move the map: take the canvas's place again for every pointer move.
      const box = await page.locator('[data-testid="map"] canvas').first().boundingBox();
      if (!box) throw new Error('the map canvas is not visible');
      await page.mouse.move(box.x + point[0], box.y + point[1]);
      const hovered = await page
        .locator('.byru-hover')
        .filter({ hasText: name })
        .first()
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      await clickMap(page, point);
      const clicked = await page
        .getByTestId('region-panel')
        .filter({ hasText: name })
        .first()
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (hit !== code || !hovered || !clicked)
        wrong.push(`${code} at ${JSON.stringify(point)}: regionAt ${hit}, hover label ${hovered}, panel ${clicked}`);
      if (clicked) await waitForMapRedraw(page, () => page.keyboard.press('Escape'));
    }
    expect(wrong).toEqual([]);
  });

  test('no request leaves the origin and nothing is logged as an error, over a load and interactions', async () => {
    const { page, requests, console: log } = app;
    // The plain URL, as a visitor opens it.
    await openApp(page, '');
    const box = await page.locator('[data-testid="map"] canvas').first().boundingBox();
    expect(box, 'the map canvas is not visible').not.toBeNull();
    if (!box) return;
    const at = (fx: number, fy: number): [number, number] => [box.width * fx, box.height * fy];

    for (const [fx, fy] of [
      [0.2, 0.5],
      [0.4, 0.4],
      [0.6, 0.6],
      [0.8, 0.3],
    ] as const) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 4 });
    }
    await clickMap(page, at(0.3, 0.55));
    await clickMap(page, at(0.5, 0.5));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(500);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 + 80, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(500);
    await waitForMapIdle(page);

    // And the debug URL, which the other tests use.
    await openApp(page, 'debug=1');
    await clickMap(page, await pixelOf(page, ...KURSK));
    await page.waitForLoadState('networkidle');

    // One assertion, so that a failure lists every kind of problem at once.
    expect({
      'requests to another origin': requests.offOrigin,
      'same-origin responses with an error status': requests.failed,
      'uncaught page errors': log.pageErrors,
      'console.error messages': log.errors,
    }).toEqual({
      'requests to another origin': [],
      'same-origin responses with an error status': [],
      'uncaught page errors': [],
      'console.error messages': [],
    });
  });
});

describe('static files in dist/', () => {
  test.each([
    ['/favicon.ico', /^image\//],
    ['/robots.txt', /^text\/plain/],
  ])('%s is a real file (200, not the app page)', async (path, type) => {
    const response = await fetch(`${baseURL()}${path}`);
    expect(response.status, `${path} status`).toBe(200);
    expect(response.headers.get('content-type') ?? '').toMatch(type);
    const body = await response.text();
    expect(body.length, `${path} is empty`).toBeGreaterThan(0);
    expect(body.trimStart().slice(0, 15).toLowerCase()).not.toBe('<!doctype html>');
  });

  test('an unknown path is a 404 (the server has no index.html fallback)', async () => {
    const response = await fetch(`${baseURL()}/no-such-file-${Date.now()}.txt`);
    expect(response.status).toBe(404);
  });
});
