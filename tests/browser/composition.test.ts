// Issue 14's composition on the default view of each layout a reader uses (desktop, phone, news
// embed, projector): Belarus's seven regions in the inset are tap targets of at least 24×24 px with a
// legible label; arcs, markers and labels leave at least 60 % of each region's area in view; no more
// arcs than partner subjects until something is selected; selecting a Belarusian region moves the
// camera and highlights it. Measured through window.byruDebug (?debug=1), which both maps publish.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  type AppPage,
  MAP_IDLE_SELECTOR,
  MAP_SELECTOR,
  openApp,
  type RGBA,
  saveScreenshot,
  sampleScreen,
  withGuardedPages,
} from './harness';

interface Layout {
  name: string;
  viewport: { width: number; height: number };
  phone?: boolean;
  query: string;
}

const LAYOUTS: Layout[] = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, query: 'debug=1' },
  { name: 'phone', viewport: { width: 390, height: 844 }, phone: true, query: 'debug=1' },
  { name: 'embed', viewport: { width: 640, height: 480 }, query: 'debug=1&embed=1' },
  { name: 'projector', viewport: { width: 1920, height: 1080 }, query: 'debug=1&present=1' },
];

const CODES = ['BY-BR', 'BY-HM', 'BY-HO', 'BY-HR', 'BY-MA', 'BY-MI', 'BY-VI'];
/** Least font size (px) of a region's name; the least tap target (px). */
const LEGIBLE_PX = 9;
const TARGET_PX = 24;
/** Share of a region's area that must stay uncovered. */
const UNCOVERED = 0.6;

type Rings = [number, number][][];
interface Debug {
  regionAt: (x: number, y: number) => string | null;
  linksShown: () => string[];
  partnersShown: () => string[];
  insetShapes: () => Record<string, Rings>;
  insetTargets: () => Record<string, Rings>;
  insetLabels: () => Record<string, { text: string; size: number }>;
}
/** Calls a method of `window.byruDebug` in the page. */
const debug = <K extends keyof Debug>(
  page: Page,
  method: K,
  ...args: Parameters<Debug[K]>
): Promise<ReturnType<Debug[K]>> =>
  page.evaluate(
    ([m, a]) => {
      const d = (window as unknown as { byruDebug?: Record<string, (...x: unknown[]) => unknown> }).byruDebug;
      if (!d) throw new Error('window.byruDebug is missing (open the app with ?debug=1)');
      return d[m]?.(...a);
    },
    [method, args] as const,
  ) as Promise<ReturnType<Debug[K]>>;

/** Opens a layout: the WebGL map where it takes over by itself, the SVG map on a phone (until a touch). */
async function open(page: Page, layout: Layout, extra = ''): Promise<void> {
  const query = layout.query + extra;
  if (layout.phone) {
    await openApp(page, query, { until: 'ready' });
    await page.locator(MAP_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForFunction(() => Boolean((window as unknown as { byruDebug?: unknown }).byruDebug));
  } else await openApp(page, query);
  await page.waitForTimeout(300);
}

const inPolygon = (x: number, y: number, rings: Rings): boolean => {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
};
const nearEdge = (x: number, y: number, rings: Rings, d: number): boolean =>
  rings.some((ring) =>
    ring.some((a, i) => {
      const b = ring[(i + 1) % ring.length] ?? a;
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
      const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy)) < d;
    }),
  );
const distance = (a: RGBA, b: RGBA) => Math.max(...a.slice(0, 3).map((v, i) => Math.abs(v - (b[i] ?? 0))));

/** Sample points inside a region (off its borders), about `n` of them. */
function samplesOf(rings: Rings, n = 160): [number, number][] {
  const xs = rings.flat().map((p) => p[0]);
  const ys = rings.flat().map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const step = Math.max(1, Math.sqrt(((x1 - x0) * (y1 - y0)) / n));
  const out: [number, number][] = [];
  for (let x = x0 + step / 2; x < x1; x += step)
    for (let y = y0 + step / 2; y < y1; y += step)
      if (inPolygon(x, y, rings) && !nearEdge(x, y, rings, 1.5)) out.push([x, y]);
  // A region a few pixels wide: its interior is its middle.
  if (out.length === 0) out.push([(x0 + x1) / 2, (y0 + y1) / 2]);
  return out;
}

let app: AppPage;

describe.each(LAYOUTS)('the composition, $name layout', (layout) => {
  withGuardedPages(`composition ${layout.name}`, (a) => (app = a), {
    viewport: layout.viewport,
    ...(layout.phone ? { phone: true } : {}),
  });

  test('each Belarusian region has a tap target of at least 24×24 px and a legible label', async () => {
    const { page } = app;
    await open(page, layout);
    await saveScreenshot(page, `composition-${layout.name}`);
    const targets = await debug(page, 'insetTargets');
    const labels = await debug(page, 'insetLabels');
    const size = page.viewportSize() ?? layout.viewport;
    const report = JSON.stringify({ targets, labels });
    const shapes = await debug(page, 'insetShapes');
    for (const code of CODES) {
      const [x = NaN, y = NaN] = targets[code]?.[0]?.[0] ?? [];
      expect(
        x >= 0 && y >= 0 && x <= size.width && y <= size.height,
        `${code}'s target is off the map: ${report}`,
      ).toBe(true);
      // A 24×24 px square where every tap (centre and corners) selects the region: around its target
      // point first, else anywhere inside the region (a fine grid, searched in the page in one go).
      const half = TARGET_PX / 2 - 1;
      const candidates: [number, number][] = [[x, y], ...samplesOf(shapes[code] ?? [], 400)];
      const found = await page.evaluate(
        ([points, h, want]) => {
          const at = (window as unknown as { byruDebug: Debug }).byruDebug.regionAt;
          return (
            points.find(([cx, cy]) =>
              [
                [cx, cy],
                [cx - h, cy - h],
                [cx + h, cy - h],
                [cx - h, cy + h],
                [cx + h, cy + h],
              ].every(([px = 0, py = 0]) => at(px, py) === want),
            ) ?? null
          );
        },
        [candidates, half, code] as const,
      );
      expect(found, `${code} has no 24×24 px tap target: ${report}`).not.toBeNull();
      expect(labels[code]?.text, `${code} has no label drawn: ${report}`).toBeTruthy();
      expect(labels[code]?.size ?? 0, `${code}'s label is too small: ${report}`).toBeGreaterThanOrEqual(LEGIBLE_PX);
    }
  });

  test('arcs, markers and labels leave at least 60 % of each Belarusian region in view', async () => {
    const { page } = app;
    await open(page, layout);
    const shapes = await debug(page, 'insetShapes');
    const selector = layout.phone ? '[data-testid="map"] svg' : '[data-testid="map"] canvas';
    for (const code of CODES) {
      const rings = shapes[code];
      if (!rings) throw new Error(`${code} is not in the inset`);
      const points = samplesOf(rings);
      const pixels = (await sampleScreen(page, points, selector)).filter((p): p is RGBA => p !== null);
      expect(pixels.length, `${code}: no sample on screen`).toBeGreaterThan(0);
      // The region's own look: its fill, and for a region with nothing recorded the hatch's two colours.
      const counts = new Map<string, { c: RGBA; n: number }>();
      for (const p of pixels) {
        const key = p
          .slice(0, 3)
          .map((v) => Math.round(v / 8))
          .join();
        counts.set(key, { c: p, n: (counts.get(key)?.n ?? 0) + 1 });
      }
      const common = [...counts.values()].sort((a, b) => b.n - a.n).slice(0, 2);
      const own = (p: RGBA) => common.some(({ c, n }) => n >= pixels.length * 0.15 && distance(p, c) <= 20);
      const share = pixels.filter(own).length / pixels.length;
      expect(
        share,
        `${code}: only ${Math.round(share * 100)} % of ${pixels.length} samples show the region`,
      ).toBeGreaterThanOrEqual(UNCOVERED);
    }
  });

  test('draws at most one arc per partner subject, and no single link, until something is selected', async () => {
    const { page } = app;
    await open(page, layout);
    const partners = await debug(page, 'partnersShown');
    const links = await debug(page, 'linksShown');
    const subjects = new Set(partners.map((id) => id.split('>')[1]));
    expect(partners.length).toBeGreaterThan(0);
    expect(partners.length).toBeLessThanOrEqual(subjects.size);
    // The projector opens on a story step that selects a region: its arcs then leave from it.
    const selected = await page.evaluate(() => new URL(location.href).searchParams.get('region'));
    const origin = selected?.startsWith('BY-') ? selected : 'BY';
    if (!selected) expect(links, 'single links wait for a hover or a selection').toEqual([]);
    expect(
      partners.every((id) => id.startsWith(`${origin}>`)),
      JSON.stringify({ selected, partners }),
    ).toBe(true);
  });

  test('selecting a Belarusian region moves the camera there and highlights it', async () => {
    const { page } = app;
    // The projector's story selects a region of its own; take the plain view of the same size there.
    const base = layout.query.replace('&present=1', '');
    await open(page, { ...layout, query: base });
    const before = await debug(page, 'insetShapes');
    const point = (await debug(page, 'insetTargets'))['BY-VI']?.[0]?.[0];
    if (!point) throw new Error('no target for Vitebsk region');
    const samples = samplesOf(before['BY-VI'] ?? [], 40);
    // On a phone the tap also fetches the WebGL map, which may take over meanwhile: read the screen
    // through the map's box, which both maps fill.
    const selector = MAP_SELECTOR;
    const pixelsBefore = await sampleScreen(page, samples, selector);
    const box = await page.locator(selector).first().boundingBox();
    if (!box) throw new Error('the map is not on screen');
    if (layout.phone) await page.touchscreen.tap(box.x + point[0], box.y + point[1]);
    else await page.mouse.click(box.x + point[0], box.y + point[1]);
    // The page's address follows the selection (an embed keeps its address: its camera speaks below).
    if (!layout.query.includes('embed=1'))
      await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('region'))).toBe('BY-VI');
    // The camera moved: the inset's copy of Vitebsk region is elsewhere on screen, or drawn larger.
    await expect
      .poll(
        async () => {
          const after = (await debug(page, 'insetShapes'))['BY-VI']?.[0]?.[0];
          const was = before['BY-VI']?.[0]?.[0];
          return after && was ? Math.hypot(after[0] - was[0], after[1] - was[1]) : 0;
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(5);
    // Let the flight end (and, on a phone, the WebGL map finish taking over) before reading pixels.
    await page.locator(MAP_IDLE_SELECTOR).waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(1500);
    await saveScreenshot(page, `composition-${layout.name}-selected`);
    // Highlighted: pixels where the region was drawn changed (outline, camera, dimming).
    const pixelsAfter = await sampleScreen(page, samples, selector);
    const changed = pixelsAfter.filter((p, i) => {
      const q = pixelsBefore[i];
      return p && q && distance(p, q) > 16;
    }).length;
    expect(changed, `${changed} of ${samples.length} pixels changed`).toBeGreaterThan(samples.length / 4);
  });
});
