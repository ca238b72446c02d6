#!/usr/bin/env node
// npm run bench: measures the built app (dist/) in headless Chromium and with Lighthouse 12, then
// writes bench/RESULTS.json and bench/RESULTS.md and prints the markdown. Not part of npm test.
//
//   node bench/run.mjs [--runs 5] [--lighthouse-runs 3] [--heap-loops 20] [--time-limit 300]
//                      [--compare-runs 2] [--compare-steps 8] [--compare-factor 10]
//                      [--only compare,desktop,phone,heap,lighthouse]
//                      [--no-lighthouse] [--no-heap] [--dist dist] [--out bench]
//
// The build is `npm run build` (the npm script runs it first). dist/ is copied to a temporary
// directory before measuring, so a concurrent rebuild by someone else cannot change it mid-run.
// Phases: the compare phase (the year step of the app beside a bare-maplibre anchor with the same
// boundaries, and of the app on a dataset `--compare-factor` times the real one), desktop runs (load
// until the WebGL map takes over, year steps, autoplay), phone runs (load without a touch: the SVG map
// only; year steps on it), the leak check, Lighthouse.
// Every browser wait has a timeout; phases stop starting new runs when the time limit nears, and a
// watchdog writes what exists and exits if anything still hangs. Exit code: 0 when the report was
// written (targets missed are reported, not failed), 1 on a setup error, 2 when the watchdog fired.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findChromium } from '../scripts/find-chromium.mjs';
import { startServer } from '../scripts/serve.mjs';
import {
  DESKTOP_VIEWPORT,
  PHONE_CONTEXT,
  PHONE_SETTLE_MS,
  measureHeap,
  measurePhone,
  measureRun,
} from './lib/browserRun.mjs';
import { buildAnchor, ANCHOR_PATH } from './lib/buildAnchor.mjs';
import { measureSteps, roundOrder } from './lib/compare.mjs';
import { machineInfo } from './lib/machine.mjs';
import { scaleDataset } from './lib/scaleDataset.mjs';
import {
  checkTargets,
  summarizeCompare,
  summarizeBrowser,
  summarizeHeap,
  summarizeLighthouse,
  summarizePhone,
  toMarkdown,
} from './lib/report.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH_DIR, '..');
const HEAP_VIEWPORT = { width: 640, height: 400 };
const SPEED = 4;
const PHASES = ['compare', 'desktop', 'phone', 'heap', 'lighthouse'];

const USAGE = `Usage: node bench/run.mjs [options]   (npm run bench builds first)
  --runs N              desktop runs and phone runs (fresh Chromium each), default 5 of each
  --lighthouse-runs N   Lighthouse runs per preset (mobile, desktop), default min(runs, 3)
  --heap-loops N        stepping loops for the leak check, default 20
  --time-limit S        seconds for all measuring (phases are cut to fit), default 300
  --compare-runs N      rounds of the compare phase (app, anchor, app on scaled data), default 2
  --compare-steps N     year steps per page in the compare phase, default 8 (all the years)
  --compare-factor N    how many times the real dataset the scaled one is, default 10
  --only LIST           run only these phases: ${PHASES.join(',')}
  --no-lighthouse       skip Lighthouse     --no-heap   skip the leak check
  --dist DIR            built app to serve, default dist     --out DIR   default bench`;

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'lighthouse-runs': { type: 'string' },
      'heap-loops': { type: 'string', default: '20' },
      'time-limit': { type: 'string', default: '300' },
      'compare-runs': { type: 'string', default: '2' },
      'compare-steps': { type: 'string', default: '8' },
      'compare-factor': { type: 'string', default: '10' },
      only: { type: 'string' },
      'no-lighthouse': { type: 'boolean', default: false },
      'no-heap': { type: 'boolean', default: false },
      dist: { type: 'string', default: 'dist' },
      out: { type: 'string', default: BENCH_DIR },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name, value, min) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be an integer ≥ ${min} (got ${value})\n${USAGE}`);
    return n;
  };
  const runs = int('runs', values.runs, 1);
  const only = values.only === undefined ? PHASES : values.only.split(',').map((p) => p.trim());
  const unknown = only.filter((p) => !PHASES.includes(p));
  if (unknown.length) throw new Error(`--only: unknown phase ${unknown.join(', ')} (phases: ${PHASES.join(', ')})\n${USAGE}`);
  return {
    runs,
    phases: new Set(only),
    compareRuns: int('compare-runs', values['compare-runs'], 1),
    compareSteps: int('compare-steps', values['compare-steps'], 1),
    compareFactor: int('compare-factor', values['compare-factor'], 2),
    lighthouseRuns: values['no-lighthouse'] || !only.includes('lighthouse')
      ? 0
      : int('lighthouse-runs', values['lighthouse-runs'] ?? String(Math.min(runs, 3)), 0),
    heapLoops: values['no-heap'] || !only.includes('heap') ? 0 : int('heap-loops', values['heap-loops'], 2),
    timeLimitS: int('time-limit', values['time-limit'], 30),
    dist: resolve(ROOT, values.dist),
    out: resolve(ROOT, values.out),
  };
}

/** Installs bench/node_modules (Lighthouse) with npm ci only when missing or not matching the lock. */
function ensureBenchDeps() {
  const lock = JSON.parse(readFileSync(join(BENCH_DIR, 'package-lock.json'), 'utf8'));
  const wanted = lock.packages?.['node_modules/lighthouse']?.version;
  const installedFile = join(BENCH_DIR, 'node_modules', 'lighthouse', 'package.json');
  const installed = existsSync(installedFile) ? JSON.parse(readFileSync(installedFile, 'utf8')).version : null;
  if (installed && installed === wanted) return;
  console.error(`[bench] installing bench dependencies (lighthouse ${wanted}): npm --prefix bench ci`);
  const r = spawnSync('npm', ['--prefix', BENCH_DIR, 'ci', '--no-audit', '--no-fund'], {
    stdio: ['ignore', 2, 2],
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`npm --prefix bench ci failed (status ${r.status ?? r.signal})`);
}

async function checkGzip(url, dist) {
  const entry = /<script[^>]+src="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1];
  if (!entry) throw new Error('dist/index.html has no <script src>');
  const response = await fetch(new URL(entry, `${url}/`), {
    headers: { 'accept-encoding': 'gzip' },
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  if (response.headers.get('content-encoding') !== 'gzip') throw new Error(`the server did not gzip ${entry}`);
}

const METHOD = [
  'Compare (issue 13): three targets, each in a fresh Chromium at the desktop size, the order rotated every round: the app; the anchor, a bare MapLibre page (`bench/anchor/`, built by the bench with Vite and served from its copy of dist/ at `/bench-anchor/`, never shipped) drawing the same `regions.topo.json` in the same frame, sized like the app’s map container, whose year step is only `setFeatureState` on the 90 regions (the idiom’s floor); and the app served with a dataset `--compare-factor` times the real one (`bench/lib/scaleDataset.mjs`: the per-year records of links, figures, events and region facts copied with new ids and other ends, on a second local server; a bench fixture, never shipped). Each waits for its WebGL map to be idle, goes to the first year, then presses ArrowRight once per year. A step is the keydown’s Event Timing `duration` (the key’s timestamp → the next paint after its handlers; 8 ms granularity; events under 16 ms are not reported and count as 16 ms); its median over all steps of all rounds is compared. The time to the settled frame (the map idle again) is shown beside it.',
  'Chromium is driven by playwright-core with the browser tests’ flags (`--use-angle=swiftshader --enable-unsafe-swiftshader …`): WebGL is software-rendered (SwiftShader), no GPU. Each run is a fresh browser, empty cache, no CPU or network throttling. Desktop: viewport 1280×800, DPR 1, mouse. Phone: viewport 412×823, DPR 1.75, `isMobile` + `hasTouch` (the page is checked to match `(pointer: coarse)`).',
  'What the app does: its first view is the SVG map (`[data-testid=map][data-renderer=svg]`, inserted with `data-map-state="idle"`). On a desktop (fine pointer, no Save-Data, no slow connection) MapLibre (the `loadMaplibre` chunk and its `maplibre-gl-worker`) is fetched once the browser is idle after the first view and built underneath (`data-testid=map-pending`); at its first idle frame the WebGL map takes over (it becomes `[data-testid=map][data-renderer=webgl]`, the SVG map is removed). On a phone (coarse pointer) the engine waits for the first press/touch/wheel/key on the map, which the bench never does.',
  'First visible map (`firstViewMs`): the first time a `[data-testid=map][data-map-state="idle"]` is in the document (a MutationObserver in the page on childList + attributes, on `performance.now()`, i.e. ms since navigation start). It is the moment the DOM holds the drawn SVG map; the frame that paints it follows (the row “main thread finished the frame after it”: rAF, then a task). FCP can come later than both when the compositor/GPU process is slow to present (SwiftShader on a busy machine).',
  'WebGL map took over (`takeoverMs`): the first time `[data-testid=map][data-renderer=webgl][data-map-state="idle"]` exists. MapLibre map constructed: the adapter’s first `data-map-state` write on the WebGL container. First WebGL frame drawing the map: WebGL draw calls counted per animation frame, the first frame with ≥ 90 % of the draws of the last frame drawn before the take-over (informative).',
  'Bytes: CDP `Network.loadingFinished` `encodedDataLength` (gzip body + headers) per request; “before the first view” / “before the take-over” count the requests whose Resource Timing `responseEnd` precedes that moment; “in total” everything Resource Timing lists when the load is measured (desktop: after the take-over and 1 s without long tasks; phone: 5 s after the first view without any touch, then 1 s without long tasks). Engine requests on the phone: any URL with `loadMaplibre` or `maplibre-gl-worker` among the CDP requests and Resource Timing entries, checked after the load and again after the year steps.',
  'Interactive: the later of the first view and the end of the last long task before the first 1 s without long tasks after the first view (a short TTI, from the `longtask` entries). On the desktop the WebGL map is then still being built: its long tasks up to the take-over are counted in their own row.',
  'Year step: ArrowRight pressed on the focused slider for every year from the first to the last (desktop: on the WebGL map after the take-over; phone: on the SVG map, the slider focused with `focus()`, no touch). On the WebGL map latency = key event `timeStamp` → the next `idle` of the shown WebGL container after it left `idle` (the settled frame, which includes MapLibre’s 300 ms paint transitions and label fades). On the SVG map (its `data-map-state` stays `idle`) the step ends with the frame that shows the change: after the first mutation inside the SVG map (or the end of the key task if none came), the next rAF, then a task. Main-thread work = the renderer main thread’s top-level tasks between the two marks in a Chromium trace (`console.timeStamp` marks); the key press task = the whole task that dispatched the keydown (React’s re-render and the store subscribers, incl. the map adapter’s calls). The GPU process’s main thread (SwiftShader rasterising) is reported beside it: on a phone with a GPU that part is hardware.',
  'Autoplay (desktop, WebGL map): speed 4×, loop off, play from the first year to the last; rAF callbacks and `longtask` entries from play until the map settles after the last year.',
  'Heap: one extra browser at 640×400 (smaller canvas: SwiftShader draws it faster), waiting for the WebGL map to take over; a loop = ArrowRight through every year, then Home, waiting for the map to settle at the end of the loop (not after each key); after each loop `HeapProfiler.collectGarbage` ×2 then `Runtime.getHeapUsage` (page heap; the MapLibre worker’s heap is not included).',
  'Lighthouse 12.8 Node API with chrome-launcher (`CHROME_PATH`/`/usr/bin/chromium`), categories performance + accessibility, the default (mobile, simulated throttling, touch emulation) and the desktop config, alternating.',
  'Time: compare rounds until 25 % of `--time-limit`, desktop runs until 45 %, phone runs until 58 %, the leak check until 66 % (at least 2 loops), Lighthouse the rest; a phase always makes its first run, cut runs are listed under Runs. `--only` runs a subset of the phases.',
  'Medians are over runs; a step’s p50/p95 are taken within a run, then the median over runs is shown.',
];

async function main() {
  const opts = options();
  const started = Date.now();
  const limitMs = opts.timeLimitS * 1000;
  const live = new Set(); // chrome-launcher instances to kill if we must stop early
  const state = {
    date: new Date().toISOString(),
    command: ['node', 'bench/run.mjs', ...process.argv.slice(2)].join(' '),
    machine: null,
    settings: {
      runs: opts.runs,
      lighthouseRuns: opts.lighthouseRuns,
      heapLoops: opts.heapLoops,
      timeLimitS: opts.timeLimitS,
      viewport: DESKTOP_VIEWPORT,
      phone: { ...PHONE_CONTEXT, settleMs: PHONE_SETTLE_MS },
      speed: SPEED,
      playFrom: null,
      playTo: null,
      phases: [...opts.phases],
      compareRuns: opts.compareRuns,
      compareSteps: opts.compareSteps,
      compareFactor: opts.compareFactor,
    },
    compare: [],
    runs: [],
    phoneRuns: [],
    heap: null,
    lighthouse: [],
    lighthouseFlags: null,
    skipped: [],
    errors: [],
    notes: [],
  };
  let server = null;
  let scaledServer = null;
  let snapshot = null;

  const write = () => {
    const browser = state.runs.length ? summarizeBrowser(state.runs.filter((r) => !r.error)) : null;
    const summary = {
      compare: summarizeCompare(state.compare, opts.compareFactor),
      browser,
      phone: summarizePhone(state.phoneRuns.filter((r) => !r.error)),
      lighthouse: summarizeLighthouse(state.lighthouse),
      heap: summarizeHeap(state.heap),
    };
    const ok = state.runs.filter((r) => r.load);
    const medianView = browser?.firstViewMs.median;
    const medianRun = ok.reduce(
      (best, r) =>
        best === null || Math.abs(r.load.firstViewMs - medianView) < Math.abs(best.load.firstViewMs - medianView)
          ? r
          : best,
      null,
    );
    const report = {
      ...state,
      elapsedMs: Date.now() - started,
      loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 100) / 100),
      summary,
      targets: checkTargets(summary),
      medianRun,
      method: METHOD,
    };
    const markdown = toMarkdown(report);
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(join(opts.out, 'RESULTS.json'), JSON.stringify(report, null, 2) + '\n');
    writeFileSync(join(opts.out, 'RESULTS.md'), markdown);
    return markdown;
  };

  const cleanup = async () => {
    for (const chrome of live) await Promise.resolve(chrome.kill()).catch(() => {});
    if (server) await server.close().catch(() => {});
    if (scaledServer) await scaledServer.close().catch(() => {});
    if (snapshot) rmSync(snapshot, { recursive: true, force: true });
  };
  const watchdog = setTimeout(async () => {
    console.error(
      `[bench] watchdog: still running ${opts.timeLimitS + 90} s after the start; writing what exists and stopping`,
    );
    state.errors.push('watchdog fired: a phase hung past the time limit');
    try {
      write();
    } finally {
      await cleanup();
      process.exit(2);
    }
  }, limitMs + 90_000);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanup().finally(() => process.exit(130)));

  try {
    if (!existsSync(join(opts.dist, 'index.html')))
      throw new Error(`${opts.dist}/index.html not found: run \`npm run build\` first (npm run bench does)`);
    const executablePath = findChromium();
    state.machine = machineInfo(executablePath);
    if (state.machine.loadAverageAtStart[0] > state.machine.cores * 0.75)
      state.notes.push(
        `The machine was busy while measuring (load average ${state.machine.loadAverageAtStart[0]} on ${state.machine.cores} cores: other jobs were running). Timings are noisy and pessimistic; re-run on a quiet machine for figures to quote. Bytes and accessibility scores do not depend on load.`,
      );
    let runLighthouse = null;
    let checkLighthouseFlags = null;
    if (opts.lighthouseRuns > 0) {
      ensureBenchDeps();
      ({ runLighthouse, checkLighthouseFlags } = await import('./lib/lighthouse.mjs'));
    }

    snapshot = mkdtempSync(join(os.tmpdir(), 'byru-bench-dist-'));
    cpSync(opts.dist, snapshot, { recursive: true });
    // Someone else's build may have been rewriting dist/ while we copied it: check that it is whole.
    const html = readFileSync(join(snapshot, 'index.html'), 'utf8');
    const missing = [...html.matchAll(/\b(?:src|href)="\/?([^"?#]+)"/g)]
      .map((m) => m[1])
      .filter((f) => !/^(https?:|data:)/.test(f) && !existsSync(join(snapshot, f)));
    if (missing.length)
      throw new Error(`the copy of dist/ is incomplete (${missing.join(', ')}): was it being rebuilt? Run again.`);
    server = await startServer({ root: snapshot });
    await checkGzip(server.url, snapshot);
    console.error(
      `[bench] serving a copy of ${opts.dist} gzip-compressed at ${server.url}/ with ${state.machine.chromium}`,
    );

    // 0. Compare: the app beside the anchor and on the scaled dataset, until 25 % of the time limit
    // (always one round).
    if (opts.phases.has('compare')) await comparePhase(opts, state, snapshot, server, started + 0.25 * limitMs, executablePath, (s) => (scaledServer = s));

    // 1. Desktop browser runs: up to 45 % of the time limit (always at least one).
    const runsEnd = started + 0.45 * limitMs;
    let last = 0;
    for (let i = 0; i < (opts.phases.has('desktop') ? opts.runs : 0); i++) {
      if (i > 0 && Date.now() + last > runsEnd) {
        state.skipped.push(`desktop browser runs ${i + 1}–${opts.runs}`);
        break;
      }
      const t = Date.now();
      try {
        const r = await measureRun({ executablePath, baseUrl: server.url, speed: SPEED });
        state.runs.push(r);
        state.settings.playFrom = r.years?.[0] ?? null;
        state.settings.playTo = r.years?.[1] ?? null;
        console.error(
          `[bench] desktop run ${i + 1}: first view ${r.load.firstViewMs} ms (${r.load.bytesBeforeMap} B before it), WebGL took over ${r.load.takeoverMs} ms; step main-thread p95 ${r.steps.mainThreadP95} ms; ${Math.round((Date.now() - t) / 1000)} s`,
        );
      } catch (error) {
        state.errors.push(`desktop browser run ${i + 1}: ${error instanceof Error ? error.message : error}`);
        console.error(`[bench] desktop run ${i + 1} failed:`, error);
      }
      last = Date.now() - t;
    }

    // 2. Phone runs (touch screen: no engine without a touch): until 58 % of the time limit (at least one).
    const phoneEnd = started + 0.58 * limitMs;
    last = 0;
    for (let i = 0; i < (opts.phases.has('phone') ? opts.runs : 0); i++) {
      if (i > 0 && Date.now() + last > phoneEnd) {
        state.skipped.push(`phone runs ${i + 1}–${opts.runs}`);
        break;
      }
      const t = Date.now();
      try {
        const r = await measurePhone({ executablePath, baseUrl: server.url });
        state.phoneRuns.push(r);
        console.error(
          `[bench] phone run ${i + 1}: first view ${r.load.firstViewMs} ms, ${r.load.bytesTotal} B in ${PHONE_SETTLE_MS / 1000} s without a touch, engine requests: ${r.load.engineRequests.length + r.engineRequestsAfterSteps.length}; SVG step main-thread p95 ${r.steps.mainThreadP95} ms; ${Math.round((Date.now() - t) / 1000)} s`,
        );
      } catch (error) {
        state.errors.push(`phone run ${i + 1}: ${error instanceof Error ? error.message : error}`);
        console.error(`[bench] phone run ${i + 1} failed:`, error);
      }
      last = Date.now() - t;
    }

    // 3. Leak check: until 66 % of the time limit.
    if (opts.heapLoops > 0) {
      const t = Date.now();
      try {
        state.heap = await measureHeap({
          executablePath,
          baseUrl: server.url,
          loops: opts.heapLoops,
          viewport: HEAP_VIEWPORT,
          deadline: Math.max(started + 0.66 * limitMs, Date.now() + 20_000),
        });
        if (state.heap.loopsDone < opts.heapLoops)
          state.skipped.push(`heap loops ${state.heap.loopsDone + 1}–${opts.heapLoops}`);
        const s = summarizeHeap(state.heap);
        console.error(
          `[bench] heap: ${s?.afterFirstLoop} → ${s?.afterLastLoop} B over ${state.heap.loopsDone} loops; ${Math.round((Date.now() - t) / 1000)} s`,
        );
      } catch (error) {
        state.errors.push(`heap: ${error instanceof Error ? error.message : error}`);
        console.error('[bench] heap failed:', error);
      }
    }

    // 4. Lighthouse: the rest of the time, mobile and desktop alternating.
    if (opts.lighthouseRuns > 0) {
      const url = `${server.url}/`;
      try {
        state.lighthouseFlags = {
          flags: (await import('./lib/lighthouse.mjs')).LIGHTHOUSE_CHROME_FLAGS,
          check: await checkLighthouseFlags(executablePath, url, live),
        };
      } catch (error) {
        state.errors.push(`Lighthouse flags check: ${error instanceof Error ? error.message : error}`);
      }
      // The first mobile run always happens (its score is a target); any other only if it should end
      // before the limit, judging by the slowest run so far (40 s before the first).
      const lhEnd = started + limitMs;
      let slowestLh = 40_000;
      outer: for (let i = 0; i < opts.lighthouseRuns; i++) {
        for (const preset of ['mobile', 'desktop']) {
          if ((i > 0 || preset !== 'mobile') && Date.now() + slowestLh > lhEnd) {
            state.skipped.push(
              `Lighthouse ${preset === 'mobile' ? '' : 'desktop '}runs ${i + 1}–${opts.lighthouseRuns}`,
            );
            break outer;
          }
          const t = Date.now();
          try {
            const r = await runLighthouse(executablePath, url, preset, live);
            state.lighthouse.push(r);
            console.error(
              `[bench] Lighthouse ${preset} ${i + 1}: performance ${r.performance}, accessibility ${r.accessibility}, TBT ${r.tbtMs} ms; ${Math.round((Date.now() - t) / 1000)} s`,
            );
          } catch (error) {
            state.errors.push(`Lighthouse ${preset} ${i + 1}: ${error instanceof Error ? error.message : error}`);
            console.error(`[bench] Lighthouse ${preset} ${i + 1} failed:`, error);
          }
          slowestLh = i === 0 && preset === 'mobile' ? Date.now() - t : Math.max(slowestLh, Date.now() - t);
        }
      }
    }
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
  const markdown = write();
  console.log(markdown);
  console.error(
    `[bench] wrote ${join(opts.out, 'RESULTS.md')} and RESULTS.json in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

/**
 * The compare phase: builds the anchor into the copy of dist/, serves the scaled dataset from a second
 * server over the same files, then runs rounds of (app, anchor, app on scaled data) until `end`.
 */
async function comparePhase(opts, state, snapshot, server, end, executablePath, keepServer) {
  const t0 = Date.now();
  try {
    await buildAnchor(join(snapshot, ANCHOR_PATH));
    const read = (name) => JSON.parse(readFileSync(join(snapshot, 'data', name), 'utf8'));
    const scaled = scaleDataset(read('dataset.json'), read('details.json'), opts.compareFactor);
    const json = (value) => {
      const text = JSON.stringify(value);
      return (_req, res) => {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(text);
      };
    };
    const scaledServer = await startServer({
      root: snapshot,
      routes: { '/data/dataset.json': json(scaled.first), '/data/details.json': json(scaled.details) },
    });
    keepServer(scaledServer);
    console.error(`[bench] compare: anchor built, ×${opts.compareFactor} data served at ${scaledServer.url}/ (${Math.round((Date.now() - t0) / 1000)} s)`);
    let mapSize = null;
    const targets = {
      app: () => `${server.url}/`,
      anchor: () => `${server.url}${ANCHOR_PATH}${mapSize ? `?w=${mapSize.width}&h=${mapSize.height}` : ''}`,
      scaled: () => `${scaledServer.url}/`,
    };
    let last = 0;
    for (let round = 0; round < opts.compareRuns; round++) {
      if (round > 0 && Date.now() + last > end) {
        state.skipped.push(`compare rounds ${round + 1}–${opts.compareRuns}`);
        break;
      }
      const t = Date.now();
      for (const target of roundOrder(Object.keys(targets), round)) {
        try {
          const r = await measureSteps({ executablePath, url: targets[target](), steps: opts.compareSteps });
          if (target === 'app' && r.mapSize) mapSize = r.mapSize;
          state.compare.push({ round, target, ...r });
          const shown = r.steps.map((x) => (x.eventMs === null ? '<16' : Math.round(x.eventMs))).join(' ');
          console.error(`[bench] compare round ${round + 1} ${target}: keydown → next paint ${shown} ms`);
        } catch (error) {
          state.errors.push(`compare round ${round + 1} ${target}: ${error instanceof Error ? error.message : error}`);
          console.error(`[bench] compare round ${round + 1} ${target} failed:`, error);
        }
      }
      last = Date.now() - t;
    }
  } catch (error) {
    state.errors.push(`compare: ${error instanceof Error ? error.message : error}`);
    console.error('[bench] compare failed:', error);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[bench]', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
