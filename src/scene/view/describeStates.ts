import type { LinkKind } from '../../data/types';
import { ALL_BELARUS } from '../composeScene';
import { KIND_STRENGTH, partnerWidth, strongestKind } from '../linkKinds';
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

/** The origin of the partner arcs drawn: the selected Belarusian region, else all of Belarus. */
export function partnerOrigin(scene: MapScene, selection: string | null): string {
  return selection && scene.inset.regions.features.some((f) => f.properties.code === selection)
    ? selection
    : ALL_BELARUS;
}

/**
 * The place whose links stand out: the selection, else the hover; but while a Belarusian region is
 * selected its partners are the partner arcs, and the place is the partner under the pointer. Null
 * when nothing is in focus.
 */
export function linkFocus(scene: MapScene, selection: string | null, hover: string | null): string | null {
  return partnerOrigin(scene, selection) === ALL_BELARUS ? (selection ?? hover) : hover;
}

/**
 * Which single links the place in focus (`linkFocus`) draws: those touching it (and, while a
 * Belarusian region is selected, that region too). Null when nothing is in focus (no single link is
 * drawn).
 */
export function linksInFocus(
  scene: MapScene,
  selection: string | null,
  hover: string | null,
): ((a: ArcProps) => boolean) | null {
  const origin = partnerOrigin(scene, selection);
  const focus = linkFocus(scene, selection, hover);
  if (focus === null) return null;
  return (a) => touches(a, focus) && (origin === ALL_BELARUS || touches(a, origin));
}

/**
 * The state of every feature for a view (pure):
 * - regions and their inset copies: `cls` (choropleth class, see `regionClasses`), `dim` (one state
 *   per code; the hovered and the selected region's outlines are sources, see `describeHighlight`);
 * - arcs (single links): `shown` (drawn by the year, of a kind switched on, and touching the place in
 *   focus, see `linksInFocus`: links appear on hover and selection only), `new` (signed in the year),
 *   `focus`;
 * - partner arcs (one per origin and Russian subject): `shown` (the origin in use, ties by the year),
 *   `w` (width from the number of ties), `k` (strongest kind), `focus`;
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
  const origin = partnerOrigin(scene, selection);

  const regions: Record<string, FeatureState> = {};
  for (const code of codes)
    regions[code] = {
      [STATE.cls]: classes[code] ?? 0,
      [STATE.dim]: dimmed.has(code),
    };
  const inset: Record<string, FeatureState> = {};
  for (const f of scene.inset.regions.features) inset[f.properties.code] = regions[f.properties.code] ?? {};

  const inFocus = linksInFocus(scene, selection, hover);
  const arcStates: Record<string, FeatureState> = {};
  const citiesReached = new Set<string>();
  const ties = new Map<string, { n: number; kinds: Set<LinkKind> }>();
  for (const a of arcs) {
    const drawn = a.start <= year;
    arcStates[a.id] = {
      // A kind switched off hides its links as the year hides the links not yet signed.
      [STATE.shown]: drawn && inFocus !== null && inFocus(a) && kinds.includes(a.kind),
      [STATE.isNew]: a.signed === year,
      [STATE.focus]: focus === null ? 0 : touches(a, focus) ? 1 : -1,
    };
    if (!drawn || !kinds.includes(a.kind)) continue;
    citiesReached.add(a.from).add(a.to);
    if (origin !== ALL_BELARUS && a.fromRegion !== origin) continue;
    const t = ties.get(a.toRegion) ?? { n: 0, kinds: new Set<LinkKind>() };
    t.n += 1;
    t.kinds.add(a.kind);
    ties.set(a.toRegion, t);
  }

  // As for single links, a selected Russian place or city wins the focus over the hover.
  const partnerFocus = linkFocus(scene, selection, hover);
  const partners: Record<string, FeatureState> = {};
  for (const { properties: p } of scene.partners.features) {
    const t = p.origin === origin ? ties.get(p.partner) : undefined;
    const k = t ? strongestKind(t.kinds) : null;
    partners[p.id] = {
      [STATE.shown]: k !== null,
      [STATE.width]: t ? Math.round(partnerWidth(t.n) * 10) / 10 : 0,
      [STATE.strongest]: k === null ? -1 : KIND_STRENGTH.indexOf(k),
      [STATE.focus]: partnerFocus === null ? 0 : partnerFocus === p.partner || partnerFocus === p.origin ? 1 : -1,
    };
  }

  const cities: Record<string, FeatureState> = {};
  // Belarus's city markers are not drawn: its links leave from the inset (see `composeScene`).
  for (const f of scene.links.cities.features)
    cities[f.properties.id] = {
      [STATE.shown]: citiesReached.has(f.properties.id) && !f.properties.region.startsWith(ALL_BELARUS),
    };

  const forums: Record<string, FeatureState> = {};
  for (const f of scene.links.forums.features)
    forums[f.properties.id] = { [STATE.shown]: f.properties.year <= year, [STATE.current]: f.properties.year === year };

  return {
    [SOURCE.regions]: regions,
    [SOURCE.inset]: inset,
    [SOURCE.insetTargets]: inset,
    [SOURCE.arcs]: arcStates,
    [SOURCE.partners]: partners,
    [SOURCE.cities]: cities,
    [SOURCE.forums]: forums,
  };
}
