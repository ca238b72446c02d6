import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { MapScene } from '../composeScene';
import { linksInFocus } from './describeStates';
import { SOURCE } from './ids';
import type { SourceDescription } from './viewStyle';

/** Why a region is outlined: under the pointer, or selected (a region can be both). */
export type HighlightRole = 'hover' | 'selected';

export interface HighlightProps {
  code: string;
  role: HighlightRole;
}

type Shapes = FeatureCollection<Polygon | MultiPolygon, { code: string }>;
type Highlighted = FeatureCollection<Polygon | MultiPolygon, HighlightProps>;

/** Nothing outlined: one object, so that two descriptions without an outline share their data. */
const NONE: Highlighted = Object.freeze({ type: 'FeatureCollection', features: Object.freeze([]) as never[] });

type Links = MapScene['links']['arcs'];
/** No link in focus, likewise one object. */
const NO_LINKS: Links = Object.freeze({ type: 'FeatureCollection', features: Object.freeze([]) as never[] });

/** The shapes of the hovered and the selected region among `shapes` (the same geometry objects). */
function pick(shapes: Shapes, selection: string | null, hover: string | null): Highlighted {
  const features: Feature<Polygon | MultiPolygon, HighlightProps>[] = [];
  for (const [role, code] of [
    ['hover', hover],
    ['selected', selection],
  ] as const) {
    const shape = code === null ? undefined : shapes.features.find((f) => f.properties.code === code);
    if (shape && code !== null)
      features.push({ type: 'Feature', properties: { code, role }, geometry: shape.geometry });
  }
  return features.length === 0 ? NONE : { type: 'FeatureCollection', features };
}

const sameFeatures = (a: Highlighted, b: Highlighted): boolean =>
  a.features.length === b.features.length &&
  a.features.every((f, i) => {
    const g = b.features[i];
    return (
      g !== undefined &&
      f.geometry === g.geometry &&
      f.properties.code === g.properties.code &&
      f.properties.role === g.properties.role
    );
  });

/** The single links of the place in focus (the scene's own feature objects), for all years. */
function linksOf(scene: MapScene, selection: string | null, hover: string | null): Links {
  const inFocus = linksInFocus(scene, selection, hover);
  const features = inFocus ? scene.links.arcs.features.filter((f) => inFocus(f.properties)) : [];
  return features.length === 0 ? NO_LINKS : { type: 'FeatureCollection', features };
}

const sameLinks = (a: Links, b: Links): boolean =>
  a.features.length === b.features.length && a.features.every((f, i) => f === b.features[i]);

/**
 * The sources that follow the hover and the selection:
 * - the hover and selection outlines, on the main map and in the inset: each holds the hovered and
 *   the selected region only (none, one or two features), so the outline layers draw nothing in a
 *   frame where nothing is outlined;
 * - the single links: those of the place in focus (`linksInFocus`) for every year, none without a
 *   focus; the year shows or hides them by their state. Links kept transparent would be drawn in
 *   every frame: with nothing in focus, all of them.
 * A year step never touches them. A source whose features are those of `previous` is `previous`'s own
 * object (the WebGL map then sets no new data). Pure.
 */
export function describeHighlight(
  scene: MapScene,
  selection: string | null,
  hover: string | null,
  previous?: Readonly<Record<string, SourceDescription>>,
): Record<string, SourceDescription> {
  const out: Record<string, SourceDescription> = {};
  for (const [id, shapes] of [
    [SOURCE.highlight, scene.base.regions],
    [SOURCE.insetHighlight, scene.inset.regions],
  ] as const) {
    const data = pick(shapes, selection, hover);
    const before = previous?.[id];
    out[id] = before && sameFeatures(before.data as Highlighted, data) ? before : { type: 'geojson', data };
  }
  const links = linksOf(scene, selection, hover);
  const before = previous?.[SOURCE.arcs];
  out[SOURCE.arcs] =
    before && sameLinks(before.data as Links, links) ? before : { type: 'geojson', data: links, promoteId: 'id' };
  return out;
}
