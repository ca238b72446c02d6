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
