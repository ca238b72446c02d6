/**
 * The bench's anchor: the idiom's floor for a year step. A bare MapLibre map of the app's own
 * boundaries (the same `regions.topo.json`, the same frame), whose year step does nothing but
 * `setFeatureState` on the 90 regions. Served only by the bench (built into its copy of dist/),
 * never shipped. The page keeps the app's map contract (`[data-testid=map]` with `data-map-state`
 * loading → idle, 'rendering' while a step draws), so the bench measures both with the same code.
 *
 * `?w=…&h=…` sizes the map like the app's map container (SwiftShader's cost grows with the pixels).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MaplibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Topology } from 'topojson-specification';
import { decodeTopology } from '../../src/data/topology';
import { buildBaseScene } from '../../src/scene/baseScene';
import { anchorCounts, type AnchorLink } from './anchorCounts';

setWorkerUrl(workerUrl);

const container = document.getElementById('map') as HTMLElement;
const params = new URLSearchParams(location.search);
const size = (name: string, fallback: number): number => {
  const v = Number(params.get(name));
  return Number.isFinite(v) && v >= 100 && v <= 4000 ? v : fallback;
};
container.style.width = `${size('w', innerWidth)}px`;
container.style.height = `${size('h', innerHeight)}px`;

const getJson = async (path: string): Promise<unknown> => {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
};

const [topology, dataset] = (await Promise.all([getJson('/data/regions.topo.json'), getJson('/data/dataset.json')])) as [
  Topology,
  { years: number[]; links: AnchorLink[]; cities: { id: string; region: string }[] },
];
const geo = decodeTopology(topology);
const base = buildBaseScene(geo);
const years = dataset.years;
const counts = anchorCounts(dataset, years, geo.regions.map((r) => r.code));

const style: StyleSpecification = {
  version: 8,
  sources: {
    regions: { type: 'geojson', data: base.regions, promoteId: 'code' },
    neighbours: { type: 'geojson', data: base.neighbours },
    borders: { type: 'geojson', data: base.borders },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#dce9f2' } },
    { id: 'neighbours', type: 'fill', source: 'neighbours', paint: { 'fill-color': '#ece9e2' } },
    {
      id: 'regions',
      type: 'fill',
      source: 'regions',
      paint: {
        'fill-color': [
          'interpolate',
          ['linear'],
          ['coalesce', ['feature-state', 'n'], 0],
          0,
          '#f3efe6',
          1,
          '#c6dbef',
          5,
          '#6baed6',
          15,
          '#08519c',
        ],
      },
    },
    { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#6b6b6b', 'line-width': 0.6 } },
  ],
};

const map = new MaplibreMap({
  container,
  style,
  bounds: base.bounds,
  fitBoundsOptions: { padding: { top: 16, bottom: 16, left: 28, right: 20 } },
  renderWorldCopies: false,
  attributionControl: false,
  canvasContextAttributes: { antialias: true },
});

let index = 0;
/** The whole year step: one feature state per region. */
function showYear(i: number): void {
  index = Math.max(0, Math.min(years.length - 1, i));
  const year = years[index] ?? 0;
  for (const [code, n] of counts.get(year) ?? []) map.setFeatureState({ source: 'regions', id: code }, { n });
  container.dataset.mapState = 'rendering';
}

map.on('idle', () => {
  container.dataset.mapState = 'idle';
});
map.once('load', () => showYear(0));
addEventListener('keydown', (e) => {
  if (e.key === 'ArrowRight') showYear(index + 1);
  else if (e.key === 'ArrowLeft') showYear(index - 1);
  else if (e.key === 'Home') showYear(0);
  else if (e.key === 'End') showYear(years.length - 1);
});
