import type { LngLatBoundsLike, Map as MaplibreMap, MapOptions } from 'maplibre-gl';
import { project } from '../data/projection';
import { LINK_KINDS, type Lang, type LinkKind } from '../data/types';
import type { Palette } from '../scene/palette';
import {
  arcFilter,
  arcOpacity,
  arcWidth,
  buildStyle,
  forumRadius,
  HATCH_IMAGE,
  labelField,
  noRecordFilter,
  pointFilter,
  yearKeys,
  type MapScene,
  type YearKeys,
} from './buildStyle';
import { ARC_LAYER, LAYER, SOURCE } from './ids';

/** The part of MapLibre's `Map` the adapter uses; a recording fake implements the same. */
export type MapLike = Pick<
  MaplibreMap,
  | 'on'
  | 'off'
  | 'once'
  | 'setFeatureState'
  | 'removeFeatureState'
  | 'setLayoutProperty'
  | 'setPaintProperty'
  | 'setFilter'
  | 'fitBounds'
  | 'jumpTo'
  | 'project'
  | 'queryRenderedFeatures'
  | 'zoomIn'
  | 'zoomOut'
  | 'remove'
  | 'getCanvas'
  | 'resize'
  | 'addImage'
  | 'hasImage'
  | 'setMissingStyleImageResolver'
  | 'redraw'
  | 'triggerRepaint'
  | 'setPixelRatio'
>;

/** The injected map library: `{ Map }` from maplibre-gl, or a fake in unit tests. */
export interface MapLib {
  Map: new (options: MapOptions) => MapLike;
}

/** What the map shows, in the domain's words. Only differences from the last call are applied. */
export interface MapViewState {
  lang: Lang;
  year: number;
  kinds: LinkKind[];
  selection: string | null;
  /** Place whose links are isolated: the selection, else the hovered region; null for none. */
  focus: string | null;
  /** Choropleth class per region code: 0 = nothing recorded, 1–5 = ramp step. */
  regionClasses: Record<string, number>;
  /** Regions to dim (e.g. not related to the selection). */
  dimmed: string[];
  /** Regions with nothing recorded for the shown kinds (hatched). */
  noRecord: string[];
}

export interface MapAdapterOptions {
  lib: MapLib;
  container: HTMLElement;
  scene: MapScene;
  palette: Palette;
  /** The first view (the style is built for it, so the first frame is already right). */
  initial: MapViewState;
  /** Label for the canvas, for screen readers. */
  ariaLabel: string;
  /** Tests: keep the drawing buffer readable and publish `window.byruDebug`. */
  debug?: boolean;
  /** False: no pan, zoom or click (a `static` embed). Default true. */
  interactive?: boolean;
  /** The reader prefers reduced motion: labels appear without fading (camera moves already jump). */
  reducedMotion?: boolean;
  /** Embeds: one finger scrolls the page, two fingers (or Ctrl + wheel) move the map. */
  cooperativeGestures?: boolean;
  /** MapLibre UI strings (e.g. the cooperative-gestures hints) in the interface language. */
  locale?: Record<string, string>;
  /**
   * The WebGL context was lost and not restored within `contextRestoreTimeoutMs`: the map cannot
   * draw any more (the caller shows another renderer). Not called after `destroy()`.
   */
  onContextLostForGood?: () => void;
  /** Every time the map has drawn everything it has to (MapLibre's `idle`): the first one is the
   *  moment it can take over from the SVG map drawn meanwhile. */
  onIdle?: () => void;
  /** Where the map opens (e.g. where the reader left the SVG map); absent: the whole map. */
  camera?: MapCamera;
  /** How long to wait for a lost WebGL context to come back (ms). Default {@link CONTEXT_RESTORE_TIMEOUT_MS}. */
  contextRestoreTimeoutMs?: number;
}

/** Default wait for a lost WebGL context to be restored before giving up on it (ms). */
export const CONTEXT_RESTORE_TIMEOUT_MS = 5000;

/** A camera without rotation: the centre (scene coordinate, i.e. MapLibre lon/lat) and the zoom. */
export interface MapCamera {
  center: [number, number];
  zoom: number;
}

/** Geographic bounds in degrees: [west, south, east, north]. */
export type GeoBounds = [number, number, number, number];

export interface MapAdapter {
  update: (view: MapViewState) => void;
  setAriaLabel: (label: string) => void;
  onRegionClick: (cb: (code: string | null) => void) => void;
  onRegionHover: (cb: (code: string | null) => void) => void;
  /** Screen position (CSS px, relative to the canvas) of a geographic lon/lat. */
  pixelOf: (lon: number, lat: number) => [number, number];
  /** City id or region code drawn at a screen position, or null. */
  regionAt: (x: number, y: number) => string | null;
  zoomIn: () => void;
  zoomOut: () => void;
  fitAll: () => void;
  /** Moves the camera there at once. */
  jumpTo: (camera: MapCamera) => void;
  /** Frames geographic bounds (degrees; null: the whole map); `animate` false jumps. */
  fitView: (bounds: GeoBounds | null, animate: boolean) => void;
  /**
   * A copy of the current view drawn at `scale` device px per CSS px (2 → twice the size), made
   * without keeping the drawing buffer: renders once more and copies in the same task.
   */
  snapshot: (scale: number) => Promise<HTMLCanvasElement>;
  destroy: () => void;
}

export interface DebugApi {
  pixelOf: (lon: number, lat: number) => [number, number];
  regionAt: (x: number, y: number) => string | null;
  /** Ids of the link arcs drawn in the current frame (any part on screen), sorted. */
  linksShown: () => string[];
}

declare global {
  interface Window {
    byruDebug?: DebugApi;
  }
}

/** Room around the regions in the default view (px); the legend sits bottom-right over the Pacific. */
const FIT_PADDING = { top: 16, bottom: 16, left: 28, right: 20 };

/** An 8×8 diagonal hatch (RGBA) in the given #rrggbb colour, drawn over "nothing recorded" regions. */
export function hatchPattern(hex: string): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) || 0);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 1.5;
      const i = (y * size + x) * 4;
      data[i] = r ?? 0;
      data[i + 1] = g ?? 0;
      data[i + 2] = b ?? 0;
      data[i + 3] = on ? 70 : 0;
    }
  return { width: size, height: size, data };
}

/** MapLibre bounds around projected geographic bounds (edges sampled: a conic maps them to curves). */
export function projectedBounds([w, s, e, n]: GeoBounds): [[number, number], [number, number]] {
  const xs: number[] = [];
  const ys: number[] = [];
  const steps = 8;
  for (let i = 0; i <= steps; i++) {
    const lon = w + ((e - w) * i) / steps;
    const lat = s + ((n - s) * i) / steps;
    for (const [x, y] of [project(lon, s), project(lon, n), project(w, lat), project(e, lat)]) {
      xs.push(x);
      ys.push(y);
    }
  }
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)],
  ];
}

/** Owns one MapLibre map; waits for `load` itself, adds geometry once, then changes only state. */
export function createMapAdapter(o: MapAdapterOptions): MapAdapter {
  const bounds = o.scene.base.bounds as LngLatBoundsLike;
  o.container.dataset.mapState = 'loading';
  const map = new o.lib.Map({
    container: o.container,
    style: buildStyle(o.scene, o.palette, o.initial.lang, { year: o.initial.year, focus: o.initial.focus }),
    ...(o.camera
      ? { center: o.camera.center, zoom: o.camera.zoom }
      : { bounds, fitBoundsOptions: { padding: FIT_PADDING } }),
    renderWorldCopies: false,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxZoom: 9,
    minZoom: 0,
    canvasContextAttributes: { preserveDrawingBuffer: o.debug === true, antialias: true },
    interactive: o.interactive !== false,
    ...(o.reducedMotion ? { fadeDuration: 0 } : {}),
    cooperativeGestures: o.cooperativeGestures === true,
    ...(o.locale ? { locale: o.locale } : {}),
  });
  map.getCanvas().setAttribute('aria-label', o.ariaLabel);
  map.getCanvas().setAttribute('role', 'img');

  let loaded = false;
  // What the style already shows: the first view's language, year and focus, all kinds, no state.
  let applied: MapViewState = {
    ...o.initial,
    kinds: [...LINK_KINDS],
    selection: null,
    regionClasses: {},
    dimmed: [],
    noRecord: [],
  };
  let pending: MapViewState | null = o.initial;
  let clickCb: ((code: string | null) => void) | null = null;
  let hoverCb: ((code: string | null) => void) | null = null;
  let hovered: string | null = null;

  const regionAt = (x: number, y: number): string | null => {
    if (!loaded) return null;
    const r = 4; // a few pixels of slack, so small city points can be hit by a finger
    const city = map.queryRenderedFeatures(
      [
        [x - r, y - r],
        [x + r, y + r],
      ],
      { layers: [LAYER.cities] },
    )[0];
    if (typeof city?.properties?.id === 'string') return city.properties.id;
    const hit = map.queryRenderedFeatures([x, y], { layers: [LAYER.regionsFill] })[0];
    const code = hit?.properties?.code;
    return typeof code === 'string' ? code : null;
  };

  const setRegionState = (code: string, state: Record<string, unknown>): void => {
    map.setFeatureState({ source: SOURCE.regions, id: code }, state);
  };

  // The years the style's filters compare with (see YearKeys): a layer is touched only when they move.
  let keys: YearKeys = yearKeys(o.scene.links, o.initial.year);
  const applyYear = (year: number): void => {
    const next = yearKeys(o.scene.links, year);
    for (const kind of LINK_KINDS) {
      if (next.arcs[kind].shown !== keys.arcs[kind].shown)
        map.setFilter(ARC_LAYER[kind], arcFilter(kind, next.arcs[kind].shown));
      if (next.arcs[kind].signed !== keys.arcs[kind].signed)
        map.setPaintProperty(ARC_LAYER[kind], 'line-width', arcWidth(kind, next.arcs[kind].signed));
    }
    if (next.forums.shown !== keys.forums.shown) map.setFilter(LAYER.forums, pointFilter('year', next.forums.shown));
    if (next.forums.current !== keys.forums.current)
      map.setPaintProperty(LAYER.forums, 'circle-radius', forumRadius(next.forums.current));
    if (next.cities !== keys.cities) {
      map.setFilter(LAYER.cities, pointFilter('start', next.cities));
      map.setFilter(LAYER.cityLabels, pointFilter('start', next.cities));
    }
    keys = next;
  };

  const apply = (next: MapViewState): void => {
    if (next.lang !== applied.lang) {
      map.setLayoutProperty(LAYER.labels, 'text-field', labelField(next.lang));
      map.setLayoutProperty(LAYER.cityLabels, 'text-field', labelField(next.lang));
    }
    if (next.year !== applied.year) applyYear(next.year);
    if (next.kinds !== applied.kinds) {
      for (const kind of LINK_KINDS)
        map.setLayoutProperty(ARC_LAYER[kind], 'visibility', next.kinds.includes(kind) ? 'visible' : 'none');
      const citiesShown = next.kinds.includes('sister') || next.kinds.includes('project');
      map.setLayoutProperty(LAYER.cities, 'visibility', citiesShown ? 'visible' : 'none');
      map.setLayoutProperty(LAYER.cityLabels, 'visibility', citiesShown ? 'visible' : 'none');
    }
    if (next.noRecord !== applied.noRecord) map.setFilter(LAYER.regionsNone, noRecordFilter(next.noRecord));
    if (next.focus !== applied.focus)
      for (const kind of LINK_KINDS) map.setPaintProperty(ARC_LAYER[kind], 'line-opacity', arcOpacity(next.focus));
    if (next.selection !== applied.selection) {
      if (applied.selection) setRegionState(applied.selection, { selected: false });
      if (next.selection) setRegionState(next.selection, { selected: true });
    }
    if (next.regionClasses !== applied.regionClasses) {
      for (const [code, cls] of Object.entries(next.regionClasses))
        if (applied.regionClasses[code] !== cls) setRegionState(code, { cls });
    }
    if (next.dimmed !== applied.dimmed) {
      const now = new Set(next.dimmed);
      for (const code of applied.dimmed) if (!now.has(code)) setRegionState(code, { dim: false });
      for (const code of next.dimmed) setRegionState(code, { dim: true });
    }
    applied = next;
  };

  const onLoad = (): void => {
    loaded = true;
    if (pending) apply(pending);
    pending = null;
  };
  const onIdle = (): void => {
    o.container.dataset.mapState = 'idle';
    o.onIdle?.();
  };
  const onRender = (): void => {
    if (o.container.dataset.mapState === 'idle') o.container.dataset.mapState = 'rendering';
  };
  const onMove = (e: { point: { x: number; y: number } }): void => {
    const code = regionAt(e.point.x, e.point.y);
    if (code === hovered) return;
    if (hovered) setRegionState(hovered, { hover: false });
    if (code) setRegionState(code, { hover: true });
    hovered = code;
    map.getCanvas().style.cursor = code ? 'pointer' : '';
    hoverCb?.(code);
  };
  const onLeave = (): void => {
    if (hovered) setRegionState(hovered, { hover: false });
    hovered = null;
    hoverCb?.(null);
  };
  const onClick = (e: { point: { x: number; y: number } }): void => {
    clickCb?.(regionAt(e.point.x, e.point.y));
  };

  // WebGL context loss (GPU reset, driver update, too many contexts, a phone reclaiming memory).
  // MapLibre snapshots the style and rebuilds it once the context is back: filters, paint and layout
  // values return, feature state (selection, classes, dimming, hover) does not, so it is applied
  // again on the rebuilt style's `style.load`. Updates meanwhile wait in `pending`.
  let lostTimer: ReturnType<typeof setTimeout> | null = null;
  let rebuilding = false;
  const stopLostTimer = (): void => {
    if (lostTimer !== null) clearTimeout(lostTimer);
    lostTimer = null;
  };
  const onContextLost = (): void => {
    if (loaded) pending = pending ?? applied;
    loaded = false;
    rebuilding = true;
    hovered = null;
    o.container.dataset.mapState = 'lost';
    stopLostTimer();
    lostTimer = setTimeout(() => {
      lostTimer = null;
      o.container.dataset.mapState = 'failed';
      o.onContextLostForGood?.();
    }, o.contextRestoreTimeoutMs ?? CONTEXT_RESTORE_TIMEOUT_MS);
  };
  const onContextRestored = (): void => {
    stopLostTimer();
    o.container.dataset.mapState = 'loading';
  };
  const onStyleLoad = (): void => {
    if (!rebuilding) return;
    rebuilding = false;
    // The rebuilt style shows what was applied, minus its feature state: forget that part, re-apply.
    applied = { ...applied, selection: null, regionClasses: {}, dimmed: [] };
    onLoad();
  };

  // Generated images (no sprite server): made when the style first asks for them.
  map.setMissingStyleImageResolver((id) => {
    if (id === HATCH_IMAGE && !map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchPattern(o.palette.muted));
  });
  // Every listener in one table, so destroy() removes exactly what was added.
  const listeners = [
    ['load', onLoad],
    ['idle', onIdle],
    ['render', onRender],
    ['mousemove', onMove],
    ['mouseout', onLeave],
    ['click', onClick],
    ['webglcontextlost', onContextLost],
    ['webglcontextrestored', onContextRestored],
    ['style.load', onStyleLoad],
  ] as const;
  for (const [type, fn] of listeners) map.on(type, fn as () => void);

  const pixelOf = (lon: number, lat: number): [number, number] => {
    const p = map.project(project(lon, lat));
    return [p.x, p.y];
  };
  const linksShown = (): string[] => {
    if (!loaded) return [];
    const layers = LINK_KINDS.map((k) => ARC_LAYER[k]);
    const ids = map.queryRenderedFeatures({ layers }).map((f) => f.properties?.id);
    return [...new Set(ids.filter((id): id is string => typeof id === 'string'))].sort();
  };
  if (o.debug && typeof window !== 'undefined') window.byruDebug = { pixelOf, regionAt, linksShown };

  return {
    update: (view) => {
      if (loaded) apply(view);
      else pending = view;
    },
    setAriaLabel: (label) => map.getCanvas().setAttribute('aria-label', label),
    onRegionClick: (cb) => {
      clickCb = cb;
    },
    onRegionHover: (cb) => {
      hoverCb = cb;
    },
    pixelOf,
    regionAt,
    zoomIn: () => map.zoomIn(),
    zoomOut: () => map.zoomOut(),
    fitAll: () => map.fitBounds(bounds, { padding: FIT_PADDING }),
    jumpTo: (camera) => map.jumpTo(camera),
    fitView: (box, animate) => {
      const target = box ? projectedBounds(box) : bounds;
      map.fitBounds(target, { padding: FIT_PADDING, duration: animate ? 900 : 0 });
    },
    snapshot: async (scale) => {
      // Draw at the export scale, wait until everything (labels included) is placed, then render
      // once more and copy in the same task: the drawing buffer is still intact then.
      map.setPixelRatio(scale);
      try {
        await new Promise<void>((done) => {
          const timer = setTimeout(done, 10_000);
          map.once('idle', () => {
            clearTimeout(timer);
            done();
          });
          map.triggerRepaint();
        });
        map.redraw();
        const source = map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        copy.getContext('2d')?.drawImage(source, 0, 0);
        return copy;
      } finally {
        // undefined: follow devicePixelRatio again, as before the export.
        map.setPixelRatio(undefined as unknown as number);
      }
    },
    destroy: () => {
      map.setMissingStyleImageResolver(null);
      for (const [type, fn] of listeners) map.off(type, fn as () => void);
      stopLostTimer();
      map.remove();
      if (o.debug && typeof window !== 'undefined' && window.byruDebug?.pixelOf === pixelOf) delete window.byruDebug;
    },
  };
}
