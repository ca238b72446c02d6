// Runs in the page before any of the app's scripts (context.addInitScript): records long tasks,
// paints, the map container's data-map-state changes, WebGL draw calls per frame (load phase only),
// year-step marks and rAF frames, all on the page's performance.now() clock (ms since navigation).
// It must stay self-contained: Playwright serialises the function's source into the page.

export function instrumentPage() {
  const b = {
    longtasks: [],
    fcp: null,
    lcp: null,
    mapCreated: null,
    firstIdle: null,
    countDraws: true,
    draws: 0,
    lastDraw: 0,
    drawFrames: [],
    step: null,
    rec: null,
  };
  Object.defineProperty(window, '__bench', { value: b, enumerable: false });

  const observe = (type, cb) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(cb)).observe({ type, buffered: true });
    } catch {
      // Entry type unsupported in this browser: the metric stays null.
    }
  };
  observe('longtask', (e) => b.longtasks.push([e.startTime, e.duration]));
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  });
  observe('largest-contentful-paint', (e) => {
    b.lcp = e.startTime;
  });

  // WebGL draw calls, grouped per animation frame: finds the first frame that drew the map.
  for (const ctor of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!ctor) continue;
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const original = ctor.prototype[name];
      if (typeof original !== 'function') continue;
      ctor.prototype[name] = function (...args) {
        if (b.countDraws) {
          b.draws++;
          b.lastDraw = performance.now();
        }
        return original.apply(this, args);
      };
    }
  }
  const drawLoop = () => {
    if (b.draws) {
      b.drawFrames.push([b.lastDraw, b.draws]);
      b.draws = 0;
    }
    if (b.countDraws) requestAnimationFrame(drawLoop);
  };
  requestAnimationFrame(drawLoop);

  // data-map-state: loading → idle when a frame has settled, 'rendering' while drawing.
  new MutationObserver((records) => {
    const now = performance.now();
    const el = records[records.length - 1].target;
    const current = el.getAttribute('data-map-state');
    if (b.mapCreated === null) b.mapCreated = now; // the adapter writes 'loading' when it builds the map
    if (current === 'idle' && b.firstIdle === null) b.firstIdle = now;
    const s = b.step;
    if (s && s.t0 !== null && s.idle === null) {
      // Records batch up (idle → rendering → idle may arrive together): look at the old values too.
      if (records.some((r) => r.oldValue !== 'idle') || current !== 'idle') s.left = true;
      if (s.left && current === 'idle') {
        s.idle = now;
        console.timeStamp(`bench-idle-${s.id}`);
      }
    }
  }).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-map-state'],
    attributeOldValue: true,
  });

  // Year steps: the key's own timestamp, when our first listener runs, and when the synchronous
  // work of the event (React + store subscribers + map adapter calls) has finished.
  addEventListener(
    'keydown',
    (e) => {
      const s = b.step;
      if (!s || s.t0 !== null) return;
      s.t0 = e.timeStamp;
      s.h0 = performance.now();
      console.timeStamp(`bench-key-${s.id}`);
    },
    true,
  );
  addEventListener('keydown', () => {
    const s = b.step;
    if (s && s.h1 === null) queueMicrotask(() => (s.h1 = performance.now()));
  });

  b.armStep = (id) => {
    b.step = { id, t0: null, h0: null, h1: null, left: false, idle: null };
  };
  b.startFrames = () => {
    const rec = { on: true, frames: [], start: performance.now(), end: null };
    b.rec = rec;
    const loop = (t) => {
      if (!rec.on) return;
      rec.frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  b.stopFrames = () => {
    if (b.rec) {
      b.rec.on = false;
      b.rec.end = performance.now();
    }
    return b.rec;
  };
}
