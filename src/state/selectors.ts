import { buildBaseScene, type BaseScene } from '../scene/baseScene';
import { buildLinkScene, type LinkScene } from '../scene/linkScene';
import type { Palette } from '../scene/palette';
import { createViewDescriber, type ViewDescription } from '../scene/view/describeView';
import { composeScene, type MapScene } from '../scene/composeScene';
import type { InsetPlacement } from '../scene/inset';
import type { City, Dataset, RegionInfo } from '../data/types';
import type { AppState } from './createAppStore';

/** A one-entry memo on its inputs' identities. */
function memoOne<A extends readonly unknown[], V>(fn: (...args: A) => V): (...args: A) => V {
  let last: { args: A; value: V } | null = null;
  return (...args) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.value;
    const value = fn(...args);
    last = { args, value };
    return value;
  };
}

/**
 * Derived values of one store, each cached on the instance (never in the module, so two maps on a
 * page do not evict each other's caches). Nothing derived is stored in the state.
 */
export interface Selectors {
  /** The projected base geography, built once per loaded geography. */
  baseScene: (s: AppState) => BaseScene | null;
  /** Arcs, cities and forum markers, built once per dataset. */
  linkScene: (s: AppState) => LinkScene | null;
  /** Both composed with the inset of Belarus (`composeScene`), one object while neither changes. */
  scene: (s: AppState) => MapScene | null;
  /** The region (by ISO code) or city (by id) named, or undefined. */
  place: (s: AppState, id: string | null) => RegionInfo | City | undefined;
  /** The view both maps draw, for a palette (the theme); unchanged inputs give the same object. */
  view: (s: AppState, palette: Palette) => ViewDescription | null;
}

/** The derived-value selectors of one store (see {@link Selectors}). */
export function createSelectors(): Selectors {
  const base = memoOne(buildBaseScene);
  const links = memoOne(buildLinkScene);
  const scene = memoOne((b: BaseScene, l: LinkScene, p: InsetPlacement): MapScene => composeScene(b, l, p));
  const regionIndex = memoOne((regions: readonly RegionInfo[]) => new Map(regions.map((r) => [r.code, r])));
  const cityIndex = memoOne((cities: readonly City[]) => new Map(cities.map((c) => [c.id, c])));
  const describe = createViewDescriber();
  const self: Selectors = {
    baseScene: (s) => (s.load.status === 'ready' ? base(s.load.geo) : null),
    linkScene: (s) => (s.load.status === 'ready' ? links(s.load.dataset, s.load.geo.regions) : null),
    scene: (s) => {
      const b = self.baseScene(s);
      const l = self.linkScene(s);
      return b && l ? scene(b, l, s.inset) : null;
    },
    place: (s, id) => {
      if (s.load.status !== 'ready' || !id) return undefined;
      return regionIndex(s.load.geo.regions).get(id) ?? cityIndex(s.load.dataset.cities).get(id);
    },
    view: (s, palette) => {
      const sc = self.scene(s);
      if (!sc) return null;
      const { lang, year, kinds, selection, hover } = s;
      return describe({ scene: sc, palette, lang, year, kinds, selection, hover });
    },
  };
  return self;
}

/** Dataset once loaded. */
export function selectDataset(s: AppState): Dataset | null {
  return s.load.status === 'ready' ? s.load.dataset : null;
}
