// Runs in the page before any of the app's scripts (context.addInitScript): records long tasks,
// paints, the first view (SVG map), the WebGL map's construction and take-over, WebGL draw calls per
// frame (load phase only), year-step marks and rAF frames, all on the page's performance.now() clock
// (ms since navigation). It must stay self-contained: Playwright serialises the function's source
// into the page.
//
// The map area shows one `[data-testid="map"]`: first the SVG map (`data-renderer="svg"`, inserted
// with `data-map-state="idle"` already set), then, where MapLibre is fetched, the WebGL container
// (`data-renderer="webgl"`, built underneath as `data-testid="map-pending"`), which becomes the map at
// its first idle frame while the SVG map is removed.

export function instrumentPage() {
  const SHOWN = '[data-testid="map"]';
  const FIRST_VIEW = '[data-testid="map"][data-map-state="idle"]';
  const TAKEOVER = '[data-testid="map"][data-renderer="webgl"][data-map-state="idle"]';
  const b = {
    longtasks: [],
    fcp: null,
    lcp: null,
    coarsePointer: matchMedia('(pointer: coarse)').matches,
    /** A map the reader sees is in the document (DOM insertion or attribute write, microtask time). */
    firstView: null,
    /** The end of the frame that first showed it (rAF after firstView, then a macrotask). */
    firstViewFrame: null,
    /** MapLibre's Map was constructed: the adapter's first data-map-state write on the WebGL container. */
    mapCreated: null,
    /** The WebGL container's first 'idle' (its first settled frame, still underneath the SVG map). */
    webglIdle: null,
    /** The WebGL map is the shown map and idle: it took over. */
    takeover: null,
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
  // Event Timing of key presses: [startTime (= the event's timeStamp), duration (to the next paint
  // after the handlers, 8 ms granularity)]. Only events of 16 ms or more are reported (the API's floor).
  b.keyEvents = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') b.keyEvents.push([e.startTime, e.duration]);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    // No Event Timing: the compare phase reports the steps as unmeasured.
  }

  /** Calls `fn(now)` in a macrotask after the next animation frame: that frame's rendering is done. */
  const afterNextFrame = (fn) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        fn(performance.now());
      };
      channel.port2.postMessage(0);
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

  const isWebgl = (node) => node.nodeType === 1 && node.getAttribute('data-renderer') === 'webgl';

  // The map's elements: insertions (the SVG map arrives with data-map-state="idle" already set, so it
  // is a childList record, not an attribute change), data-testid (map-pending → map at the take-over)
  // and data-map-state on the WebGL container: loading → idle, 'rendering' while drawing.
  new MutationObserver((records) => {
    const now = performance.now();
    let webglTouched = false;
    for (const r of records) {
      if (r.type !== 'attributes' || !isWebgl(r.target)) continue;
      webglTouched = true;
      if (r.attributeName !== 'data-map-state') continue;
      if (b.mapCreated === null) b.mapCreated = now; // the adapter writes 'loading' when it builds the map
    }
    if (
      webglTouched &&
      b.webglIdle === null &&
      document.querySelector('[data-renderer="webgl"][data-map-state="idle"]')
    )
      b.webglIdle = now;
    if (b.firstView === null && document.querySelector(FIRST_VIEW)) {
      b.firstView = now;
      afterNextFrame((t) => (b.firstViewFrame = t));
    }
    if (webglTouched && b.takeover === null && document.querySelector(TAKEOVER)) b.takeover = now;

    // A year step on the WebGL map: data-map-state records of the shown WebGL container only.
    const s = b.step;
    if (!s || s.kind !== 'webgl' || s.t0 === null || s.idle !== null || !webglTouched) return;
    const mine = records.filter(
      (r) => r.type === 'attributes' && r.attributeName === 'data-map-state' && r.target === s.el,
    );
    if (!mine.length) return;
    const current = s.el.getAttribute('data-map-state');
    // Records batch up (idle → rendering → idle may arrive together): look at the old values too.
    if (mine.some((r) => r.oldValue !== 'idle') || current !== 'idle') s.left = true;
    if (s.left && current === 'idle') {
      s.idle = now;
      console.timeStamp(`bench-idle-${s.id}`);
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-map-state', 'data-testid'],
    attributeOldValue: true,
  });

  // A year step on the SVG map: the step ends with the frame that shows the change, i.e. after the
  // first mutation inside the SVG map (or, if none came, the end of the key task): rAF, then a macrotask.
  const svgShown = (s, mutated) => {
    if (s.showing) return;
    s.showing = true;
    s.mutated = mutated;
    s.changed = performance.now();
    afterNextFrame((t) => {
      s.mo?.disconnect();
      s.idle = t;
      console.timeStamp(`bench-idle-${s.id}`);
    });
  };

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
      if (s.kind === 'svg') {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          svgShown(s, false);
        };
        channel.port2.postMessage(0);
      }
    },
    true,
  );
  addEventListener('keydown', () => {
    const s = b.step;
    if (s && s.h1 === null) queueMicrotask(() => (s.h1 = performance.now()));
  });

  /** Arms the next key press as step `id`, on whichever map is shown now. */
  b.armStep = (id) => {
    b.step?.mo?.disconnect();
    const el = document.querySelector(SHOWN);
    const kind = el?.getAttribute('data-renderer') === 'svg' ? 'svg' : 'webgl';
    const s = { id, kind, el, t0: null, h0: null, h1: null, left: false, idle: null, showing: false, mutated: null };
    if (kind === 'svg' && el) {
      s.mo = new MutationObserver(() => {
        if (s.t0 !== null) svgShown(s, true);
      });
      s.mo.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
    }
    b.step = s;
    return kind;
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
