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
  type MapScene,
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
}

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

/** Owns one MapLibre map; waits for `load` itself, adds geometry once, then changes only state. */
export function createMapAdapter(o: MapAdapterOptions): MapAdapter {
  const bounds = o.scene.base.bounds as LngLatBoundsLike;
  o.container.dataset.mapState = 'loading';
  const map = new o.lib.Map({
    container: o.container,
    style: buildStyle(o.scene, o.palette, o.initial.lang, { year: o.initial.year, focus: o.initial.focus }),
    bounds,
    fitBoundsOptions: { padding: FIT_PADDING },
    renderWorldCopies: false,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxZoom: 9,
    minZoom: 0,
    canvasContextAttributes: { preserveDrawingBuffer: o.debug === true, antialias: true },
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

  const apply = (next: MapViewState): void => {
    if (next.lang !== applied.lang) {
      map.setLayoutProperty(LAYER.labels, 'text-field', labelField(next.lang));
      map.setLayoutProperty(LAYER.cityLabels, 'text-field', labelField(next.lang));
    }
    if (next.year !== applied.year) {
      for (const kind of LINK_KINDS) {
        map.setFilter(ARC_LAYER[kind], arcFilter(kind, next.year));
        map.setPaintProperty(ARC_LAYER[kind], 'line-width', arcWidth(kind, next.year));
      }
      map.setFilter(LAYER.forums, pointFilter('year', next.year));
      map.setPaintProperty(LAYER.forums, 'circle-radius', forumRadius(next.year));
      map.setFilter(LAYER.cities, pointFilter('start', next.year));
      map.setFilter(LAYER.cityLabels, pointFilter('start', next.year));
    }
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

  // Generated images (no sprite server): made when the style first asks for them.
  map.setMissingStyleImageResolver((id) => {
    if (id === HATCH_IMAGE && !map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchPattern(o.palette.muted));
  });
  map.on('load', onLoad);
  map.on('idle', onIdle);
  map.on('render', onRender);
  map.on('mousemove', onMove);
  map.on('mouseout', onLeave);
  map.on('click', onClick);

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
    destroy: () => {
      map.setMissingStyleImageResolver(null);
      map.off('load', onLoad);
      map.off('idle', onIdle);
      map.off('render', onRender);
      map.off('mousemove', onMove);
      map.off('mouseout', onLeave);
      map.off('click', onClick);
      map.remove();
      if (o.debug && typeof window !== 'undefined' && window.byruDebug?.pixelOf === pixelOf) delete window.byruDebug;
    },
  };
}
