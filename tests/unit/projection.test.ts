import { describe, expect, it } from 'vitest';
import {
  mercatorLngLatToWorld,
  project,
  projectedFrameBounds,
  toWorld,
  unproject,
  worldToMercatorLngLat,
} from '../../src/data/projection';

describe('project', () => {
  it.each([
    ['Minsk', 27.56, 53.9],
    ['Moscow', 37.62, 55.75],
    ['Vladivostok', 131.9, 43.1],
    ['Anadyr (east of 180°, shifted)', 177.5, 64.73],
    ['Chukotka past the antimeridian', 189.0, 66.0],
  ])('round-trips %s through unproject', (_name, lon, lat) => {
    const [x, y] = project(lon, lat);
    const [lon2, lat2] = unproject(x, y);
    expect(lon2).toBeCloseTo(lon > 180 ? lon - 360 : lon, 4);
    expect(lat2).toBeCloseTo(lat, 4);
  });

  it('keeps the whole frame inside the Mercator world, clear of the poles', () => {
    const [[w, s], [e, n]] = projectedFrameBounds();
    expect(w).toBeGreaterThanOrEqual(-180);
    expect(e).toBeLessThanOrEqual(180);
    expect(s).toBeGreaterThan(-80);
    expect(n).toBeLessThan(80);
  });

  it('is conic, not Mercator: meridians converge towards the north', () => {
    // Distance between the 30°E and 40°E meridians at 45°N vs 70°N, in planar units.
    const south = toWorld(40, 45)[0] - toWorld(30, 45)[0];
    const north = toWorld(40, 70)[0] - toWorld(30, 70)[0];
    expect(north / south).toBeLessThan(0.75);
  });

  it('puts the north up: at the central meridian a higher latitude has a smaller y', () => {
    expect(toWorld(100, 70)[1]).toBeLessThan(toWorld(100, 50)[1]);
  });

  it('bends parallels into arcs around the pole: at one latitude, Minsk and Kamchatka sit higher than 100°E', () => {
    expect(toWorld(27.5, 55)[1]).toBeLessThan(toWorld(100, 55)[1]);
    expect(toWorld(160, 55)[1]).toBeLessThan(toWorld(100, 55)[1]);
  });

  it('inverts the Mercator placement exactly', () => {
    const [lng, lat] = worldToMercatorLngLat(0.31, 0.44);
    const [x, y] = mercatorLngLatToWorld(lng, lat);
    expect(x).toBeCloseTo(0.31, 12);
    expect(y).toBeCloseTo(0.44, 12);
  });
});
