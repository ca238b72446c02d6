import type { FeatureCollection, LineString, Point } from 'geojson';
import { linkStartYear } from '../data/dataset';
import { project, toWorld, worldToMercatorLngLat } from '../data/projection';
import { arcBend } from './linkKinds';
import { BY_GOVERNMENT, type City, type Dataset, type LinkKind, type LinkStatus, type RegionInfo } from '../data/types';

/** Properties of one drawn link (arc). Years are numbers so map filters can compare them. */
export interface ArcProps {
  id: string;
  kind: LinkKind;
  status: LinkStatus;
  /** First year the link is drawn: the signing year, else the year a source shows it in force. */
  start: number;
  /** True when the signing year is unknown (drawn from `start`, marked "date unknown"). */
  dateUnknown: boolean;
  /** Signing year when a source gives it, else 0: links signed in the selected year stand out. */
  signed: number;
  uncertain: boolean;
  /** Region codes at each end (a city end is its region) — for selection isolation. */
  fromRegion: string;
  toRegion: string;
  /** Raw endpoint ids (region code, BY-GOV or city id). */
  from: string;
  to: string;
}

export interface CityProps {
  id: string;
  region: string;
  name_ru: string;
  name_be: string;
  name_en: string;
  /** First year any link of this city is drawn. */
  start: number;
}

export interface ForumProps {
  id: string;
  year: number;
  number: number;
  city: string;
  region: string;
  name_ru: string;
  name_be: string;
  name_en: string;
}

export interface LinkScene {
  arcs: FeatureCollection<LineString, ArcProps>;
  cities: FeatureCollection<Point, CityProps>;
  forums: FeatureCollection<Point, ForumProps>;
}

/** Geographic position of Minsk, from which the Government of Belarus is drawn. */
export const MINSK: [number, number] = [27.56, 53.9];

interface Endpoint {
  lonLat: [number, number];
  region: string;
}

/** Resolves a link end (region code, `BY-GOV` or city id) to a position and a region code. */
export function resolveEndpoint(
  id: string,
  regions: ReadonlyMap<string, RegionInfo>,
  cities: ReadonlyMap<string, City>,
): Endpoint | null {
  if (id === BY_GOVERNMENT) return { lonLat: MINSK, region: BY_GOVERNMENT };
  const city = cities.get(id);
  if (city) return { lonLat: [city.lon, city.lat], region: city.region };
  const region = regions.get(id);
  if (region) return { lonLat: region.label, region: region.code };
  return null;
}

const ARC_SEGMENTS = 32;

/**
 * A curved arc from `a` to `b` (lon/lat degrees), drawn as a quadratic Bézier in the conic map's
 * plane so it bends the same way on every renderer; returned in MapLibre's lon/lat.
 */
export function arcCoordinates(a: [number, number], b: [number, number], bend: number): [number, number][] {
  const [x0, y0] = toWorld(a[0], a[1]);
  const [x2, y2] = toWorld(b[0], b[1]);
  const mx = (x0 + x2) / 2;
  const my = (y0 + y2) / 2;
  // Perpendicular offset (rotate the chord by 90°), scaled by the chord length.
  const cx = mx - (y2 - y0) * bend;
  const cy = my + (x2 - x0) * bend;
  const out: [number, number][] = [];
  for (let i = 0; i <= ARC_SEGMENTS; i++) {
    const t = i / ARC_SEGMENTS;
    const u = 1 - t;
    const x = u * u * x0 + 2 * u * t * cx + t * t * x2;
    const y = u * u * y0 + 2 * u * t * cy + t * t * y2;
    const [lng, lat] = worldToMercatorLngLat(x, y);
    out.push([Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]);
  }
  return out;
}

/**
 * Everything that links places, as projected geometry with the properties the renderers filter
 * on. Built once per dataset; the year and kind filters are applied by the renderer. Pure.
 * Links with an end that cannot be placed are left out (the dataset build rejects them anyway).
 */
export function buildLinkScene(dataset: Dataset, regionList: readonly RegionInfo[]): LinkScene {
  const regions = new Map(regionList.map((r) => [r.code, r]));
  const cities = new Map(dataset.cities.map((c) => [c.id, c]));
  const pairCount = new Map<string, number>();
  const cityStart = new Map<string, number>();

  const arcs: LinkScene['arcs']['features'] = [];
  for (const link of dataset.links) {
    const a = resolveEndpoint(link.from, regions, cities);
    const b = resolveEndpoint(link.to, regions, cities);
    const start = linkStartYear(link);
    if (!a || !b || start === null) continue;
    const pair = `${a.lonLat.join()}|${b.lonLat.join()}|${link.kind}`;
    const nth = pairCount.get(pair) ?? 0;
    pairCount.set(pair, nth + 1);
    for (const end of [link.from, link.to])
      if (cities.has(end)) cityStart.set(end, Math.min(cityStart.get(end) ?? Infinity, start));
    arcs.push({
      type: 'Feature',
      id: link.id,
      properties: {
        id: link.id,
        kind: link.kind,
        status: link.status,
        start,
        dateUnknown: link.year === null,
        signed: link.year ?? 0,
        uncertain: link.certainty === 'uncertain',
        fromRegion: a.region,
        toRegion: b.region,
        from: link.from,
        to: link.to,
      },
      geometry: { type: 'LineString', coordinates: arcCoordinates(a.lonLat, b.lonLat, arcBend(link.kind, nth)) },
    });
  }

  const citiesFc: LinkScene['cities'] = {
    type: 'FeatureCollection',
    features: dataset.cities
      .filter((c) => cityStart.has(c.id))
      .map((c) => {
        return {
          type: 'Feature' as const,
          id: c.id,
          properties: {
            id: c.id,
            region: c.region,
            name_ru: c.names.ru,
            name_be: c.names.be,
            name_en: c.names.en,
            start: cityStart.get(c.id) ?? 0,
          },
          geometry: { type: 'Point' as const, coordinates: project(c.lon, c.lat) },
        };
      }),
  };

  const forums: LinkScene['forums'] = { type: 'FeatureCollection', features: [] };
  for (const e of dataset.events) {
    if (e.kind !== 'forum') continue;
    const place = e.city ? cities.get(e.city) : undefined;
    const lonLat: [number, number] | undefined = place ? [place.lon, place.lat] : regions.get(e.region)?.label;
    if (!lonLat) continue;
    forums.features.push({
      type: 'Feature',
      id: e.id,
      properties: {
        id: e.id,
        year: e.year,
        number: e.number ?? 0,
        city: e.city,
        region: e.region,
        name_ru: e.names.ru,
        name_be: e.names.be,
        name_en: e.names.en,
      },
      geometry: { type: 'Point', coordinates: project(lonLat[0], lonLat[1]) },
    });
  }

  return { arcs: { type: 'FeatureCollection', features: arcs }, cities: citiesFc, forums };
}
