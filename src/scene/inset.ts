import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { mercatorLngLatToWorld, worldToMercatorLngLat } from '../data/projection';
import type { Lang } from '../data/types';
import type { MessageKey } from '../i18n/ru';
import { translate } from '../i18n/translate';
import type { BaseScene, RegionShapeProps } from './baseScene';

/**
 * The inset: Belarus's seven regions drawn again at {@link INSET_SCALE}× the scale in the map's own
 * plane, over Scandinavia and the Baltic (north-west of Belarus, where no Russian subject lies), with
 * a frame and a leader to the real Belarus. Links leave Belarus from the inset, so the hub every link
 * touches reads at a glance and its regions can be told apart and clicked.
 *
 * Positions are scene coordinates (MapLibre lon/lat of the conic plane, see `data/projection.ts`):
 * a similarity in the unit world square, so shapes keep their proportions on both renderers.
 */
export interface InsetTransform {
  /** Scale factor of the inset (plane units per plane unit). */
  k: number;
  /** Centre of Belarus's bounding box in the world square. */
  from: [number, number];
  /** Centre of the inset in the world square. */
  to: [number, number];
}

export interface InsetPartProps {
  /** `frame`: the inset's box; `origin`: the box around the real Belarus; `leader`: the line between them. */
  part: 'frame' | 'origin' | 'leader';
}

/** A tap target and label point of the inset: the region's code and its short name per language. */
export interface InsetLabelProps {
  code: string;
  name_ru: string;
  name_be: string;
  name_en: string;
  /** Label offset in ems ([x, y]): two label points close together are pushed apart. */
  offset: [number, number];
  /**
   * True for a region too small to hold a finger's tap even at the inset's scale (Minsk City): it
   * gets a tap disc of its own. The others are tapped on their fill, so no disc steals a neighbour's tap.
   */
  tap: boolean;
}

/** Label points closer than this (a fraction of the inset's width) are pushed apart. */
const CROWDED = 0.15;
/** A region narrower than this share of the inset gets its own tap disc. */
const SMALL = 0.2;

const width = (regions: InsetScene['regions']): number => {
  const b = shapesBox(regions.features.map((f) => f.geometry));
  return b[2] - b[0];
};

/** Catalogue keys of the short names the inset labels Belarus's regions with ("Брестская" for Брестская область). */
const SHORT_NAME: Readonly<Record<string, MessageKey>> = {
  'BY-BR': 'inset.BY-BR',
  'BY-HM': 'inset.BY-HM',
  'BY-HO': 'inset.BY-HO',
  'BY-HR': 'inset.BY-HR',
  'BY-MA': 'inset.BY-MA',
  'BY-MI': 'inset.BY-MI',
  'BY-VI': 'inset.BY-VI',
};

/** A region's name in the inset: its short name where the catalogue has one, else its full name. */
function insetName(lang: Lang, code: string, full: string): string {
  const key = SHORT_NAME[code];
  return key ? translate(lang, key) : full;
}

export interface InsetScene {
  transform: InsetTransform;
  /** Belarus's regions, moved into the inset (same codes as in `base.regions`). */
  regions: FeatureCollection<Polygon | MultiPolygon, RegionShapeProps>;
  /** One point per region (its label point in the inset): the tap target that every region has, however small. */
  targets: FeatureCollection<Point, InsetLabelProps>;
  frame: FeatureCollection<Polygon | LineString, InsetPartProps>;
  /** The inset's frame, in scene bounds [[w, s], [e, n]]. */
  bounds: [[number, number], [number, number]];
  /** The inset's frame in the world square [x0, y0, x1, y1] (y down): where arcs leave it. */
  box: [number, number, number, number];
}

/**
 * Where the inset goes, by the map's shape; positions are the inset's centre in the world square.
 * - `wide` (a desktop, an embed, a projector: room to the sides): west of Belarus, over the Baltic and
 *   Scandinavia, its east edge just short of Belarus, Kaliningrad and Krasnodar krai;
 * - `tall` (a phone: room above and below): north of everything, over the Barents Sea, its south
 *   edge just above the northernmost Russian island, within Russia's own width.
 * Neither covers a Russian subject or the real Belarus (tests/unit/composition.test.ts).
 */
export const INSET_PLACEMENTS = {
  wide: { k: 6, centre: [0.2045, 0.4594] },
  tall: { k: 8.5, centre: [0.3947, 0.2678] },
} as const satisfies Record<string, { k: number; centre: readonly [number, number] }>;
export type InsetPlacement = keyof typeof INSET_PLACEMENTS;

/** How many times larger the inset draws Belarus, by default (the `wide` placement). */
export const INSET_SCALE = INSET_PLACEMENTS.wide.k;
export const INSET_CENTRE: [number, number] = [...INSET_PLACEMENTS.wide.centre];

/** Room between the regions and the frame, as a fraction of the inset's size. */
const FRAME_MARGIN = 0.06;

const round = (v: number): number => Math.round(v * 1e6) / 1e6;

type Box = [number, number, number, number];

/**
 * The box of positions in the world square. Web Mercator keeps the order of longitudes (x grows with
 * them) and of latitudes (y falls as they grow), so only the two extreme corners are projected.
 */
function worldBox(points: readonly Position[]): Box {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of points) {
    const lng = p[0] ?? 0;
    const lat = p[1] ?? 0;
    if (lng < w) w = lng;
    if (lng > e) e = lng;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  }
  if (w > e) return [Infinity, Infinity, -Infinity, -Infinity];
  const [x0, y0] = mercatorLngLatToWorld(w, n);
  const [x1, y1] = mercatorLngLatToWorld(e, s);
  return [x0, y0, x1, y1];
}

/** The box of shapes' outer rings in the world square. */
function shapesBox(shapes: readonly (Polygon | MultiPolygon)[]): Box {
  const outer: Position[] = [];
  for (const g of shapes)
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      for (const p of poly[0] ?? []) outer.push(p);
  return worldBox(outer);
}

/** The inset's transform for Belarus's regions in a base scene (centred on {@link INSET_CENTRE}). */
export function insetTransform(
  regions: BaseScene['regions'],
  k: number = INSET_SCALE,
  to: [number, number] = INSET_CENTRE,
): InsetTransform {
  const by = regions.features.filter((f) => f.properties.country === 'BY');
  if (by.length === 0) throw new Error('The geography has no region of Belarus: the inset cannot be drawn.');
  const b = shapesBox(by.map((f) => f.geometry));
  return { k, from: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], to };
}

/** A scene position moved into the inset. */
export function toInset(t: InsetTransform, p: Position): [number, number] {
  const [x, y] = mercatorLngLatToWorld(p[0] ?? 0, p[1] ?? 0);
  const [lng, lat] = worldToMercatorLngLat(t.to[0] + t.k * (x - t.from[0]), t.to[1] + t.k * (y - t.from[1]));
  return [round(lng), round(lat)];
}

const moveRing = (t: InsetTransform, ring: Position[]): Position[] => ring.map((p) => toInset(t, p));

function moveShape(t: InsetTransform, g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => moveRing(t, r)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => moveRing(t, r))) };
}

/**
 * Two label points close together (Minsk City inside Minsk Oblast): the smaller region's name goes
 * above its point, the larger's below, so both stay legible. Mutates the targets' offsets.
 */
function spreadLabels(targets: InsetScene['targets'], regions: InsetScene['regions']): void {
  const size = new Map(
    regions.features.map((f) => {
      const b = shapesBox([f.geometry]);
      return [f.properties.code, (b[2] - b[0]) * (b[3] - b[1])];
    }),
  );
  const at = targets.features.map((f) => ({
    f,
    w: mercatorLngLatToWorld(f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0),
  }));
  const all = shapesBox(regions.features.map((f) => f.geometry));
  const width = all[2] - all[0];
  for (const a of at)
    for (const b of at) {
      if (a === b || Math.hypot(a.w[0] - b.w[0], a.w[1] - b.w[1]) > CROWDED * width) continue;
      const small = (size.get(a.f.properties.code) ?? 0) < (size.get(b.f.properties.code) ?? 0);
      a.f.properties.offset = [0, small ? -1.2 : 1.2];
    }
}

/** Rings of a shape in the world square (outer and holes), each as flat x, y pairs. */
const worldRings = (g: Polygon | MultiPolygon): Float64Array[] =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap((poly) =>
    poly.map((ring) => {
      const flat = new Float64Array(ring.length * 2);
      ring.forEach((p, i) => flat.set(mercatorLngLatToWorld(p[0] ?? 0, p[1] ?? 0), i * 2));
      return flat;
    }),
  );

/** Even-odd rule: is the point inside the rings? */
function inside([x, y]: [number, number], rings: readonly Float64Array[]): boolean {
  let inn = false;
  for (const r of rings)
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const xi = r[i] as number;
      const yi = r[i + 1] as number;
      const xj = r[j] as number;
      const yj = r[j + 1] as number;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inn = !inn;
    }
  return inn;
}

/** Distance from a point to the nearest edge of the rings (stops early once it is at most `floor`). */
function edgeDistance([x, y]: [number, number], rings: readonly Float64Array[], floor = -Infinity): number {
  let d2 = Infinity;
  const floor2 = floor > 0 ? floor * floor : -Infinity;
  for (const r of rings)
    for (let i = 2; i < r.length && d2 > floor2; i += 2) {
      const ax = r[i - 2] as number;
      const ay = r[i - 1] as number;
      const dx = (r[i] as number) - ax;
      const dy = (r[i + 1] as number) - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      const ex = x - (ax + t * dx);
      const ey = y - (ay + t * dy);
      const e2 = ex * ex + ey * ey;
      if (e2 < d2) d2 = e2;
    }
  return Math.sqrt(d2);
}

/** Grid steps across a region's box when its label point is moved clear of a small region's tap target. */
const CLEAR_GRID = 32;

/**
 * A region around a small one (Minsk Oblast around Minsk City): its label point and target move to
 * the place inside it farthest from both its border and the small region's tap target, so a finger's
 * 24×24 px there selects it (not the disc of the small one) and the two names do not meet. Mutates.
 */
function clearOfTaps(targets: InsetScene['targets'], regions: InsetScene['regions']): void {
  const taps = targets.features
    .filter((f) => f.properties.tap)
    .map((f) => mercatorLngLatToWorld(f.geometry.coordinates[0] ?? 0, f.geometry.coordinates[1] ?? 0));
  for (const f of targets.features) {
    if (f.properties.tap) continue;
    const shape = regions.features.find((r) => r.properties.code === f.properties.code);
    if (!shape) continue;
    const rings = worldRings(shape.geometry);
    const [x0, y0, x1, y1] = shapesBox([shape.geometry]);
    const near = taps.filter(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
    if (near.length === 0) continue;
    let best: [number, number] | null = null;
    let score = -Infinity;
    for (let i = 0; i <= CLEAR_GRID; i++)
      for (let j = 0; j <= CLEAR_GRID; j++) {
        const p: [number, number] = [x0 + ((x1 - x0) * i) / CLEAR_GRID, y0 + ((y1 - y0) * j) / CLEAR_GRID];
        // The cheap bound first: a point no farther from the small region than the best so far cannot win.
        const fromTaps = Math.min(...near.map(([x, y]) => Math.hypot(p[0] - x, p[1] - y) / 2));
        if (fromTaps <= score || !inside(p, rings)) continue;
        const d = Math.min(edgeDistance(p, rings, score), fromTaps);
        if (d > score) [best, score] = [p, d];
      }
    if (best) f.geometry = { type: 'Point', coordinates: worldToMercatorLngLat(best[0], best[1]).map(round) };
  }
}

const ringOf = ([x0, y0, x1, y1]: Box): Position[] =>
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ].map(([x = 0, y = 0]) => worldToMercatorLngLat(x, y).map(round));

/**
 * The inset of a base scene: Belarus's regions moved, a tap target per region at its moved label
 * point, the frame, a box around the real Belarus and the leader between them. Pure.
 */
export function buildInset(base: BaseScene, placement: InsetPlacement = 'wide'): InsetScene {
  // Built once per geography and placement (choosing the placement builds both).
  const cached = built.get(base)?.get(placement);
  if (cached) return cached;
  const inset = buildInsetOnce(base, placement);
  built.set(base, (built.get(base) ?? new Map<InsetPlacement, InsetScene>()).set(placement, inset));
  return inset;
}

const built = new WeakMap<BaseScene, Map<InsetPlacement, InsetScene>>();

/** Belarus's label points as targets on the real map, named with the inset's short names. */
function belarusTargets(base: BaseScene): InsetScene['targets'] {
  return {
    type: 'FeatureCollection',
    features: base.labels.features
      .filter((f) => f.properties.country === 'BY')
      .map((f) => ({
        type: 'Feature',
        id: f.properties.code,
        properties: {
          code: f.properties.code,
          name_ru: insetName('ru', f.properties.code, f.properties.name_ru),
          name_be: insetName('be', f.properties.code, f.properties.name_be),
          name_en: insetName('en', f.properties.code, f.properties.name_en),
          offset: [0, 0] as [number, number],
          tap: false,
        },
        geometry: { type: 'Point', coordinates: f.geometry.coordinates },
      })),
  };
}

const placed = new WeakMap<BaseScene, Map<string, { tap: boolean; at: Position }>>();

/**
 * Belarus's tap targets on the real map: a region too small for a finger gets a tap disc; a region
 * around one (Minsk Oblast) has its target moved clear of it (`clearOfTaps`). Pure, once per geography.
 */
function placedTargets(base: BaseScene): Map<string, { tap: boolean; at: Position }> {
  const hit = placed.get(base);
  if (hit) return hit;
  const regions: InsetScene['regions'] = {
    type: 'FeatureCollection',
    features: base.regions.features.filter((f) => f.properties.country === 'BY'),
  };
  const targets = belarusTargets(base);
  const small = SMALL * width(regions);
  for (const f of targets.features) {
    const b = shapesBox(regions.features.filter((r) => r.properties.code === f.properties.code).map((r) => r.geometry));
    f.properties.tap = Math.min(b[2] - b[0], b[3] - b[1]) < small;
  }
  clearOfTaps(targets, regions);
  const out = new Map(
    targets.features.map((f) => [f.properties.code, { tap: f.properties.tap, at: f.geometry.coordinates }]),
  );
  placed.set(base, out);
  return out;
}

function buildInsetOnce(base: BaseScene, placement: InsetPlacement): InsetScene {
  const { k, centre } = INSET_PLACEMENTS[placement];
  const t = insetTransform(base.regions, k, [centre[0], centre[1]]);
  const by = base.regions.features.filter((f) => f.properties.country === 'BY');
  const regions: InsetScene['regions'] = {
    type: 'FeatureCollection',
    features: by.map((f) => ({ ...f, id: f.properties.code, geometry: moveShape(t, f.geometry) })),
  };
  const targets = belarusTargets(base);
  // Small regions' targets last, so they are drawn (and hit) on top of their big neighbours'.
  const area = new Map(
    regions.features.map((f) => {
      const b = shapesBox([f.geometry]);
      return [f.properties.code, (b[2] - b[0]) * (b[3] - b[1])];
    }),
  );
  // Which regions need a tap disc, and where each target stands: found once on the real Belarus (the
  // inset is a similarity of it), then moved.
  const placed = placedTargets(base);
  for (const f of targets.features) {
    const p = placed.get(f.properties.code);
    if (!p) continue;
    f.properties.tap = p.tap;
    f.geometry = { type: 'Point', coordinates: toInset(t, p.at) };
  }
  spreadLabels(targets, regions);
  // A region too small for its name (Minsk City) is named above it, so the name does not hide it.
  for (const f of targets.features) if (f.properties.tap) f.properties.offset = [0, -1.2];
  targets.features.sort((a, b) => (area.get(b.properties.code) ?? 0) - (area.get(a.properties.code) ?? 0));
  const real = shapesBox(by.map((f) => f.geometry));
  const moved = shapesBox(regions.features.map((f) => f.geometry));
  const m = (moved[2] - moved[0]) * FRAME_MARGIN;
  const box: Box = [moved[0] - m, moved[1] - m, moved[2] + m, moved[3] + m];
  const r = (real[2] - real[0]) * FRAME_MARGIN;
  const origin: Box = [real[0] - r, real[1] - r, real[2] + r, real[3] + r];
  // The leader joins the frame and the real Belarus's box at their points nearest each other.
  const clamp = (b: Box, [x, y]: [number, number]): [number, number] => [
    Math.min(Math.max(x, b[0]), b[2]),
    Math.min(Math.max(y, b[1]), b[3]),
  ];
  const centreOf = (b: Box): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  const leader: Position[] = [clamp(box, centreOf(origin)), clamp(origin, centreOf(box))].map(([x, y]) =>
    worldToMercatorLngLat(x, y).map(round),
  );
  const part = (
    p: InsetPartProps['part'],
    geometry: Polygon | LineString,
  ): Feature<Polygon | LineString, InsetPartProps> => ({
    type: 'Feature',
    id: p,
    properties: { part: p },
    geometry,
  });
  const [w, n] = worldToMercatorLngLat(box[0], box[1]);
  const [e, s] = worldToMercatorLngLat(box[2], box[3]);
  return {
    transform: t,
    regions,
    targets,
    frame: {
      type: 'FeatureCollection',
      features: [
        part('frame', { type: 'Polygon', coordinates: [ringOf(box)] }),
        part('origin', { type: 'Polygon', coordinates: [ringOf(origin)] }),
        part('leader', { type: 'LineString', coordinates: leader }),
      ],
    },
    bounds: [
      [round(w), round(s)],
      [round(e), round(n)],
    ],
    box,
  };
}

/**
 * The work `chooseInsetPlacement` and `buildInset` do for a geography, in pieces each small enough for
 * a task of its own (the first load runs them one per task): Belarus's tap targets, then each inset.
 * Each piece returns what it built (and keeps for the geography).
 */
export function insetWork(base: BaseScene): (() => unknown)[] {
  return [
    () => placedTargets(base),
    ...(Object.keys(INSET_PLACEMENTS) as InsetPlacement[]).map((placement) => () => buildInset(base, placement)),
  ];
}

/**
 * The placement that draws the inset largest in a map of `size` (CSS px): the whole map (Russia's
 * regions and the inset's frame) is fitted into it, as the default view does. Pure.
 */
export function chooseInsetPlacement(base: BaseScene, size: { width: number; height: number }): InsetPlacement {
  const all = worldBox(base.bounds);
  let best: { placement: InsetPlacement; px: number } | null = null;
  for (const placement of Object.keys(INSET_PLACEMENTS) as InsetPlacement[]) {
    const box = buildInset(base, placement).box;
    const w = Math.max(all[2], box[2]) - Math.min(all[0], box[0]);
    const h = Math.max(all[3], box[3]) - Math.min(all[1], box[1]);
    const px = Math.min(size.width / w, size.height / h) * (box[2] - box[0]);
    if (!best || px > best.px + 1e-9) best = { placement, px };
  }
  return best?.placement ?? 'wide';
}
