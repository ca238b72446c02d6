import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { decodeTopology, MAP_SPACE } from '../../src/data/topology';

type Props = Record<string, unknown>;

/**
 * Four unit squares in a row, y 0..1: LT (neighbour) | BY-VI | RU-SMO | RU-BRY.
 * Arcs 0–2 are the shared edges at x = 0, 1, 2; the others are outer edges.
 */
function createTopology(): Topology {
  const region = (code: string, country: string, arcs: number[][], extra: Props = {}) => ({
    type: 'Polygon',
    arcs,
    properties: {
      code,
      country,
      name_en: `${code} en`,
      name_ru: `${code} ru`,
      name_be: `${code} be`,
      label_lon: 0.5,
      label_lat: 0.5,
      ...extra,
    },
  });
  return {
    type: 'Topology',
    space: MAP_SPACE,
    arcs: [
      [
        [0, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [1, 1],
      ],
      [
        [2, 0],
        [2, 1],
      ],
      [
        [0, 1],
        [-1, 1],
        [-1, 0],
        [0, 0],
      ],
      [
        [1, 1],
        [0, 1],
      ],
      [
        [0, 0],
        [1, 0],
      ],
      [
        [2, 1],
        [1, 1],
      ],
      [
        [1, 0],
        [2, 0],
      ],
      [
        [2, 0],
        [3, 0],
        [3, 1],
        [2, 1],
      ],
    ],
    objects: {
      regions: {
        type: 'GeometryCollection',
        geometries: [
          region('BY-VI', 'BY', [[5, 1, 4, ~0]], { label_lon: 0.4, label_lat: 0.6 }),
          region('RU-SMO', 'RU', [[7, 2, 6, ~1]]),
          region('RU-BRY', 'RU', [[8, ~2]]),
        ],
      },
      neighbours: {
        type: 'GeometryCollection',
        geometries: [{ type: 'Polygon', arcs: [[0, 3]], properties: { code: 'LT', name_en: 'Lithuania' } }],
      },
    },
  } as unknown as Topology;
}

type Geometries = { geometries: { type: string; properties: Props }[] };
const regionsOf = (t: Topology) => t.objects.regions as unknown as Geometries;
const neighboursOf = (t: Topology) => t.objects.neighbours as unknown as Geometries;
const sortedLines = (lines: number[][][]) =>
  lines
    .map((l) =>
      l
        .map((p) => p.join(','))
        .sort()
        .join(' '),
    )
    .sort();

describe('decodeTopology', () => {
  it('decodes every region with its country, names in three languages and label point', () => {
    const { regions } = decodeTopology(createTopology());
    expect(regions.map((r) => r.code)).toEqual(['BY-VI', 'RU-SMO', 'RU-BRY']);
    expect(regions[0]).toEqual({
      code: 'BY-VI',
      country: 'BY',
      names: { ru: 'BY-VI ru', be: 'BY-VI be', en: 'BY-VI en' },
      label: [0.4, 0.6],
    });
  });

  it('gives region shapes only the code and country, with the file’s planar polygons as they are', () => {
    const { regionShapes } = decodeTopology(createTopology());
    expect(regionShapes.type).toBe('FeatureCollection');
    expect(regionShapes.features.map((f) => f.properties)).toEqual([
      { code: 'BY-VI', country: 'BY' },
      { code: 'RU-SMO', country: 'RU' },
      { code: 'RU-BRY', country: 'RU' },
    ]);
    expect(regionShapes.features[0]?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    });
  });

  it('gives neighbours only their country code', () => {
    const { neighbours } = decodeTopology(createTopology());
    expect(neighbours.features.map((f) => f.properties)).toEqual([{ code: 'LT' }]);
    expect(neighbours.features[0]?.geometry.type).toBe('Polygon');
  });

  it.each([
    ['internal', ['2,0 2,1']],
    ['byRu', ['1,0 1,1']],
    ['international', ['0,0 0,1', '1,0 1,1']],
  ] as const)('meshes the %s borders without coastlines', (key, expected) => {
    const { borders } = decodeTopology(createTopology());
    expect(borders[key].type).toBe('MultiLineString');
    expect(sortedLines(borders[key].coordinates)).toEqual(expected);
  });

  it('does not change the topology it decodes', () => {
    const topology = createTopology();
    decodeTopology(topology);
    expect(topology).toEqual(createTopology());
  });

  it.each<[string, (t: Topology) => void, RegExp]>([
    ['a value that is no topology', (t) => Object.assign(t, { type: 'FeatureCollection' }), /not a TopoJSON Topology/],
    [
      'a geographic (unprojected) topology',
      (t) => delete (t as { space?: string }).space,
      /coordinates are not in the map's plane \(space undefined, expected "byru-conic-100-52-64"\): run npm run data/,
    ],
    [
      'a topology projected for another map',
      (t) => Object.assign(t, { space: 'byru-conic-90-50-60' }),
      /space "byru-conic-90-50-60"/,
    ],
    ['a missing regions object', (t) => delete t.objects.regions, /missing object "regions"/],
    ['a missing neighbours object', (t) => delete t.objects.neighbours, /missing object "neighbours"/],
    [
      'a regions object that is no collection',
      (t) => Object.assign(t.objects, { regions: { type: 'Polygon', arcs: [[0]] } }),
      /object "regions" is a Polygon, expected a GeometryCollection/,
    ],
    [
      'a region without code',
      (t) => delete regionsOf(t).geometries[1]?.properties.code,
      /region #2 lacks property "code"/,
    ],
    [
      'a region without a Belarusian name',
      (t) => delete regionsOf(t).geometries[1]?.properties.name_be,
      /region RU-SMO lacks property "name_be"/,
    ],
    [
      'a region with an empty English name',
      (t) => Object.assign(regionsOf(t).geometries[0]?.properties ?? {}, { name_en: ' ' }),
      /region BY-VI lacks property "name_en"/,
    ],
    [
      'a region without label latitude',
      (t) => delete regionsOf(t).geometries[2]?.properties.label_lat,
      /region RU-BRY lacks property "label_lat"/,
    ],
    [
      'a region with an unknown country',
      (t) => Object.assign(regionsOf(t).geometries[0]?.properties ?? {}, { country: 'PL' }),
      /region BY-VI lacks property "country"/,
    ],
    [
      'a region whose country contradicts its code',
      (t) => Object.assign(regionsOf(t).geometries[0]?.properties ?? {}, { country: 'RU' }),
      /region BY-VI has country RU/,
    ],
    [
      'a duplicate region code',
      (t) => Object.assign(regionsOf(t).geometries[2]?.properties ?? {}, { code: 'RU-SMO' }),
      /duplicate region code RU-SMO/,
    ],
    [
      'a region that is no polygon',
      (t) => Object.assign(regionsOf(t).geometries[2] ?? {}, { type: 'LineString', arcs: [2] }),
      /region RU-BRY has geometry type LineString/,
    ],
    [
      'a neighbour without code',
      (t) => delete neighboursOf(t).geometries[0]?.properties.code,
      /neighbour #1 lacks property "code"/,
    ],
    [
      'a duplicate neighbour code',
      (t) => neighboursOf(t).geometries.push({ type: 'Polygon', properties: { code: 'LT' }, arcs: [[0, 3]] } as never),
      /duplicate neighbour code LT/,
    ],
  ])('throws a readable error for %s', (_, breakIt, message) => {
    const topology = createTopology();
    breakIt(topology);
    expect(() => decodeTopology(topology)).toThrow(message);
  });

  it('names the file in its errors', () => {
    const topology = createTopology();
    delete topology.objects.regions;
    expect(() => decodeTopology(topology)).toThrow(/^regions\.topo\.json: /);
  });
});
