import type { Feature, Geometry, Point } from 'geojson';
import type { ViewDescription } from '../scene/view/describeView';
import { HATCH_IMAGE, LAYER, SOURCE } from '../scene/view/ids';
import type { HatchDescription, LayerDescription } from '../scene/view/viewStyle';
import { evaluate, passes, type EvalContext } from './evaluate';
import { fitCamera, screenOf, zoomOf, type Camera, type Size } from './geometry';
import { labelBox, Placement, wrapLabel } from './labels';

/**
 * The SVG map as plain data: what to draw, in drawing order, in screen px. Built from the same view
 * description as the WebGL map (its layers, evaluated with its feature states), so the two renderers
 * cannot drift apart; `SvgMap` (React) only writes it out.
 */
export interface SvgMapModel {
  width: number;
  height: number;
  camera: Camera;
  zoom: number;
  background: string;
  /** The "nothing recorded" hatch of the view (the WebGL map's generated `hatch` image). */
  hatch: HatchDescription;
  /** Shapes drawn by more than one layer (a region's fill, hatch and outline), written once. */
  shapes: { id: string; shape: Geometry }[];
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
  /**
   * The geometry drawn (scene coordinates). Its path data is written by the element that draws it,
   * under the model's camera, so a large picture is built in pieces (see `SvgMap`); absent when the
   * path draws the shared shape `href` (see `SvgMapModel.shapes`).
   */
  shape?: Geometry;
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
  /** Id of a partner arc (`origin>partner`). */
  partner?: string;
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
  /** Region code of an inset tap target (a click target). */
  region?: string;
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
  /** The view both maps draw. */
  view: ViewDescription;
  /** The default view's bounds (scene lon/lat), framed when no camera is given. */
  bounds: [[number, number], [number, number]];
  size: Size;
  /** Where the reader has moved the map; null or absent: the whole map, as the WebGL map opens. */
  camera?: Camera | null;
}

type Layer = LayerDescription;
type Props = Readonly<Record<string, unknown>>;

function featuresOf(view: ViewDescription, layer: Layer): Feature<Geometry, Props>[] {
  if (!layer.source) return [];
  return (view.sources[layer.source]?.data.features ?? []) as Feature<Geometry, Props>[];
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

/**
 * Everything the SVG map draws for a view, in the style's layer order. Pure: the same input gives
 * the same picture in the browser, in node and in an exported image.
 */
export function buildSvgMap(input: SvgMapInput): SvgMapModel {
  const { view, size } = input;
  const camera = input.camera ?? fitCamera(input.bounds, size);
  const zoom = zoomOf(camera);
  // A feature's state as MapLibre keeps it: by source, under the source's `promoteId` property.
  const stateOf = (source: string, f: Feature<Geometry, Props>): Props => {
    const key = view.sources[source]?.promoteId;
    const id = key ? f.properties?.[key] : f.id;
    return (typeof id === 'string' ? view.states[source]?.[id] : undefined) ?? {};
  };
  const hatch = view.images[HATCH_IMAGE];
  const model: SvgMapModel = {
    width: size.width,
    height: size.height,
    camera,
    zoom,
    background: 'transparent',
    hatch: hatch ?? { colour: '#000', opacity: 0, size: 8, width: 1 },
    shapes: [],
    layers: [],
  };
  const layers = view.layers.filter((l) => l.layout?.visibility !== 'none');
  const symbolLayers: { layer: Layer; out: SvgLayer }[] = [];

  for (const layer of layers) {
    const out: SvgLayer = { id: layer.id, paths: [], circles: [], labels: [] };
    if (layer.type === 'background') {
      model.background = str(evaluate(layer.paint?.['background-color'], ctxOf({}, {}, zoom)), model.background);
      continue;
    }
    if ((layer.minzoom ?? 0) > zoom || (layer.maxzoom ?? 24) <= zoom) continue;
    model.layers.push(out);
    if (layer.type === 'symbol') {
      symbolLayers.push({ layer, out });
      continue;
    }
    const source = layer.source ?? '';
    for (const f of featuresOf(view, layer)) {
      const ctx = ctxOf(f.properties ?? {}, stateOf(source, f), zoom);
      if (!passes(layer.filter, ctx)) continue;
      const drawn =
        layer.type === 'fill'
          ? fillPath(layer, f, ctx, source)
          : layer.type === 'line'
            ? linePath(layer, f, ctx, source)
            : null;
      if (drawn) out.paths.push(drawn);
      if (layer.type === 'circle') {
        const c = circle(layer, f, ctx, camera, source);
        if (c) out.circles.push(c);
      }
    }
  }

  // MapLibre places symbols from the top layer down, each layer in sort-key order.
  const placement = new Placement({ x0: 0, y0: 0, x1: size.width, y1: size.height });
  for (const { layer, out } of symbolLayers.reverse())
    placeLabels(featuresOf(view, layer), (f) => stateOf(layer.source ?? '', f), layer, out, placement, camera, zoom);
  shareShapes(model);
  return model;
}

/**
 * Writes the area shapes once (every region and neighbour: their fills, hatches and outlines all draw
 * them), and lets each path refer to its shape. Always the same shapes, whatever the view, so a hover
 * or a selection never swaps a region's element for another.
 */
function shareShapes(model: SvgMapModel): void {
  const ids = new Map<Geometry, string>();
  for (const layer of model.layers) {
    if (layer.id !== LAYER.regionsFill && layer.id !== LAYER.neighboursFill) continue;
    for (const p of layer.paths) {
      if (!p.shape || ids.has(p.shape)) continue;
      const id = `s${model.shapes.length}`;
      ids.set(p.shape, id);
      model.shapes.push({ id, shape: p.shape });
    }
  }
  for (const layer of model.layers)
    for (const p of layer.paths) {
      const id = p.shape && ids.get(p.shape);
      if (id === undefined) continue;
      p.href = id;
      delete p.shape;
    }
}

function ctxOf(properties: Props, state: Props, zoom: number): EvalContext {
  return { properties, state, zoom };
}

function fillPath(layer: Layer, f: Feature<Geometry, Props>, ctx: EvalContext, source: string): SvgPath | null {
  const paint = layer.paint ?? {};
  const opacity = num(evaluate(paint['fill-opacity'], ctx), 1);
  const shape = f.geometry;
  if (paint['fill-pattern'] !== undefined) {
    // A pattern fill that is not shown is left out (only regions with nothing recorded are hatched).
    if (opacity <= 0) return null;
    const hatch = evaluate(paint['fill-pattern'], ctx) === HATCH_IMAGE;
    return { shape, fill: null, hatch };
  }
  const path: SvgPath = { shape, fill: str(evaluate(paint['fill-color'], ctx), '#000') };
  if (opacity !== 1) path.fillOpacity = opacity;
  if ((source === SOURCE.regions || source === SOURCE.inset) && typeof f.properties?.code === 'string')
    path.region = f.properties.code;
  return path;
}

function linePath(layer: Layer, f: Feature<Geometry, Props>, ctx: EvalContext, source: string): SvgPath | null {
  const paint = layer.paint ?? {};
  const layout = layer.layout ?? {};
  const opacity = num(evaluate(paint['line-opacity'], ctx), 1);
  if (opacity <= 0) return null;
  const width = num(evaluate(paint['line-width'], ctx), 1);
  const path: SvgPath = {
    shape: f.geometry,
    fill: null,
    stroke: str(evaluate(paint['line-color'], ctx), '#000'),
    strokeWidth: width,
  };
  if (opacity !== 1) path.strokeOpacity = opacity;
  // MapLibre's dashes are in line widths.
  const dash = evaluate(paint['line-dasharray'], ctx);
  // A dash with no gap (a solid kind in a layer where other kinds are dashed) is a solid line.
  if (Array.isArray(dash) && dash.some((v, i) => i % 2 === 1 && Number(v) > 0))
    path.dash = dash.map((v) => Math.round(Number(v) * width * 100) / 100);
  const cap = evaluate(layout['line-cap'], ctx);
  if (cap === 'round' || cap === 'square') path.cap = cap;
  const join = evaluate(layout['line-join'], ctx);
  if (join === 'round' || join === 'bevel') path.join = join;
  if (source === SOURCE.arcs && typeof f.properties?.id === 'string') path.link = f.properties.id;
  if (source === SOURCE.partners && typeof f.properties?.id === 'string') path.partner = f.properties.id;
  return path;
}

function circle(
  layer: Layer,
  f: Feature<Geometry, Props>,
  ctx: EvalContext,
  cam: Camera,
  source: string,
): SvgCircle | null {
  const paint = layer.paint ?? {};
  // Not shown (both fill and ring transparent): not drawn and no click target.
  const fillOpacity = num(evaluate(paint['circle-opacity'], ctx), 1);
  const strokeOpacity = num(evaluate(paint['circle-stroke-opacity'], ctx), 1);
  if (fillOpacity <= 0 && strokeOpacity <= 0) return null;
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
  const code = f.properties?.code;
  if (source === SOURCE.insetTargets && typeof code === 'string') c.region = code;
  return c;
}

function placeLabels(
  features: Feature<Geometry, Props>[],
  stateOf: (f: Feature<Geometry, Props>) => Props,
  layer: Layer,
  out: SvgLayer,
  placement: Placement,
  cam: Camera,
  zoom: number,
): void {
  const layout = layer.layout ?? {};
  const paint = layer.paint ?? {};
  const candidates = features
    .map((f) => ({ f, ctx: ctxOf(f.properties ?? {}, stateOf(f), zoom) }))
    .filter(({ ctx }) => passes(layer.filter, ctx) && num(evaluate(paint['text-opacity'], ctx), 1) > 0)
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
