import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { LINK_KINDS } from '../data/types';
import type { MapViewState } from '../map/createMapAdapter';
import { buildStyle, HATCH_IMAGE, noRecordFilter, type MapScene } from '../map/buildStyle';
import { ARC_LAYER, LAYER, SOURCE } from '../map/ids';
import type { Palette } from '../scene/palette';
import { evaluate, passes, type EvalContext } from './evaluate';
import { cachedPathData, fitCamera, screenOf, zoomOf, type Camera, type Size } from './geometry';
import { labelBox, Placement, wrapLabel } from './labels';

/**
 * The SVG map as plain data: what to draw, in drawing order, in screen px. Built from the same scene
 * and the same MapLibre style as the WebGL map (`buildStyle` + the state the adapter applies), so the
 * two renderers cannot drift apart; `SvgMap` (React) and `svgMarkup` (a string, for image export or
 * a first paint) only write it out.
 */
export interface SvgMapModel {
  width: number;
  height: number;
  camera: Camera;
  zoom: number;
  background: string;
  /** The "nothing recorded" hatch (MapLibre's generated `hatch` image): colour and alpha. */
  hatch: { colour: string; opacity: number };
  /** Path data drawn by more than one layer (a region's fill, hatch and outline), written once. */
  shapes: { id: string; d: string }[];
  layers: SvgLayer[];
}

export interface SvgLayer {
  /** The style layer id (`regions-fill`, `arcs-sister` …). */
  id: string;
  paths: SvgPath[];
  circles: SvgCircle[];
  labels: SvgLabel[];
}

export interface SvgPath {
  /** Path data, or '' when the path draws the shared shape `href` (see `SvgMapModel.shapes`). */
  d: string;
  href?: string;
  /** A colour, or null for none; `hatch` fills with the hatch pattern. */
  fill: string | null;
  hatch?: boolean;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  strokeOpacity?: number;
  /** Dash lengths in px (MapLibre's dash × line width). */
  dash?: number[];
  cap?: 'butt' | 'round' | 'square';
  join?: 'bevel' | 'round' | 'miter';
  /** Region code of a region's fill: the click target. */
  region?: string;
  /** Link id of an arc. */
  link?: string;
}

export interface SvgCircle {
  cx: number;
  cy: number;
  r: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** City id (a click target) or forum id. */
  city?: string;
  forum?: string;
}

export interface SvgLabel {
  x: number;
  /** Top of the first line's box. */
  y: number;
  lines: string[];
  size: number;
  fill: string;
  halo: string;
  haloWidth: number;
  /** Region code or city id the label names. */
  id: string;
}

export interface SvgMapInput {
  scene: MapScene;
  view: MapViewState;
  palette: Palette;
  size: Size;
  /** Where the reader has moved the map; null or absent: the whole map, as the WebGL map opens. */
  camera?: Camera | null;
  /** Region or city under the pointer (the WebGL map's `hover` feature-state). */
  hover?: string | null;
}

type Style = ReturnType<typeof buildStyle>;
type Layer = Style['layers'][number];
type Props = Readonly<Record<string, unknown>>;

/** The style layers as the adapter leaves them for `view`: kind visibility and the hatch filter. */
function layersFor(style: Style, view: MapViewState): Layer[] {
  const citiesShown = view.kinds.includes('sister') || view.kinds.includes('project');
  const hidden = new Set<string>([
    ...LINK_KINDS.filter((k) => !view.kinds.includes(k)).map((k) => ARC_LAYER[k]),
    ...(citiesShown ? [] : [LAYER.cities, LAYER.cityLabels]),
  ]);
  return style.layers
    .filter((l) => !hidden.has(l.id) && (l.layout as { visibility?: string } | undefined)?.visibility !== 'none')
    .map((l) => (l.id === LAYER.regionsNone ? ({ ...l, filter: noRecordFilter(view.noRecord) } as Layer) : l));
}

function featuresOf(style: Style, layer: Layer): Feature<Geometry, Props>[] {
  if (!('source' in layer) || typeof layer.source !== 'string') return [];
  const source = style.sources[layer.source];
  if (!source || source.type !== 'geojson' || typeof source.data !== 'object') return [];
  return (source.data as FeatureCollection<Geometry, Props>).features;
}

const filterOf = (layer: Layer): unknown => ('filter' in layer ? layer.filter : undefined);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

/**
 * Everything the SVG map draws for a view, in the style's layer order. Pure: the same input gives
 * the same picture in the browser, in node and in an exported image.
 */
export function buildSvgMap(input: SvgMapInput): SvgMapModel {
  const { scene, view, palette, size } = input;
  const camera = input.camera ?? fitCamera(scene.base.bounds, size);
  const zoom = zoomOf(camera);
  const style = buildStyle(scene, palette, view.lang, { year: view.year, focus: view.focus });
  const dimmed = new Set(view.dimmed);
  // The adapter keeps feature-state on the regions only.
  const stateOf = (source: string, id: unknown): Props => {
    if (source !== SOURCE.regions || typeof id !== 'string') return {};
    return {
      cls: view.regionClasses[id] ?? null,
      dim: dimmed.has(id),
      selected: view.selection === id,
      hover: input.hover === id,
    };
  };

  const model: SvgMapModel = {
    width: size.width,
    height: size.height,
    camera,
    zoom,
    background: palette.water,
    hatch: { colour: palette.muted, opacity: 70 / 255 },
    shapes: [],
    layers: [],
  };
  const layers = layersFor(style, view);
  const symbolLayers: { layer: Layer; out: SvgLayer }[] = [];

  for (const layer of layers) {
    const out: SvgLayer = { id: layer.id, paths: [], circles: [], labels: [] };
    if (layer.type === 'background') {
      model.background = str(evaluate(layer.paint?.['background-color'], ctxOf({}, {}, zoom)), palette.water);
      continue;
    }
    if ((layer.minzoom ?? 0) > zoom || (layer.maxzoom ?? 24) <= zoom) continue;
    model.layers.push(out);
    if (layer.type === 'symbol') {
      symbolLayers.push({ layer, out });
      continue;
    }
    const source = 'source' in layer ? String(layer.source) : '';
    for (const f of featuresOf(style, layer)) {
      const ctx = ctxOf(f.properties ?? {}, stateOf(source, f.id ?? f.properties?.code), zoom);
      if (!passes(filterOf(layer), ctx)) continue;
      if (layer.type === 'fill') out.paths.push(fillPath(layer, f, ctx, camera, source));
      else if (layer.type === 'line') {
        const p = linePath(layer, f, ctx, camera, source);
        if (p) out.paths.push(p);
      } else if (layer.type === 'circle') out.circles.push(circle(layer, f, ctx, camera, source));
    }
  }

  // MapLibre places symbols from the top layer down, each layer in sort-key order.
  const placement = new Placement({ x0: 0, y0: 0, x1: size.width, y1: size.height });
  for (const { layer, out } of symbolLayers.reverse()) placeLabels(style, layer, out, placement, camera, zoom);
  shareShapes(model);
  return model;
}

/**
 * Writes the area shapes once (every region and neighbour: their fills, hatches and outlines all draw
 * them), and lets each path refer to its shape. Always the same shapes, whatever the view, so a hover
 * or a selection never swaps a region's element for another.
 */
function shareShapes(model: SvgMapModel): void {
  const ids = new Map<string, string>();
  for (const layer of model.layers) {
    if (layer.id !== LAYER.regionsFill && layer.id !== LAYER.neighboursFill) continue;
    for (const p of layer.paths) {
      if (ids.has(p.d)) continue;
      const id = `s${model.shapes.length}`;
      ids.set(p.d, id);
      model.shapes.push({ id, d: p.d });
    }
  }
  for (const layer of model.layers)
    for (const p of layer.paths) {
      const id = ids.get(p.d);
      if (id === undefined) continue;
      p.href = id;
      p.d = '';
    }
}

function ctxOf(properties: Props, state: Props, zoom: number): EvalContext {
  return { properties, state, zoom };
}

function fillPath(layer: Layer, f: Feature<Geometry, Props>, ctx: EvalContext, cam: Camera, source: string): SvgPath {
  const paint = (layer.paint ?? {}) as Record<string, unknown>;
  const d = cachedPathData(f.geometry, cam);
  if (paint['fill-pattern'] !== undefined) {
    const hatch = evaluate(paint['fill-pattern'], ctx) === HATCH_IMAGE;
    return { d, fill: null, hatch };
  }
  const path: SvgPath = { d, fill: str(evaluate(paint['fill-color'], ctx), '#000') };
  const opacity = num(evaluate(paint['fill-opacity'], ctx), 1);
  if (opacity !== 1) path.fillOpacity = opacity;
  if (source === SOURCE.regions && typeof f.properties?.code === 'string') path.region = f.properties.code;
  return path;
}

function linePath(
  layer: Layer,
  f: Feature<Geometry, Props>,
  ctx: EvalContext,
  cam: Camera,
  source: string,
): SvgPath | null {
  const paint = (layer.paint ?? {}) as Record<string, unknown>;
  const layout = (layer.layout ?? {}) as Record<string, unknown>;
  const opacity = num(evaluate(paint['line-opacity'], ctx), 1);
  if (opacity <= 0) return null;
  const width = num(evaluate(paint['line-width'], ctx), 1);
  const path: SvgPath = {
    d: cachedPathData(f.geometry, cam),
    fill: null,
    stroke: str(evaluate(paint['line-color'], ctx), '#000'),
    strokeWidth: width,
  };
  if (opacity !== 1) path.strokeOpacity = opacity;
  // MapLibre's dashes are in line widths.
  const dash = evaluate(paint['line-dasharray'], ctx);
  if (Array.isArray(dash)) path.dash = dash.map((v) => Math.round(Number(v) * width * 100) / 100);
  const cap = layout['line-cap'];
  if (cap === 'round' || cap === 'square') path.cap = cap;
  const join = layout['line-join'];
  if (join === 'round' || join === 'bevel') path.join = join;
  if (source === SOURCE.arcs && typeof f.properties?.id === 'string') path.link = f.properties.id;
  return path;
}

function circle(layer: Layer, f: Feature<Geometry, Props>, ctx: EvalContext, cam: Camera, source: string): SvgCircle {
  const paint = (layer.paint ?? {}) as Record<string, unknown>;
  const [cx, cy] = screenOf(cam, (f.geometry as Point).coordinates);
  const c: SvgCircle = {
    cx: Math.round(cx * 10) / 10,
    cy: Math.round(cy * 10) / 10,
    r: num(evaluate(paint['circle-radius'], ctx), 5),
    fill: str(evaluate(paint['circle-color'], ctx), '#000'),
    stroke: str(evaluate(paint['circle-stroke-color'], ctx), 'none'),
    strokeWidth: num(evaluate(paint['circle-stroke-width'], ctx), 0),
  };
  const id = f.properties?.id;
  if (typeof id === 'string') {
    if (source === SOURCE.cities) c.city = id;
    if (source === SOURCE.forums) c.forum = id;
  }
  return c;
}

function placeLabels(style: Style, layer: Layer, out: SvgLayer, placement: Placement, cam: Camera, zoom: number): void {
  const layout = (layer.layout ?? {}) as Record<string, unknown>;
  const paint = (layer.paint ?? {}) as Record<string, unknown>;
  const candidates = featuresOf(style, layer)
    .map((f) => ({ f, ctx: ctxOf(f.properties ?? {}, {}, zoom) }))
    .filter(({ ctx }) => passes(filterOf(layer), ctx))
    .map((c) => ({ ...c, key: num(evaluate(layout['symbol-sort-key'], c.ctx), 0) }))
    .sort((a, b) => a.key - b.key);
  const overlap = layout['text-allow-overlap'] === true;
  for (const { f, ctx } of candidates) {
    const text = str(evaluate(layout['text-field'], ctx), '');
    if (!text) continue;
    const size = num(evaluate(layout['text-size'], ctx), 16);
    const maxWidth = num(evaluate(layout['text-max-width'], ctx), 10) * size;
    const padding = num(evaluate(layout['text-padding'], ctx), 2);
    const offset = evaluate(layout['text-offset'], ctx);
    const anchor = layout['text-anchor'] === 'top' ? 'top' : 'center';
    const [px, py] = screenOf(cam, (f.geometry as Point).coordinates);
    const dy = Array.isArray(offset) ? Number(offset[1] ?? 0) * size : 0;
    const lines = wrapLabel(text, size, maxWidth);
    const box = labelBox(px, py + dy, lines, size, anchor, padding);
    if (!overlap && !placement.place(box)) continue;
    out.labels.push({
      x: Math.round(px * 10) / 10,
      y: Math.round((box.y0 + padding) * 10) / 10,
      lines,
      size: Math.round(size * 10) / 10,
      fill: str(evaluate(paint['text-color'], ctx), '#000'),
      halo: str(evaluate(paint['text-halo-color'], ctx), 'transparent'),
      haloWidth: num(evaluate(paint['text-halo-width'], ctx), 0),
      id: str(f.properties?.code ?? f.properties?.id, ''),
    });
  }
}
