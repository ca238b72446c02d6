import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config';
import { createAppStore } from '../../src/state/createAppStore';
import { syncUrl, type UrlHost } from '../../src/state/urlSync';

/** A fake window with a real history stack (push, replace, back). */
function createHost(search = '') {
  const entries = [search];
  let index = 0;
  let onPop: (() => void) | null = null;
  const host: UrlHost = {
    location: {
      get search() {
        return entries[index] ?? '';
      },
      pathname: '/',
      hash: '',
    },
    history: {
      pushState: (_d, _t, url) => {
        entries.splice(index + 1, Infinity, new URL(String(url), 'http://x').search);
        index++;
      },
      replaceState: (_d, _t, url) => {
        entries[index] = new URL(String(url), 'http://x').search;
      },
    },
    addEventListener: (_t, fn) => {
      onPop = fn;
    },
    removeEventListener: () => {
      onPop = null;
    },
  };
  const back = () => {
    index--;
    onPop?.();
  };
  return { host, entries, back, hasListener: () => onPop !== null };
}

describe('syncUrl', () => {
  it('writes each change of year, selection, kinds and language to the URL', () => {
    const store = createAppStore(DEFAULT_CONFIG);
    const { host, entries } = createHost();
    syncUrl(store, host);
    store.getState().setYear(2019);
    store.getState().select('RU-KRS');
    store.getState().toggleKind('sister');
    store.getState().setLang('en');
    expect(entries).toEqual([
      '',
      '?year=2019',
      '?year=2019&region=RU-KRS',
      '?year=2019&region=RU-KRS&kinds=agreement%2Cproject%2Cbody',
      '?year=2019&region=RU-KRS&kinds=agreement%2Cproject%2Cbody&lang=en',
    ]);
  });

  it('restores the previous view on back', () => {
    const store = createAppStore(DEFAULT_CONFIG);
    const { host, back } = createHost();
    syncUrl(store, host);
    store.getState().setYear(2019);
    store.getState().setYear(2020);
    back();
    expect(store.getState().year).toBe(2019);
    back();
    expect(store.getState().year).toBe(DEFAULT_CONFIG.year);
  });

  it('replaces rather than pushes while playing', () => {
    const store = createAppStore({ ...DEFAULT_CONFIG, year: 2016 });
    const { host, entries } = createHost('?year=2016');
    syncUrl(store, host);
    store.getState().setPlaying(true);
    store.getState().setYear(2017);
    store.getState().setYear(2018);
    expect(entries).toEqual(['?year=2018']);
  });

  it('ignores hover and load changes', () => {
    const store = createAppStore(DEFAULT_CONFIG);
    const { host, entries } = createHost();
    syncUrl(store, host);
    store.getState().setHover('RU-KRS');
    expect(entries).toEqual(['']);
  });

  it('stops listening when stopped', () => {
    const store = createAppStore(DEFAULT_CONFIG);
    const { host, entries, hasListener } = createHost();
    const stop = syncUrl(store, host);
    stop();
    store.getState().setYear(2017);
    expect(entries).toEqual(['']);
    expect(hasListener()).toBe(false);
  });
});
