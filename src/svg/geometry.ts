import type { Geometry, Position } from 'geojson';
import { mercatorLngLatToWorld } from '../data/projection';
import { FIT_PADDING } from '../scene/view/camera';

/**
 * Screen placement of the conic plane: a point's screen position (CSS px) is its world position
 * (the unit square of `projection.ts`) times `k`, plus `(tx, ty)`. This is MapLibre's own camera
 * without rotation: its world is 512 · 2^zoom px wide, so `zoom = log2(k / 512)`.
 */
export interface Camera {
  k: number;
  tx: number;
  ty: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** MapLibre's zoom limits for this map. */
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 9;

const TILE = 512;

/** World position (unit square) of a scene coordinate (MapLibre lon/lat). */
export function worldOf(p: Position): [number, number] {
  return mercatorLngLatToWorld(p[0] ?? 0, p[1] ?? 0);
}

/** Screen position (CSS px) of a scene coordinate under a camera. */
export function screenOf(cam: Camera, p: Position): [number, number] {
  const [x, y] = worldOf(p);
  return [x * cam.k + cam.tx, y * cam.k + cam.ty];
}

/** Scene coordinate (MapLibre lon/lat) under a screen point. */
export function sceneAt(cam: Camera, x: number, y: number): [number, number] {
  const wx = (x - cam.tx) / cam.k;
  const wy = (y - cam.ty) / cam.k;
  const lng = wx * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * wy))) * 180) / Math.PI;
  return [lng, lat];
}

/** MapLibre-style zoom level of a camera. */
export function zoomOf(cam: Camera): number {
  return Math.log2(cam.k / TILE);
}

/**
 * The camera that frames scene bounds ([[west, south], [east, north]], MapLibre lon/lat) inside
 * `size` less `padding`, centred, as MapLibre's `fitBounds` does.
 */
export function fitCamera(
  bounds: [[number, number], [number, number]],
  size: Size,
  padding: Padding = FIT_PADDING,
): Camera {
  const [x0, y1] = worldOf(bounds[0]);
  const [x1, y0] = worldOf(bounds[1]);
  const innerW = Math.max(1, size.width - padding.left - padding.right);
  const innerH = Math.max(1, size.height - padding.top - padding.bottom);
  const k = clampK(Math.min(innerW / Math.max(1e-12, x1 - x0), innerH / Math.max(1e-12, y1 - y0)));
  const cx = padding.left + innerW / 2;
  const cy = padding.top + innerH / 2;
  return { k, tx: cx - ((x0 + x1) / 2) * k, ty: cy - ((y0 + y1) / 2) * k };
}

function clampK(k: number): number {
  return Math.min(TILE * 2 ** MAX_ZOOM, Math.max(TILE * 2 ** MIN_ZOOM, k));
}

/** Zooms by `factor` about a screen point (it stays where it is), within the zoom limits. */
export function zoomCamera(cam: Camera, factor: number, at: [number, number]): Camera {
  const k = clampK(cam.k * factor);
  const f = k / cam.k;
  return { k, tx: at[0] - (at[0] - cam.tx) * f, ty: at[1] - (at[1] - cam.ty) * f };
}

/** Moves the picture by (dx, dy) screen px. */
export function panCamera(cam: Camera, dx: number, dy: number): Camera {
  return { k: cam.k, tx: cam.tx + dx, ty: cam.ty + dy };
}

const round = (v: number): number => Math.round(v * 10) / 10;

/** Numbers for path data: one decimal at most, a space only where the sign does not separate them. */
function pair(a: number, b: number): string {
  const x = String(round(a));
  const y = String(round(b));
  return y.startsWith('-') ? `${x}${y}` : `${x} ${y}`;
}

/**
 * SVG path data of one ring or line in screen px: absolute first point, then relative steps between
 * positions rounded to 0.1 px (so rounding never accumulates). Vertices closer than `minStep` px to
 * the last kept one are dropped (the overview needs a fraction of the 50 000 vertices); the last
 * vertex is always kept.
 */
function runPath(coords: Position[], cam: Camera, close: boolean, minStep: number): string {
  let out = '';
  let lx = NaN;
  let ly = NaN;
  const n = coords.length;
  for (let i = 0; i < n; i++) {
    const p = coords[i] as Position;
    const [wx, wy] = worldOf(p);
    const x = round(wx * cam.k + cam.tx);
    const y = round(wy * cam.k + cam.ty);
    if (i === 0) out = `M${pair(x, y)}l`;
    else {
      if (i < n - 1 && Math.abs(x - lx) < minStep && Math.abs(y - ly) < minStep) continue;
      if (x === lx && y === ly) continue;
      const step = pair(x - lx, y - ly);
      out += out.endsWith('l') || step.startsWith('-') ? step : ` ${step}`;
    }
    lx = x;
    ly = y;
  }
  if (out.endsWith('l')) out = out.slice(0, -1);
  return close && out ? `${out}z` : out;
}

/** SVG path data (screen px) of a line or area geometry; points and collections give ''. */
export function pathData(g: Geometry, cam: Camera, minStep = 0.8): string {
  switch (g.type) {
    case 'LineString':
      return runPath(g.coordinates, cam, false, minStep);
    case 'MultiLineString':
      return g.coordinates.map((c) => runPath(c, cam, false, minStep)).join('');
    case 'Polygon':
      return g.coordinates.map((c) => runPath(c, cam, true, minStep)).join('');
    case 'MultiPolygon':
      return g.coordinates.map((poly) => poly.map((c) => runPath(c, cam, true, minStep)).join('')).join('');
    default:
      return '';
  }
}

const pathCache = new WeakMap<Geometry, { key: string; d: string }>();

/** {@link pathData}, remembered per geometry for the last camera (year and hover changes reuse it). */
export function cachedPathData(g: Geometry, cam: Camera): string {
  const key = `${cam.k}|${cam.tx}|${cam.ty}`;
  const hit = pathCache.get(g);
  if (hit?.key === key) return hit.d;
  const d = pathData(g, cam);
  pathCache.set(g, { key, d });
  return d;
}
