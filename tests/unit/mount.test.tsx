// @vitest-environment jsdom
// mount(): the data load and its retry, options from untrusted embedders, and a clean unmount.
// The network is the outer boundary: fetch is injected (or the global one stubbed), never our modules.
import { readFileSync } from 'node:fs';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config';
import { mount as mountLib } from '../../src/embed/lib';
import { LOAD_TIMEOUT_MS } from '../../src/data/load';
import { FIRST_RENDER_WAIT_MS, mount, type MountHandle } from '../../src/mount';

// Rendering the whole app with its SVG map in jsdom takes a few seconds on a busy machine.
const SLOW = 30_000;

const FILES: Record<string, string> = {
  'data/regions.topo.json': readFileSync('public/data/regions.topo.json', 'utf8'),
  'data/dataset.json': readFileSync('public/data/dataset.json', 'utf8'),
  'data/details.json': readFileSync('public/data/details.json', 'utf8'),
};

/** A fetch that serves the app's two data files from disk, after `failures` failed calls. */
function createFetch(failures = 0) {
  let left = failures;
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (left > 0) {
      left -= 1;
      throw new TypeError('Failed to fetch');
    }
    const url = String(input);
    const file = Object.keys(FILES).find((name) => url.endsWith(`/${name}`));
    return file ? new Response(FILES[file], { status: 200 }) : new Response('missing', { status: 404 });
  });
  return fetchFn;
}

let container: HTMLElement;
const handles: MountHandle[] = [];
function mountHere(options: Parameters<typeof mount>[1]): MountHandle {
  const handle = mount(container, options);
  handles.push(handle);
  return handle;
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  // jsdom has no WebGL: the map is drawn as SVG; stub the canvas so jsdom does not complain.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  act(() => handles.splice(0).forEach((unmount) => unmount()));
  container.remove();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('mount: loading the data', () => {
  it(
    'renders the first time with the data: the first view is whole, with no loading view before it',
    async () => {
      const seen: string[] = [];
      const observer = new MutationObserver(() => {
        if (container.textContent) seen.push(container.textContent.includes('Загрузка карты…') ? 'loading' : 'app');
      });
      observer.observe(container, { childList: true, subtree: true, characterData: true });
      await act(async () => void mountHere({ fetch: createFetch(), year: 2020 }));
      expect(await screen.findByRole('slider', { name: 'Год' })).toHaveAttribute('aria-valuetext', '2020');
      observer.disconnect();
      expect(seen[0]).toBe('app');
      expect(seen).not.toContain('loading');
    },
    SLOW,
  );

  it(
    'shows the loading view once the data is FIRST_RENDER_WAIT_MS late, then the app',
    async () => {
      let release = (): void => undefined;
      const gate = new Promise<void>((done) => (release = done));
      const files = createFetch();
      const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        await gate;
        return files(input, init);
      });
      act(() => void mountHere({ fetch: fetchFn }));
      expect(container).toBeEmptyDOMElement();
      await act(() => new Promise((done) => setTimeout(done, FIRST_RENDER_WAIT_MS + 50)));
      expect(screen.getByText('Загрузка карты…')).toBeVisible();
      release();
      expect(await screen.findByRole('slider', { name: 'Год' }, { timeout: 5000 })).toBeInTheDocument();
      expect(screen.queryByText('Загрузка карты…')).toBeNull();
    },
    SLOW,
  );

  it(
    'shows a retry message when the data fails, and the retry really fetches again',
    async () => {
      const fetchFn = createFetch(2);
      await act(async () => void mountHere({ fetch: fetchFn, year: 2020 }));

      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Не удалось загрузить данные: Failed to fetch');
      expect(fetchFn).toHaveBeenCalledTimes(2);

      await userEvent.click(within(alert).getByRole('button', { name: 'Повторить' }));
      expect(await screen.findByRole('slider', { name: 'Год' })).toHaveAttribute('aria-valuetext', '2020');
      expect(screen.queryByText(/Не удалось загрузить данные/)).not.toBeInTheDocument();
      // The two data files again (details.json may follow once the browser is idle).
      const dataCalls = fetchFn.mock.calls.map(([url]) => String(url)).filter((url) => !url.endsWith('details.json'));
      expect(dataCalls).toHaveLength(4);
      expect(dataCalls.slice(2)).toEqual(['/data/regions.topo.json', '/data/dataset.json']);
    },
    SLOW,
  );

  it(
    'fetches the quotes (details.json) only after the first view, when the browser is idle',
    async () => {
      const fetchFn = createFetch();
      const handle = await act(async () => mountHere({ fetch: fetchFn }));
      await screen.findByRole('slider', { name: 'Год' });
      const urls = () => fetchFn.mock.calls.map(([url]) => String(url));
      expect(urls().slice(0, 2)).toEqual(['/data/regions.topo.json', '/data/dataset.json']);
      await waitFor(() => expect(urls()).toContain('/data/details.json'), { timeout: 5_000 });
      expect(urls()).toHaveLength(3);
      const dataset = handle.store.getState().load;
      expect(dataset.status).toBe('ready');
    },
    SLOW,
  );

  it(
    'shows the message and the Retry button when the server never answers, and Retry fetches again',
    async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      const files = createFetch();
      let silent = true;
      const fetchFn = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
        silent ? new Promise<Response>(() => undefined) : files(input, init),
      );
      act(() => void mountHere({ fetch: fetchFn }));
      await act(() => vi.advanceTimersByTimeAsync(LOAD_TIMEOUT_MS));
      vi.useRealTimers();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Не удалось загрузить данные');
      silent = false;
      await userEvent.click(within(alert).getByRole('button', { name: 'Повторить' }));
      expect(await screen.findByRole('slider', { name: 'Год' })).toBeInTheDocument();
      // Two requests that never answered, then two answered (details.json may follow when idle).
      expect(fetchFn.mock.calls.filter(([url]) => !String(url).endsWith('details.json'))).toHaveLength(4);
    },
    SLOW,
  );

  it('reports an HTTP error status and a body that is not JSON in words', async () => {
    const fetchFn = vi.fn(async (input: RequestInfo | URL) =>
      String(input).endsWith('dataset.json')
        ? new Response('<!doctype html><p>home page</p>', { status: 200 })
        : new Response(FILES['data/regions.topo.json'], { status: 200 }),
    );
    await act(async () => void mountHere({ fetch: fetchFn }));
    expect(await screen.findByRole('alert')).toHaveTextContent('/data/dataset.json: not JSON');
  });

  it('aborts the requests in flight when unmounted, and a late answer changes nothing', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const signals: AbortSignal[] = [];
    const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.signal) signals.push(init.signal);
      await gate;
      return new Response(FILES[String(input).replace(/^\//, '')] ?? '', { status: 200 });
    });
    const handle = mountHere({ fetch: fetchFn });
    act(() => handle());
    expect(signals).toHaveLength(2);
    expect(signals.every((s) => s.aborted)).toBe(true);
    release();
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(handle.store.getState().load.status).toBe('loading');
    expect(container).toBeEmptyDOMElement();
  });
});

describe('mount: options from an embedder nobody vouches for', () => {
  it('uses the page’s fetch and its own base when given a fetch or base that is not usable', async () => {
    const pageFetch = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) => new Promise<Response>(() => undefined));
    vi.stubGlobal('fetch', pageFetch);
    await act(async () => void mountHere({ fetch: 'javascript:alert(1)' as never, baseUrl: 'javascript:alert(1)//' }));
    expect(pageFetch.mock.calls.map(([url]) => String(url))).toEqual(['/data/regions.topo.json', '/data/dataset.json']);
  });

  it('takes a relative base and adds the missing slash', async () => {
    const fetchFn = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) => new Promise<Response>(() => undefined));
    await act(async () => void mountHere({ fetch: fetchFn, baseUrl: '/maps/by-ru' }));
    expect(fetchFn.mock.calls.map(([url]) => String(url))).toEqual([
      '/maps/by-ru/data/regions.topo.json',
      '/maps/by-ru/data/dataset.json',
    ]);
  });

  const throwing = (): never => {
    throw new Error('hostile');
  };
  it.each([
    ['null', null],
    ['a number', 42],
    [
      'a Proxy that throws from every trap',
      new Proxy({}, { get: throwing, getOwnPropertyDescriptor: throwing, ownKeys: throwing }),
    ],
    [
      '__proto__ keys from JSON',
      JSON.parse('{"__proto__":{"year":2018,"lang":"en"},"constructor":{"prototype":{"year":2018}}}'),
    ],
    ['getters that throw', Object.defineProperties({}, { year: { get: throwing }, fetch: { get: throwing } })],
    ['inherited values', Object.create({ year: 2018, lang: 'en', fetch: throwing })],
  ])('falls back to the defaults for %s and still renders', async (_, options) => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined));
    let handle: MountHandle | undefined;
    act(() => void (handle = mountHere(options as never)));
    // No data yet: after the first render's wait, the loading view.
    expect(await screen.findByText('Загрузка карты…', undefined, { timeout: 3000 })).toBeVisible();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Регионы Беларуси и России');
    if (!handle) throw new Error('not mounted');
    const s = handle.store.getState();
    expect({ year: s.year, lang: s.lang, kinds: s.kinds, region: s.selection }).toEqual({
      year: DEFAULT_CONFIG.year,
      lang: DEFAULT_CONFIG.lang,
      kinds: DEFAULT_CONFIG.kinds,
      region: null,
    });
  });

  it('refuses a container that is not an HTML element, with a clear message', () => {
    expect(() => mount(null as never)).toThrow(/container must be an HTML element/);
    expect(() => mount('#app' as never)).toThrow(/container must be an HTML element/);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    expect(() => mount(svg as never)).toThrow(/container must be an HTML element/);
  });

  /** Options whose every getter and Proxy `get`/`has` trap is recorded (none may run). */
  function createRecordingOptions() {
    const ran: string[] = [];
    const target = Object.defineProperties(
      { year: 2018 },
      {
        lang: { get: () => (ran.push('getter lang'), 'en'), enumerable: true },
        fetch: { get: () => (ran.push('getter fetch'), createFetch()), enumerable: true },
      },
    );
    const options = new Proxy(target, {
      get: (t, k, r) => (ran.push(`get ${String(k)}`), Reflect.get(t, k, r) as unknown),
      has: (t, k) => (ran.push(`has ${String(k)}`), Reflect.has(t, k)),
    });
    return { options, ran };
  }

  it.each([
    ['mount', mount],
    ['byru-map.js', mountLib],
  ])('%s runs no getter and no Proxy get trap of its options, and reads their data values', (_, mountFn) => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined));
    const { options, ran } = createRecordingOptions();
    let handle: MountHandle | undefined;
    act(() => void (handle = mountFn(container, options as never)));
    if (handle) handles.push(handle);
    expect(ran).toEqual([]);
    expect(handle?.store.getState()).toMatchObject({ year: 2018, lang: 'ru' });
  });

  it(
    'replaces the map already mounted on the same container (the first handle then does nothing)',
    async () => {
      const fetchFn = createFetch();
      const first = mountHere({ fetch: fetchFn, year: 2018 });
      await screen.findByRole('slider', { name: 'Год' });
      let second: MountHandle | undefined;
      act(() => void (second = mountHere({ fetch: fetchFn, year: 2020 })));
      await waitFor(() =>
        expect(screen.getByRole('slider', { name: 'Год' })).toHaveAttribute('aria-valuetext', '2020'),
      );
      expect(screen.getAllByRole('slider', { name: 'Год' })).toHaveLength(1);
      act(() => first());
      expect(screen.getByRole('slider', { name: 'Год' })).toBeInTheDocument();
      act(() => second?.());
      expect(container).toBeEmptyDOMElement();
    },
    SLOW,
  );

  it(
    'keeps element ids unique with two maps on one page',
    async () => {
      const other = document.createElement('div');
      document.body.append(other);
      const fetchFn = createFetch();
      await act(async () => {
        mountHere({ fetch: fetchFn });
        handles.push(mount(other, { fetch: fetchFn }));
      });
      await waitFor(() => expect(screen.getAllByRole('slider', { name: 'Год' })).toHaveLength(2));
      // Ids are what is checked here, and no Testing Library query lists them.
      // eslint-disable-next-line testing-library/no-node-access
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      other.remove();
    },
    SLOW,
  );
});

describe('mount: unmount removes what mount added', () => {
  /** Counts listeners added minus removed on a target, per type (a listener is a type + function). */
  function watchListeners(target: EventTarget) {
    const live = new Map<string, Set<unknown>>();
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type, fn, opts) => {
      if (!live.has(type)) live.set(type, new Set());
      live.get(type)?.add(fn);
      add(type, fn, opts);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((type, fn, opts) => {
      live.get(type)?.delete(fn);
      remove(type, fn, opts);
    });
    return () => Object.fromEntries([...live].filter(([, fns]) => fns.size > 0).map(([type, fns]) => [type, fns.size]));
  }

  it(
    'leaves no listener on window or document, and stops following the URL (urlSync)',
    async () => {
      const fetchFn = createFetch();
      // React sets up a few document-wide listeners once per page on its first root: do that first.
      const warmUp = mount(container, { fetch: fetchFn });
      await screen.findByRole('slider', { name: 'Год' }, { timeout: 10_000 });
      act(() => warmUp());

      const onWindow = watchListeners(window);
      const onDocument = watchListeners(document);
      const handle = mountHere({ fetch: fetchFn, urlSync: true, lang: 'be' });
      await screen.findByRole('slider', { name: 'Год' }, { timeout: 10_000 });
      expect(onWindow()).toHaveProperty('popstate', 1);
      expect(document.documentElement.lang).toBe('be');
      act(() => handle.store.getState().setYear(2019));
      // The address follows after the step's frame is painted (urlSync's afterNextPaint).
      await waitFor(() => expect(window.location.search).toBe('?year=2019&lang=be'));

      act(() => handle());
      expect(onWindow()).toEqual({});
      expect(onDocument()).toEqual({});
      expect(container).toBeEmptyDOMElement();
      act(() => handle.store.getState().setYear(2017));
      expect(window.location.search).toBe('?year=2019&lang=be');
      act(() => handle()); // a second call is harmless
    },
    SLOW,
  );
});
