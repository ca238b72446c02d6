import { describe, expect, it } from 'vitest';
import { createMapAdapter, hatchPattern } from '../../src/map/createMapAdapter';
import { KIND_STRENGTH } from '../../src/scene/linkKinds';
import { LAYER, SOURCE } from '../../src/scene/view/ids';
import type { MapScene } from '../../src/scene/view/viewStyle';
import {
  createContainer,
  createFakeLib,
  createInput,
  createScene,
  createView,
  linkedScene,
  type Call,
} from './fakeMap';
import { createViewDescriber, type ViewInput } from '../../src/scene/view/describeView';

function setup(hits?: Record<string, string>, scene: MapScene = createScene(), over: Partial<ViewInput> = {}) {
  const fake = createFakeLib(hits);
  const container = createContainer();
  // One describer per map, as the store keeps one per mounted instance.
  const describe = createViewDescriber();
  const view = (more: Partial<ViewInput> = {}) => describe(createInput({ scene, ...over, ...more }));
  const adapter = createMapAdapter({
    lib: fake.lib,
    container,
    bounds: scene.base.bounds,
    initial: view(),
    ariaLabel: 'Карта',
  });
  return { fake, container, adapter, view };
}

const regionState = (id: string, s: Record<string, unknown>): Call => [
  'setFeatureState',
  { source: SOURCE.regions, id },
  s,
];
/** The regions each `setData` of an outline source gave, as `code:role`, in call order. */
const outlinesOf = (calls: Call[], source: string) =>
  calls
    .filter((c) => c[0] === 'setData' && c[1] === source)
    .map((c) =>
      (c[2] as { features: { properties: { code: string; role: string } }[] }).features.map(
        (f) => `${f.properties.code}:${f.properties.role}`,
      ),
    );
/** The single links' source data set, as link ids per call. */
const linksOf = (calls: Call[]) =>
  calls
    .filter((c) => c[0] === 'setData' && c[1] === SOURCE.arcs)
    .map((c) => (c[2] as { features: { properties: { id: string } }[] }).features.map((f) => f.properties.id));
/** The calls that set `key`, as [feature id, value]. */
const setsOf = (calls: Call[], key: string) =>
  calls
    .filter((c) => c[0] === 'setFeatureState' && key in (c[2] as object))
    .map((c) => [(c[1] as { id: string }).id, (c[2] as Record<string, unknown>)[key]]);

describe('createMapAdapter', () => {
  it('creates the map with the description as its inline style, fitted bounds and a labelled canvas', () => {
    const { fake } = setup();
    const o = fake.options()!;
    expect(o.style).toMatchObject({ version: 8, layers: createView().layers, sources: createView().sources });
    expect(o.bounds).toBeDefined();
    expect(o.renderWorldCopies).toBe(false);
    expect(fake.canvas.attrs['aria-label']).toBe('Карта');
    expect(fake.canvas.attrs.role).toBe('img');
  });

  it('holds state changes until the map has loaded, then applies the latest', () => {
    const { fake, adapter, view } = setup();
    adapter.update(view({ selection: 'RU-KRS' }));
    adapter.update(view({ selection: 'BY-HR' }));
    expect(fake.calls).toEqual([]);
    fake.fire('load');
    expect(outlinesOf(fake.calls, SOURCE.highlight)).toEqual([['BY-HR:selected']]);
    // The fake geography's inset is empty: its outline source keeps its (empty) data.
    expect(outlinesOf(fake.calls, SOURCE.insetHighlight)).toEqual([]);
  });

  it('moves the selection outline and its links as sources’ data, touching no other source', () => {
    const { fake, adapter, view } = setup(undefined, linkedScene());
    fake.fire('load');
    fake.calls.length = 0;
    adapter.update(view({ selection: 'RU-KRS' }));
    adapter.update(view({ selection: 'BY-HR' }));
    // A Russian subject has no inset copy: the inset's outline source keeps its (empty) data.
    expect(outlinesOf(fake.calls, SOURCE.highlight)).toEqual([['RU-KRS:selected'], ['BY-HR:selected']]);
    expect(outlinesOf(fake.calls, SOURCE.insetHighlight)).toEqual([['BY-HR:selected']]);
    // Kursk's links, of every year; a Belarusian region selected shows its partner arcs, and single
    // links only for a partner under the pointer.
    expect(linksOf(fake.calls)).toEqual([['a1', 'a2', 's1'], []]);
    adapter.update(view({ selection: 'BY-HR', hover: 'c2' }));
    expect(linksOf(fake.calls).at(-1)).toEqual(['s1']);
    expect(new Set(fake.calls.filter((c) => c[0] === 'setData').map((c) => c[1]))).toEqual(
      new Set([SOURCE.highlight, SOURCE.insetHighlight, SOURCE.arcs]),
    );
  });

  it('switches label language by changing the text field, not the data', () => {
    const { fake, adapter, view } = setup();
    fake.fire('load');
    fake.calls.length = 0;
    adapter.update(view({ lang: 'be' }));
    expect(fake.calls).toEqual([
      ['setLayoutProperty', LAYER.cityLabels, 'text-field', ['get', 'name_be']],
      ['setLayoutProperty', LAYER.labels, 'text-field', ['get', 'name_be']],
      ['setLayoutProperty', LAYER.insetLabels, 'text-field', ['get', 'name_be']],
    ]);
  });

  it('outlines the hovered region through the outline sources, setting no region state', () => {
    const { fake, adapter, view } = setup(undefined, linkedScene());
    fake.fire('load');
    adapter.update(view({ year: 2017 }));
    fake.calls.length = 0;
    adapter.update(view({ year: 2017, hover: 'BY-HR' }));
    expect(fake.calls.filter((c) => (c[1] as { source: string }).source === SOURCE.regions)).toEqual([]);
    expect(outlinesOf(fake.calls, SOURCE.highlight)).toEqual([['BY-HR:hover']]);
    expect(outlinesOf(fake.calls, SOURCE.insetHighlight)).toEqual([['BY-HR:hover']]);
    fake.calls.length = 0;
    adapter.update(view({ year: 2017, hover: 'BY-HR', selection: 'BY-HR' }));
    expect(outlinesOf(fake.calls, SOURCE.highlight)).toEqual([['BY-HR:hover', 'BY-HR:selected']]);
  });

  it('steps the year with feature-state only: no filter, data, paint or layout change', () => {
    const { fake, adapter, view } = setup(undefined, linkedScene());
    fake.fire('load');
    for (const year of [2017, 2018, 2019, 2020, 2016]) {
      fake.calls.length = 0;
      adapter.update(view({ year }));
      expect(new Set(fake.calls.map((c) => c[0])), `to ${year}`).toEqual(new Set(['setFeatureState']));
    }
  });

  it.each<[number, number, Call[]]>([
    // 2024 → 2023: nothing new after 2019, so nothing to change.
    [2024, 2023, []],
    // 2019 → 2020: the 2019 forum is no longer this year's.
    [2019, 2020, [['setFeatureState', { source: SOURCE.forums, id: 'f2019' }, { current: false }]]],
    // 2017 → 2018: a sister-city link (new this year) and its city appear; Grodno region (and its
    // inset copy) counts 2 links; Kursk's strongest tie stays an agreement; its partner arc widens.
    [
      2017,
      2018,
      [
        regionState('BY-HR', { cls: 2 }),
        ['setFeatureState', { source: SOURCE.inset, id: 'BY-HR' }, { cls: 2 }],
        ['setFeatureState', { source: SOURCE.insetTargets, id: 'BY-HR' }, { cls: 2 }],
        ['setFeatureState', { source: SOURCE.arcs, id: 's1' }, { new: true }],
        ['setFeatureState', { source: SOURCE.partners, id: 'BY>RU-KRS' }, { w: 2.6 }],
        ['setFeatureState', { source: SOURCE.cities, id: 'c2' }, { shown: true }],
        ['setFeatureState', { source: SOURCE.forums, id: 'f2017' }, { current: false }],
      ],
    ],
  ])('from %i to %i touches only the features whose state changes', (from, to, expected) => {
    const { fake, adapter, view } = setup(undefined, linkedScene(), { year: from });
    fake.fire('load');
    fake.calls.length = 0;
    adapter.update(view({ year: to }));
    expect(fake.calls).toEqual(expected);
  });

  it('hides the links and partner arcs of a kind that is switched off, and the cities only it reaches', () => {
    const { fake, adapter, view } = setup(undefined, linkedScene());
    fake.fire('load');
    adapter.update(view({ hover: 'BY-HR' }));
    fake.calls.length = 0;
    adapter.update(view({ hover: 'BY-HR', kinds: ['agreement', 'project', 'body'] }));
    // The links' layer holds every kind: the sister-city link goes by its state.
    expect(fake.calls).toContainEqual(['setFeatureState', { source: SOURCE.arcs, id: 's1' }, { shown: false }]);
    expect(fake.calls).toContainEqual(['setFeatureState', { source: SOURCE.cities, id: 'c2' }, { shown: false }]);
    // Kursk's partner arc keeps its strongest kind (an agreement) and narrows to its two agreements.
    expect(fake.calls).toContainEqual(['setFeatureState', { source: SOURCE.partners, id: 'BY>RU-KRS' }, { w: 2.6 }]);
    // A kind toggle, like a year step, changes feature states only.
    expect(fake.calls.filter((c) => c[0] !== 'setFeatureState')).toEqual([]);
  });

  it('draws a partner arc in the look of its strongest kind switched on, or not at all', () => {
    const { fake, adapter, view } = setup(undefined, linkedScene());
    fake.fire('load');
    adapter.update(view());
    fake.calls.length = 0;
    adapter.update(view({ kinds: ['sister'] }));
    expect(fake.calls).toContainEqual([
      'setFeatureState',
      { source: SOURCE.partners, id: 'BY>RU-KRS' },
      { w: 1.6, k: KIND_STRENGTH.indexOf('sister') },
    ]);
    fake.calls.length = 0;
    adapter.update(view({ kinds: ['project'] }));
    expect(fake.calls).toContainEqual([
      'setFeatureState',
      { source: SOURCE.partners, id: 'BY>RU-KRS' },
      { shown: false, w: 0, k: -1 },
    ]);
  });

  it('isolates the focused place by the arcs’ feature state and source, not by a paint change', () => {
    const { fake, adapter, view } = setup(undefined, linkedScene());
    fake.fire('load');
    fake.calls.length = 0;
    adapter.update(view({ hover: 'c1' }));
    expect(setsOf(fake.calls, 'focus')).toEqual([
      ['a1', -1],
      ['a2', -1],
      ['s1', 1],
      ['BY>RU-KRS', -1],
      ['BY-HR>RU-KRS', -1],
    ]);
    // Besides the states, only the links' source changes: it holds the links of the place in focus.
    expect(linksOf(fake.calls)).toEqual([['s1']]);
    expect(
      fake.calls.filter((c) => c[0] !== 'setFeatureState' && !(c[0] === 'setData' && c[1] === SOURCE.arcs)),
    ).toEqual([]);
  });

  it('reports clicks as region codes, and null off the regions', () => {
    const { fake, adapter } = setup({ '10,20': 'RU-KRS' });
    const clicked: (string | null)[] = [];
    adapter.onRegionClick((c) => clicked.push(c));
    fake.fire('load');
    fake.fire('click', { point: { x: 10, y: 20 } });
    fake.fire('click', { point: { x: 1, y: 1 } });
    expect(clicked).toEqual(['RU-KRS', null]);
  });

  it('reports the hovered region and leaves its outline to the view', () => {
    const { fake, adapter } = setup({ '10,20': 'RU-KRS' });
    const hovered: (string | null)[] = [];
    adapter.onRegionHover((c) => hovered.push(c));
    fake.fire('load');
    fake.calls.length = 0;
    fake.fire('mousemove', { point: { x: 10, y: 20 } });
    fake.fire('mouseout');
    expect(hovered).toEqual(['RU-KRS', null]);
    expect(fake.calls).toEqual([]);
  });

  it('marks the container idle when the map settles', () => {
    const { fake, container } = setup();
    expect(container.dataset.mapState).toBe('loading');
    fake.fire('idle');
    expect(container.dataset.mapState).toBe('idle');
  });

  it('removes every listener and the map on destroy', () => {
    const { fake, adapter } = setup();
    expect(fake.handlerCount()).toBeGreaterThan(0);
    adapter.destroy();
    expect(fake.handlerCount()).toBe(0);
    expect(fake.calls.at(-1)).toEqual(['remove']);
  });
});

describe('hatchPattern', () => {
  it('draws the view’s hatch as diagonal lines of its colour and opacity, transparent between them', () => {
    const img = hatchPattern({ colour: '#102030', opacity: 70 / 255, size: 8, width: 1.2 });
    const alpha = (x: number, y: number) => img.data[(y * 8 + x) * 4 + 3];
    expect([img.width, img.height]).toEqual([8, 8]);
    expect([...img.data.slice(0, 4)]).toEqual([0x10, 0x20, 0x30, 70]);
    // Rows of a line rising to the right: (0,0) (1,0) (7,1) (0,1) (6,2) (7,2) …
    expect([alpha(0, 0), alpha(1, 0), alpha(2, 0), alpha(7, 1), alpha(0, 1), alpha(4, 1)]).toEqual([
      70, 70, 0, 70, 70, 0,
    ]);
  });
});
