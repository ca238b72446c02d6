import type { FilterSpecification, Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';
import type { FeatureStates } from '../scene/view/describeStates';
import type { ViewDescription } from '../scene/view/describeView';
import type { LayerDescription } from '../scene/view/viewStyle';

/** The part of MapLibre's `Map` that applying a description uses. */
export type StyleTarget = Pick<
  MaplibreMap,
  'setFeatureState' | 'removeFeatureState' | 'setLayoutProperty' | 'setPaintProperty' | 'setFilter' | 'getSource'
>;

/** Structural equality of JSON values (style expressions), as react-map-gl's `deepEqual`. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}

/** The description as MapLibre's style: sources and layers as they are, no transitions. */
export function toStyle(view: ViewDescription): StyleSpecification {
  return {
    version: 8,
    // A year step, a hover or a selection shows in the next frame, not over 300 ms of frames: each
    // animated frame is main-thread work, and the timeline steps every second or faster.
    transition: { duration: 0, delay: 0 },
    sources: view.sources as StyleSpecification['sources'],
    layers: view.layers as StyleSpecification['layers'],
  };
}

/**
 * Applies the changed keys of one layer, after react-map-gl's `updateLayer`: every paint and layout
 * key that differs (a key that went away is reset to its default), the filter, nothing else.
 */
export function updateLayer(map: StyleTarget, next: LayerDescription, prev: LayerDescription): void {
  if (next === prev) return;
  if (
    next.type !== prev.type ||
    next.source !== prev.source ||
    next.minzoom !== prev.minzoom ||
    next.maxzoom !== prev.maxzoom
  )
    throw new Error(`layer "${next.id}": type, source and zoom range are fixed for the life of the map`);
  // Keys are checked by MapLibre at run time; the description's keys are plain strings.
  const setters = map as unknown as {
    setLayoutProperty: (layer: string, key: string, value: unknown) => void;
    setPaintProperty: (layer: string, key: string, value: unknown) => void;
  };
  for (const [group, set] of [
    ['layout', (k: string, v: unknown) => setters.setLayoutProperty(next.id, k, v)],
    ['paint', (k: string, v: unknown) => setters.setPaintProperty(next.id, k, v)],
  ] as const) {
    const now = next[group] ?? {};
    const before = prev[group] ?? {};
    if (now === before) continue;
    for (const key of Object.keys(now)) if (!deepEqual(now[key], before[key])) set(key, now[key]);
    for (const key of Object.keys(before)) if (!(key in now)) set(key, undefined);
  }
  if (!deepEqual(next.filter, prev.filter)) map.setFilter(next.id, (next.filter ?? null) as FilterSpecification | null);
}

/** One feature-state change: set `values`, or remove `removed` keys. */
export type StateChange =
  | { source: string; id: string; set: Record<string, number | boolean> }
  | { source: string; id: string; remove: string };

/** The feature-state changes that turn `prev` into `next`: only keys whose value differs. Pure. */
export function diffStates(next: FeatureStates, prev: FeatureStates): StateChange[] {
  const out: StateChange[] = [];
  for (const [source, features] of Object.entries(next)) {
    const before = prev[source] ?? {};
    for (const [id, state] of Object.entries(features)) {
      const was = before[id];
      if (was === state) continue;
      let set: Record<string, number | boolean> | null = null;
      for (const [key, value] of Object.entries(state)) if (was?.[key] !== value) (set ??= {})[key] = value;
      if (set) out.push({ source, id, set });
      if (was) for (const key of Object.keys(was)) if (!(key in state)) out.push({ source, id, remove: key });
    }
    for (const id of Object.keys(before))
      if (!(id in features)) for (const key of Object.keys(before[id] ?? {})) out.push({ source, id, remove: key });
  }
  for (const [source, features] of Object.entries(prev))
    if (!(source in next))
      for (const [id, state] of Object.entries(features))
        for (const key of Object.keys(state)) out.push({ source, id, remove: key });
  return out;
}

/**
 * Applies what differs between two descriptions, knowing nothing of what they show: paint, layout
 * and filter keys of each layer, new data of a source, changed feature states. Layers and sources
 * are fixed for the life of the map (the description always lists all of them).
 */
export function applyView(map: StyleTarget, next: ViewDescription, prev: ViewDescription): void {
  if (next === prev) return;
  if (next.layers !== prev.layers) {
    const before = new Map(prev.layers.map((l) => [l.id, l]));
    if (next.layers.length !== prev.layers.length || next.layers.some((l) => !before.has(l.id)))
      throw new Error('the layers of a view are fixed for the life of the map');
    for (const layer of next.layers) updateLayer(map, layer, before.get(layer.id) as LayerDescription);
  }
  if (next.sources !== prev.sources)
    for (const [id, source] of Object.entries(next.sources)) {
      const was = prev.sources[id];
      if (!was) throw new Error(`source "${id}": the sources of a view are fixed for the life of the map`);
      if (was.data !== source.data) {
        const target = map.getSource(id) as { setData?: (data: unknown) => unknown } | undefined;
        target?.setData?.(source.data);
      }
    }
  if (next.states !== prev.states)
    for (const change of diffStates(next.states, prev.states)) {
      const feature = { source: change.source, id: change.id };
      if ('set' in change) map.setFeatureState(feature, change.set);
      else map.removeFeatureState(feature, change.remove);
    }
}
