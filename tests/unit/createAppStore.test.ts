import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config';
import { createAppStore, viewOf } from '../../src/state/createAppStore';

const createStore = (over = {}) => createAppStore({ ...DEFAULT_CONFIG, ...over });

describe('createAppStore', () => {
  it('starts from the given view', () => {
    const s = createStore({ year: 2019, region: 'RU-KRS', lang: 'en' }).getState();
    expect(viewOf(s)).toEqual({ ...DEFAULT_CONFIG, year: 2019, region: 'RU-KRS', lang: 'en' });
    expect(s.load.status).toBe('loading');
  });

  it('gives each instance its own state', () => {
    const a = createStore();
    const b = createStore();
    a.getState().setYear(2017);
    a.getState().select('BY-HR');
    expect(b.getState().year).toBe(DEFAULT_CONFIG.year);
    expect(b.getState().selection).toBeNull();
  });

  it('toggles a link kind off and on again, keeping the canonical order', () => {
    const store = createStore();
    store.getState().toggleKind('agreement');
    expect(store.getState().kinds).toEqual(['sister', 'project', 'body']);
    store.getState().toggleKind('agreement');
    expect(store.getState().kinds).toEqual(['agreement', 'sister', 'project', 'body']);
  });

  it('applies a whole view at once', () => {
    const store = createStore();
    store.getState().applyView({ year: 2016, region: 'BY-VI', kinds: ['sister'], lang: 'be' });
    expect(viewOf(store.getState())).toEqual({
      ...DEFAULT_CONFIG,
      year: 2016,
      region: 'BY-VI',
      kinds: ['sister'],
      lang: 'be',
    });
  });
});
