/**
 * Part of `npm run data`: projects the committed geographic boundaries (scripts/geo/regions.lonlat.topo.json,
 * written by the maintainer-run scripts/geo/build.mjs) into the map's plane and writes the file the
 * browser loads, public/data/regions.topo.json. The logic is scripts/geo/projectTopology.ts (pure).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import { project } from '../src/data/projection.ts';
import { MAP_QUANTIZATION, projectTopology } from './geo/projectTopology.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inFile = join(root, 'scripts', 'geo', 'regions.lonlat.topo.json');
const outFile = join(root, 'public', 'data', 'regions.topo.json');

const text = JSON.stringify(
  projectTopology(JSON.parse(readFileSync(inFile, 'utf8')) as Topology, project, MAP_QUANTIZATION),
);
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, text);
const kB = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
console.log(
  `public/data/regions.topo.json: projected, ${kB(Buffer.byteLength(text))} raw, ${kB(gzipSync(text, { level: 6 }).length)} gzip.`,
);
