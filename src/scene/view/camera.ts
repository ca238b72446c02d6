import type { Geometry, Position } from 'geojson';
import type { LinkKind } from '../../data/types';
import type { MapScene } from '../composeScene';
import { project } from '../../data/projection';

/** A camera without rotation: the centre (scene coordinate, i.e. MapLibre lon/lat) and the zoom. */
export interface MapCamera {
  center: [number, number];
  zoom: number;
}

/** Room around the regions in the default view (CSS px), on both maps; the legend sits bottom-right over the Pacific. */
export const FIT_PADDING = { top: 16, bottom: 16, left: 28, right: 20 };

/** Geographic bounds in degrees: [west, south, east, north]. */
export type GeoBounds = [number, number, number, number];

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

/** Scene bounds [[west, south], [east, north]] (MapLibre lon/lat of the conic plane). */
export type SceneBounds = [[number, number], [number, number]];

/** Every position of a geometry (outer and inner rings alike). */
export function* positionsOf(g: Geometry): Generator<Position> {
  switch (g.type) {
    case 'Point':
      yield g.coordinates;
      break;
    case 'MultiPoint':
    case 'LineString':
      yield* g.coordinates;
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const l of g.coordinates) yield* l;
      break;
    case 'MultiPolygon':
      for (const p of g.coordinates) for (const l of p) yield* l;
      break;
    case 'GeometryCollection':
      for (const c of g.geometries) yield* positionsOf(c);
  }
}

/**
 * Where the camera goes when a place is selected: around the place (a region, its inset copy for a
 * Belarusian one, or a city), every link of the shown kinds that touches it by `year`, and the
 * inset the links leave from. Null when nothing (known) is selected.
 */
export function focusBounds(
  scene: MapScene,
  selection: string | null,
  year: number,
  kinds: readonly LinkKind[],
): SceneBounds | null {
  if (!selection) return null;
  const geometries: Geometry[] = [];
  for (const fc of [scene.base.regions, scene.inset.regions])
    for (const f of fc.features) if (f.properties.code === selection) geometries.push(f.geometry);
  for (const f of scene.links.cities.features) if (f.properties.id === selection) geometries.push(f.geometry);
  if (geometries.length === 0) return null;
  const before = geometries.length;
  for (const f of scene.links.arcs.features) {
    const a = f.properties;
    if (a.start <= year && kinds.includes(a.kind) && [a.from, a.to, a.fromRegion, a.toRegion].includes(selection))
      geometries.push(f.geometry);
  }
  // Links leave from the inset: with any link drawn, the whole inset is in the frame too.
  if (geometries.length > before || selection.startsWith('BY'))
    for (const f of scene.inset.frame.features) if (f.properties.part === 'frame') geometries.push(f.geometry);
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const g of geometries)
    for (const [x = 0, y = 0] of positionsOf(g)) {
      w = Math.min(w, x);
      s = Math.min(s, y);
      e = Math.max(e, x);
      n = Math.max(n, y);
    }
  if (!Number.isFinite(w + s + e + n)) return null;
  // A small place alone is not blown up to fill the screen: the frame spans at least MIN_SPAN.
  const padX = Math.max(0, MIN_SPAN - (e - w)) / 2;
  const padY = Math.max(0, MIN_SPAN / 2 - (n - s)) / 2;
  return [
    [w - padX, s - padY],
    [e + padX, n + padY],
  ];
}

/** Least width (scene degrees of longitude; half of it in latitude) of a selection's frame. */
const MIN_SPAN = 12;

/** Deepest zoom a selection frames (a small region alone is not blown up to fill the screen). */
export const FOCUS_MAX_ZOOM = 5;
