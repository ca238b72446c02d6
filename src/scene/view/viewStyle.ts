import type { FeatureCollection, Geometry } from 'geojson';
import { LINK_KINDS, type Lang, type LinkKind } from '../../data/types';
import type { MapScene } from '../composeScene';
import { KIND_STRENGTH, LINK_LOOK, NEW_WIDTH_FACTOR } from '../linkKinds';
import type { Palette } from '../palette';
import { unrecordedRegions } from '../regionMeasure';
import type { HighlightRole } from './highlight';
import { HATCH_IMAGE, LAYER, SOURCE, STATE } from './ids';

export type { MapScene } from '../composeScene';

/** A MapLibre style expression (or a literal), as JSON. Both renderers read the same values. */
export type Expression = unknown;

/** One layer, as MapLibre's style specification writes it (the subset the description uses). */
export interface LayerDescription {
  id: string;
  type: 'background' | 'fill' | 'line' | 'circle' | 'symbol';
  source?: string;
  filter?: Expression;
  minzoom?: number;
  maxzoom?: number;
  layout?: Readonly<Record<string, Expression>>;
  paint?: Readonly<Record<string, Expression>>;
}

export interface SourceDescription {
  type: 'geojson';
  data: FeatureCollection<Geometry, object>;
  /** The property that is the feature's id (feature states are keyed by it). */
  promoteId?: string;
}

/**
 * A generated diagonal hatch: lines rising to the right every `size` px, `width` px wide, in a colour
 * at an opacity (0–1). The WebGL map makes it an image, the SVG map a pattern.
 */
export interface HatchDescription {
  colour: string;
  opacity: number;
  size: number;
  width: number;
}

/** The style as data: all of it fixed across year steps (what a year changes is in feature states). */
export interface StyleDescription {
  sources: Readonly<Record<string, SourceDescription>>;
  layers: readonly LayerDescription[];
  images: Readonly<Record<string, HatchDescription>>;
}

/** Font stack for labels. No `glyphs` URL: MapLibre draws glyphs from local fonts (no network). */
export const LABEL_FONT = ['Noto Sans Regular', 'DejaVu Sans Book', 'Arial Unicode MS Regular'];

/** Alpha of the hatch lines (of 255 in the generated image). */
const HATCH_ALPHA = 70;

/** A boolean feature state, false until it is set. */
const state = (key: string): Expression => ['boolean', ['feature-state', key], false];

/**
 * Every fill's edges are drawn by a line layer above it (borders, the inset's outlines, its frame), so
 * no fill draws MapLibre's antialiasing outline pass: one pass less per fill layer in every frame
 * (about 80 ms of a year step's frame on a machine without a GPU, where the bench measures; the
 * canvas is multisampled anyway).
 */
const NO_EDGE_PASS = { 'fill-antialias': false } as const;

/** Label text for a language. */
export const labelField = (lang: Lang): Expression => ['get', `name_${lang}`];

/**
 * Region fill: the choropleth class in feature-state `cls` (0 = nothing recorded, 1–5 ramp steps,
 * anything else the country's base colour, as before any class is set).
 */
function regionFillColor(p: Palette): Expression {
  const ramp = (colours: readonly string[], base: string): Expression => [
    'match',
    ['coalesce', ['feature-state', STATE.cls], -1],
    0,
    p.none,
    ...colours.flatMap((c, i) => [i + 1, c]),
    base,
  ];
  return ['case', ['==', ['get', 'country'], 'BY'], ramp(p.byRamp, p.byBase), ramp(p.ruRamp, p.ruBase)];
}

/** A region's fill, on the main map and in the inset alike: its class's colour, lighter while dimmed. */
const regionFillPaint = (p: Palette): Readonly<Record<string, Expression>> => ({
  ...NO_EDGE_PASS,
  'fill-color': regionFillColor(p),
  'fill-opacity': ['case', state(STATE.dim), 0.45, 1],
});

/**
 * The hatch over the regions with nothing recorded (class 0, `unrecordedRegions`), on the main map and
 * in the inset alike. Its filter holds only those regions, so the hatch (a pattern, among the costliest
 * fills to draw) covers them alone in a frame; the shown kinds change the filter, a year step never
 * does (a region with records is never class 0).
 */
function hatchLayer(id: string, source: string, unrecorded: readonly string[]): LayerDescription {
  return {
    id,
    type: 'fill',
    source,
    filter: ['in', ['get', 'code'], ['literal', [...unrecorded]]],
    paint: { ...NO_EDGE_PASS, 'fill-pattern': HATCH_IMAGE },
  };
}

/**
 * Single-link opacity: a link is drawn only while a place it touches is in focus (`shown`, see
 * `describeStates`); uncertain links are lighter.
 */
const ARC_OPACITY: Expression = ['case', ['!', state(STATE.shown)], 0, ['get', 'uncertain'], 0.65, 1];

/** A value per link kind, chosen for each line by its `kind` property (the first kind is the match's fallback). */
function byKind(value: (kind: LinkKind) => Expression): Expression {
  const [first, ...rest] = LINK_KINDS;
  return ['match', ['get', 'kind'], ...rest.flatMap((k) => [k, value(k)]), value(first)];
}

/** A solid line in MapLibre's dash unit (a dash with no gap): a kind without dashes, in a layer where others have them. */
const SOLID: readonly number[] = [1, 0];

/**
 * A line in its kind's look from the kinds table, per feature by its `kind` property: line ends,
 * colour and dash (the single links and the partner arcs alike; each adds its width and opacity).
 */
function kindLine(p: Palette): { layout: Record<string, Expression>; paint: Record<string, Expression> } {
  return {
    layout: { 'line-cap': byKind((k) => LINK_LOOK[k].cap), 'line-join': 'round' },
    paint: {
      'line-color': byKind((k) => p.link[k]),
      'line-dasharray': byKind((k) => ['literal', LINK_LOOK[k].dash ?? SOLID]),
    },
  };
}

/**
 * One layer draws the partner arcs. A pair has a feature per kind of tie it ever has (see
 * `PartnerProps`); the one of its strongest kind by the year (`k`) is drawn, in that kind's look, at
 * the width of the number of ties (`w`); with a place in focus, its arc stands out and the others
 * fade. Only the arcs of the origin in use (all of Belarus, or the selected Belarusian region) are in
 * the layer: the other origins' arcs would be drawn, transparent, in every frame (a selection changes
 * the filter, a year step never does). One layer, not one per kind: each feature is drawn once per
 * frame, not once per kind.
 */
function partnerLayer(p: Palette, origin: string): LayerDescription {
  const look = kindLine(p);
  return {
    id: LAYER.partners,
    type: 'line',
    source: SOURCE.partners,
    filter: ['==', ['get', 'origin'], origin],
    layout: look.layout,
    paint: {
      ...look.paint,
      'line-width': ['coalesce', ['feature-state', STATE.width], 1],
      'line-opacity': [
        'case',
        ['!', state(STATE.shown)],
        0,
        ['!=', ['coalesce', ['feature-state', STATE.strongest], -1], byKind((k) => KIND_STRENGTH.indexOf(k))],
        0,
        ['==', ['feature-state', STATE.focus], 1],
        1,
        ['==', ['feature-state', STATE.focus], -1],
        0.12,
        0.8,
      ],
    },
  };
}

const SHOWN_OPACITY: Expression = ['case', state(STATE.shown), 1, 0];

/**
 * All single links in one layer, each with its kind's look from the kinds table (colour, width, dash,
 * line ends): one layer costs less to draw in every frame than one per kind. A kind switched off is
 * hidden by the links' `shown` state (see `describeStates`), as a year step hides links.
 */
function arcLayer(p: Palette): LayerDescription {
  const look = kindLine(p);
  return {
    id: LAYER.arcs,
    type: 'line',
    source: SOURCE.arcs,
    layout: look.layout,
    paint: {
      ...look.paint,
      'line-width': ['*', byKind((k) => LINK_LOOK[k].width), ['case', state(STATE.isNew), NEW_WIDTH_FACTOR, 1]],
      'line-opacity': ARC_OPACITY,
    },
  };
}

/**
 * The outlines of the hovered and the selected region. Their sources hold those regions only
 * (`describeHighlight`): outlines kept transparent on every region would be drawn in every frame.
 */
function highlightLayers(
  hoverId: string,
  selectedId: string,
  source: string,
  p: Palette,
  hoverWidth: number,
  selectedWidth: number,
): LayerDescription[] {
  const role = (r: HighlightRole): Expression => ['==', ['get', 'role'], r];
  return [
    {
      id: hoverId,
      type: 'line',
      source,
      filter: role('hover'),
      paint: { 'line-color': p.text, 'line-width': hoverWidth },
    },
    {
      id: selectedId,
      type: 'line',
      source,
      filter: role('selected'),
      paint: { 'line-color': p.selected, 'line-width': selectedWidth },
    },
  ];
}

/** The inset of Belarus: its frame and leader, the regions filled and outlined as on the main map. */
function insetLayers(p: Palette, unrecorded: readonly string[]): LayerDescription[] {
  const frame = (part: string): Expression => ['==', ['get', 'part'], part];
  return [
    {
      id: LAYER.insetFrameFill,
      type: 'fill',
      source: SOURCE.insetFrame,
      filter: frame('frame'),
      paint: { ...NO_EDGE_PASS, 'fill-color': p.surface, 'fill-opacity': 0.92 },
    },
    {
      id: LAYER.insetFrameLine,
      type: 'line',
      source: SOURCE.insetFrame,
      paint: { 'line-color': p.countryBorder, 'line-width': 1.2 },
    },
    {
      id: LAYER.insetFill,
      type: 'fill',
      source: SOURCE.inset,
      paint: regionFillPaint(p),
    },
    hatchLayer(LAYER.insetNone, SOURCE.inset, unrecorded),
    {
      id: LAYER.insetBorders,
      type: 'line',
      source: SOURCE.inset,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': p.border, 'line-width': 1.2 },
    },
    ...highlightLayers(LAYER.insetHover, LAYER.insetSelected, SOURCE.insetHighlight, p, 2, 3),
  ];
}

/**
 * The whole style for a language, a theme, the shown kinds (they pick the hatched regions) and the
 * origin of the partner arcs (see `partnerOrigin`): sources (the scene's geometry for all years,
 * added once), layers in drawing order, generated images. Pure; the year, the selection, focus and
 * hover are feature states ({@link describeStates}), and so are the kinds' links and partner arcs.
 */
export function describeStyle(
  scene: MapScene,
  p: Palette,
  lang: Lang,
  kinds: readonly LinkKind[],
  origin: string,
): StyleDescription {
  const { base, links } = scene;
  const unrecorded = unrecordedRegions(
    base.regions.features.map((f) => f.properties.code),
    links.arcs.features.map((f) => f.properties),
    kinds,
  );
  return {
    sources: {
      [SOURCE.neighbours]: { type: 'geojson', data: base.neighbours },
      [SOURCE.regions]: { type: 'geojson', data: base.regions, promoteId: 'code' },
      [SOURCE.labels]: { type: 'geojson', data: base.labels, promoteId: 'code' },
      [SOURCE.borders]: { type: 'geojson', data: base.borders },
      [SOURCE.cities]: { type: 'geojson', data: links.cities, promoteId: 'id' },
      [SOURCE.forums]: { type: 'geojson', data: links.forums, promoteId: 'id' },
      [SOURCE.inset]: { type: 'geojson', data: scene.inset.regions, promoteId: 'code' },
      [SOURCE.insetTargets]: { type: 'geojson', data: scene.inset.targets, promoteId: 'code' },
      [SOURCE.insetFrame]: { type: 'geojson', data: scene.inset.frame },
      [SOURCE.partners]: { type: 'geojson', data: scene.partners, promoteId: 'id' },
    },
    images: { [HATCH_IMAGE]: { colour: p.muted, opacity: HATCH_ALPHA / 255, size: 8, width: 1.2 } },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': p.water } },
      {
        id: LAYER.neighboursFill,
        type: 'fill',
        source: SOURCE.neighbours,
        paint: { ...NO_EDGE_PASS, 'fill-color': p.land },
      },
      {
        id: LAYER.regionsFill,
        type: 'fill',
        source: SOURCE.regions,
        paint: regionFillPaint(p),
      },
      hatchLayer(LAYER.regionsNone, SOURCE.regions, unrecorded),
      {
        id: LAYER.bordersInternal,
        type: 'line',
        source: SOURCE.borders,
        filter: ['==', ['get', 'kind'], 'internal'],
        paint: { 'line-color': p.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 5, 1.2] },
      },
      {
        id: LAYER.bordersCountry,
        type: 'line',
        source: SOURCE.borders,
        filter: ['!=', ['get', 'kind'], 'internal'],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': p.countryBorder, 'line-width': ['case', ['==', ['get', 'kind'], 'byRu'], 1.8, 1.1] },
      },
      ...highlightLayers(LAYER.regionsHover, LAYER.regionsSelected, SOURCE.highlight, p, 1.5, 2.5),
      ...insetLayers(p, unrecorded),
      partnerLayer(p, origin),
      arcLayer(p),
      {
        id: LAYER.forums,
        type: 'circle',
        source: SOURCE.forums,
        paint: {
          'circle-radius': ['case', state(STATE.current), 9, 5],
          'circle-color': 'rgba(0,0,0,0)',
          'circle-opacity': SHOWN_OPACITY,
          'circle-stroke-color': p.forum,
          'circle-stroke-width': 2.5,
          'circle-stroke-opacity': SHOWN_OPACITY,
        },
      },
      {
        id: LAYER.cities,
        type: 'circle',
        source: SOURCE.cities,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 1, 2.5, 5, 4.5],
          'circle-color': p.surface,
          'circle-stroke-color': p.text,
          'circle-stroke-width': 1.2,
          'circle-opacity': SHOWN_OPACITY,
          'circle-stroke-opacity': SHOWN_OPACITY,
        },
      },
      {
        id: LAYER.cityLabels,
        type: 'symbol',
        source: SOURCE.cities,
        minzoom: 3.5,
        layout: {
          'text-field': labelField(lang),
          'text-font': LABEL_FONT,
          'text-size': 11,
          'text-offset': [0, 0.8],
          'text-anchor': 'top',
          'text-optional': true,
        },
        paint: {
          'text-color': p.label,
          'text-halo-color': p.labelHalo,
          'text-halo-width': 1.2,
          'text-opacity': SHOWN_OPACITY,
        },
      },
      {
        id: LAYER.labels,
        type: 'symbol',
        source: SOURCE.labels,
        layout: {
          'text-field': labelField(lang),
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 4, 13, 7, 15],
          'text-max-width': 7,
          'text-padding': 3,
          'symbol-sort-key': ['get', 'rank'],
          'text-allow-overlap': false,
          'text-optional': false,
        },
        paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.4 },
      },
      // Belarus's seven regions, named in the inset: always all seven (allowed to overlap other labels).
      {
        id: LAYER.insetLabels,
        type: 'symbol',
        source: SOURCE.insetTargets,
        layout: {
          'text-field': labelField(lang),
          'text-font': LABEL_FONT,
          // Smaller where the whole map is small (a phone), so the seven names fit the inset.
          'text-size': ['interpolate', ['linear'], ['zoom'], 1.5, 9, 2.5, 12],
          'text-max-width': 8,
          'text-offset': ['array', 'number', 2, ['get', 'offset']],
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.6 },
      },
      // Invisible discs at the inset's label points: every Belarusian region, Minsk city too, gets a
      // tap target of at least 24×24 px whatever the zoom.
      {
        id: LAYER.insetTargets,
        type: 'circle',
        source: SOURCE.insetTargets,
        filter: ['==', ['get', 'tap'], true],
        // A disc of radius 17 holds a 24×24 px square.
        paint: { 'circle-radius': 17, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-width': 0 },
      },
    ],
  };
}
