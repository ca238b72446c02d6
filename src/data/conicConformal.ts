/**
 * The Lambert conformal conic on the sphere, in closed form: the same formulas as d3-geo's
 * `geoConicConformal().rotate([-centralMeridian, 0]).parallels([φ0, φ1]).scale(1).translate([0, 0])`
 * (checked against it to 1e-12 in tests/unit/conicConformal.test.ts), without d3-geo's stream, clip and
 * resample machinery, which the app never used for points: ~8 kB gzip less before the first view.
 */

const RAD = Math.PI / 180;
const HALF_PI = Math.PI / 2;
const EPSILON = 1e-6;

export interface ConicConformal {
  /** Planar position (unit sphere radius, y down) of lon/lat degrees; null where undefined. */
  (lon: number, lat: number): [number, number] | null;
  /** Lon/lat degrees (lon in [-180, 180]) of a planar position; null where undefined. */
  invert(x: number, y: number): [number, number] | null;
}

const tany = (phi: number): number => Math.tan((HALF_PI + phi) / 2);

/** Wraps an angle (radians) into [-π, π], as d3-geo's rotation does. */
const wrap = (lambda: number): number =>
  lambda > Math.PI ? lambda - 2 * Math.PI : lambda < -Math.PI ? lambda + 2 * Math.PI : lambda;

/**
 * A conformal conic with the given central meridian and standard parallels (degrees, φ0 ≠ −φ1,
 * distinct parallels).
 */
export function conicConformal(centralMeridian: number, parallel0: number, parallel1: number): ConicConformal {
  const y0 = parallel0 * RAD;
  const y1 = parallel1 * RAD;
  const cy0 = Math.cos(y0);
  const n = y0 === y1 ? Math.sin(y0) : Math.log(cy0 / Math.cos(y1)) / Math.log(tany(y1) / tany(y0));
  if (!n) throw new Error('conicConformal: these parallels give no cone (use Mercator)');
  const f = (cy0 * Math.pow(tany(y0), n)) / n;

  const project = ((lon: number, lat: number) => {
    const lambda = wrap((lon - centralMeridian) * RAD);
    let phi = lat * RAD;
    // The pole the cone opens towards maps to infinity: clamp just short of it (d3-geo does the same).
    if (f > 0) phi = Math.max(phi, -HALF_PI + EPSILON);
    else phi = Math.min(phi, HALF_PI - EPSILON);
    const r = f / Math.pow(tany(phi), n);
    const x = r * Math.sin(n * lambda);
    const y = -(f - r * Math.cos(n * lambda));
    return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
  }) as ConicConformal;

  project.invert = (x: number, y: number) => {
    const fy = f + y; // y is down: the raw projection's y is −y
    const r = Math.sign(n) * Math.sqrt(x * x + fy * fy);
    let l = Math.atan2(x, Math.abs(fy)) * Math.sign(fy);
    if (fy * n < 0) l -= Math.PI * Math.sign(x) * Math.sign(fy);
    const lambda = wrap(l / n + centralMeridian * RAD);
    const phi = 2 * Math.atan(Math.pow(f / r, 1 / n)) - HALF_PI;
    return Number.isFinite(lambda) && Number.isFinite(phi) ? [lambda / RAD, phi / RAD] : null;
  };
  return project;
}
