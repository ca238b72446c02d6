// One measured run in a fresh headless Chromium: load → year steps (traced) → autoplay at 4× (desktop,
// on the WebGL map after it took over); a phone run (load without a touch, year steps on the SVG map,
// traced); and the leak check (heap after N stepping loops vs after one). Every wait has a timeout.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/find-chromium.mjs';
import { instrumentPage } from './instrument.mjs';
import { mainThreadBusy } from './trace.mjs';
import { quantile, round, sum } from './stats.mjs';
import { withTimeout } from './timeout.mjs';

export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };
const MAP = '[data-testid="map"]';
const TRACE_CATEGORIES = ['-*', 'devtools.timeline', 'toplevel', 'blink.console', 'v8.execute'];

export async function launch(executablePath) {
  return withTimeout(
    chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 }),
    40_000,
    'launch Chromium',
  );
}

export async function openPage(browser, contextOptions) {
  const context = await browser.newContext({
    deviceScaleFactor: 1,
    ...contextOptions,
    locale: 'ru-RU',
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(20_000);
  await context.addInitScript(instrumentPage);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/** Records encoded (on-the-wire, gzip) bytes per request through CDP Network events. */
async function recordNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.startsWith('data:')) requests.set(e.requestId, { url: e.request.url, bytes: null });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? null;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  return { cdp, requests };
}

export const bench = (page, fn, arg) => withTimeout(page.evaluate(fn, arg), 15_000, 'page.evaluate');

export async function waitFor(page, fn, arg, timeout, label) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 50 });
  } catch (error) {
    const state = await page
      .locator(MAP)
      .first()
      .getAttribute('data-map-state', { timeout: 1_000 })
      .catch(() => '?');
    throw new Error(`${label} did not happen within ${timeout} ms (data-map-state=${state})`, { cause: error });
  }
}

/** Waits until the main thread has had no long task for `quietMs` (or `timeout` passes). Returns the
 *  end of the last long task seen before the quiet window, or null when it never got quiet. */
export async function waitForQuiet(page, quietMs, timeout) {
  const start = Date.now();
  for (;;) {
    const { now, lastEnd } = await bench(page, () => ({
      now: performance.now(),
      lastEnd: Math.max(0, ...window.__bench.longtasks.map(([s, d]) => s + d)),
    }));
    const idle = await page
      .locator(MAP)
      .first()
      .getAttribute('data-map-state')
      .catch(() => null);
    if (idle === 'idle' && now - lastEnd >= quietMs) return lastEnd;
    if (Date.now() - start > timeout) return null;
    await page.waitForTimeout(100);
  }
}

/** Requests for the WebGL map engine: its chunk or its worker. */
const ENGINE = /loadMaplibre|maplibre-gl-worker/;

/**
 * The end of the last long task before the first `quietMs` without long tasks, counted from `from`
 * (a short TTI); null when no such quiet window was seen before `until`.
 */
function quietAfter(longtasks, from, until, quietMs) {
  let end = from;
  for (const [s, d] of [...longtasks].sort((a, b) => a[0] - b[0])) {
    if (s + d <= end) continue;
    if (s - end >= quietMs) return end;
    end = s + d;
  }
  return until - end >= quietMs ? end : null;
}

/**
 * Loads the app and waits for the first view (a `[data-testid=map]` in `data-map-state=idle`); with
 * `takeover`, also for the WebGL map to take over; with `settleMs`, until that long after the first
 * view; then for 1 s without long tasks. Reports times (ms since navigation) and bytes.
 */
async function load(page, baseUrl, network, { takeover = true, settleMs = 0 } = {}) {
  const response = await page.goto(`${baseUrl}/`, { waitUntil: 'load', timeout: 30_000 });
  if (!response?.ok()) throw new Error(`GET ${baseUrl}/ answered ${response?.status() ?? 'nothing'}`);
  await waitFor(page, () => window.__bench.firstView !== null, null, 60_000, 'The first view (a map shown idle)');
  if (takeover) await waitFor(page, () => window.__bench.takeover !== null, null, 60_000, 'The WebGL map taking over');
  if (settleMs)
    await waitFor(
      page,
      (ms) => performance.now() >= window.__bench.firstView + ms,
      settleMs,
      settleMs + 20_000,
      `${settleMs} ms after the first view`,
    );
  await waitForQuiet(page, 1_000, 20_000);
  const b = await bench(page, () => {
    const w = window.__bench;
    w.countDraws = false;
    const resources = performance.getEntriesByType('resource').map((e) => ({
      url: e.name,
      responseEnd: e.responseEnd,
      transferSize: e.transferSize,
    }));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      now: performance.now(),
      coarsePointer: matchMedia('(pointer: coarse)').matches,
      coarseAtStart: w.coarsePointer,
      fcp: w.fcp,
      lcp: w.lcp,
      firstView: w.firstView,
      firstViewFrame: w.firstViewFrame,
      mapCreated: w.mapCreated,
      webglIdle: w.webglIdle,
      takeover: w.takeover,
      drawFrames: w.drawFrames,
      longtasks: w.longtasks,
      resources: [
        { url: location.href, responseEnd: nav?.responseEnd ?? 0, transferSize: nav?.transferSize ?? 0 },
        ...resources,
      ],
    };
  });
  // First frame that drew (nearly) the whole WebGL map: ≥ 90 % of the draw calls of the frame
  // settled at the take-over (the last frame that drew before it).
  const settledDraws = b.takeover === null ? 0 : (b.drawFrames.filter(([t]) => t <= b.takeover + 1).at(-1)?.[1] ?? 0);
  const firstMapFrame = b.drawFrames.find(([, n]) => settledDraws > 0 && n >= 0.9 * settledDraws)?.[0] ?? null;
  const lastLongTaskEnd = quietAfter(b.longtasks, b.firstView, b.now, 1_000);
  const interactive = lastLongTaskEnd === null ? null : Math.max(b.firstView, lastLongTaskEnd);

  // Bytes: CDP encodedDataLength (headers + gzip body); a worker's script is fetched outside the
  // page's CDP session, so for requests CDP did not finish we take Resource Timing's transferSize.
  const files = b.resources.map((r) => {
    const viaCdp = [...network.requests.values()].find((q) => q.url === r.url && q.bytes !== null);
    const finishedMs = round(r.responseEnd);
    return {
      path: new URL(r.url).pathname + new URL(r.url).search,
      bytes: viaCdp ? viaCdp.bytes : r.transferSize,
      source: viaCdp ? 'cdp' : 'resource-timing',
      encoding: viaCdp?.encoding ?? null,
      finishedMs,
      beforeFirstView: r.responseEnd <= b.firstView,
      beforeTakeover: b.takeover === null ? null : r.responseEnd <= b.takeover,
    };
  });
  const loadLongTasks = b.longtasks.filter(([s]) => s <= (interactive ?? b.firstView));
  // Building the WebGL map underneath the SVG map: the long tasks between the first view and the take-over.
  const buildLongTasks = b.takeover === null ? [] : b.longtasks.filter(([s]) => s >= b.firstView && s <= b.takeover);
  const engineRequests = [
    ...new Set([...[...network.requests.values()].map((q) => q.url), ...b.resources.map((r) => r.url)]),
  ]
    .filter((url) => ENGINE.test(url))
    .map((url) => new URL(url).pathname);
  return {
    coarsePointer: b.coarsePointer,
    fcpMs: round(b.fcp),
    lcpMs: round(b.lcp),
    firstViewMs: round(b.firstView),
    firstViewFrameMs: round(b.firstViewFrame),
    mapCreatedMs: round(b.mapCreated),
    firstMapFrameMs: round(firstMapFrame),
    webglIdleMs: round(b.webglIdle),
    takeoverMs: round(b.takeover),
    interactiveMs: round(interactive),
    measuredUntilMs: round(b.now),
    bytesBeforeMap: sum(files.filter((f) => f.beforeFirstView).map((f) => f.bytes)),
    bytesBeforeTakeover: b.takeover === null ? null : sum(files.filter((f) => f.beforeTakeover).map((f) => f.bytes)),
    bytesTotal: sum(files.map((f) => f.bytes)),
    requests: files.length,
    engineRequests,
    loadLongTasks: { count: loadLongTasks.length, totalMs: round(sum(loadLongTasks.map(([, d]) => d))) },
    takeoverLongTasks:
      b.takeover === null
        ? null
        : { count: buildLongTasks.length, totalMs: round(sum(buildLongTasks.map(([, d]) => d))) },
    files,
  };
}

/** Presses `key` on the focused slider and waits for the map to redraw and settle. */
export async function step(page, key, id, timeout = 20_000) {
  await bench(page, (id) => window.__bench.armStep(id), id);
  await withTimeout(page.keyboard.press(key), 10_000, `press ${key}`);
  await waitFor(page, () => window.__bench.step.idle !== null, null, timeout, `Map redraw after ${key}`);
  return bench(page, () => {
    const s = window.__bench.step;
    return {
      id: s.id,
      map: s.kind,
      latencyMs: s.idle - s.t0,
      inputDelayMs: s.h0 - s.t0,
      handlerMs: s.h1 - s.h0,
      // SVG map only: whether the SVG changed before the frame that ended the step (else: key task end).
      ...(s.kind === 'svg' ? { svgChanged: s.mutated } : {}),
    };
  });
}

async function yearOf(slider) {
  return Number(await slider.getAttribute('aria-valuetext', { timeout: 5_000 }));
}

/** Reads the timeline's years from its tick labels. */
export async function timelineYears(page) {
  const texts = await page.locator('.byru-ticks span').allTextContents();
  const years = texts.map(Number).filter(Number.isFinite);
  if (years.length < 2) throw new Error(`the timeline shows no years (${JSON.stringify(texts)})`);
  return years;
}

export async function goToFirstYear(page, slider, years) {
  await slider.focus({ timeout: 5_000 });
  if ((await yearOf(slider)) !== years[0]) await step(page, 'Home', 'home');
  await waitForQuiet(page, 300, 20_000);
}

async function yearSteps(browser, page, slider, years) {
  await goToFirstYear(page, slider, years);
  await withTimeout(browser.startTracing(page, { categories: TRACE_CATEGORIES }), 10_000, 'start tracing');
  const steps = [];
  try {
    for (let i = 1; i < years.length; i++) {
      const s = await step(page, 'ArrowRight', `s${i}`);
      steps.push({ ...s, year: await yearOf(slider) });
      await waitForQuiet(page, 150, 10_000);
    }
  } finally {
    const trace = await withTimeout(browser.stopTracing(), 30_000, 'stop tracing');
    const busy = mainThreadBusy(
      trace,
      steps.map((s) => s.id),
    );
    for (const s of steps)
      Object.assign(s, busy[s.id] ?? { mainThreadMs: null, longestTaskMs: null, keyTaskMs: null, gpuMainMs: null });
  }
  const pick = (k) => steps.map((s) => s[k]);
  return {
    map: steps[0]?.map ?? null,
    svgUnchanged: steps.filter((s) => s.svgChanged === false).length,
    steps: steps.map((s) =>
      Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? round(v, 1) : v])),
    ),
    latencyP50: round(quantile(pick('latencyMs'), 0.5)),
    latencyP95: round(quantile(pick('latencyMs'), 0.95)),
    keyTaskP50: round(quantile(pick('keyTaskMs'), 0.5), 1),
    keyTaskP95: round(quantile(pick('keyTaskMs'), 0.95), 1),
    handlerP50: round(quantile(pick('handlerMs'), 0.5), 1),
    handlerP95: round(quantile(pick('handlerMs'), 0.95), 1),
    mainThreadP50: round(quantile(pick('mainThreadMs'), 0.5), 1),
    mainThreadP95: round(quantile(pick('mainThreadMs'), 0.95), 1),
  };
}

async function autoplay(page, slider, years, speed) {
  await page.locator('.byru-timeline select').first().selectOption(String(speed), { timeout: 5_000 });
  const loop = page.locator('.byru-timeline input[type="checkbox"]').first();
  if (await loop.isChecked({ timeout: 5_000 })) await loop.uncheck();
  await goToFirstYear(page, slider, years);
  const play = page.locator('.byru-timeline button[aria-pressed]').first();
  await bench(page, () => window.__bench.startFrames());
  await play.click({ timeout: 5_000 });
  await waitFor(
    page,
    () => document.querySelector('.byru-timeline button[aria-pressed]')?.getAttribute('aria-pressed') === 'true',
    null,
    5_000,
    'Playback start',
  );
  await waitFor(
    page,
    () => document.querySelector('.byru-timeline button[aria-pressed]')?.getAttribute('aria-pressed') === 'false',
    null,
    60_000,
    'Playback end',
  );
  await waitFor(
    page,
    (sel) => document.querySelector(sel)?.getAttribute('data-map-state') === 'idle',
    MAP,
    30_000,
    'Map idle after playback',
  );
  const r = await bench(page, () => {
    const rec = window.__bench.stopFrames();
    const lts = window.__bench.longtasks.filter(([s]) => s >= rec.start && s <= rec.end);
    return { frames: rec.frames, start: rec.start, end: rec.end, longtasks: lts };
  });
  const gaps = r.frames.slice(1).map((t, i) => t - r.frames[i]);
  return {
    year: await yearOf(slider),
    durationMs: round(r.end - r.start),
    frames: r.frames.length,
    droppedFrames: gaps.filter((g) => g > 20).length,
    worstFrameMs: round(Math.max(0, ...gaps)),
    longTasks: r.longtasks.length,
    longTasksMs: round(sum(r.longtasks.map(([, d]) => d))),
  };
}

/** One full desktop run in a fresh browser: load (until the WebGL map took over), year steps, autoplay. */
export async function measureRun({ executablePath, baseUrl, speed = 4, viewport = DESKTOP_VIEWPORT }) {
  const browser = await launch(executablePath);
  try {
    const { context, page, errors } = await openPage(browser, { viewport });
    const network = await recordNetwork(context, page);
    const result = { load: null, steps: null, autoplay: null, errors };
    result.load = await load(page, baseUrl, network, { takeover: true });
    await network.cdp.send('Network.disable').catch(() => {});
    const slider = page.getByRole('slider').first();
    const years = await timelineYears(page);
    result.years = [years[0], years.at(-1)];
    result.steps = await yearSteps(browser, page, slider, years);
    if (result.steps.map !== 'webgl')
      throw new Error(`year steps ran on the ${result.steps.map} map, not the WebGL map`);
    result.autoplay = await autoplay(page, slider, years, speed);
    return result;
  } finally {
    await withTimeout(browser.close(), 15_000, 'close Chromium').catch(() => {});
  }
}

/** A phone: coarse pointer (touch), small viewport, DPR 1.75. The engine waits for a touch here. */
export const PHONE_CONTEXT = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};
/** How long the phone run looks without touching the map before counting the bytes. */
export const PHONE_SETTLE_MS = 5_000;

/**
 * One phone run in a fresh browser: the first view (SVG map), the bytes after `PHONE_SETTLE_MS`
 * without a touch (no engine request expected), then year steps by keyboard on the SVG map, traced.
 */
export async function measurePhone({ executablePath, baseUrl }) {
  const browser = await launch(executablePath);
  try {
    const { context, page, errors } = await openPage(browser, PHONE_CONTEXT);
    const network = await recordNetwork(context, page);
    const result = { settleMs: PHONE_SETTLE_MS, load: null, steps: null, errors };
    result.load = await load(page, baseUrl, network, { takeover: false, settleMs: PHONE_SETTLE_MS });
    const slider = page.getByRole('slider').first();
    result.sliderVisible = await slider.isVisible().catch(() => false);
    const years = await timelineYears(page);
    result.years = [years[0], years.at(-1)];
    // Keys go to the focused slider even where the phone layout hides it.
    result.steps = await yearSteps(browser, page, slider, years);
    result.sliderFocused = await slider.evaluate((el) => el === document.activeElement).catch(() => false);
    if (result.steps.map !== 'svg') throw new Error(`year steps ran on the ${result.steps.map} map, not the SVG map`);
    // Still no engine after the steps (the slider is not the map: keys on it are no reach for the map).
    result.engineRequestsAfterSteps = [...network.requests.values()]
      .map((q) => q.url)
      .filter((url) => ENGINE.test(url))
      .map((url) => new URL(url).pathname);
    result.webglAfterSteps = await bench(page, () => document.querySelector('[data-renderer="webgl"]') !== null);
    await network.cdp.send('Network.disable').catch(() => {});
    return result;
  } finally {
    await withTimeout(browser.close(), 15_000, 'close Chromium').catch(() => {});
  }
}

async function heapUsage(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
  return { usedBytes: usedSize, nodes: dom?.nodes ?? null, listeners: dom?.jsEventListeners ?? null };
}

/**
 * Leak check: loops of stepping first → last year with the keyboard, the heap measured after a full
 * GC after every loop. Steps do not wait for each frame (on SwiftShader one settled frame takes seconds);
 * every loop ends by waiting for the map to settle, so all the work of the loop has been done.
 */
export async function measureHeap({ executablePath, baseUrl, loops, viewport, deadline }) {
  const browser = await launch(executablePath);
  try {
    const { context, page, errors } = await openPage(browser, { viewport });
    await page.goto(`${baseUrl}/`, { waitUntil: 'load', timeout: 30_000 });
    await waitFor(page, () => window.__bench.firstView !== null, null, 60_000, 'The first view (a map shown idle)');
    // Loops run on the WebGL map, as the desktop reader's steps do.
    await waitFor(page, () => window.__bench.takeover !== null, null, 60_000, 'The WebGL map taking over');
    await bench(page, () => (window.__bench.countDraws = false));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Runtime.enable');
    const slider = page.getByRole('slider').first();
    const years = await timelineYears(page);
    await goToFirstYear(page, slider, years);
    const samples = [];
    for (let loop = 1; loop <= loops; loop++) {
      if (loop > 2 && Date.now() > deadline) break;
      const t = Date.now();
      for (let i = 1; i < years.length; i++)
        await withTimeout(page.keyboard.press('ArrowRight'), 10_000, 'press ArrowRight');
      // Back to the first year, and wait until the map has caught up with the whole loop.
      await step(page, 'Home', `h${loop}`, 60_000);
      await waitForQuiet(page, 300, 30_000);
      samples.push({ loop, ms: Date.now() - t, ...(await withTimeout(heapUsage(cdp), 20_000, 'heap usage')) });
    }
    return { viewport, loopsDone: samples.length, loopsAsked: loops, samples, errors };
  } finally {
    await withTimeout(browser.close(), 15_000, 'close Chromium').catch(() => {});
  }
}
