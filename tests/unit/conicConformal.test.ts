import { geoConicConformal } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { conicConformal } from '../../src/data/conicConformal';

// The reference: d3-geo's projection with the map's settings (see src/data/projection.ts).
const d3 = geoConicConformal().rotate([-100, 0]).parallels([52, 64]).scale(1).translate([0, 0]);
const ours = conicConformal(100, 52, 64);

/** A grid over the map's frame and well beyond it (neighbours, Chukotka past 180°). */
const GRID: [number, number][] = [];
for (let lon = -20; lon <= 200; lon += 7.5) for (let lat = -10; lat <= 88; lat += 4.5) GRID.push([lon, lat]);

describe('conicConformal (closed form of d3-geo’s geoConicConformal)', () => {
  it('projects every point of a grid as d3-geo does, to 1e-12', () => {
    const worst = Math.max(
      ...GRID.map(([lon, lat]) => {
        const a = ours(lon, lat) ?? [NaN, NaN];
        const b = d3([lon, lat]) ?? [NaN, NaN];
        return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
      }),
    );
    expect(worst).toBeLessThan(1e-12);
  });

  it('inverts as d3-geo does, to 1e-9 degrees', () => {
    const worst = Math.max(
      ...GRID.map(([lon, lat]) => {
        const p = d3([lon, lat]) ?? [NaN, NaN];
        const a = ours.invert(p[0], p[1]) ?? [NaN, NaN];
        const b = d3.invert?.(p) ?? [NaN, NaN];
        return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
      }),
    );
    expect(worst).toBeLessThan(1e-9);
  });

  it.each([
    [27.56, 53.9],
    [131.9, 43.1],
    [189, 66],
  ])('round-trips %f, %f (longitudes past 180° come back wrapped)', (lon, lat) => {
    const [x, y] = ours(lon, lat) ?? [NaN, NaN];
    const [lon2, lat2] = ours.invert(x, y) ?? [NaN, NaN];
    expect(lon2).toBeCloseTo(lon > 180 ? lon - 360 : lon, 9);
    expect(lat2).toBeCloseTo(lat, 9);
  });

  it('keeps the south pole, where the cone opens, finite (clamped as d3-geo does)', () => {
    expect(ours(100, -90)?.every(Number.isFinite)).toBe(true);
    expect(ours(100, -90)).toEqual(d3([100, -90]));
  });

  it('refuses parallels that give no cone', () => {
    expect(() => conicConformal(0, 0, 0)).toThrow(/no cone/);
  });
});
