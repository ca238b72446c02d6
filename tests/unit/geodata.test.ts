import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { geoArea, geoBounds, geoContains } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { decodeTopology, MAP_SPACE } from '../../src/data/topology';

// Validates the committed output of scripts/geo/build.mjs (geographic lon/lat; `npm run data` projects
// it for the browser, see projectTopology.test.ts) against data/regions.csv.
const TOPO_PATH = new URL('../../scripts/geo/regions.lonlat.topo.json', import.meta.url);
const CSV_PATH = new URL('../../data/regions.csv', import.meta.url);

interface CsvRow {
  code: string;
  country: string;
  name_en: string;
  name_ru: string;
  name_be: string;
}

const topology = JSON.parse(readFileSync(TOPO_PATH, 'utf8')) as Topology;
const csv = parse(readFileSync(CSV_PATH, 'utf8'), { columns: true, skip_empty_lines: true }) as CsvRow[];
// decodeTopology reads any coordinates; its space tag only keeps the browser from drawing this file.
const geo = decodeTopology({ ...topology, space: MAP_SPACE } as Topology);
const shapeOf = new Map(geo.regionShapes.features.map((f) => [f.properties.code, f]));
const neighbourOf = new Map(geo.neighbours.features.map((f) => [f.properties.code, f]));
const rawRegionProps = (
  topology.objects.regions as unknown as { geometries: { properties: Record<string, unknown> }[] }
).geometries.map((g) => g.properties);

const NEIGHBOURS = 'NO FI EE LV LT PL UA MD RO SE GE AM AZ TR KZ UZ TM KG TJ CN MN KP KR JP'.split(' ');
const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
const shape = (code: string): Feature<Polygon | MultiPolygon> => {
  const f = shapeOf.get(code);
  if (!f) throw new Error(`no shape for ${code}`);
  return f;
};
const allShapes = [...geo.regionShapes.features, ...geo.neighbours.features];
const HEMISPHERE = 2 * Math.PI;

function planarRingArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ((ring[j]?.[0] ?? NaN) - (ring[i]?.[0] ?? NaN)) * ((ring[j]?.[1] ?? NaN) + (ring[i]?.[1] ?? NaN));
  }
  return sum / 2;
}

describe('data/regions.csv', () => {
  it('has the header code,country,name_en,name_ru,name_be and 90 rows sorted by code', () => {
    expect(readFileSync(CSV_PATH, 'utf8').split('\n')[0]).toBe('code,country,name_en,name_ru,name_be');
    const codes = csv.map((r) => r.code);
    expect(codes).toHaveLength(90);
    expect(codes).toEqual([...codes].sort());
  });

  it('writes Belarusian names in Belarusian letters only (no и, щ, ъ)', () => {
    expect(csv.filter((r) => /[ищъ]/i.test(r.name_be)).map((r) => r.code)).toEqual([]);
  });
});

describe('scripts/geo/regions.lonlat.topo.json', () => {
  it('has exactly 90 unique region codes: 7 in Belarus and 83 in Russia', () => {
    const codes = geo.regions.map((r) => r.code);
    expect(new Set(codes).size).toBe(90);
    expect(codes.filter((c) => c.startsWith('BY-'))).toHaveLength(7);
    expect(codes.filter((c) => c.startsWith('RU-'))).toHaveLength(83);
    expect(geo.regions.every((r) => r.code.startsWith(`${r.country}-`))).toBe(true);
  });

  it('has the same region codes as data/regions.csv, both ways', () => {
    expect(geo.regions.map((r) => r.code).sort()).toEqual(csv.map((r) => r.code).sort());
  });

  it('carries the names and countries of data/regions.csv unchanged', () => {
    const fromTopology = geo.regions.map((r) => ({
      code: r.code,
      country: r.country,
      name_en: r.names.en,
      name_ru: r.names.ru,
      name_be: r.names.be,
    }));
    expect(fromTopology).toEqual(csv.map((r) => ({ ...r })));
  });

  it('gives regions exactly the properties code, country, names and label point', () => {
    const keys = ['code', 'country', 'name_en', 'name_ru', 'name_be', 'label_lon', 'label_lat'];
    expect(rawRegionProps.filter((p) => Object.keys(p).join() !== keys.join())).toEqual([]);
  });

  it('has a non-empty name in every language for every region', () => {
    const empty = geo.regions.filter((r) => [r.names.ru, r.names.be, r.names.en].some((n) => n.trim() === ''));
    expect(empty).toEqual([]);
  });

  it('has Belarusian names that differ from the Russian ones for at least 80 regions', () => {
    expect(geo.regions.filter((r) => r.names.be !== r.names.ru).length).toBeGreaterThanOrEqual(80);
  });

  it('has the 24 neighbouring countries, each once, with an English name', () => {
    expect(geo.neighbours.features.map((f) => f.properties.code).sort()).toEqual([...NEIGHBOURS].sort());
    const neighbourProps = (topology.objects.neighbours as unknown as { geometries: { properties: object }[] })
      .geometries;
    expect(neighbourProps.every((g) => Object.keys(g.properties).join() === 'code,name_en')).toBe(true);
  });

  it('has only closed rings of at least 4 finite positions with a non-zero area', () => {
    const bad: string[] = [];
    for (const f of allShapes) {
      for (const polygon of polygonsOf(f.geometry)) {
        for (const ring of polygon) {
          const first = ring[0] ?? [];
          const last = ring[ring.length - 1] ?? [];
          const finite = ring.every((p) => p.length === 2 && p.every(Number.isFinite));
          const closed = first[0] === last[0] && first[1] === last[1];
          if (ring.length < 4 || !finite || !closed || planarRingArea(ring) === 0) bad.push(f.properties.code);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('winds every shape the way d3-geo expects (each smaller than a hemisphere)', () => {
    const inverted = allShapes.filter((f) => !(geoArea(f) > 0 && geoArea(f) < HEMISPHERE));
    expect(inverted.map((f) => f.properties.code)).toEqual([]);
  });

  it('puts every label point inside or on its region', () => {
    const outside = geo.regions.filter((r) => !geoContains(shape(r.code), r.label)).map((r) => r.code);
    expect(outside).toEqual([]);
  });

  it('detects a label point outside its region (the check above can fail)', () => {
    expect(geoContains(shape('RU-MOW'), [30.3, 59.9])).toBe(false);
  });

  it('keeps Chukotka in one piece, its coordinates running past 180° and no other region’s', () => {
    const lons = (code: string) =>
      polygonsOf(shape(code).geometry)
        .flat(2)
        .map((p) => p[0] ?? NaN);
    const chukotka = lons('RU-CHU');
    expect(Math.min(...chukotka)).toBeGreaterThan(150);
    expect(Math.max(...chukotka)).toBeGreaterThan(185);
    expect(Math.max(...chukotka)).toBeLessThan(195);
    const others = geo.regions.filter((r) => r.code !== 'RU-CHU').flatMap((r) => lons(r.code));
    expect(Math.min(...others)).toBeGreaterThan(19);
    expect(Math.max(...others)).toBeLessThanOrEqual(180);
    expect(geoContains(shape('RU-CHU'), [-176 + 360, 66])).toBe(true); // east of 180°, near Cape Dezhnev's land
  });

  it('has Moscow city small and inside the bounding box of Moscow Oblast (codes not swapped)', () => {
    const [[w, s], [e, n]] = geoBounds(shape('RU-MOS'));
    const [[cw, cs], [ce, cn]] = geoBounds(shape('RU-MOW'));
    expect(geoArea(shape('RU-MOW'))).toBeLessThan(geoArea(shape('RU-MOS')) / 10);
    expect([cw >= w, cs >= s, ce <= e, cn <= n]).toEqual([true, true, true, true]);
    expect(geoContains(shape('RU-MOW'), [37.62, 55.75])).toBe(true); // the Kremlin
  });

  it('has Minsk city inside Minsk Oblast’s bounding box and containing the city centre', () => {
    const [[w, s], [e, n]] = geoBounds(shape('BY-MI'));
    const [[cw, cs], [ce, cn]] = geoBounds(shape('BY-HM'));
    expect([cw >= w, cs >= s, ce <= e, cn <= n]).toEqual([true, true, true, true]);
    expect(geoContains(shape('BY-HM'), [27.56, 53.9])).toBe(true);
    expect(geoContains(shape('BY-MI'), [27.56, 53.9])).toBe(false);
  });

  it.each([
    ['RU-ALT', 'Altai Krai', 'Алтайский край'],
    ['RU-AL', 'Altai Republic', 'Республика Алтай'],
    ['RU-MOW', 'Moscow', 'Москва'],
    ['RU-MOS', 'Moscow Oblast', 'Московская область'],
    ['RU-MAG', 'Magadan Oblast', 'Магаданская область'],
    ['BY-HM', 'Minsk City', 'г. Минск'],
    ['BY-MI', 'Minsk Oblast', 'Минская область'],
  ])('names %s %s', (code, en, ru) => {
    const region = geo.regions.find((r) => r.code === code);
    expect([region?.names.en, region?.names.ru]).toEqual([en, ru]);
  });

  it.each([
    ['Simferopol', 34.1, 44.95],
    ['Sevastopol', 33.52, 44.6],
  ])('draws %s in Ukraine, not in a Russian region (recognised borders)', (_, lon, lat) => {
    const ukraine = neighbourOf.get('UA');
    expect(ukraine && geoContains(ukraine, [lon, lat])).toBe(true);
    expect(geo.regionShapes.features.filter((f) => geoContains(f, [lon, lat]))).toEqual([]);
  });

  it('has a region at each of some well-known places', () => {
    const places: [string, number, number][] = [
      ['BY-HR', 23.83, 53.68],
      ['BY-BR', 23.7, 52.1],
      ['BY-VI', 30.2, 55.19],
      ['BY-HO', 30.98, 52.43],
      ['BY-MA', 30.33, 53.9],
      ['RU-KGD', 20.51, 54.71],
      ['RU-SPE', 30.31, 59.94],
      ['RU-KRS', 36.19, 51.73],
      ['RU-PRI', 131.9, 43.12],
    ];
    const wrong = places.filter(([code, lon, lat]) => !geoContains(shape(code), [lon, lat]));
    expect(wrong).toEqual([]);
  });

  it('stays within the size budget (simplified, under 300 KB raw)', () => {
    expect(statSync(TOPO_PATH).size).toBeLessThan(300 * 1024);
  });
});
