import { buildBaseScene, type BaseScene } from '../scene/baseScene';
import { buildLinkScene, type LinkScene } from '../scene/linkScene';
import { regionClasses } from '../scene/regionMeasure';
import type { MapViewState } from '../map/createMapAdapter';
import type { City, Dataset, LinkKind, RegionInfo } from '../data/types';
import type { AppState } from './createAppStore';
import type { Geography } from '../data/load';

/** Caches one derived value per input object (derived data is never stored in the state). */
function memoByObject<K extends object, V>(fn: (k: K) => V): (k: K) => V {
  const cache = new WeakMap<K, V>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) {
      v = fn(k);
      cache.set(k, v);
    }
    return v;
  };
}

const baseSceneOf = memoByObject((geo: Geography) => buildBaseScene(geo));
const regionIndexOf = memoByObject((geo: Geography) => new Map(geo.regions.map((r) => [r.code, r])));
const cityIndexOf = memoByObject((d: Dataset) => new Map(d.cities.map((c) => [c.id, c])));
const linkScenes = new WeakMap<Dataset, WeakMap<Geography, LinkScene>>();

/** The projected base geography, built once per loaded geography. */
export function selectBaseScene(s: AppState): BaseScene | null {
  return s.load.status === 'ready' ? baseSceneOf(s.load.geo) : null;
}

/** Arcs, cities and forum markers, built once per dataset. */
export function selectLinkScene(s: AppState): LinkScene | null {
  if (s.load.status !== 'ready') return null;
  const { dataset, geo } = s.load;
  let byGeo = linkScenes.get(dataset);
  if (!byGeo) linkScenes.set(dataset, (byGeo = new WeakMap()));
  let scene = byGeo.get(geo);
  if (!scene) byGeo.set(geo, (scene = buildLinkScene(dataset, geo.regions)));
  return scene;
}

/** Region by ISO code, or undefined. */
export function selectRegion(s: AppState, code: string | null): RegionInfo | undefined {
  if (s.load.status !== 'ready' || !code) return undefined;
  return regionIndexOf(s.load.geo).get(code);
}

/** City by id, or undefined. */
export function selectCity(s: AppState, id: string | null): City | undefined {
  if (s.load.status !== 'ready' || !id) return undefined;
  return cityIndexOf(s.load.dataset).get(id);
}

/** Dataset once loaded. */
export function selectDataset(s: AppState): Dataset | null {
  return s.load.status === 'ready' ? s.load.dataset : null;
}

let classesMemo: {
  scene: LinkScene;
  year: number;
  kinds: LinkKind[];
  codes: readonly RegionInfo[];
  out: Record<string, number>;
} | null = null;

/** Choropleth classes of all regions for the state's year and kinds (memoised on its inputs). */
export function selectRegionClasses(s: AppState): Record<string, number> {
  const scene = selectLinkScene(s);
  if (!scene || s.load.status !== 'ready') return EMPTY_CLASSES;
  const regions = s.load.geo.regions;
  const m = classesMemo;
  if (m && m.scene === scene && m.year === s.year && m.kinds === s.kinds && m.codes === regions) return m.out;
  const out = regionClasses(
    regions.map((r) => r.code),
    scene.arcs.features.map((f) => f.properties),
    s.year,
    s.kinds,
  );
  classesMemo = { scene, year: s.year, kinds: s.kinds, codes: regions, out };
  return out;
}

let noRecordMemo: { classes: Record<string, number>; out: string[] } | null = null;

/** Regions with nothing recorded for the shown kinds (class 0), as a stable list. */
export function selectNoRecord(s: AppState): string[] {
  const classes = selectRegionClasses(s);
  if (noRecordMemo?.classes === classes) return noRecordMemo.out;
  const out = Object.keys(classes).filter((c) => classes[c] === 0);
  const same =
    noRecordMemo && noRecordMemo.out.length === out.length && out.every((c, i) => noRecordMemo?.out[i] === c);
  noRecordMemo = { classes, out: same && noRecordMemo ? noRecordMemo.out : out };
  return noRecordMemo.out;
}

let dimMemo: { scene: LinkScene; focus: string; year: number; kinds: LinkKind[]; out: string[] } | null = null;

/**
 * Regions to dim while a place is selected: all but the selection's region and its partners drawn by
 * the year (for the shown kinds). Empty when nothing is selected.
 */
export function selectDimmed(s: AppState): string[] {
  const scene = selectLinkScene(s);
  const focus = s.selection;
  if (!scene || !focus || s.load.status !== 'ready') return NONE;
  const m = dimMemo;
  if (m && m.scene === scene && m.focus === focus && m.year === s.year && m.kinds === s.kinds) return m.out;
  const home = selectCity(s, focus)?.region ?? focus;
  const keep = new Set([home]);
  for (const f of scene.arcs.features) {
    const a = f.properties;
    if (a.start > s.year || !s.kinds.includes(a.kind)) continue;
    if ([a.from, a.to, a.fromRegion, a.toRegion].includes(focus)) keep.add(a.fromRegion).add(a.toRegion);
  }
  const known = s.load.geo.regions.some((r) => r.code === home);
  const out = known ? s.load.geo.regions.map((r) => r.code).filter((c) => !keep.has(c)) : NONE;
  dimMemo = { scene, focus, year: s.year, kinds: s.kinds, out };
  return out;
}

const EMPTY_CLASSES: Record<string, number> = {};
const NONE: string[] = [];

/** What the map adapter needs from the state. Unchanged parts keep their identity. */
export function selectMapView(s: AppState): MapViewState {
  return {
    lang: s.lang,
    year: s.year,
    kinds: s.kinds,
    selection: s.selection,
    focus: s.selection ?? s.hover,
    regionClasses: selectRegionClasses(s),
    dimmed: selectDimmed(s),
    noRecord: selectNoRecord(s),
  };
}
