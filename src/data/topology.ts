import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { feature, mesh, transform } from 'topojson-client';
import type { RegionInfo } from './types';

/**
 * Decodes `public/data/regions.topo.json` into the shapes the map draws. The file is already in the
 * map's plane (`npm run data` projects scripts/geo's geographic topology with `project()` of
 * `projection.ts` and quantizes it again): decoded coordinates go to both renderers as they are, and
 * the browser projects no boundary vertex. Only the label points stay geographic lon/lat degrees.
 */

const FILE = 'regions.topo.json';

/**
 * Value of the topology's `space` member (a TopoJSON foreign member) that says its coordinates are
 * `project()`'s output (the conic picture expressed as the lon/lat MapLibre is given). Change it when
 * the projection changes, so a stale file is refused instead of drawn warped.
 */
export const MAP_SPACE = 'byru-conic-100-52-64';

export const REGION_COUNTRIES = ['BY', 'RU'] as const;
export type RegionCountry = (typeof REGION_COUNTRIES)[number];

/** Region and neighbour outlines, as GeoJSON. */
export type AreaGeometry = Polygon | MultiPolygon;

export interface RegionShapeProperties {
  /** ISO 3166-2 code, e.g. `BY-HR`. */
  code: string;
  country: RegionCountry;
}

export interface NeighbourProperties {
  /** ISO 3166-1 alpha-2 code, e.g. `UA`. */
  code: string;
}

/** Border lines, for drawing strokes once instead of outlining every fill. */
export interface Borders {
  /** Borders between two regions of the same country (oblast and subject borders). */
  internal: MultiLineString;
  /** The Belarus–Russia state border. */
  byRu: MultiLineString;
  /** Every land border between two different countries among the regions and the neighbours (BY–RU included). */
  international: MultiLineString;
}

export interface Geography {
  /** The 90 regions (7 BY, 83 RU) in file order (sorted by code). */
  regions: RegionInfo[];
  regionShapes: FeatureCollection<AreaGeometry, RegionShapeProperties>;
  /** Neighbouring countries, drawn as context only. */
  neighbours: FeatureCollection<AreaGeometry, NeighbourProperties>;
  borders: Borders;
}

type Props = Record<string, unknown>;

function fail(message: string): never {
  throw new Error(`${FILE}: ${message}`);
}

function collection(topology: Topology, name: string): GeometryCollection<Props> {
  const object = topology.objects[name];
  if (!object) fail(`missing object "${name}"`);
  if (object.type !== 'GeometryCollection') fail(`object "${name}" is a ${object.type}, expected a GeometryCollection`);
  return object as GeometryCollection<Props>;
}

function text(props: Props, key: string, where: string): string {
  const value = props[key];
  if (typeof value !== 'string' || value.trim() === '') fail(`${where} lacks property "${key}" (a non-empty string)`);
  return value;
}

function degrees(props: Props, key: string, where: string): number {
  const value = props[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${where} lacks property "${key}" (a number)`);
  return value;
}

function isCountry(value: unknown): value is RegionCountry {
  return REGION_COUNTRIES.some((c) => c === value);
}

/** Checks a geometry's type and code, and that the code is new; returns the code. */
function checkGeometry(g: GeometryObject<Props>, i: number, kind: string, seen: Set<string>): string {
  const where = `${kind} #${i + 1}`;
  const code = text(g.properties ?? {}, 'code', where);
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    fail(`${kind} ${code} has geometry type ${g.type}, expected Polygon or MultiPolygon`);
  }
  if (seen.has(code)) fail(`duplicate ${kind} code ${code}`);
  seen.add(code);
  return code;
}

function toFeature<P>(topology: Topology, g: GeometryObject<Props>, properties: P): Feature<AreaGeometry, P> {
  const { geometry } = feature(topology, g as GeometryObject) as Feature<AreaGeometry>;
  return { type: 'Feature', properties, geometry };
}

/**
 * The topology with its arcs decoded once into absolute positions (no `transform`): the features and
 * meshes made from it then share one position array per vertex wherever regions meet, so whatever
 * follows (projecting, drawing) can do each shared vertex once.
 */
function absolute(topology: Topology): Topology {
  if (!topology.transform) return topology;
  const decode = transform(topology.transform);
  // The second argument says whether the point continues the arc (its first point restarts the deltas).
  const arcs = topology.arcs.map((arc) => arc.map((p, i) => decode(p, i > 0)));
  return { ...topology, transform: undefined, arcs } as Topology;
}

/**
 * Decodes the boundaries topology (already parsed JSON). Positions shared by several shapes (borders)
 * are the same array objects: treat them as read-only.
 * @throws Error naming the problem when an object or a property is missing or a code is repeated.
 */
export function decodeTopology(topology: Topology): Geography {
  return decodeTopologyInSteps(topology).finish();
}

/**
 * {@link decodeTopology} in two steps, to be run in two tasks: the shapes now (and every check),
 * the borders (three meshes) in `finish`, which returns the geography.
 */
export function decodeTopologyInSteps(topology: Topology): { finish: () => Geography } {
  if (topology?.type !== 'Topology' || !Array.isArray(topology.arcs) || typeof topology.objects !== 'object') {
    fail('not a TopoJSON Topology');
  }
  const space = (topology as { space?: unknown }).space;
  if (space !== MAP_SPACE) {
    fail(
      `coordinates are not in the map's plane (space ${JSON.stringify(space)}, expected "${MAP_SPACE}"): run npm run data`,
    );
  }
  const regionObject = collection(topology, 'regions');
  const neighbourObject = collection(topology, 'neighbours');
  const decoded = absolute(topology);

  const regions: RegionInfo[] = [];
  const regionShapes: Feature<AreaGeometry, RegionShapeProperties>[] = [];
  const countryOf = new Map<GeometryObject<Props>, string>();
  const seenRegions = new Set<string>();
  regionObject.geometries.forEach((g, i) => {
    const code = checkGeometry(g, i, 'region', seenRegions);
    const props: Props = g.properties ?? {};
    const country = props.country;
    if (!isCountry(country)) fail(`region ${code} lacks property "country" ('BY' or 'RU')`);
    if (!code.startsWith(`${country}-`)) fail(`region ${code} has country ${country}, which its code contradicts`);
    regions.push({
      code,
      country,
      names: {
        ru: text(props, 'name_ru', `region ${code}`),
        be: text(props, 'name_be', `region ${code}`),
        en: text(props, 'name_en', `region ${code}`),
      },
      label: [degrees(props, 'label_lon', `region ${code}`), degrees(props, 'label_lat', `region ${code}`)],
    });
    regionShapes.push(toFeature(decoded, g, { code, country }));
    countryOf.set(g, country);
  });

  const seenNeighbours = new Set<string>();
  const neighbours = neighbourObject.geometries.map((g, i) => {
    const code = checkGeometry(g, i, 'neighbour', seenNeighbours);
    countryOf.set(g, code);
    return toFeature(decoded, g, { code });
  });

  // mesh() calls the filter with a === b for outer edges (coasts); those are no borders.
  const country = (g: GeometryObject) => countryOf.get(g as GeometryObject<Props>);
  const everything: GeometryCollection = {
    type: 'GeometryCollection',
    geometries: [...regionObject.geometries, ...neighbourObject.geometries],
  };
  const borders = (): Borders => ({
    internal: mesh(decoded, regionObject, (a, b) => a !== b && country(a) === country(b)),
    byRu: mesh(decoded, regionObject, (a, b) => country(a) !== country(b)),
    international: mesh(decoded, everything, (a, b) => a !== b && country(a) !== country(b)),
  });

  return {
    finish: () => ({
      regions,
      regionShapes: { type: 'FeatureCollection', features: regionShapes },
      neighbours: { type: 'FeatureCollection', features: neighbours },
      borders: borders(),
    }),
  };
}
