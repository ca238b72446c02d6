import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { project } from '../data/projection';
import type { RegionInfo } from '../data/types';

export interface RegionShapeProps {
  code: string;
  country: 'BY' | 'RU';
}

export interface LabelProps {
  code: string;
  country: 'BY' | 'RU';
  name_ru: string;
  name_be: string;
  name_en: string;
  /** Larger regions win label collisions (lower sort key = placed first). */
  rank: number;
}

/** The geography every renderer draws, already in the map's projection. Built once per load. */
export interface BaseScene {
  regions: FeatureCollection<Polygon | MultiPolygon, RegionShapeProps>;
  neighbours: FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  labels: FeatureCollection<Point, LabelProps>;
  /** Bounds of the 90 regions in MapLibre lon/lat, [[west, south], [east, north]]: the default view. */
  bounds: [[number, number], [number, number]];
  /** Border lines, each drawn once: between regions, and between countries (BY–RU apart). */
  borders: FeatureCollection<MultiLineString, { kind: BorderKind }>;
}

export const BORDER_KINDS = ['internal', 'international', 'byRu'] as const;
export type BorderKind = (typeof BORDER_KINDS)[number];

export interface GeographyInput {
  regions: RegionInfo[];
  regionShapes: FeatureCollection<Polygon | MultiPolygon, RegionShapeProps>;
  neighbours: FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  borders: Record<BorderKind, MultiLineString>;
}

/** Rough planar size of a geometry (bbox area in the map's plane), for label priority only. */
function bboxArea(g: Polygon | MultiPolygon): number {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys)
    for (const [x = 0, y = 0] of poly[0] ?? []) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  return (x1 - x0) * (y1 - y0);
}

function boundsOf(fc: BaseScene['regions']): [[number, number], [number, number]] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const f of fc.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys)
      for (const [x = 0, y = 0] of poly[0] ?? []) {
        w = Math.min(w, x);
        s = Math.min(s, y);
        e = Math.max(e, x);
        n = Math.max(n, y);
      }
  }
  return [
    [w, s],
    [e, n],
  ];
}

/**
 * Wraps the decoded geography (already in the map's plane: see `data/topology.ts`) as the scene's
 * layers and derives the label layer; only the 90 label points are projected here. Pure; the outlines'
 * positions are shared with the input, so treat them as read-only.
 */
export function buildBaseScene(geo: GeographyInput): BaseScene {
  const regions: FeatureCollection<Polygon | MultiPolygon, RegionShapeProps> = {
    type: 'FeatureCollection',
    features: geo.regionShapes.features.map((f) => ({
      type: 'Feature',
      id: f.properties.code,
      properties: { code: f.properties.code, country: f.properties.country },
      geometry: f.geometry,
    })),
  };
  const areas = new Map(geo.regionShapes.features.map((f) => [f.properties.code, bboxArea(f.geometry)]));
  const ordered = [...geo.regions].sort((a, b) => (areas.get(b.code) ?? 0) - (areas.get(a.code) ?? 0));
  const rankOf = new Map(ordered.map((r, i) => [r.code, i]));
  const labels: FeatureCollection<Point, LabelProps> = {
    type: 'FeatureCollection',
    features: geo.regions.map((r): Feature<Point, LabelProps> => ({
      type: 'Feature',
      id: r.code,
      properties: {
        code: r.code,
        country: r.country,
        name_ru: r.names.ru,
        name_be: r.names.be,
        name_en: r.names.en,
        // Belarus's regions are few and central to the story: always try them first.
        rank: r.country === 'BY' ? -1 : (rankOf.get(r.code) ?? 999),
      },
      geometry: { type: 'Point', coordinates: project(r.label[0], r.label[1]) },
    })),
  };
  const neighbours: BaseScene['neighbours'] = {
    type: 'FeatureCollection',
    features: geo.neighbours.features,
  };
  const borders: BaseScene['borders'] = {
    type: 'FeatureCollection',
    features: BORDER_KINDS.map((kind) => ({
      type: 'Feature',
      properties: { kind },
      geometry: geo.borders[kind],
    })),
  };
  return { regions, neighbours, labels, borders, bounds: boundsOf(regions) };
}
