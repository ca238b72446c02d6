import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { geoDistance } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { transform } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { MAP_QUANTIZATION, projectTopology } from '../../scripts/geo/projectTopology';
import { mercatorLngLatToWorld, project, unproject } from '../../src/data/projection';
import { decodeTopology, MAP_SPACE } from '../../src/data/topology';

/** Two squares sharing the edge x = 1 (arc 0), the rest outer edges; quantized like the real file. */
function createGeographic(): Topology {
  return {
    type: 'Topology',
    transform: { scale: [0.5, 0.5], translate: [10, 50] },
    arcs: [
      [
        [2, 0],
        [0, 2],
      ],
      [
        [2, 2],
        [-2, 0],
        [0, -2],
        [2, 0],
      ],
      [
        [2, 0],
        [2, 0],
        [0, 2],
        [-2, 0],
      ],
    ],
    objects: {
      regions: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0, 1]], properties: { code: 'BY-VI', label_lon: 10.5, label_lat: 50.5 } },
          { type: 'Polygon', arcs: [[2, ~0]], properties: { code: 'RU-SMO', label_lon: 11.5, label_lat: 50.5 } },
        ],
      },
    },
  } as unknown as Topology;
}

/** A projector that is easy to check by hand: x doubled, y shifted. */
const fakeProject = (lon: number, lat: number): [number, number] => [lon * 2, lat + 1];

/** Absolute positions of every arc of a topology. */
function absoluteArcs(t: Topology): Position[][] {
  const decode = t.transform ? transform(t.transform) : (p: Position) => p;
  return t.arcs.map((arc) => arc.map((p, i) => decode(p, i > 0)));
}

describe('projectTopology', () => {
  it('projects every arc vertex and quantizes the result again', () => {
    const out = projectTopology(createGeographic(), fakeProject, 11);
    expect(out.transform).toBeDefined();
    expect(absoluteArcs(out)).toEqual([
      [
        [22, 51],
        [22, 52],
      ],
      [
        [22, 52],
        [20, 52],
        [20, 51],
        [22, 51],
      ],
      [
        [22, 51],
        [24, 51],
        [24, 52],
        [22, 52],
      ],
    ]);
  });

  it('tags the result with the map space and keeps objects, arc references and properties', () => {
    const input = createGeographic();
    const out = projectTopology(input, fakeProject, 11);
    expect(out.space).toBe(MAP_SPACE);
    expect(out.objects).toEqual(input.objects);
    expect(out.bbox).toEqual([20, 51, 24, 52]);
  });

  it('does not change its input', () => {
    const input = createGeographic();
    projectTopology(input, fakeProject, 11);
    expect(input).toEqual(createGeographic());
  });

  it('gives a topology that decodeTopology accepts', () => {
    const out = projectTopology(createGeographic(), fakeProject, 11);
    const props = (code: string, country: string) => ({
      code,
      country,
      name_en: code,
      name_ru: code,
      name_be: code,
      label_lon: 0,
      label_lat: 0,
    });
    const regions = out.objects.regions as unknown as { geometries: { properties: object }[] };
    regions.geometries.forEach((g, i) => (g.properties = props(i ? 'RU-SMO' : 'BY-VI', i ? 'RU' : 'BY')));
    out.objects.neighbours = { type: 'GeometryCollection', geometries: [] };
    const geo = decodeTopology(out);
    expect(geo.borders.byRu.coordinates).toEqual([
      [
        [22, 51],
        [22, 52],
      ],
    ]);
  });

  it.each<[string, () => Topology, RegExp]>([
    ['a value that is no topology', () => ({ type: 'FeatureCollection' }) as unknown as Topology, /not a TopoJSON/],
    ['a topology already projected', () => projectTopology(createGeographic(), fakeProject, 11), /already projected/],
  ])('refuses %s', (_, input, message) => {
    expect(() => projectTopology(input(), fakeProject, 11)).toThrow(message);
  });

  it('fails naming a vertex that cannot be projected', () => {
    const nowhere = (lon: number, lat: number): [number, number] => (lon > 10.5 ? [NaN, lat] : [lon, lat]);
    expect(() => projectTopology(createGeographic(), nowhere, 11)).toThrow(/cannot project 11,50/);
  });
});

// The file the browser loads (written by `npm run data`) against its geographic source.
const SOURCE = new URL('../../scripts/geo/regions.lonlat.topo.json', import.meta.url);
const OUTPUT = new URL('../../public/data/regions.topo.json', import.meta.url);
const sourceText = readFileSync(SOURCE, 'utf8');
const outputText = readFileSync(OUTPUT, 'utf8');
const source = JSON.parse(sourceText) as Topology;
const output = JSON.parse(outputText) as Topology;
const geo = decodeTopology(output);
const EARTH_KM = 6371;

/** Planar point-in-polygon in MapLibre's world square: what the map hit-tests and draws. */
function contains(g: Polygon | MultiPolygon, p: Position): boolean {
  const [x, y] = mercatorLngLatToWorld(p[0] ?? NaN, p[1] ?? NaN);
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let inside = false;
  for (const ring of polygons.flat()) {
    const w = ring.map((q) => mercatorLngLatToWorld(q[0] ?? NaN, q[1] ?? NaN));
    for (let i = 0, j = w.length - 1; i < w.length; j = i++) {
      const [xi = 0, yi = 0] = w[i] ?? [];
      const [xj = 0, yj = 0] = w[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const regionAt = (lon: number, lat: number): string[] =>
  geo.regionShapes.features.filter((f) => contains(f.geometry, project(lon, lat))).map((f) => f.properties.code);

describe('public/data/regions.topo.json (projected by npm run data)', () => {
  it('is the geographic source projected with the current settings (rerun npm run data if not)', () => {
    expect(outputText).toBe(JSON.stringify(projectTopology(source, project, MAP_QUANTIZATION)));
  });

  it('keeps every vertex within 150 m of its geographic source: a round trip through unproject', () => {
    // Quantization drops a vertex only when it falls on the previous one, so the output's vertices are
    // a subsequence of the source's: walk both arcs and take the worst match.
    const src = absoluteArcs(source);
    const out = absoluteArcs(output);
    expect(out).toHaveLength(src.length);
    let worstKm = 0;
    out.forEach((arc, a) => {
      const from = src[a] ?? [];
      let j = 0;
      for (const p of arc) {
        const back = unproject(p[0] ?? NaN, p[1] ?? NaN);
        let best = Infinity;
        for (let k = j; k < from.length; k++) {
          const q = from[k] ?? [];
          const lon = (q[0] ?? NaN) > 180 ? (q[0] ?? NaN) - 360 : (q[0] ?? NaN);
          const d = geoDistance(back, [lon, q[1] ?? NaN]) * EARTH_KM;
          if (d < best) {
            best = d;
            j = k;
          }
          if (d < 0.15) break;
        }
        worstKm = Math.max(worstKm, best);
      }
    });
    expect(worstKm).toBeLessThan(0.15);
  });

  it.each([
    ['BY-HM', 27.56, 53.9],
    ['BY-HR', 23.83, 53.68],
    ['BY-BR', 23.7, 52.1],
    ['BY-VI', 30.2, 55.19],
    ['RU-MOW', 37.62, 55.75],
    ['RU-KGD', 20.51, 54.71],
    ['RU-SPE', 30.31, 59.94],
    ['RU-KRS', 36.19, 51.73],
    ['RU-PRI', 131.9, 43.12],
    ['RU-CHU', 184, 66],
  ])('puts the projected point of a place in %s, and in no other region', (code, lon, lat) => {
    expect(regionAt(lon, lat)).toEqual([code]);
  });

  it('detects a place outside the regions (the check above can fail): Simferopol is in Ukraine', () => {
    expect(regionAt(34.1, 44.95)).toEqual([]);
  });

  it('puts every label point in its own region', () => {
    const outside = geo.regions
      .filter(
        (r) =>
          !contains(geo.regionShapes.features.find((f) => f.properties.code === r.code)!.geometry, project(...r.label)),
      )
      .map((r) => r.code);
    expect(outside).toEqual([]);
  });

  it('keeps holes wound against their outer ring (MapLibre tells holes by winding)', () => {
    const area = (ring: Position[]): number =>
      ring.reduce((s, p, i) => {
        const q = ring[(i + 1) % ring.length] ?? [];
        return s + (p[0] ?? 0) * (q[1] ?? 0) - (q[0] ?? 0) * (p[1] ?? 0);
      }, 0);
    const bad: string[] = [];
    for (const f of [...geo.regionShapes.features, ...geo.neighbours.features]) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const [outer = [], ...holes] of polygons) {
        if (area(outer) === 0 || holes.some((h) => Math.sign(area(h)) !== -Math.sign(area(outer))))
          bad.push(f.properties.code);
      }
    }
    expect(bad).toEqual([]);
  });

  it('is no larger than its geographic source, gzipped, within 2 %', () => {
    const gzip = (text: string): number => gzipSync(text, { level: 6 }).length;
    expect(gzip(outputText)).toBeLessThan(gzip(JSON.stringify(source)) * 1.02);
  });
});
