import type { LinkKind } from '../../data/types';
import type { ArcProps } from '../linkScene';
import { regionClasses } from '../regionMeasure';
import { SOURCE, STATE } from './ids';
import type { MapScene } from './viewStyle';

/** One feature's state: the values the style's `feature-state` expressions read. */
export type FeatureState = Readonly<Record<string, number | boolean>>;

/** Feature states per source id, then per feature id (the source's `promoteId` property). */
export type FeatureStates = Readonly<Record<string, Readonly<Record<string, FeatureState>>>>;

/** What changes without changing the style: the year, the shown kinds, the selection and the hover. */
export interface StateInput {
  year: number;
  kinds: readonly LinkKind[];
  /** Selected region code or city id (may be unknown), or null. */
  selection: string | null;
  /** Region code or city id under the pointer, or null. */
  hover: string | null;
}

const touches = (a: ArcProps, id: string): boolean =>
  a.from === id || a.to === id || a.fromRegion === id || a.toRegion === id;

/**
 * Regions to dim while a place is selected: all but the selection's region and its partners drawn
 * by the year (for the shown kinds). Empty when nothing is selected or the selection is unknown.
 */
export function dimmedRegions(scene: MapScene, input: StateInput): Set<string> {
  const focus = input.selection;
  if (!focus) return new Set();
  const city = scene.links.cities.features.find((f) => f.properties.id === focus);
  const home = city?.properties.region ?? focus;
  const codes = scene.base.regions.features.map((f) => f.properties.code);
  if (!codes.includes(home)) return new Set();
  const keep = new Set([home]);
  for (const f of scene.links.arcs.features) {
    const a = f.properties;
    if (a.start <= input.year && input.kinds.includes(a.kind) && touches(a, focus))
      keep.add(a.fromRegion).add(a.toRegion);
  }
  return new Set(codes.filter((c) => !keep.has(c)));
}

/**
 * The state of every feature for a view (pure):
 * - regions: `cls` (choropleth class, see `regionClasses`), `dim`, `selected`, `hover`;
 * - arcs: `shown` (drawn by the year), `new` (signed in the year), `focus` (1: touches the focused
 *   place, the selection else the hover; -1: does not; 0: nothing in focus);
 * - cities: `shown` (a link of a shown kind reaches it by the year);
 * - forums: `shown` (held by the year), `current` (held in the year).
 * A year step changes these and nothing else of the description.
 */
export function describeStates(scene: MapScene, input: StateInput): FeatureStates {
  const { year, kinds, selection, hover } = input;
  const focus = selection ?? hover;
  const arcs = scene.links.arcs.features.map((f) => f.properties);
  const codes = scene.base.regions.features.map((f) => f.properties.code);
  const classes = regionClasses(codes, arcs, year, kinds);
  const dimmed = dimmedRegions(scene, input);

  const regions: Record<string, FeatureState> = {};
  for (const code of codes)
    regions[code] = {
      [STATE.cls]: classes[code] ?? 0,
      [STATE.dim]: dimmed.has(code),
      [STATE.selected]: selection === code,
      [STATE.hover]: hover === code,
    };

  const arcStates: Record<string, FeatureState> = {};
  const citiesReached = new Set<string>();
  for (const a of arcs) {
    const shown = a.start <= year;
    arcStates[a.id] = {
      [STATE.shown]: shown,
      [STATE.isNew]: a.signed === year,
      [STATE.focus]: focus === null ? 0 : touches(a, focus) ? 1 : -1,
    };
    if (shown && kinds.includes(a.kind)) citiesReached.add(a.from).add(a.to);
  }

  const cities: Record<string, FeatureState> = {};
  for (const f of scene.links.cities.features)
    cities[f.properties.id] = { [STATE.shown]: citiesReached.has(f.properties.id) };

  const forums: Record<string, FeatureState> = {};
  for (const f of scene.links.forums.features)
    forums[f.properties.id] = { [STATE.shown]: f.properties.year <= year, [STATE.current]: f.properties.year === year };

  return { [SOURCE.regions]: regions, [SOURCE.arcs]: arcStates, [SOURCE.cities]: cities, [SOURCE.forums]: forums };
}
