import type { Lang, LinkKind } from '../../data/types';
import type { Palette } from '../palette';
import { focusBounds, type SceneBounds } from './camera';
import { describeStates, partnerOrigin, type FeatureStates } from './describeStates';
import { describeHighlight } from './highlight';
import { describeStyle, type MapScene, type StyleDescription } from './viewStyle';

/** Everything the view depends on. */
export interface ViewInput {
  scene: MapScene;
  /** The theme's palette. */
  palette: Palette;
  lang: Lang;
  year: number;
  kinds: readonly LinkKind[];
  selection: string | null;
  hover: string | null;
}

/**
 * The whole view as data, read by both renderers: the style (sources, layers with their paint,
 * layout and filter, images), fixed across year steps (the outlined regions' sources and the single
 * links' source follow the hover and the selection, see `describeHighlight`), and the state of every
 * feature. The maplibre adapter applies the difference between two descriptions; the SVG renderer
 * draws one.
 */
export interface ViewDescription extends StyleDescription {
  states: FeatureStates;
  /**
   * What the camera frames for the selection (`focusBounds`), null with nothing selected. Both maps
   * move when this object changes (a new selection), never on a year step or a hover.
   */
  frame: SceneBounds | null;
}

/** The view for an input. Pure. */
export function describeView(input: ViewInput): ViewDescription {
  const style = describeStyle(
    input.scene,
    input.palette,
    input.lang,
    input.kinds,
    partnerOrigin(input.scene, input.selection),
  );
  return {
    ...style,
    sources: { ...style.sources, ...describeHighlight(input.scene, input.selection, input.hover) },
    states: describeStates(input.scene, input),
    frame: focusBounds(input.scene, input.selection, input.year, input.kinds),
  };
}

/**
 * `describeView` with a memory of one: the style is rebuilt only when the scene, palette, language,
 * kinds (the hatched regions' filter) or the partner arcs' origin change, the sources object only
 * when the style, an outlined region or the links in focus change (so a year step keeps it), and an unchanged input gives the same description
 * object. Make one per store (per mounted instance), so two maps on a page never evict each other's
 * description.
 */
export function createViewDescriber(): (input: ViewInput) => ViewDescription {
  let style: { key: unknown[]; value: StyleDescription } | null = null;
  let last: { input: ViewInput; value: ViewDescription } | null = null;
  // The frame follows the selection only: a year step or a kind toggle does not move the camera.
  let frame: { key: unknown[]; value: SceneBounds | null } | null = null;
  let sources: StyleDescription['sources'] | null = null;
  const same = (a: readonly unknown[], b: readonly unknown[]): boolean =>
    a.length === b.length && a.every((v, i) => v === b[i]);
  const fields = (i: ViewInput): unknown[] => [i.scene, i.palette, i.lang, i.year, i.kinds, i.selection, i.hover];
  return (input) => {
    if (last && same(fields(last.input), fields(input))) return last.value;
    // The partner arcs' origin follows a Belarusian region's selection only (other selections keep the style).
    const origin = partnerOrigin(input.scene, input.selection);
    const key = [input.scene, input.palette, input.lang, input.kinds, origin];
    if (!style || !same(style.key, key))
      style = { key, value: describeStyle(input.scene, input.palette, input.lang, input.kinds, origin) };
    const frameKey = [input.scene, input.selection];
    if (!frame || !same(frame.key, frameKey))
      frame = { key: frameKey, value: focusBounds(input.scene, input.selection, input.year, input.kinds) };
    const base = style.value.sources;
    const highlight = describeHighlight(input.scene, input.selection, input.hover, sources ?? undefined);
    if (
      !sources ||
      Object.entries(base).some(([id, source]) => sources?.[id] !== source) ||
      Object.entries(highlight).some(([id, source]) => sources?.[id] !== source)
    )
      sources = { ...base, ...highlight };
    const value: ViewDescription = {
      ...style.value,
      sources,
      states: describeStates(input.scene, input),
      frame: frame.value,
    };
    last = { input, value };
    return value;
  };
}
