// Main-thread work per year step from a Chromium trace: the sum of the renderer main thread's
// top-level tasks between the step's key mark and its idle mark (console.timeStamp, see instrument.mjs).

const TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

function threads(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args?.name);
  return names;
}

/** Top-level tasks of one thread, sorted, nested ones dropped. */
function topLevelTasks(events, key) {
  const tasks = events
    .filter((e) => e.ph === 'X' && TASK.has(e.name) && `${e.pid}/${e.tid}` === key && e.dur > 0)
    .sort((a, b) => a.ts - b.ts);
  const top = [];
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts < end) continue;
    top.push(t);
    end = t.ts + t.dur;
  }
  return top;
}

function busyBetween(tasks, from, to) {
  const inside = tasks.filter((t) => t.ts + t.dur > from && t.ts < to);
  return {
    ms: inside.reduce((a, t) => a + t.dur, 0) / 1000,
    longest: inside.reduce((a, t) => Math.max(a, t.dur), 0) / 1000,
  };
}

/**
 * @param {Buffer|string} trace Chromium trace JSON
 * @param {string[]} ids step ids marked `bench-key-<id>` / `bench-idle-<id>`
 * @returns {Record<string, { mainThreadMs: number, longestTaskMs: number, keyTaskMs: number | null, gpuMainMs: number | null }>}
 *   keyTaskMs: the whole task that dispatched the key event (React's render and our store subscribers included).
 */
export function mainThreadBusy(trace, ids) {
  const parsed = JSON.parse(String(trace));
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const names = threads(events);
  const marks = new Map();
  let mainKey = null;
  for (const e of events) {
    const message = e.name === 'TimeStamp' ? e.args?.data?.message : undefined;
    if (typeof message === 'string' && message.startsWith('bench-')) {
      marks.set(message, e.ts);
      mainKey = `${e.pid}/${e.tid}`;
    }
  }
  if (!mainKey) return {};
  const main = topLevelTasks(events, mainKey);
  const gpuKey = [...names].find(([, name]) => name === 'CrGpuMain')?.[0];
  const gpu = gpuKey ? topLevelTasks(events, gpuKey) : null;
  const out = {};
  for (const id of ids) {
    const from = marks.get(`bench-key-${id}`);
    const to = marks.get(`bench-idle-${id}`);
    if (from === undefined || to === undefined) continue;
    const m = busyBetween(main, from, to);
    const keyTask = main.find((t) => t.ts <= from && from <= t.ts + t.dur);
    out[id] = {
      mainThreadMs: m.ms,
      longestTaskMs: m.longest,
      keyTaskMs: keyTask ? keyTask.dur / 1000 : null,
      gpuMainMs: gpu ? busyBetween(gpu, from, to).ms : null,
    };
  }
  return out;
}
