// Shared fixtures for the map adapter's unit tests: a recording fake of maplibre's Map (the outer
// boundary) and tiny scenes and views. Real rendering is tested in Chromium (tests/browser/).
import type { MapOptions } from 'maplibre-gl';
import type { MapLib } from '../../src/map/createMapAdapter';
import { PALETTES } from '../../src/scene/palette';
import { describeView, type ViewDescription, type ViewInput } from '../../src/scene/view/describeView';
import type { MapScene } from '../../src/scene/view/viewStyle';

export type Call = [string, ...unknown[]];

/** A recording fake of maplibre's Map: records calls, lets the test fire events. */
export function createFakeLib(hits: Record<string, string> = {}) {
  const calls: Call[] = [];
  const handlers = new Map<string, Set<(e: unknown) => void>>();
  let options: MapOptions | null = null;
  const canvas = { attrs: {} as Record<string, string>, style: {} as Record<string, string> };
  class FakeMap {
    constructor(o: MapOptions) {
      options = o;
    }
    on(type: string, fn: (e: unknown) => void) {
      if (!handlers.has(type)) handlers.set(type, new Set());
      handlers.get(type)!.add(fn);
      return this;
    }
    off(type: string, fn: (e: unknown) => void) {
      handlers.get(type)?.delete(fn);
      return this;
    }
    once() {
      return this;
    }
    setFeatureState(...a: unknown[]) {
      calls.push(['setFeatureState', ...a]);
    }
    removeFeatureState(...a: unknown[]) {
      calls.push(['removeFeatureState', ...a]);
    }
    setLayoutProperty(...a: unknown[]) {
      calls.push(['setLayoutProperty', ...a]);
      return this;
    }
    setPaintProperty(...a: unknown[]) {
      calls.push(['setPaintProperty', ...a]);
      return this;
    }
    setFilter(...a: unknown[]) {
      calls.push(['setFilter', ...a]);
      return this;
    }
    getSource(id: string) {
      return { setData: (data: unknown) => calls.push(['setData', id, data]) };
    }
    fitBounds(...a: unknown[]) {
      calls.push(['fitBounds', ...a]);
      return this;
    }
    jumpTo(...a: unknown[]) {
      calls.push(['jumpTo', ...a]);
      return this;
    }
    project(ll: [number, number]) {
      return { x: ll[0], y: ll[1] };
    }
    queryRenderedFeatures(p: [number, number]) {
      const code = hits[`${p[0]},${p[1]}`];
      return code ? [{ properties: { code } }] : [];
    }
    zoomIn() {
      calls.push(['zoomIn']);
      return this;
    }
    zoomOut() {
      calls.push(['zoomOut']);
      return this;
    }
    remove() {
      calls.push(['remove']);
    }
    getCanvas() {
      return {
        setAttribute: (k: string, v: string) => {
          canvas.attrs[k] = v;
        },
        style: canvas.style,
      };
    }
    resize() {
      return this;
    }
    setMissingStyleImageResolver() {
      return this;
    }
    hasImage() {
      return false;
    }
    addImage(...a: unknown[]) {
      calls.push(['addImage', a[0]]);
    }
    updateImage(...a: unknown[]) {
      calls.push(['updateImage', a[0]]);
    }
  }
  const fire = (type: string, e: unknown = {}) => handlers.get(type)?.forEach((fn) => fn(e));
  return {
    lib: { Map: FakeMap as unknown as MapLib['Map'] },
    calls,
    fire,
    canvas,
    handlerCount: () => [...handlers.values()].reduce((n, s) => n + s.size, 0),
    options: () => options,
  };
}

const empty = { type: 'FeatureCollection' as const, features: [] };
const polygon = { type: 'Polygon' as const, coordinates: [] };
const region = (code: string, country: 'BY' | 'RU') => ({
  type: 'Feature' as const,
  id: code,
  geometry: polygon,
  properties: { code, country },
});

/** An inset with nothing in it (the fake geography has no shapes to move). */
export const emptyInset: MapScene['inset'] = {
  transform: { k: 4, from: [0, 0], to: [0, 0] },
  regions: empty,
  targets: empty,
  frame: empty,
  bounds: [
    [0, 0],
    [0, 0],
  ],
  box: [0, 0, 0, 0],
};

/** Two regions, no links. */
export const createScene = (): MapScene => ({
  base: {
    regions: { type: 'FeatureCollection', features: [region('RU-KRS', 'RU'), region('BY-HR', 'BY')] },
    neighbours: empty,
    labels: empty,
    borders: empty,
    bounds: [
      [-60, 10],
      [60, 30],
    ],
  },
  links: { arcs: empty, cities: empty, forums: empty },
  inset: emptyInset,
  partners: empty,
});

/** Kinds keep their identity between views, as the store keeps its `kinds` array. */
export const KINDS = ['agreement' as const, 'sister' as const, 'project' as const, 'body' as const];

export const createContainer = () => ({ dataset: {} as Record<string, string> }) as unknown as HTMLElement;

export const createInput = (over: Partial<ViewInput> = {}): ViewInput => ({
  scene: createScene(),
  palette: PALETTES.light,
  lang: 'ru',
  year: 2024,
  kinds: KINDS,
  selection: null,
  hover: null,
  ...over,
});

/** The view of `createInput(over)`. */
export const createView = (over: Partial<ViewInput> = {}): ViewDescription => describeView(createInput(over));

const line = { type: 'LineString' as const, coordinates: [] };
const point = { type: 'Point' as const, coordinates: [0, 0] };
/** Links between Kursk and Grodno: agreements from 2016 (signed then) and 2019 (signing year
 *  unknown), sister cities from 2018 (signed then, city c1 of Grodno region and c2 of Kursk region; a
 *  Belarusian city's marker is never drawn, its links leave from the inset); forums in 2017 and 2019. */
export function linkedScene(): MapScene {
  // Belarus's side is a link's `from` (a region code or a city id), as in the dataset.
  const arc = (id: string, kind: string, start: number, signed: number, from = 'BY-HR', to = 'RU-KRS') => ({
    type: 'Feature' as const,
    id,
    geometry: line,
    properties: { id, kind, start, signed, from, to, fromRegion: 'BY-HR', toRegion: 'RU-KRS' },
  });
  const scene = createScene();
  return {
    ...scene,
    links: {
      arcs: {
        type: 'FeatureCollection',
        features: [
          arc('a1', 'agreement', 2016, 2016),
          arc('a2', 'agreement', 2019, 0),
          arc('s1', 'sister', 2018, 2018, 'c1', 'c2'),
        ],
      },
      forums: {
        type: 'FeatureCollection',
        features: [2017, 2019].map((year) => ({
          type: 'Feature',
          geometry: point,
          properties: { id: `f${year}`, year },
        })),
      },
      cities: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: point, properties: { id: 'c1', region: 'BY-HR', start: 2018 } },
          { type: 'Feature', geometry: point, properties: { id: 'c2', region: 'RU-KRS', start: 2018 } },
        ],
      },
    } as unknown as MapScene['links'],
    // One partner arc from all of Belarus and one from Grodno region, both to Kursk region: a
    // feature per kind of tie (sister cities, then agreements: the weakest first, as composeScene).
    partners: {
      type: 'FeatureCollection',
      features: (['sister', 'agreement'] as const).flatMap((kind) =>
        [
          ['BY', 'RU-KRS'],
          ['BY-HR', 'RU-KRS'],
        ].map(([origin, partner]) => ({
          type: 'Feature' as const,
          geometry: line,
          properties: { id: `${origin}>${partner}`, origin: origin ?? '', partner: partner ?? '', kind },
        })),
      ),
    },
    inset: {
      ...emptyInset,
      regions: { type: 'FeatureCollection', features: [region('BY-HR', 'BY')] },
    },
  };
}
