// Derived values are cached per store: two maps on one page keep their own caches.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import { PALETTES } from '../../src/scene/palette';
import { createAppStore } from '../../src/state/createAppStore';

const geo = decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')));
const dataset = decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8')));

function loadedStore(year: number) {
  const store = createAppStore({ ...DEFAULT_CONFIG, year });
  store.getState().setLoad({ status: 'ready', geo, dataset });
  return store;
}

describe('per-store selectors', () => {
  it('keep each store’s view while another store asks for its own', () => {
    const a = loadedStore(2017);
    const b = loadedStore(2023);
    const viewA = a.derived.view(a.getState(), PALETTES.light);
    const viewB = b.derived.view(b.getState(), PALETTES.light);
    expect(viewA).not.toBe(viewB);
    // Asking again after the other store: each cache still holds its own value.
    expect(a.derived.view(a.getState(), PALETTES.light)).toBe(viewA);
    expect(b.derived.view(b.getState(), PALETTES.light)).toBe(viewB);
    expect(a.derived.scene(a.getState())).toBe(a.derived.scene(a.getState()));
  });

  it('keep the style of a store across its year steps and rebuild only the feature states', () => {
    const store = loadedStore(2017);
    const before = store.derived.view(store.getState(), PALETTES.light);
    store.getState().setYear(2018);
    const after = store.derived.view(store.getState(), PALETTES.light);
    expect(after?.layers).toBe(before?.layers);
    expect(after?.states).not.toBe(before?.states);
  });

  it('find a region or a city by id', () => {
    const store = loadedStore(2020);
    const s = store.getState();
    expect(store.derived.place(s, 'RU-KRS')?.names.ru).toMatch(/Курская/);
    expect(store.derived.place(s, dataset.cities[0]?.id ?? '')?.names.ru).toBe(dataset.cities[0]?.names.ru);
    expect(store.derived.place(s, 'nowhere')).toBeUndefined();
  });
});
