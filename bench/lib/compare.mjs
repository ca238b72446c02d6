// The compare phase: the year step of the app beside the idiom's floor, in one run. Each target (the
// app, the anchor — bare MapLibre with the same boundaries, feature-state only — and the app on a
// dataset ten times the real one) is loaded in a fresh Chromium at the desktop size, waits for its
// WebGL map to be idle, then steps years with ArrowRight from the first year. A step's figure is the
// keydown's Event Timing duration (the key's timestamp → the next paint after its handlers), as a
// reader's browser would report it; the time to the settled frame (map idle) is kept beside it.
import { DESKTOP_VIEWPORT, bench, goToFirstYear, launch, openPage, step, timelineYears, waitFor, waitForQuiet } from './browserRun.mjs';
import { round } from './stats.mjs';
import { withTimeout } from './timeout.mjs';

/** Event Timing reports no event shorter than this (ms): such a step is counted at this value. */
export const EVENT_TIMING_FLOOR_MS = 16;

/** The keydown Event Timing duration of the last armed step, or null when none was reported. */
async function eventDuration(page) {
  // Entries are delivered after the paint that ends them: give them a moment (3 s on a busy machine).
  for (let i = 0; i < 30; i++) {
    const d = await bench(page, () => {
      const s = window.__bench.step;
      const e = window.__bench.keyEvents.find(([t]) => Math.abs(t - s.t0) < 1);
      return e ? e[1] : null;
    });
    if (d !== null) return d;
    await page.waitForTimeout(100);
  }
  return null;
}

/**
 * Loads `url` in a fresh browser and steps `steps` years (fewer if the timeline is shorter). With
 * `mapSize`, the page is the anchor, sized like the app's map; otherwise the app (its slider is used).
 * @returns {Promise<{ url: string, mapSize: { width: number, height: number } | null, steps: object[], errors: string[] }>}
 */
export async function measureSteps({ executablePath, url, steps }) {
  const browser = await launch(executablePath);
  try {
    const { page, errors } = await openPage(browser, { viewport: DESKTOP_VIEWPORT });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status() ?? 'nothing'}`);
    await waitFor(page, () => window.__bench.takeover !== null, null, 90_000, 'The WebGL map idle');
    await waitForQuiet(page, 500, 20_000);
    const box = await page.locator('[data-testid="map"]').first().boundingBox();
    const slider = page.getByRole('slider').first();
    let count = steps;
    if ((await slider.count()) > 0) {
      const years = await timelineYears(page);
      await goToFirstYear(page, slider, years);
      count = Math.min(steps, years.length - 1);
    }
    const out = [];
    for (let i = 1; i <= count; i++) {
      const s = await step(page, 'ArrowRight', `c${i}`);
      await waitForQuiet(page, 150, 10_000);
      const eventMs = await eventDuration(page);
      out.push({ eventMs, belowFloor: eventMs === null, settledMs: round(s.latencyMs, 1), map: s.map });
    }
    return {
      url,
      mapSize: box ? { width: Math.round(box.width), height: Math.round(box.height) } : null,
      steps: out,
      errors,
    };
  } finally {
    await withTimeout(browser.close(), 15_000, 'close Chromium').catch(() => {});
  }
}

/** The targets of one round, in the order they run: rotated by round so no target always goes first. */
export function roundOrder(names, round) {
  const k = round % names.length;
  return [...names.slice(k), ...names.slice(0, k)];
}
