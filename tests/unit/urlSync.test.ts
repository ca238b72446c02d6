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

/** A window whose history behaves like a browser's: a URL of another origin throws SecurityError. */
function createBrowserLikeHost(pathname: string, origin = 'https://maps.example.org') {
  const pushed: string[] = [];
  const check = (url: string | URL | null | undefined): string => {
    const next = new URL(String(url), `${origin}${pathname}`);
    if (next.origin !== origin) throw new DOMException(`cannot move to ${next.origin}`, 'SecurityError');
    return next.href;
  };
  const host: UrlHost = {
    location: { search: '', pathname, hash: '' },
    history: {
      pushState: (_d, _t, url) => void pushed.push(check(url)),
      replaceState: (_d, _t, url) => void pushed.push(check(url)),
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  return { host, pushed };
}

describe('syncUrl under a path that starts with //', () => {
  it.each(['//evil.example/x', '//', '///by-ru/', '/\\evil.example/'])(
    'writes the view to the same page (%s) without throwing',
    (pathname) => {
      const { host, pushed } = createBrowserLikeHost(pathname);
      const store = createAppStore(DEFAULT_CONFIG);
      syncUrl(store, host);
      expect(() => store.getState().setYear(2019)).not.toThrow();
      expect(pushed).toHaveLength(1);
      const url = new URL(pushed[0] ?? '');
      expect(url.origin).toBe('https://maps.example.org');
      expect(url.search).toBe('?year=2019');
      expect(url.pathname).toBe(new URL(`https://maps.example.org${pathname}`).pathname);
    },
  );

  it('keeps the other subscribers (the page language) following the view when history refuses', () => {
    const { host } = createBrowserLikeHost('/');
    host.history.pushState = () => {
      throw new DOMException('refused', 'SecurityError');
    };
    const store = createAppStore(DEFAULT_CONFIG);
    syncUrl(store, host);
    const langs: string[] = [];
    store.subscribe((s) => langs.push(s.lang));
    expect(() => store.getState().setLang('be')).not.toThrow();
    expect(langs).toEqual(['be']);
  });
});

describe('syncUrl with a later write (after the next paint, in the app)', () => {
  /** A `later` that holds the write until `run()`. */
  function held() {
    const waiting: (() => void)[] = [];
    let cancelled = 0;
    const later = (fn: () => void) => {
      waiting.push(fn);
      return () => {
        cancelled += 1;
        waiting.splice(waiting.indexOf(fn), 1);
      };
    };
    return { later, run: () => waiting.splice(0).forEach((fn) => fn()), cancelled: () => cancelled };
  }

  it.each<[string, (s: ReturnType<typeof createAppStore>) => void, string[]]>([
    ['one step: one new entry, written later', (s) => s.getState().setYear(2019), ['', '?year=2019']],
    [
      'steps before the write: one entry, the last year',
      (s) => {
        s.getState().setYear(2019);
        s.getState().setYear(2020);
      },
      ['', '?year=2020'],
    ],
    [
      'playback only: the entry is replaced',
      (s) => {
        s.getState().setPlaying(true);
        s.getState().setYear(2017);
        s.getState().setYear(2018);
      },
      ['?year=2018'],
    ],
    [
      'a user change among playback: a new entry',
      (s) => {
        s.getState().select('RU-KRS');
        s.getState().setPlaying(true);
        s.getState().setYear(2017);
      },
      ['', '?year=2017&region=RU-KRS'],
    ],
  ])('%s', (_, act, expected) => {
    const store = createAppStore({ ...DEFAULT_CONFIG });
    const { host, entries } = createHost();
    const { later, run } = held();
    syncUrl(store, host, later);
    act(store);
    expect(entries).toEqual(['']);
    run();
    expect(entries).toEqual(expected);
  });

  it('drops a waiting write on back, and on stop', () => {
    const store = createAppStore(DEFAULT_CONFIG);
    const { host, entries, back } = createHost();
    const { later, run, cancelled } = held();
    const stop = syncUrl(store, host, later);
    store.getState().setYear(2019);
    run();
    store.getState().setYear(2020);
    back();
    run();
    // Back went to the first entry; 2020 was never written (2019 stays as the forward entry).
    expect(entries).toEqual(['', '?year=2019']);
    expect(store.getState().year).toBe(DEFAULT_CONFIG.year);
    store.getState().setYear(2021);
    stop();
    run();
    expect(entries).toEqual(['', '?year=2019']);
    expect(cancelled()).toBe(2);
  });
});
