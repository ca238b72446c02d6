import { describe, expect, it } from 'vitest';
import { createMapAdapter } from '../../src/map/createMapAdapter';
import { ARC_LAYER, LAYER, SOURCE } from '../../src/map/ids';
import { arcFilter, arcWidth, forumRadius, pointFilter, yearKeys, type MapScene } from '../../src/map/buildStyle';
import { PALETTES } from '../../src/scene/palette';
import { createContainer, createFakeLib, createScene, createView, linkedScene } from './fakeMap';

function setup(hits?: Record<string, string>, scene: MapScene = createScene()) {
  const fake = createFakeLib(hits);
  const container = createContainer();
  const adapter = createMapAdapter({
    lib: fake.lib,
    container,
    scene,
    palette: PALETTES.light,
    initial: createView(),
    ariaLabel: 'Карта',
  });
  return { fake, container, adapter };
}

describe('yearKeys', () => {
  const links = linkedScene().links;
  it.each<[number, ReturnType<typeof yearKeys>]>([
    [
      2016,
      {
        arcs: {
          agreement: { shown: 2016, signed: 2016 },
          sister: { shown: -1, signed: -1 },
          project: { shown: -1, signed: -1 },
          body: { shown: -1, signed: -1 },
        },
        forums: { shown: -1, current: -1 },
        cities: -1,
      },
    ],
    [
      2018,
      {
        arcs: {
          agreement: { shown: 2016, signed: -1 },
          sister: { shown: 2018, signed: 2018 },
          project: { shown: -1, signed: -1 },
          body: { shown: -1, signed: -1 },
        },
        forums: { shown: 2017, current: -1 },
        cities: 2018,
      },
    ],
    [
      2024,
      {
        arcs: {
          agreement: { shown: 2019, signed: -1 },
          sister: { shown: 2018, signed: -1 },
          project: { shown: -1, signed: -1 },
          body: { shown: -1, signed: -1 },
        },
        forums: { shown: 2019, current: -1 },
        cities: 2018,
      },
    ],
  ])('in %i', (year, expected) => {
    expect(yearKeys(links, year)).toEqual(expected);
  });
});

describe('createMapAdapter', () => {
  it('creates the map with an inline style, fitted bounds and a labelled canvas', () => {
    const { fake } = setup();
    const o = fake.options()!;
    expect(typeof o.style).toBe('object');
    expect(o.bounds).toBeDefined();
    expect(o.renderWorldCopies).toBe(false);
    expect(fake.canvas.attrs['aria-label']).toBe('Карта');
    expect(fake.canvas.attrs.role).toBe('img');
  });

  it('holds state changes until the map has loaded, then applies the latest', () => {
    const { fake, adapter } = setup();
    adapter.update(createView({ selection: 'RU-KRS' }));
    adapter.update(createView({ selection: 'BY-HR' }));
    expect(fake.calls).toEqual([]);
    fake.fire('load');
    expect(fake.calls).toContainEqual(['setFeatureState', { source: SOURCE.regions, id: 'BY-HR' }, { selected: true }]);
    expect(fake.calls).not.toContainEqual([
      'setFeatureState',
      { source: SOURCE.regions, id: 'RU-KRS' },
      { selected: true },
    ]);
  });

  it('moves the selection with feature-state only', () => {
    const { fake, adapter } = setup();
    fake.fire('load');
    fake.calls.length = 0;
    adapter.update(createView({ selection: 'RU-KRS' }));
    adapter.update(createView({ selection: 'BY-HR' }));
    expect(fake.calls).toEqual([
      ['setFeatureState', { source: SOURCE.regions, id: 'RU-KRS' }, { selected: true }],
      ['setFeatureState', { source: SOURCE.regions, id: 'RU-KRS' }, { selected: false }],
      ['setFeatureState', { source: SOURCE.regions, id: 'BY-HR' }, { selected: true }],
    ]);
  });

  it('switches label language by changing the text field, not the data', () => {
    const { fake, adapter } = setup();
    fake.fire('load');
    fake.calls.length = 0;
    adapter.update(createView({ lang: 'be' }));
    expect(fake.calls).toEqual([
      ['setLayoutProperty', LAYER.labels, 'text-field', ['get', 'name_be']],
      ['setLayoutProperty', LAYER.cityLabels, 'text-field', ['get', 'name_be']],
    ]);
  });

  it('sets only the region classes that changed', () => {
    const { fake, adapter } = setup();
    fake.fire('load');
    adapter.update(createView({ regionClasses: { 'RU-KRS': 2, 'BY-HR': 1 } }));
    fake.calls.length = 0;
    adapter.update(createView({ regionClasses: { 'RU-KRS': 3, 'BY-HR': 1 } }));
    expect(fake.calls).toEqual([['setFeatureState', { source: SOURCE.regions, id: 'RU-KRS' }, { cls: 3 }]]);
  });

  it('steps the year by changing filters and paints only, never the data', () => {
    const { fake, adapter } = setup(undefined, linkedScene());
    fake.fire('load');
    fake.calls.length = 0;
    adapter.update(createView({ year: 2017 }));
    const names = new Set(fake.calls.map((c) => c[0]));
    expect(names).toEqual(new Set(['setFilter', 'setPaintProperty']));
    expect(fake.calls).toContainEqual(['setFilter', ARC_LAYER.agreement, arcFilter('agreement', 2016)]);
  });

  it.each<[number, number, (string | number)[][]]>([
    // 2024 → 2023 → … nothing new after 2019: nothing to change.
    [2024, 2023, []],
    // 2019 → 2020: the 2019 agreement stays; no forum in 2020; the sister arc is no longer new.
    [2019, 2020, [['setPaintProperty', LAYER.forums, 'circle-radius', JSON.stringify(forumRadius(-1))]]],
    // 2017 → 2018: sister cities and a city appear; the 2017 forum is no longer this year's.
    [
      2017,
      2018,
      [
        ['setFilter', ARC_LAYER.sister, JSON.stringify(arcFilter('sister', 2018))],
        ['setPaintProperty', ARC_LAYER.sister, 'line-width', JSON.stringify(arcWidth('sister', 2018))],
        ['setPaintProperty', LAYER.forums, 'circle-radius', JSON.stringify(forumRadius(-1))],
        ['setFilter', LAYER.cities, JSON.stringify(pointFilter('start', 2018))],
        ['setFilter', LAYER.cityLabels, JSON.stringify(pointFilter('start', 2018))],
      ],
    ],
  ])('from %i to %i touches only the layers that show something new', (from, to, expected) => {
    const fake = createFakeLib();
    const adapter = createMapAdapter({
      lib: fake.lib,
      container: createContainer(),
      scene: linkedScene(),
      palette: PALETTES.light,
      initial: createView({ year: from }),
      ariaLabel: 'Карта',
    });
    fake.fire('load');
    fake.calls.length = 0;
    adapter.update(createView({ year: to }));
    expect(fake.calls.map((c) => c.map((v) => (typeof v === 'object' ? JSON.stringify(v) : v)))).toEqual(expected);
  });

  it('hides the arcs of a kind that is switched off', () => {
    const { fake, adapter } = setup();
    fake.fire('load');
    fake.calls.length = 0;
    adapter.update(createView({ kinds: ['agreement'] }));
    expect(fake.calls).toContainEqual(['setLayoutProperty', ARC_LAYER.sister, 'visibility', 'none']);
    expect(fake.calls).toContainEqual(['setLayoutProperty', ARC_LAYER.agreement, 'visibility', 'visible']);
  });

  it('isolates the focused place by dimming other arcs', () => {
    const { fake, adapter } = setup();
    fake.fire('load');
    fake.calls.length = 0;
    adapter.update(createView({ focus: 'RU-KRS' }));
    expect(fake.calls.filter((c) => c[0] === 'setPaintProperty' && c[2] === 'line-opacity')).toHaveLength(4);
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
