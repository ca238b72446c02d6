import type { Position } from 'geojson';
import type { Objects, Topology } from 'topojson-specification';
import { bbox, quantize, transform } from 'topojson-client';
import { MAP_SPACE } from '../../src/data/topology.ts';

/**
 * Quantization steps per axis across the projected bounding box (all regions and neighbours). Measured
 * on the committed boundaries: 60 000 steps put a vertex at most 5.7e-6 of the Mercator world
 * (≈ 90 m, 1.5 px at the maximum zoom 9) from its exact projection, about the source's own quantization
 * (1e5 steps in lon/lat: half a step ≈ 70 m). 50 000 steps (≈ 110 m, under 2 px at zoom 9; the round
 * trip test allows 150 m) save 2.5 kB of gzip on the first view, which the grown dataset needed to stay
 * within its 250 kB budget (84.1 → 81.6 kB gzip). 1e5 steps would halve the error for +7 kB gzip.
 */
export const MAP_QUANTIZATION = 50_000;

/** A projected topology: quantized, delta-encoded, tagged with {@link MAP_SPACE}. */
export type MapTopology = Topology & { space: typeof MAP_SPACE };

/** Projects one geographic position (lon, lat degrees) into the map's plane. */
export type PointProjector = (lon: number, lat: number) => [number, number];

/**
 * Projects every arc vertex of a geographic topology (as `scripts/geo/build.mjs` writes it) with
 * `project` and quantizes the result again in the map's plane, so that the browser decodes
 * coordinates it can draw as they are and projects no boundary vertex.
 *
 * Arcs stay arcs: shared borders stay shared (the projection is applied per vertex, before any
 * feature is made), so fills and border lines still meet exactly. Properties are copied unchanged;
 * label points (`label_lon`/`label_lat`) stay geographic: they are few and the app projects them
 * with the cities.
 *
 * @param quantization number of quantization steps across the projected bounding box, per axis.
 * @throws Error when the input is no topology or a vertex cannot be projected.
 */
export function projectTopology(geographic: Topology, project: PointProjector, quantization: number): MapTopology {
  if (geographic?.type !== 'Topology' || !Array.isArray(geographic.arcs)) {
    throw new Error('projectTopology: not a TopoJSON Topology');
  }
  if ((geographic as Partial<MapTopology>).space === MAP_SPACE) {
    throw new Error('projectTopology: the topology is already projected');
  }
  const decode = geographic.transform ? transform(geographic.transform) : null;
  const arcs = geographic.arcs.map((arc) =>
    arc.map((p, i): Position => {
      // The second argument says whether the point continues the arc (its first point restarts the deltas).
      const [lon = NaN, lat = NaN] = decode ? decode(p, i > 0) : p;
      const out = project(lon, lat);
      if (!out.every(Number.isFinite)) throw new Error(`projectTopology: cannot project ${lon},${lat}`);
      return out;
    }),
  );
  // topojson-client's types want property-bearing objects; the objects pass through untouched.
  const planar = { type: 'Topology', objects: geographic.objects, arcs } as Topology<Objects<object>>;
  const quantized = quantize({ ...planar, bbox: bbox(planar) }, quantization) as Topology;
  return { ...quantized, space: MAP_SPACE };
}
