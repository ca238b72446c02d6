import { conicConformal } from './conicConformal';

/**
 * The map's one projection. Atlases of Russia use a conic projection; MapLibre draws Web Mercator.
 * So every coordinate (boundaries, label points, cities, arc vertices) is first projected with a
 * Lambert conformal conic (central meridian 100°E, standard parallels 52° and 64°) into a planar
 * "world" square, and that planar point is then expressed as the lon/lat whose Web Mercator image
 * it is. MapLibre's Mercator then reproduces the conic picture exactly, vertex for vertex.
 *
 * Everything that is drawn goes through {@link project}; nothing else may place geometry. The
 * boundaries go through it at build time (`npm run data` writes them projected, see
 * `scripts/geo/projectTopology.ts`); in the browser only few points do (label points, cities, arcs).
 */
export const CONIC = conicConformal(100, 52, 64);

/** Geographic frame (lon/lat degrees) of Belarus + Russia, used to scale the planar world. */
export const FRAME = { west: 19, east: 191, south: 41, north: 82 } as const;

/** Fraction of the Mercator world square the frame's planar extent spans (keeps clear of ±85°). */
const WORLD_SPAN = 0.5;

function rawConic(lon: number, lat: number): [number, number] {
  const p = CONIC(lon, lat);
  if (!p) throw new Error(`Cannot project ${lon},${lat}`);
  return p;
}

function frameExtent(): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const steps = 64;
  for (let i = 0; i <= steps; i++) {
    const lon = FRAME.west + ((FRAME.east - FRAME.west) * i) / steps;
    const lat = FRAME.south + ((FRAME.north - FRAME.south) * i) / steps;
    for (const [a, b] of [
      [lon, FRAME.south],
      [lon, FRAME.north],
      [FRAME.west, lat],
      [FRAME.east, lat],
    ] as const) {
      const [x, y] = rawConic(a, b);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return { x0, y0, x1, y1 };
}

const EXTENT = frameExtent();
const SCALE = WORLD_SPAN / Math.max(EXTENT.x1 - EXTENT.x0, EXTENT.y1 - EXTENT.y0);
const OFFSET_X = 0.5 - ((EXTENT.x0 + EXTENT.x1) / 2) * SCALE;
const OFFSET_Y = 0.5 - ((EXTENT.y0 + EXTENT.y1) / 2) * SCALE;

/** Conic planar position in the unit world square ([0,1]², y down), for a lon/lat in degrees. */
export function toWorld(lon: number, lat: number): [number, number] {
  const [x, y] = rawConic(lon, lat);
  return [OFFSET_X + x * SCALE, OFFSET_Y + y * SCALE];
}

/** Lon/lat (degrees) whose Web Mercator image is the unit-square point (x, y). */
export function worldToMercatorLngLat(x: number, y: number): [number, number] {
  const lng = x * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [lng, lat];
}

/** Unit-square point of a Web Mercator lon/lat (inverse of {@link worldToMercatorLngLat}). */
export function mercatorLngLatToWorld(lng: number, lat: number): [number, number] {
  const x = (lng + 180) / 360;
  const s = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  return [x, y];
}

/**
 * THE projection: geographic lon/lat (degrees) → the lon/lat MapLibre must be given so that the
 * point appears where the conic map puts it. Rounded to 1e-6° (≈ 0.1 m) to keep GeoJSON small.
 */
export function project(lon: number, lat: number): [number, number] {
  const [x, y] = toWorld(lon, lat);
  const [a, b] = worldToMercatorLngLat(x, y);
  return [Math.round(a * 1e6) / 1e6, Math.round(b * 1e6) / 1e6];
}

/** Inverse of {@link project}: MapLibre lon/lat → geographic lon/lat (degrees). */
export function unproject(lng: number, lat: number): [number, number] {
  const [x, y] = mercatorLngLatToWorld(lng, lat);
  const inv = CONIC.invert((x - OFFSET_X) / SCALE, (y - OFFSET_Y) / SCALE);
  if (!inv) throw new Error(`Cannot unproject ${lng},${lat}`);
  return inv;
}

/** Bounds (MapLibre lon/lat, [[w, s], [e, n]]) of the projected frame: the default view. */
export function projectedFrameBounds(): [[number, number], [number, number]] {
  const [w, n] = worldToMercatorLngLat(OFFSET_X + EXTENT.x0 * SCALE, OFFSET_Y + EXTENT.y0 * SCALE);
  const [e, s] = worldToMercatorLngLat(OFFSET_X + EXTENT.x1 * SCALE, OFFSET_Y + EXTENT.y1 * SCALE);
  return [
    [w, s],
    [e, n],
  ];
}
