// Turns the raw runs into a summary, checks it against the issue's targets and writes markdown.
import { EVENT_TIMING_FLOOR_MS } from './compare.mjs';
import { quantile, round, sum, summarize } from './stats.mjs';

export const TARGETS = {
  lighthouseMobilePerformance: 90,
  lighthouseMobileAccessibility: 100,
  firstVisibleMapMs: 1000,
  stepMainThreadP95Ms: 16,
  firstViewBytes: 250_000,
  /** Heap growth counted as noise: the larger of these. */
  heapNoiseBytes: 1_000_000,
  heapNoiseFraction: 0.05,
  /** Issue 13: the app's year step (Event Timing, median) at most this many times the anchor's… */
  stepVsAnchor: 1.5,
  /** …and at most this many times with the scaled dataset. */
  scaledStepVsAnchor: 2,
};

/** The compare phase's targets, in the order the report lists them. */
export const COMPARE_TARGETS = ['app', 'anchor', 'scaled'];

/**
 * The compare phase: per target, the keydown → next paint durations of every step of every round
 * (an event under Event Timing's 16 ms floor counts as 16 ms), and the ratios the issue asks for.
 */
export function summarizeCompare(rounds, factor) {
  if (!rounds.length) return null;
  const of = (target) => {
    const steps = rounds.filter((r) => r.target === target).flatMap((r) => r.steps);
    if (!steps.length) return null;
    return {
      rounds: rounds.filter((r) => r.target === target).length,
      event: summarize(steps.map((x) => x.eventMs ?? EVENT_TIMING_FLOOR_MS)),
      belowFloor: steps.filter((x) => x.belowFloor).length,
      settled: summarize(steps.map((x) => x.settledMs)),
      webgl: steps.every((x) => x.map === 'webgl'),
    };
  };
  const targets = Object.fromEntries(COMPARE_TARGETS.map((t) => [t, of(t)]));
  const ratio = (a, b) => (a && b && b.event.median > 0 ? round(a.event.median / b.event.median, 2) : null);
  return {
    factor,
    ...targets,
    appVsAnchor: ratio(targets.app, targets.anchor),
    scaledVsAnchor: ratio(targets.scaled, targets.anchor),
    scaledVsApp: ratio(targets.scaled, targets.app),
    mapSize: rounds.find((r) => r.target === 'app' && r.mapSize)?.mapSize ?? null,
  };
}

const kB = (bytes) => (bytes === null || bytes === undefined ? '–' : `${(bytes / 1000).toFixed(1)} kB`);
const ms = (v) => (v === null || v === undefined ? '–' : `${Math.round(v)} ms`);
const sec = (v) => (v === null || v === undefined ? '–' : `${(v / 1000).toFixed(2)} s`);
const num = (v, d = 0) => (v === null || v === undefined ? '–' : String(round(v, d)));
const mb = (bytes) => (bytes === null || bytes === undefined ? '–' : `${(bytes / 1e6).toFixed(2)} MB`);

function perRun(runs, get) {
  return summarize(
    runs.map((r) => {
      try {
        return get(r);
      } catch {
        return null;
      }
    }),
  );
}

const stepQ = (key, q) => (r) =>
  quantile(
    r.steps.steps.map((s) => s[key]),
    q,
  );

/** Desktop runs: load until the WebGL map took over, year steps and autoplay on the WebGL map. */
/** Per-run figures of the load (`r.load[key]`), median/min/max over the runs that loaded. */
function loadFigures(ok, keys) {
  return Object.fromEntries(keys.map((key) => [key, perRun(ok, (r) => r.load[key])]));
}

/** Count and total duration of the long tasks the load recorded under `field`. */
const longTaskFigures = (ok, field) => ({
  [field]: perRun(ok, (r) => r.load[field].count),
  [`${field}Ms`]: perRun(ok, (r) => r.load[field].totalMs),
});

/** Year-step quantiles (within each run, then median/min/max over runs), by figure name. */
const STEP_FIGURES = {
  stepLatencyP50: ['latencyMs', 0.5],
  stepLatencyP95: ['latencyMs', 0.95],
  stepKeyTaskP50: ['keyTaskMs', 0.5],
  stepKeyTaskP95: ['keyTaskMs', 0.95],
  stepHandlerP50: ['handlerMs', 0.5],
  stepHandlerP95: ['handlerMs', 0.95],
  stepMainThreadP50: ['mainThreadMs', 0.5],
  stepMainThreadP95: ['mainThreadMs', 0.95],
  stepLongestTaskP95: ['longestTaskMs', 0.95],
  stepGpuMainP50: ['gpuMainMs', 0.5],
};

function stepFigures(withSteps, names) {
  return Object.fromEntries(
    names.map((name) => {
      const [key, q] = STEP_FIGURES[name];
      return [name, perRun(withSteps, stepQ(key, q))];
    }),
  );
}

const SHARED_LOAD = ['fcpMs', 'firstViewMs', 'firstViewFrameMs', 'interactiveMs', 'bytesBeforeMap', 'bytesTotal'];

export function summarizeBrowser(runs) {
  const ok = runs.filter((r) => r.load);
  const withSteps = runs.filter((r) => r.steps);
  const withPlay = runs.filter((r) => r.autoplay);
  return {
    runs: runs.length,
    ...loadFigures(ok, [
      ...SHARED_LOAD,
      'lcpMs',
      'mapCreatedMs',
      'firstMapFrameMs',
      'takeoverMs',
      'bytesBeforeTakeover',
    ]),
    ...longTaskFigures(ok, 'loadLongTasks'),
    ...longTaskFigures(ok, 'takeoverLongTasks'),
    ...stepFigures(withSteps, Object.keys(STEP_FIGURES)),
    playDurationMs: perRun(withPlay, (r) => r.autoplay.durationMs),
    playFrames: perRun(withPlay, (r) => r.autoplay.frames),
    playDroppedFrames: perRun(withPlay, (r) => r.autoplay.droppedFrames),
    playWorstFrameMs: perRun(withPlay, (r) => r.autoplay.worstFrameMs),
    playLongTasks: perRun(withPlay, (r) => r.autoplay.longTasks),
    playLongTasksMs: perRun(withPlay, (r) => r.autoplay.longTasksMs),
  };
}

/** Phone runs: load without a touch (the SVG map only), year steps by keyboard on the SVG map. */
export function summarizePhone(runs) {
  const ok = runs.filter((r) => r.load);
  if (!ok.length) return null;
  const withSteps = runs.filter((r) => r.steps);
  return {
    runs: runs.length,
    settleS: ok[0].settleMs / 1000,
    coarsePointer: ok.every((r) => r.load.coarsePointer === true),
    engineRequested: ok.some((r) => r.load.engineRequests.length > 0),
    engineRequestedAfterSteps: withSteps.some(
      (r) => (r.engineRequestsAfterSteps?.length ?? 0) > 0 || r.webglAfterSteps === true,
    ),
    engineRequests: [...new Set(ok.flatMap((r) => [...r.load.engineRequests, ...(r.engineRequestsAfterSteps ?? [])]))],
    sliderVisible: withSteps.every((r) => r.sliderVisible === true),
    sliderFocused: withSteps.every((r) => r.sliderFocused === true),
    svgUnchangedSteps: sum(withSteps.map((r) => r.steps.svgUnchanged)),
    steps: sum(withSteps.map((r) => r.steps.steps.length)),
    ...loadFigures(ok, SHARED_LOAD),
    ...longTaskFigures(ok, 'loadLongTasks'),
    ...stepFigures(
      withSteps,
      Object.keys(STEP_FIGURES).filter((name) => !name.startsWith('stepHandler')),
    ),
  };
}

export function summarizeLighthouse(results) {
  const out = {};
  for (const preset of ['mobile', 'desktop']) {
    const rs = results.filter((r) => r.preset === preset);
    if (!rs.length) continue;
    out[preset] = { runs: rs.length };
    for (const key of [
      'performance',
      'accessibility',
      'fcpMs',
      'lcpMs',
      'tbtMs',
      'cls',
      'siMs',
      'totalBytes',
      'mainThreadWorkMs',
      'bootupMs',
    ])
      out[preset][key] = summarize(rs.map((r) => r[key]));
    out[preset].failedA11yAudits = [...new Set(rs.flatMap((r) => r.failedA11yAudits ?? []))];
    out[preset].lcpElement = rs[0].lcpElement;
    out[preset].engineFetched = rs.map((r) => r.engineFetched ?? null);
    out[preset].layoutShifts = rs[0].layoutShifts ?? [];
  }
  return out;
}

export function summarizeHeap(heap) {
  if (!heap?.samples?.length) return null;
  const first = heap.samples[0];
  const last = heap.samples.at(-1);
  const growth = last.usedBytes - first.usedBytes;
  const noise = Math.max(TARGETS.heapNoiseBytes, TARGETS.heapNoiseFraction * first.usedBytes);
  // A leak keeps growing; a cache filling up flattens out: compare the per-loop growth of both halves.
  const mid = heap.samples[Math.floor((heap.samples.length - 1) / 2)];
  const perLoop = (a, b) => (b.loop > a.loop ? Math.round((b.usedBytes - a.usedBytes) / (b.loop - a.loop)) : null);
  return {
    growthPerLoopFirstHalf: perLoop(first, mid),
    growthPerLoopSecondHalf: perLoop(mid, last),
    loopsDone: heap.loopsDone,
    loopsAsked: heap.loopsAsked,
    afterFirstLoop: first.usedBytes,
    afterLastLoop: last.usedBytes,
    growthBytes: growth,
    growthFraction: round(growth / first.usedBytes, 4),
    noiseBytes: noise,
    nodesFirst: first.nodes,
    nodesLast: last.nodes,
    listenersFirst: first.listeners,
    listenersLast: last.listeners,
  };
}

function over(value, limit, fmt) {
  const d = value - limit;
  return d <= 0 ? `${fmt(-d)} under` : `${fmt(d)} over (×${(value / limit).toFixed(1)})`;
}

export function checkTargets({ compare, browser, phone, lighthouse, heap }) {
  const t = TARGETS;
  const rows = [];
  const add = (label, target, value, shown, pass, margin) =>
    rows.push({ label, target, value, shown, pass: value === null || value === undefined ? null : pass, margin });
  const times = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(2)}×`);
  const vsAnchor = (label, value, limitValue, detail) =>
    add(
      label,
      `≤ ${limitValue}× the anchor`,
      value,
      value === null || value === undefined ? '–' : `${times(value)} (${detail})`,
      value <= limitValue,
      value === null || value === undefined ? 'not measured' : value <= limitValue ? 'met' : `${times(value / limitValue)} the target`,
    );
  if (compare) {
    const med = (x) => ms(x?.event.median);
    vsAnchor(
      'Year step, keydown → next paint (Event Timing, median), app vs bare-maplibre anchor',
      compare.appVsAnchor,
      t.stepVsAnchor,
      `${med(compare.app)} vs ${med(compare.anchor)}`,
    );
    vsAnchor(
      `Year step, keydown → next paint, app on ${compare.factor}× the data vs the anchor`,
      compare.scaledVsAnchor,
      t.scaledStepVsAnchor,
      `${med(compare.scaled)} vs ${med(compare.anchor)}`,
    );
  }
  const perf = lighthouse.mobile?.performance.median;
  add(
    'Lighthouse mobile performance',
    `≥ ${t.lighthouseMobilePerformance}`,
    perf,
    num(perf),
    perf >= t.lighthouseMobilePerformance,
    perf === undefined || perf === null
      ? ''
      : perf >= t.lighthouseMobilePerformance
        ? `${perf - t.lighthouseMobilePerformance} above`
        : `${t.lighthouseMobilePerformance - perf} points short`,
  );
  const a11y = lighthouse.mobile?.accessibility.median;
  add(
    'Lighthouse mobile accessibility',
    `${t.lighthouseMobileAccessibility}`,
    a11y,
    num(a11y),
    a11y >= t.lighthouseMobileAccessibility,
    a11y === undefined || a11y === null
      ? ''
      : a11y >= 100
        ? ''
        : `${100 - a11y} points short${lighthouse.mobile.failedA11yAudits.length ? `: ${lighthouse.mobile.failedA11yAudits.join(', ')}` : ''}`,
  );
  const limit = (label, value, limitValue, fmt, note = '') =>
    add(
      label,
      `≤ ${fmt(limitValue)}`,
      value,
      fmt(value),
      value <= limitValue,
      (value === null || value === undefined ? 'not measured' : over(value, limitValue, fmt)) + note,
    );
  limit('First visible map, desktop (the SVG map shown idle)', browser?.firstViewMs.median, t.firstVisibleMapMs, sec);
  limit(
    'Year step, main-thread work p95, on the WebGL map (desktop, after the take-over)',
    browser?.stepMainThreadP95.median,
    t.stepMainThreadP95Ms,
    ms,
  );
  limit(
    'Year step, main-thread work p95, on the SVG map (phone, before any touch)',
    phone?.stepMainThreadP95.median,
    t.stepMainThreadP95Ms,
    ms,
  );
  limit(
    'First-view transfer (gzip), desktop, before the first view',
    browser?.bytesBeforeMap.median,
    t.firstViewBytes,
    kB,
  );
  limit(
    `First-view transfer (gzip), phone, in total after ${phone?.settleS ?? 5} s without a touch`,
    phone?.bytesTotal.median,
    t.firstViewBytes,
    kB,
    !phone
      ? ''
      : phone.engineRequested || phone.engineRequestedAfterSteps
        ? `; **the engine was requested** (${phone.engineRequests.join(', ')})`
        : '; no request for the WebGL engine',
  );
  if (heap) {
    const pass = heap.growthBytes <= heap.noiseBytes;
    add(
      `Heap growth, ${heap.loopsDone} loops vs 1`,
      `≤ noise (${mb(heap.noiseBytes)})`,
      heap.growthBytes,
      `${heap.growthBytes >= 0 ? '+' : ''}${mb(heap.growthBytes)} (${(heap.growthFraction * 100).toFixed(1)} %)`,
      pass,
      '',
    );
  } else add('Heap growth across loops', 'within noise', null, '–', null, 'not measured');
  return rows;
}

const mark = (pass) => (pass === true ? '✓' : pass === false ? '✗' : '–');

function row(label, s, fmt) {
  return `| ${label} | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} |`;
}

export function toMarkdown(r) {
  const m = r.machine;
  const b = r.summary.browser;
  const L = [];
  L.push('# Benchmark results', '');
  L.push(
    `Written by \`${r.command}\` (\`npm run bench\` builds, then runs it) on ${r.date}. Raw figures: [RESULTS.json](RESULTS.json).`,
    '',
  );
  L.push(`- **Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}`);
  L.push(`- **Software:** node ${m.node}; ${m.chromium} (headless, WebGL2 on SwiftShader: software rendering, no GPU)`);
  L.push(
    `- **Build:** commit ${m.commit ?? '?'}${m.workingTreeChanged ? ' + uncommitted changes' : ''}; \`dist/\` served gzip-compressed by scripts/serve.mjs on 127.0.0.1`,
  );
  L.push(
    `- **Load average** (1/5/15 min) at start ${m.loadAverageAtStart.join(' / ')}, at end ${r.loadAverageAtEnd.join(' / ')} on ${m.cores} cores${m.loadAverageAtStart[0] > m.cores * 0.75 ? ' — **the machine was busy: timings are noisy and pessimistic; byte counts are not affected**' : ''}`,
  );
  L.push(
    `- **Runs:** ${r.summary.compare ? `compare ${r.summary.compare.app?.rounds ?? 0} round(s) of ${r.settings.compareRuns} asked` : 'no compare rounds'}; ${b ? `${b.runs} desktop browser run(s) of ${r.settings.runs} asked` : 'no desktop browser runs'}; ${r.summary.phone ? `${r.summary.phone.runs} phone run(s) of ${r.settings.runs} asked` : 'no phone runs'}; Lighthouse ${['mobile', 'desktop'].map((p) => `${r.summary.lighthouse[p]?.runs ?? 0} ${p}`).join(' + ')} of ${r.settings.lighthouseRuns} each asked; heap ${r.summary.heap ? `${r.summary.heap.loopsDone} of ${r.summary.heap.loopsAsked} loops` : 'not measured'}; took ${Math.round(r.elapsedMs / 1000)} s${r.skipped.length ? `; cut for the time limit (${r.settings.timeLimitS} s): ${r.skipped.join(', ')}` : ''}`,
  );
  if (r.notes.length) for (const n of r.notes) L.push(`- ${n}`);
  L.push('', '## Targets (issues 7 and 13)', '', '| | target | measured (median) | margin |', '| --- | --- | --- | --- |');
  for (const t of r.targets) L.push(`| ${mark(t.pass)} ${t.label} | ${t.target} | ${t.shown} | ${t.margin} |`);

  const c = r.summary.compare;
  if (c) {
    const size = c.mapSize ? `, the map ${c.mapSize.width}×${c.mapSize.height} px in both` : '';
    L.push(
      '',
      `## Year step beside the anchor (desktop ${r.settings.viewport.width}×${r.settings.viewport.height}${size}; fresh browser per page)`,
      '',
      `The anchor is bare MapLibre with the same boundaries whose year step only sets feature-state: the idiom’s floor. ` +
        `App/anchor: **${c.appVsAnchor === null ? '–' : `${c.appVsAnchor.toFixed(2)}×`}**; ` +
        `on ${c.factor}× the data the app's step is ${c.scaledVsApp === null ? '–' : `${c.scaledVsApp.toFixed(2)}×`} its step on the real data ` +
        `(${c.scaledVsAnchor === null ? '–' : `${c.scaledVsAnchor.toFixed(2)}×`} the anchor).`,
      '',
      '| page | rounds | steps | keydown → next paint (Event Timing), median | min | max | under 16 ms (counted as 16) | key → settled frame (map idle), median |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    const names = { app: 'the app', anchor: 'anchor: bare MapLibre, feature-state only', scaled: `the app on ${c.factor}× the data` };
    for (const name of COMPARE_TARGETS) {
      const x = c[name];
      if (!x) {
        L.push(`| ${names[name]} | 0 | 0 | – | – | – | – | – |`);
        continue;
      }
      L.push(
        `| ${names[name]}${x.webgl ? '' : ' (**not all steps on a WebGL map**)'} | ${x.rounds} | ${x.event.n} | ${ms(x.event.median)} | ${ms(x.event.min)} | ${ms(x.event.max)} | ${x.belowFloor} | ${ms(x.settled.median)} |`,
      );
    }
  }

  if (b) {
    L.push(
      '',
      `## In the browser: desktop ${r.settings.viewport.width}×${r.settings.viewport.height}, no throttling, fresh browser per run (WebGL on SwiftShader)`,
      '',
    );
    L.push('| metric | median | min | max |', '| --- | --- | --- | --- |');
    L.push(row('bytes before the first view (gzip, on the wire)', b.bytesBeforeMap, kB));
    L.push(row('bytes before the WebGL map took over (gzip)', b.bytesBeforeTakeover, kB));
    L.push(row('bytes in total after load (gzip)', b.bytesTotal, kB));
    L.push(row('first contentful paint', b.fcpMs, ms));
    L.push(row('**first visible map** (the SVG map in the document, `data-map-state=idle`)', b.firstViewMs, ms));
    L.push(row('first view: the main thread finished the frame after it (rAF, then a task)', b.firstViewFrameMs, ms));
    L.push(row('interactive (first view, then the last long task before 1 s without any)', b.interactiveMs, ms));
    L.push(row('long tasks until interactive: count', b.loadLongTasks, num));
    L.push(row('long tasks until interactive: total', b.loadLongTasksMs, ms));
    L.push(row('maplibre map constructed (its chunk fetched after the first view, parsed)', b.mapCreatedMs, ms));
    L.push(
      row(
        'first WebGL frame drawing the map (≥ 90 % of the WebGL draws of the frame at the take-over)',
        b.firstMapFrameMs,
        ms,
      ),
    );
    L.push(row('**WebGL map took over** (first idle frame; the SVG map removed)', b.takeoverMs, ms));
    L.push(row('long tasks from the first view to the take-over: count', b.takeoverLongTasks, num));
    L.push(row('long tasks from the first view to the take-over: total', b.takeoverLongTasksMs, ms));
    L.push(row('year step on the WebGL map, key → settled frame (idle), p50', b.stepLatencyP50, ms));
    L.push(row('year step on the WebGL map, key → settled frame (idle), p95', b.stepLatencyP95, ms));
    L.push(row('year step, main-thread work (trace), p50', b.stepMainThreadP50, (v) => ms(v)));
    L.push(row('**year step, main-thread work (trace), p95**', b.stepMainThreadP95, (v) => ms(v)));
    L.push(row('year step, longest main-thread task, p95', b.stepLongestTaskP95, ms));
    L.push(row('year step, the key press task alone (trace), p50', b.stepKeyTaskP50, ms));
    L.push(row('year step, the key press task alone (trace), p95', b.stepKeyTaskP95, ms));
    L.push(row('year step, GPU process main thread busy (SwiftShader), p50', b.stepGpuMainP50, ms));
    L.push(
      row(
        `autoplay ${r.settings.playFrom}→${r.settings.playTo} at ${r.settings.speed}×: duration`,
        b.playDurationMs,
        ms,
      ),
    );
    L.push(row('autoplay: rAF frames', b.playFrames, num));
    L.push(row('autoplay: dropped frames (rAF gap > 20 ms)', b.playDroppedFrames, num));
    L.push(row('autoplay: worst rAF gap', b.playWorstFrameMs, ms));
    L.push(row('autoplay: long tasks, count', b.playLongTasks, num));
    L.push(row('autoplay: long tasks, total', b.playLongTasksMs, ms));
  }
  const p = r.summary.phone;
  if (p) {
    const v = r.settings.phone;
    L.push(
      '',
      `## In the browser: phone ${v.viewport.width}×${v.viewport.height}, DPR ${v.deviceScaleFactor}, touch, no throttling, fresh browser per run`,
      '',
    );
    L.push(
      `\`(pointer: coarse)\` matched in the page: ${p.coarsePointer ? 'yes' : '**no**'}. ` +
        `Engine (\`loadMaplibre\`, \`maplibre-gl-worker\`) requested: ${p.engineRequested ? `**yes** (${p.engineRequests.join(', ')})` : 'no'} ` +
        `after ${p.settleS} s without a touch; ${p.engineRequestedAfterSteps ? '**yes**' : 'no'} after the year steps. ` +
        `Slider ${p.sliderVisible ? 'visible' : 'not visible (keys pressed on it after focus())'}${p.sliderFocused ? '' : ', **not focused**'}; ` +
        `${p.steps - p.svgUnchangedSteps} of ${p.steps} steps changed the SVG map before their frame.`,
      '',
    );
    L.push('| metric | median | min | max |', '| --- | --- | --- | --- |');
    L.push(row('bytes before the first view (gzip, on the wire)', p.bytesBeforeMap, kB));
    L.push(row(`**bytes in total after ${p.settleS} s without a touch** (gzip)`, p.bytesTotal, kB));
    L.push(row('first contentful paint', p.fcpMs, ms));
    L.push(row('**first visible map** (the SVG map in the document, `data-map-state=idle`)', p.firstViewMs, ms));
    L.push(row('first view: the main thread finished the frame after it', p.firstViewFrameMs, ms));
    L.push(row('interactive (first view, then the last long task before 1 s without any)', p.interactiveMs, ms));
    L.push(row('long tasks until interactive: count', p.loadLongTasks, num));
    L.push(row('long tasks until interactive: total', p.loadLongTasksMs, ms));
    L.push(row('year step on the SVG map, key → frame showing it, p50', p.stepLatencyP50, ms));
    L.push(row('year step on the SVG map, key → frame showing it, p95', p.stepLatencyP95, ms));
    L.push(row('year step on the SVG map, main-thread work (trace), p50', p.stepMainThreadP50, ms));
    L.push(row('**year step on the SVG map, main-thread work (trace), p95**', p.stepMainThreadP95, ms));
    L.push(row('year step on the SVG map, longest main-thread task, p95', p.stepLongestTaskP95, ms));
    L.push(row('year step on the SVG map, the key press task alone (trace), p50', p.stepKeyTaskP50, ms));
    L.push(row('year step on the SVG map, the key press task alone (trace), p95', p.stepKeyTaskP95, ms));
    L.push(row('year step on the SVG map, GPU process main thread busy (SwiftShader), p50', p.stepGpuMainP50, ms));
  }
  const h = r.summary.heap;
  if (h) {
    L.push('', `## JS heap (leak check, ${r.heap.viewport.width}×${r.heap.viewport.height})`, '');
    L.push(
      '| after loop | JS heap used (after full GC) | DOM nodes | JS event listeners |',
      '| --- | --- | --- | --- |',
    );
    const samples = r.heap.samples;
    for (const s of samples.filter((s, i) => i < 2 || i === samples.length - 1 || s.loop % 5 === 0))
      L.push(`| ${s.loop} | ${mb(s.usedBytes)} | ${s.nodes ?? '–'} | ${s.listeners ?? '–'} |`);
    const kbPerLoop = (v) => (v === null ? '–' : `${(v / 1000).toFixed(0)} kB`);
    L.push(
      '',
      `Growth from loop 1 to loop ${h.loopsDone}: ${mb(h.growthBytes)} (${(h.growthFraction * 100).toFixed(1)} %); counted as noise up to ${mb(h.noiseBytes)}. ` +
        `Per loop: ${kbPerLoop(h.growthPerLoopFirstHalf)} in the first half, ${kbPerLoop(h.growthPerLoopSecondHalf)} in the second (a leak keeps its pace; a filling cache slows down).`,
    );
  }
  const lh = r.summary.lighthouse;
  if (lh.mobile || lh.desktop) {
    L.push('', '## Lighthouse 12 (median, min–max)', '');
    L.push(
      '| preset | runs | performance | accessibility | FCP | LCP | TBT | CLS | Speed Index | bytes | main-thread work |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    const mm = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
    for (const p of ['mobile', 'desktop']) {
      const x = lh[p];
      if (!x) continue;
      L.push(
        `| ${p} | ${x.runs} | ${mm(x.performance, num)} | ${mm(x.accessibility, num)} | ${mm(x.fcpMs, ms)} | ${mm(x.lcpMs, ms)} | ${mm(x.tbtMs, ms)} | ${mm(x.cls, (v) => num(v, 3))} | ${mm(x.siMs, ms)} | ${kB(x.totalBytes.median)} | ${ms(x.mainThreadWorkMs.median)} |`,
      );
    }
    const fetched = ['mobile', 'desktop']
      .filter((p) => lh[p]?.engineFetched?.some((v) => v !== null))
      .map((p) => `${p} ${lh[p].engineFetched.map((v) => (v === null ? '?' : v ? 'yes' : 'no')).join('/')}`);
    if (fetched.length)
      L.push('', `WebGL engine (\`loadMaplibre\`, worker) fetched during the run: ${fetched.join('; ')}.`);
    for (const p of ['mobile', 'desktop']) {
      const x = lh[p];
      if (x?.lcpElement) L.push('', `LCP element (${p}): ${x.lcpElement.replace(/[`|\n]/g, ' ')}`);
      if (x?.layoutShifts?.length)
        L.push('', `Largest layout shifts (${p}): ${x.layoutShifts.join('; ').replace(/[`|\n]/g, ' ')}`);
    }
    if (r.lighthouseFlags)
      L.push(
        '',
        `Chromium flags for Lighthouse (chrome-launcher adds its defaults): \`${r.lighthouseFlags.flags.join(' ')}\`. Check with these flags: WebGL2 renderer ${r.lighthouseFlags.check?.webgl2Renderer ?? '?'}; first view (SVG map idle): ${r.lighthouseFlags.check?.mapIdle ? 'yes' : 'no'}; the WebGL map took over: ${r.lighthouseFlags.check?.takeover ? 'yes' : 'no'}.`,
      );
  }
  const median = r.medianRun;
  if (median?.load?.files) {
    const ld = median.load;
    L.push(
      '',
      `## What the first view loads (desktop, the median run by first visible map, ${ms(ld.firstViewMs)}; the WebGL map took over at ${ms(ld.takeoverMs)})`,
      '',
    );
    L.push(
      '| file | bytes on the wire | finished at | before the first view | before the take-over |',
      '| --- | --- | --- | --- | --- |',
    );
    const yes = (v) => (v === null || v === undefined ? '–' : v ? 'yes' : 'no');
    for (const f of ld.files)
      L.push(
        `| \`${f.path}\` | ${kB(f.bytes)}${f.source === 'resource-timing' ? ' ¹' : ''} | ${ms(f.finishedMs)} | ${yes(f.beforeFirstView)} | ${yes(f.beforeTakeover)} |`,
      );
    if (ld.files.some((f) => f.source === 'resource-timing'))
      L.push(
        '',
        '¹ a worker script, fetched outside the page’s CDP session: size from Resource Timing `transferSize` (body + 300 B).',
      );
  }
  L.push('', '## How it is measured', '');
  L.push(...r.method.map((line) => `- ${line}`));
  if (r.errors.length) L.push('', '## Errors', '', ...r.errors.map((e) => `- ${e}`));
  return L.join('\n') + '\n';
}
