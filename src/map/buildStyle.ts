import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { LINK_KINDS, type Lang, type LinkKind } from '../data/types';
import type { BaseScene } from '../scene/baseScene';
import type { LinkScene } from '../scene/linkScene';
import type { Palette } from '../scene/palette';
import { ARC_LAYER, LAYER, SOURCE } from './ids';

/** Name of the hatch image that marks regions with nothing recorded (added by the adapter). */
export const HATCH_IMAGE = 'hatch';

/** Regions with nothing recorded (for the shown kinds) get the hatch on top of their fill. */
export function noRecordFilter(codes: readonly string[]): FilterSpecification {
  return ['in', ['get', 'code'], ['literal', [...codes]]];
}

/** Everything the WebGL map draws. */
export interface MapScene {
  base: BaseScene;
  links: LinkScene;
}

/** Dynamic inputs of the link layers. */
export interface LinkFilterState {
  year: number;
  /** Region code or city id whose links are isolated (others dimmed), or null. */
  focus: string | null;
}

/** Arc look per kind: kinds differ by dash and width, not colour alone. */
export const ARC_STYLE: Record<LinkKind, { width: number; dash: number[] | null }> = {
  agreement: { width: 2.2, dash: null },
  sister: { width: 1.6, dash: [3, 2] },
  project: { width: 2.6, dash: [0.6, 1.6] },
  body: { width: 1.4, dash: [1.2, 1.2] },
};

/** Arcs of one kind drawn by `year`. */
export function arcFilter(kind: LinkKind, year: number): FilterSpecification {
  return ['all', ['==', ['get', 'kind'], kind], ['<=', ['get', 'start'], year]];
}

function touches(focus: string): ExpressionSpecification {
  return [
    'any',
    ['==', ['get', 'fromRegion'], focus],
    ['==', ['get', 'toRegion'], focus],
    ['==', ['get', 'from'], focus],
    ['==', ['get', 'to'], focus],
  ];
}

/** Arc opacity: links of the focused place stand out, the rest are dimmed. */
export function arcOpacity(focus: string | null): DataDrivenPropertyValueSpecification<number> {
  if (!focus) return ['case', ['get', 'uncertain'], 0.6, 0.9];
  return ['case', touches(focus), 1, 0.08];
}

/** Arc width: links signed in the selected year are drawn twice as wide. */
export function arcWidth(kind: LinkKind, year: number): DataDrivenPropertyValueSpecification<number> {
  const w = ARC_STYLE[kind].width;
  return ['case', ['==', ['get', 'signed'], year], w * 2, w];
}

/** Markers (cities, forums) drawn by `year`. */
export function pointFilter(field: 'start' | 'year', year: number): FilterSpecification {
  return ['<=', ['get', field], year];
}

/** Forum marker size: this year's forum large, earlier ones small. */
export function forumRadius(year: number): DataDrivenPropertyValueSpecification<number> {
  return ['case', ['==', ['get', 'year'], year], 9, 5];
}

/**
 * What the year changes in the style, as the years the filters and widths compare with. Each is the
 * latest year at or before the selected one at which something of that layer starts (-1: nothing
 * yet; for `signed` and `current`, nothing signed or held this very year), so the expressions come out identical for two years between which
 * that layer shows nothing new: the adapter then leaves the layer alone (no re-layout, no redraw).
 * Drawn the same as comparing with the selected year itself.
 */
export interface YearKeys {
  /** Per kind: arcs shown from `shown` (their `start` ≤ it); `signed`: the year drawn wide, or -1. */
  arcs: Record<LinkKind, { shown: number; signed: number }>;
  /** Forums held up to `shown`; `current`: the year whose forum is drawn large, or -1. */
  forums: { shown: number; current: number };
  /** Cities with a link from `start` ≤ this. */
  cities: number;
}

/** The latest of `values` (years) at or before `year`, or -1 when none is (then nothing passes). */
function latestBy(values: readonly number[], year: number): number {
  let best = -1;
  for (const v of values) if (v <= year && v > best) best = v;
  return best;
}

export function yearKeys(links: MapScene['links'], year: number): YearKeys {
  const arcs = links.arcs.features.map((f) => f.properties);
  const forumYears = links.forums.features.map((f) => f.properties.year);
  const keyOf = (kind: LinkKind) => {
    const mine = arcs.filter((a) => a.kind === kind);
    return {
      shown: latestBy(
        mine.map((a) => a.start),
        year,
      ),
      signed: mine.some((a) => a.signed === year) ? year : -1,
    };
  };
  return {
    arcs: { agreement: keyOf('agreement'), sister: keyOf('sister'), project: keyOf('project'), body: keyOf('body') },
    forums: { shown: latestBy(forumYears, year), current: forumYears.includes(year) ? year : -1 },
    cities: latestBy(
      links.cities.features.map((f) => f.properties.start),
      year,
    ),
  };
}

function arcLayer(kind: LinkKind, p: Palette, state: LinkFilterState, keys: YearKeys): LayerSpecification {
  const dash = ARC_STYLE[kind].dash;
  return {
    id: ARC_LAYER[kind],
    type: 'line',
    source: SOURCE.arcs,
    filter: arcFilter(kind, keys.arcs[kind].shown),
    layout: { 'line-cap': kind === 'project' ? 'round' : 'butt', 'line-join': 'round' },
    paint: {
      'line-color': p[kind],
      'line-width': arcWidth(kind, keys.arcs[kind].signed),
      'line-opacity': arcOpacity(state.focus),
      ...(dash ? { 'line-dasharray': dash } : {}),
    },
  };
}

/** Layers for links, cities and forums, in drawing order. */
function linkLayers(p: Palette, lang: Lang, state: LinkFilterState, keys: YearKeys): LayerSpecification[] {
  return [
    ...LINK_KINDS.map((k) => arcLayer(k, p, state, keys)),
    {
      id: LAYER.forums,
      type: 'circle',
      source: SOURCE.forums,
      filter: pointFilter('year', keys.forums.shown),
      paint: {
        'circle-radius': forumRadius(keys.forums.current),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': p.forum,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: LAYER.cities,
      type: 'circle',
      source: SOURCE.cities,
      filter: pointFilter('start', keys.cities),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 1, 2.5, 5, 4.5],
        'circle-color': p.surface,
        'circle-stroke-color': p.text,
        'circle-stroke-width': 1.2,
      },
    },
    {
      id: LAYER.cityLabels,
      type: 'symbol',
      source: SOURCE.cities,
      minzoom: 3.5,
      filter: pointFilter('start', keys.cities),
      layout: {
        'text-field': labelField(lang),
        'text-font': LABEL_FONT,
        'text-size': 11,
        'text-offset': [0, 0.8],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.2 },
    },
  ];
}

/** Font stack for labels. No `glyphs` URL: MapLibre draws glyphs from local fonts (no network). */
export const LABEL_FONT = ['Noto Sans Regular', 'DejaVu Sans Book', 'Arial Unicode MS Regular'];

/** Label text for a language. */
export function labelField(lang: Lang): ExpressionSpecification {
  return ['get', `name_${lang}`];
}

/**
 * Region fill: the choropleth class in feature-state `cls` (0 = nothing recorded, 1–5 ramp steps),
 * falling back to the country's base colour until a class is set.
 */
export function regionFillColor(p: Palette): ExpressionSpecification {
  const ramp = (country: 'BY' | 'RU'): ExpressionSpecification => {
    const colours = country === 'BY' ? p.byRamp : p.ruRamp;
    return [
      'match',
      ['coalesce', ['feature-state', 'cls'], -1],
      0,
      p.none,
      1,
      colours[0] ?? p.none,
      2,
      colours[1] ?? p.none,
      3,
      colours[2] ?? p.none,
      4,
      colours[3] ?? p.none,
      5,
      colours[4] ?? p.none,
      country === 'BY' ? p.byBase : p.ruBase,
    ];
  };
  return ['case', ['==', ['get', 'country'], 'BY'], ramp('BY'), ramp('RU')];
}

/** The complete inline style: local data only, no tiles, no glyph or sprite server. Pure. */
export function buildStyle(mapScene: MapScene, p: Palette, lang: Lang, state: LinkFilterState): StyleSpecification {
  const scene = mapScene.base;
  return {
    version: 8,
    // A year step, a hover or a selection shows in the next frame, not over 300 ms of frames: each
    // animated frame is main-thread work, and the timeline steps every second or faster.
    transition: { duration: 0, delay: 0 },
    sources: {
      [SOURCE.neighbours]: { type: 'geojson', data: scene.neighbours },
      [SOURCE.regions]: { type: 'geojson', data: scene.regions, promoteId: 'code' },
      [SOURCE.labels]: { type: 'geojson', data: scene.labels, promoteId: 'code' },
      [SOURCE.borders]: { type: 'geojson', data: scene.borders },
      [SOURCE.arcs]: { type: 'geojson', data: mapScene.links.arcs, promoteId: 'id' },
      [SOURCE.cities]: { type: 'geojson', data: mapScene.links.cities, promoteId: 'id' },
      [SOURCE.forums]: { type: 'geojson', data: mapScene.links.forums, promoteId: 'id' },
    },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': p.water } },
      { id: LAYER.neighboursFill, type: 'fill', source: SOURCE.neighbours, paint: { 'fill-color': p.land } },
      {
        id: LAYER.neighboursLine,
        type: 'line',
        source: SOURCE.neighbours,
        paint: { 'line-color': p.landLine, 'line-width': 0.6 },
      },
      {
        id: LAYER.regionsFill,
        type: 'fill',
        source: SOURCE.regions,
        paint: {
          'fill-color': regionFillColor(p),
          'fill-opacity': ['case', ['boolean', ['feature-state', 'dim'], false], 0.45, 1],
        },
      },
      {
        id: LAYER.regionsNone,
        type: 'fill',
        source: SOURCE.regions,
        filter: noRecordFilter([]),
        paint: { 'fill-pattern': HATCH_IMAGE },
      },
      {
        id: LAYER.bordersInternal,
        type: 'line',
        source: SOURCE.borders,
        filter: ['==', ['get', 'kind'], 'internal'],
        paint: {
          'line-color': p.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 5, 1.2],
        },
      },
      {
        id: LAYER.bordersCountry,
        type: 'line',
        source: SOURCE.borders,
        filter: ['!=', ['get', 'kind'], 'internal'],
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': p.countryBorder,
          'line-width': ['case', ['==', ['get', 'kind'], 'byRu'], 1.8, 1.1],
        },
      },
      {
        id: LAYER.regionsHover,
        type: 'line',
        source: SOURCE.regions,
        paint: {
          'line-color': p.text,
          'line-width': 1.5,
          'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0],
        },
      },
      {
        id: LAYER.regionsSelected,
        type: 'line',
        source: SOURCE.regions,
        paint: {
          'line-color': p.selected,
          'line-width': 2.5,
          'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0],
        },
      },
      ...linkLayers(p, lang, state, yearKeys(mapScene.links, state.year)),
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
        paint: {
          'text-color': p.label,
          'text-halo-color': p.labelHalo,
          'text-halo-width': 1.4,
        },
      },
    ],
  };
}
