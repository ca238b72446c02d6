import type { Geometry, Position } from 'geojson';
import type { LngLatBoundsLike, Map as MaplibreMap, MapOptions } from 'maplibre-gl';
import { project } from '../data/projection';
import {
  FIT_PADDING,
  FOCUS_MAX_ZOOM,
  positionsOf,
  projectedBounds,
  type GeoBounds,
  type MapCamera,
} from '../scene/view/camera';
import type { ViewDescription } from '../scene/view/describeView';
import type { HatchDescription } from '../scene/view/viewStyle';
import { LAYER, SOURCE, STATE } from '../scene/view/ids';
import { applyView, toStyle } from './applyView';

export type { GeoBounds, MapCamera };

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
  | 'getSource'
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
  | 'updateImage'
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

export interface MapAdapterOptions {
  lib: MapLib;
  container: HTMLElement;
  /** The default view's bounds in MapLibre lon/lat, [[west, south], [east, north]]. */
  bounds: [[number, number], [number, number]];
  /** The first view: its style is the map's style; its feature states are set once the map has loaded. */
  initial: ViewDescription;
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

export interface MapAdapter {
  /** Shows a view: applies only what differs from the last one (see `applyView`). */
  update: (view: ViewDescription) => void;
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

export type { DebugApi } from '../scene/view/debugApi';

/** A hatch image of the view (RGBA pixels): diagonal lines rising to the right, as the SVG map's pattern. */
export function hatchPattern(h: HatchDescription): { width: number; height: number; data: Uint8Array } {
  const size = h.size;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.colour.slice(i, i + 2), 16) || 0);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // A diagonal line `width` px wide covers width·√2 px of each row.
      const on = (x + y) % size < h.width * Math.SQRT2;
      const i = (y * size + x) * 4;
      data[i] = r ?? 0;
      data[i + 1] = g ?? 0;
      data[i + 2] = b ?? 0;
      data[i + 3] = on ? Math.round(h.opacity * 255) : 0;
    }
  return { width: size, height: size, data };
}

/**
 * Owns one MapLibre map; waits for `load` itself, adds the geometry of every year once, then applies
 * only the differences between view descriptions (feature states for a year step). It knows the
 * ids of the layers it hit-tests, not what the view shows.
 */
export function createMapAdapter(o: MapAdapterOptions): MapAdapter {
  const bounds = o.bounds as LngLatBoundsLike;
  o.container.dataset.mapState = 'loading';
  const map = new o.lib.Map({
    container: o.container,
    style: toStyle(o.initial),
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
  // What the map shows: the style of the first view, no feature state yet (states need a loaded map).
  let applied: ViewDescription = { ...o.initial, states: {} };
  let pending: ViewDescription | null = o.initial;
  let clickCb: ((code: string | null) => void) | null = null;
  let hoverCb: ((code: string | null) => void) | null = null;
  let hovered: string | null = null;

  const shown = (source: string, id: unknown): boolean =>
    typeof id === 'string' && applied.states[source]?.[id]?.[STATE.shown] === true;

  const regionAt = (x: number, y: number): string | null => {
    if (!loaded) return null;
    const r = 4; // a few pixels of slack, so small city points can be hit by a finger
    const city = map
      .queryRenderedFeatures(
        [
          [x - r, y - r],
          [x + r, y + r],
        ],
        { layers: [LAYER.cities] },
      )
      .find((f) => shown(SOURCE.cities, f.properties?.id));
    if (typeof city?.properties?.id === 'string') return city.properties.id;
    // The inset's regions and their tap targets answer for the region they copy.
    const hit = map.queryRenderedFeatures([x, y], {
      layers: [LAYER.insetTargets, LAYER.insetFill, LAYER.regionsFill],
    })[0];
    const code = hit?.properties?.code;
    return typeof code === 'string' ? code : null;
  };

  const apply = (next: ViewDescription): void => {
    if (next.images !== applied.images)
      for (const [id, img] of Object.entries(next.images))
        if (img !== applied.images[id] && map.hasImage(id)) map.updateImage(id, hatchPattern(img));
    applyView(map, next, applied);
    // A new selection moves the camera to it and its partners; clearing it shows everything again.
    if (next.frame !== applied.frame && (next.frame || applied.frame))
      map.fitBounds(next.frame ?? bounds, {
        padding: FIT_PADDING,
        maxZoom: FOCUS_MAX_ZOOM,
        duration: o.reducedMotion ? 0 : 800,
      });
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
  // The hover outline is the view's (its `hover` state): the adapter only reports what is under the pointer.
  const onMove = (e: { point: { x: number; y: number } }): void => {
    const code = regionAt(e.point.x, e.point.y);
    if (code === hovered) return;
    hovered = code;
    map.getCanvas().style.cursor = code ? 'pointer' : '';
    hoverCb?.(code);
  };
  const onLeave = (): void => {
    hovered = null;
    hoverCb?.(null);
  };
  const onClick = (e: { point: { x: number; y: number } }): void => {
    clickCb?.(regionAt(e.point.x, e.point.y));
  };

  // WebGL context loss (GPU reset, driver update, too many contexts, a phone reclaiming memory).
  // MapLibre snapshots the style and rebuilds it once the context is back: filters, paint and layout
  // values return, feature state (year, selection, classes, dimming, hover) does not, so it is
  // applied again on the rebuilt style's `style.load`. Updates meanwhile wait in `pending`.
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
    applied = { ...applied, states: {} };
    onLoad();
  };

  // Generated images (no sprite server): made when the style first asks for them.
  map.setMissingStyleImageResolver((id) => {
    const img = applied.images[id];
    if (img && !map.hasImage(id)) map.addImage(id, hatchPattern(img));
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
    const layers = applied.layers
      .filter((l) => l.source === SOURCE.arcs && l.layout?.visibility !== 'none')
      .map((l) => l.id);
    const ids = map.queryRenderedFeatures({ layers }).map((f) => f.properties?.id);
    return [...new Set(ids.filter((id): id is string => shown(SOURCE.arcs, id)))].sort();
  };
  const partnersShown = (): string[] => {
    if (!loaded) return [];
    const layers = applied.layers
      .filter((l) => l.source === SOURCE.partners && l.layout?.visibility !== 'none')
      .map((l) => l.id);
    const ids = map.queryRenderedFeatures({ layers }).map((f) => f.properties?.id);
    return [...new Set(ids.filter((id): id is string => shown(SOURCE.partners, id)))].sort();
  };
  /** Rings of a source's features in CSS px, by `code` (a point is one ring of one position): for tests. */
  const shapesOf = (source: string): Record<string, [number, number][][]> => {
    const out: Record<string, [number, number][][]> = {};
    for (const f of (applied.sources[source]?.data.features ?? []) as {
      properties?: { code?: unknown };
      geometry: Geometry;
    }[]) {
      const code = f.properties?.code;
      if (typeof code !== 'string') continue;
      const g = f.geometry;
      const rings: Position[][] =
        g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [[...positionsOf(g)]];
      out[code] = rings.map((r) =>
        r.map(([lng = 0, lat = 0]) => {
          const p = map.project([lng, lat]);
          return [p.x, p.y];
        }),
      );
    }
    return out;
  };
  /** Text and size (px) of each placed label of a layer, by the feature's `code`. */
  const labelsOf = (layer: string): Record<string, { text: string; size: number }> => {
    const out: Record<string, { text: string; size: number }> = {};
    if (!loaded) return out;
    for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
      const code = f.properties?.code;
      const layout = (f.layer as { layout?: Record<string, unknown> }).layout ?? {};
      const size = Number(layout['text-size']);
      const text = layout['text-field'];
      // MapLibre hands the evaluated text as a Formatted value, whose string is the text.
      if (typeof code === 'string') out[code] = { text: String(text ?? ''), size };
    }
    return out;
  };
  if (o.debug && typeof window !== 'undefined')
    window.byruDebug = {
      pixelOf,
      regionAt,
      linksShown,
      partnersShown,
      insetShapes: () => shapesOf(SOURCE.inset),
      insetTargets: () => shapesOf(SOURCE.insetTargets),
      insetLabels: () => labelsOf(LAYER.insetLabels),
    };

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
