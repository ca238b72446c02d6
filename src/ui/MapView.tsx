import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../state/createAppStore';
import { translate } from '../i18n/translate';
import type { Palette } from '../scene/palette';
import type { MapAdapter, MapCamera, MapLib } from '../map/createMapAdapter';
import { browserEnvironment, enginePolicy, whenIdle, type EnginePolicy } from '../map/enginePolicy';
import { SvgMapView } from '../svg/SvgMapView';
import type { MapControls, SvgMapControls } from '../svg/SvgMap';
import type { Size } from '../svg/geometry';
import { hasWebgl2 } from '../svg/hasWebgl2';
import { inTasks } from '../data/nextTask';
import { chooseInsetPlacement, insetWork } from '../scene/inset';
import { FIT_PADDING } from '../scene/view/camera';

export interface MapViewProps {
  store: AppStore;
  palette: Palette;
  /** Injected for tests; by default maplibre-gl is imported on demand. */
  loadLib?: () => Promise<MapLib>;
  /** Receives the map's snapshot function once it exists (null when the map goes): image export. */
  onSnapshot?: (snapshot: ((scale: number) => Promise<HTMLCanvasElement>) | null) => void;
  /** Injected for tests; by default a test canvas is asked for a WebGL2 context. */
  webgl?: () => boolean;
  /** Injected for tests; by default what the browser says (pointer, Save-Data, connection). */
  environment?: typeof browserEnvironment;
}

/**
 * Which map the reader sees. `svg`: the SVG map, the first view (no engine asked for yet);
 * `loading`: the SVG map, while the WebGL map is built underneath; `webgl`: the WebGL map, which took
 * over at its first idle frame; `failed`: the SVG map for good (no WebGL map could start or draw).
 */
type Stage = 'svg' | 'loading' | 'webgl' | 'failed';

/** Downloads of the engine's code tried before the SVG map is kept for good (a dropped network). */
const ENGINE_DOWNLOADS = 3;

/** Longest wait (ms) for an idle moment before the engine is fetched anyway (`idle` policy). */
const IDLE_TIMEOUT_MS = 3000;
/** How soon (ms) to try the hand-over again while the reader is dragging the SVG map. */
const BUSY_RETRY_MS = 150;

const reducedMotion = (): boolean =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

const defaultLoad = (): Promise<MapLib> => import('../map/loadMaplibre').then((m) => m.maplibreLib);
/** The adapter comes with the engine: a reader who never gets the WebGL map downloads neither. */
const loadAdapter = () => import('../map/createMapAdapter').then((m) => m.createMapAdapter);

const sameCamera = (a: MapCamera, b: MapCamera | undefined): boolean =>
  b !== undefined &&
  Math.abs(a.zoom - b.zoom) < 1e-6 &&
  Math.abs(a.center[0] - b.center[0]) < 1e-6 &&
  Math.abs(a.center[1] - b.center[1]) < 1e-6;

/**
 * The map. The first view is always the SVG map, drawn from the same scene as soon as the data is
 * there; the WebGL map (MapLibre) is fetched when `enginePolicy` says, built underneath, and takes
 * over at its first idle frame, at the camera the SVG map has then. The WebGL map's store
 * subscription lives outside React renders, so year steps and hovers never re-render this component.
 */
export function MapView({
  store,
  palette,
  loadLib = defaultLoad,
  onSnapshot,
  webgl = hasWebgl2,
  environment = browserEnvironment,
}: MapViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<MapAdapter | null>(null);
  const svgControls = useRef<SvgMapControls | null>(null);
  const [policy] = useState<EnginePolicy>(() =>
    enginePolicy({ still: store.getState().display.static, ...environment() }),
  );
  const [stage, setStage] = useState<Stage>('svg');
  // Failed downloads of the engine's code so far (reset once it arrives).
  const downloads = useRef(0);
  // The stage as the WebGL map's callbacks (outside renders) must see it.
  const shown = useRef<Stage>(stage);
  useLayoutEffect(() => {
    shown.current = stage;
  }, [stage]);
  // Ready when the data is: the scene itself is composed only once the inset's placement is known.
  const sceneReady = useStore(store, (s) => store.derived.baseScene(s) !== null && store.derived.linkScene(s) !== null);
  // The theme is part of the view: a new palette is applied as paint changes, the map stays.
  const paletteNow = useRef(palette);
  useLayoutEffect(() => {
    paletteNow.current = palette;
    // Without a WebGL map there is nothing to update (and no scene to compose before the placement).
    const adapter = adapterRef.current;
    const view = adapter && store.derived.view(store.getState(), palette);
    if (adapter && view) adapter.update(view);
  }, [store, palette]);
  const engineOn = stage === 'loading' || stage === 'webgl';

  // The inset of Belarus goes where the map's shape has room (beside Russia when wide, above it when
  // tall): both maps draw the scene composed for it.
  const wrap = useRef<HTMLDivElement>(null);
  // The maps are drawn once the placement is chosen: a scene composed for a placement the map then
  // changes would be built for nothing (on a phone, where the map is tall). The area is measured by a
  // ResizeObserver, after the browser's own layout (reading it in the commit would force that layout
  // into React's task), and the SVG map is then built as a transition, in slices that leave the main
  // thread free: the first paint shows the page, the map follows within a few frames.
  // Null until placed; then the size the map area was measured at (none without layout, as in jsdom).
  const [placed, setPlaced] = useState<{ size?: Size } | null>(null);
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el || !sceneReady) return;
    const place = (width: number, height: number): void => {
      const base = store.derived.baseScene(store.getState());
      if (!base || width < 1 || height < 1) return;
      const placement = chooseInsetPlacement(base, {
        width: width - FIT_PADDING.left - FIT_PADDING.right,
        height: height - FIT_PADDING.top - FIT_PADDING.bottom,
      });
      if (placement !== store.getState().inset) store.getState().setInset(placement);
    };
    if (typeof ResizeObserver === 'undefined') {
      // No layout to wait for (jsdom): the SVG map measures itself, or takes its default size.
      const { width, height } = el.getBoundingClientRect();
      place(width, height);
      setPlaced(width >= 1 && height >= 1 ? { size: { width: Math.round(width), height: Math.round(height) } } : {});
      return;
    }
    // A size to place the map for, and whether that work is under way. Each piece in its own task
    // (the callback itself runs in the browser's rendering step, right after its layout): the inset's
    // placement, the scene composed for it, the view, then the picture as a transition.
    let pending: { width: number; height: number } | null = null;
    let running = false;
    let stopped = false;
    const run = async (): Promise<void> => {
      running = true;
      while (pending && !stopped) {
        const { width, height } = pending;
        pending = null;
        const base = store.derived.baseScene(store.getState());
        const done = await inTasks(
          [
            // The candidate insets (built once per geography), then the choice between them.
            ...(base ? insetWork(base) : []),
            () => place(width, height),
            () => store.derived.scene(store.getState()),
            () => store.derived.view(store.getState(), paletteNow.current),
          ],
          () => stopped || pending !== null,
        );
        if (!done) continue;
        const size = { width: Math.round(width), height: Math.round(height) };
        startTransition(() =>
          setPlaced((p) => (p?.size?.width === size.width && p.size.height === size.height ? p : { size })),
        );
      }
      running = false;
    };
    const observer = new ResizeObserver(([entry]) => {
      if (!entry || entry.contentRect.width < 1 || entry.contentRect.height < 1) return;
      pending = { width: entry.contentRect.width, height: entry.contentRect.height };
      if (!running) void run();
    });
    observer.observe(el);
    return () => {
      stopped = true;
      observer.disconnect();
    };
  }, [store, sceneReady]);

  /** The reader reaches for the map (or the browser is idle): fetch the engine, once, if WebGL2 works. */
  const start = useCallback((): void => {
    if (policy === 'never' || shown.current !== 'svg') return;
    setStage(webgl() ? 'loading' : 'failed');
  }, [policy, webgl]);

  useEffect(() => {
    if (policy !== 'idle' || stage !== 'svg' || !sceneReady) return;
    return whenIdle(start, IDLE_TIMEOUT_MS);
  }, [policy, stage, sceneReady, start]);

  useEffect(() => {
    const container = ref.current;
    if (!engineOn || !container) return;
    const scene = store.derived.scene(store.getState());
    if (!scene) return;
    let adapter: MapAdapter | null = null;
    let unsubscribe: (() => void) | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let cancelled = false;
    const fail = (): void => {
      if (!cancelled) setStage('failed');
    };
    // Where the WebGL map was last asked to look: the SVG map's camera when it was built or jumped.
    let given: MapCamera | undefined;
    /** At an idle frame: take over, unless the reader moved the SVG map meanwhile (follow it first). */
    const handOver = (): void => {
      retry = null;
      if (cancelled || !adapter || shown.current === 'webgl') return;
      const controls = svgControls.current;
      const now = controls ? controls.camera() : undefined;
      if (now === null) {
        // Mid-drag: the picture must not change under the reader's finger.
        retry = setTimeout(handOver, BUSY_RETRY_MS);
        return;
      }
      if (now && !sameCamera(now, given)) {
        given = now;
        adapter.jumpTo(now);
        return; // the next idle frame shows that view
      }
      setStage('webgl');
    };
    /** The engine's code did not arrive (the network): the SVG map stays, and the next reach for the
     *  map (or idle moment) fetches it again, a few times at most. A started engine that fails is not. */
    const downloadFailed = (e: unknown): Promise<never> => {
      if (!cancelled && ++downloads.current < ENGINE_DOWNLOADS) {
        console.warn('The WebGL map could not be downloaded; the SVG map stays, and it will be tried again:', e);
        setStage('svg');
        return new Promise<never>(() => undefined);
      }
      return Promise.reject(e);
    };
    Promise.all([loadLib(), loadAdapter()])
      .catch(downloadFailed)
      .then(([lib, createMapAdapter]) => {
        downloads.current = 0;
        if (cancelled) return;
        const s = store.getState();
        const initial = store.derived.view(s, paletteNow.current);
        if (!initial) return;
        const { embed, static: still } = s.display;
        given = svgControls.current?.camera() ?? undefined;
        adapter = createMapAdapter({
          lib,
          container,
          bounds: scene.base.bounds,
          initial,
          ...(given ? { camera: given } : {}),
          ariaLabel: translate(s.lang, 'map.label', { year: s.year }),
          debug: s.debug,
          interactive: !still,
          reducedMotion: reducedMotion(),
          cooperativeGestures: embed && !still,
          locale: {
            'CooperativeGesturesHandler.WindowsHelpText': translate(s.lang, 'embed.gestureWindows'),
            'CooperativeGesturesHandler.MacHelpText': translate(s.lang, 'embed.gestureMac'),
            'CooperativeGesturesHandler.MobileHelpText': translate(s.lang, 'embed.gestureMobile'),
          },
          onIdle: handOver,
          // The GPU context did not come back: the same view, drawn as SVG, takes over.
          onContextLostForGood: fail,
        });
        if (s.fit && !given) adapter.fitView(s.fit.bounds, false);
        adapterRef.current = adapter;
        adapter.onRegionClick((code) => store.getState().select(code));
        adapter.onRegionHover((code) => store.getState().setHover(code));
        unsubscribe = store.subscribe((next, prev) => {
          // A throw here would stop zustand notifying the other subscribers (the panels): keep a
          // failing WebGL map to itself and let the SVG map take over.
          try {
            const view = store.derived.view(next, paletteNow.current);
            if (view) adapter?.update(view);
            if (next.lang !== prev.lang || next.year !== prev.year)
              adapter?.setAriaLabel(translate(next.lang, 'map.label', { year: next.year }));
            if (next.fit !== prev.fit && next.fit) adapter?.fitView(next.fit.bounds, !reducedMotion());
          } catch (e) {
            console.warn('WebGL map failed to update; drawing the map as SVG:', e);
            fail();
          }
        });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        // The map still shows, drawn as SVG, instead of an error.
        console.warn('WebGL map failed to start; drawing the map as SVG:', e);
        fail();
      });
    return () => {
      cancelled = true;
      if (retry !== null) clearTimeout(retry);
      unsubscribe?.();
      adapter?.destroy();
      adapterRef.current = null;
    };
  }, [store, loadLib, engineOn]);

  // The image export draws whichever map is shown (the SVG map hands over its own while it shows).
  useEffect(() => {
    const adapter = adapterRef.current;
    if (stage !== 'webgl' || !adapter || !onSnapshot) return;
    onSnapshot(adapter.snapshot);
    return () => onSnapshot(null);
  }, [stage, onSnapshot, palette]);

  const lang = useStore(store, (s) => s.lang);
  const still = useStore(store, (s) => s.display.static);
  const t = (key: 'map.zoomIn' | 'map.zoomOut' | 'map.reset') => translate(lang, key);
  const controls = (): MapControls | null => (stage === 'webgl' ? adapterRef.current : svgControls.current);
  return (
    // Any press, touch, wheel or key on the map (its buttons included) is the reader reaching for it.
    <div
      ref={wrap}
      className="byru-map-wrap"
      onPointerDownCapture={start}
      onTouchStartCapture={start}
      onWheelCapture={start}
      onKeyDownCapture={start}
    >
      {engineOn && (
        // Built underneath the SVG map (earlier in the page, so painted below it) until it takes over.
        <div
          key="webgl"
          className="byru-map"
          ref={ref}
          data-renderer="webgl"
          data-testid={stage === 'webgl' ? 'map' : 'map-pending'}
          aria-hidden={stage === 'webgl' ? undefined : true}
          inert={stage !== 'webgl'}
        />
      )}
      {stage !== 'webgl' && placed && (
        <div key="svg" className="byru-map" data-testid="map" data-map-state="idle" data-renderer="svg">
          <SvgMapView
            store={store}
            palette={palette}
            controls={svgControls}
            onSnapshot={onSnapshot}
            size={placed.size}
          />
        </div>
      )}
      {!still && (
        <div className="byru-zoom" role="group">
          <button
            type="button"
            onClick={() => controls()?.zoomIn()}
            aria-label={t('map.zoomIn')}
            title={t('map.zoomIn')}
          >
            +
          </button>
          <button
            type="button"
            onClick={() => controls()?.zoomOut()}
            aria-label={t('map.zoomOut')}
            title={t('map.zoomOut')}
          >
            −
          </button>
          <button type="button" onClick={() => controls()?.fitAll()} aria-label={t('map.reset')} title={t('map.reset')}>
            ⤢
          </button>
        </div>
      )}
    </div>
  );
}
