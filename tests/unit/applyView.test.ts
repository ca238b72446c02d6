// The generic differ of the maplibre adapter (after react-map-gl's updateLayer), against a recording
// fake: it applies exactly the paint, layout, filter and feature-state keys that differ.
import { describe, expect, it } from 'vitest';
import { applyView, deepEqual, diffStates, updateLayer, type StyleTarget } from '../../src/map/applyView';
import { describeView, type ViewDescription } from '../../src/scene/view/describeView';
import type { LayerDescription } from '../../src/scene/view/viewStyle';
import { createFakeLib, createInput, createView, type Call } from './fakeMap';

function createTarget(): { map: StyleTarget; calls: Call[] } {
  const fake = createFakeLib();
  const map = new fake.lib.Map({ container: {} as HTMLElement }) as unknown as StyleTarget;
  return { map, calls: fake.calls };
}

const line = (over: Partial<LayerDescription> = {}): LayerDescription => ({
  id: 'l',
  type: 'line',
  source: 's',
  layout: { 'line-cap': 'round', visibility: 'visible' },
  paint: { 'line-color': '#000', 'line-width': ['case', ['get', 'x'], 2, 1] },
  ...over,
});

describe('deepEqual', () => {
  it.each<[unknown, unknown, boolean]>([
    [['case', ['get', 'x'], 2, 1], ['case', ['get', 'x'], 2, 1], true],
    [['case', ['get', 'x'], 2, 1], ['case', ['get', 'x'], 2, 3], false],
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [[1, 2], { 0: 1, 1: 2 }, false],
    [null, undefined, false],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
  });
});

describe('updateLayer', () => {
  it.each<[string, Partial<LayerDescription>, Call[]]>([
    ['an equal layer: nothing', {}, []],
    [
      'a changed paint value: that key only',
      { paint: { 'line-color': '#f00', 'line-width': ['case', ['get', 'x'], 2, 1] } },
      [['setPaintProperty', 'l', 'line-color', '#f00']],
    ],
    [
      'a layout key gone: reset to its default',
      { layout: { 'line-cap': 'round' } },
      [['setLayoutProperty', 'l', 'visibility', undefined]],
    ],
    ['a new filter', { filter: ['==', ['get', 'kind'], 'a'] }, [['setFilter', 'l', ['==', ['get', 'kind'], 'a']]]],
  ])('%s', (_, over, expected) => {
    const { map, calls } = createTarget();
    updateLayer(map, line(over), line());
    expect(calls).toEqual(expected);
  });

  it('refuses to change a layer’s type or source (layers are fixed for the life of the map)', () => {
    const { map } = createTarget();
    expect(() => updateLayer(map, line({ source: 't' }), line())).toThrow(/fixed/);
  });
});

describe('diffStates', () => {
  it.each<[string, ViewDescription['states'], ViewDescription['states'], ReturnType<typeof diffStates>]>([
    ['nothing changed', { s: { a: { x: 1 } } }, { s: { a: { x: 1 } } }, []],
    [
      'a value changed',
      { s: { a: { x: 1, y: true } } },
      { s: { a: { x: 2, y: true } } },
      [{ source: 's', id: 'a', set: { x: 2 } }],
    ],
    ['a new feature', { s: {} }, { s: { a: { x: 1 } } }, [{ source: 's', id: 'a', set: { x: 1 } }]],
    ['a key gone', { s: { a: { x: 1, y: 2 } } }, { s: { a: { x: 1 } } }, [{ source: 's', id: 'a', remove: 'y' }]],
    ['a feature gone', { s: { a: { x: 1 } } }, { s: {} }, [{ source: 's', id: 'a', remove: 'x' }]],
    ['a source gone', { s: { a: { x: 1 } } }, {}, [{ source: 's', id: 'a', remove: 'x' }]],
  ])('%s', (_, prev, next, expected) => {
    expect(diffStates(next, prev)).toEqual(expected);
  });
});

describe('applyView', () => {
  it('sets new data on a source whose data changed, and nothing else', () => {
    const { map, calls } = createTarget();
    const prev = createView();
    const regions = { type: 'FeatureCollection' as const, features: [] };
    const next = { ...prev, sources: { ...prev.sources, regions: { ...prev.sources.regions!, data: regions } } };
    applyView(map, next, prev);
    expect(calls).toEqual([['setData', 'regions', regions]]);
  });

  it('does nothing for the same description, or an equal one built again from the same scene', () => {
    const { map, calls } = createTarget();
    const input = createInput();
    const view = describeView(input);
    applyView(map, view, view);
    applyView(map, describeView({ ...input }), view);
    expect(calls).toEqual([]);
  });
});
