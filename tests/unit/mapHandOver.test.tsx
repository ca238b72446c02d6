// @vitest-environment jsdom
// The first view is the SVG map; the WebGL map is fetched when the engine policy says (idle, or the
// reader's first reach for the map), built underneath, and takes over at its first idle frame at the
// SVG map's camera. MapLibre is the recording fake (the outer boundary); the real hand-over is
// driven in Chromium by tests/browser/map.test.ts.
/* eslint-disable testing-library/no-node-access */
import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_DISPLAY, type DisplayConfig, type ViewConfig } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import type { MapLib } from '../../src/map/createMapAdapter';
import { enginePolicy, type EngineEnvironment } from '../../src/map/enginePolicy';
import { MapView } from '../../src/ui/MapView';
import { PALETTES } from '../../src/scene/palette';
import { createAppStore } from '../../src/state/createAppStore';
import { createFakeLib } from './fakeMap';

const geo = decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')));
const dataset = decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8')));

describe('enginePolicy', () => {
  const desktop: EngineEnvironment = { still: false, coarsePointer: false };
  it.each<[string, ReturnType<typeof enginePolicy>, Partial<EngineEnvironment>]>([
    ['a desktop on a good line', 'idle', {}],
    ['a desktop that says 4g', 'idle', { effectiveType: '4g', saveData: false }],
    ['a phone or tablet (coarse pointer)', 'intent', { coarsePointer: true }],
    ['Save-Data', 'intent', { saveData: true }],
    ['a 3g connection', 'intent', { effectiveType: '3g' }],
    ['a 2g connection', 'intent', { effectiveType: '2g' }],
    ['a slow-2g connection', 'intent', { effectiveType: 'slow-2g' }],
    ['a static picture on a phone', 'never', { still: true, coarsePointer: true }],
    ['a static picture', 'never', { still: true }],
  ])('%s → %s', (_, expected, over) => {
    expect(enginePolicy({ ...desktop, ...over })).toBe(expected);
  });
});

function setup(
  opts: { coarse?: boolean; webgl?: boolean; display?: Partial<DisplayConfig>; view?: Partial<ViewConfig> } = {},
) {
  const store = createAppStore({ ...DEFAULT_CONFIG, ...opts.view }, { ...DEFAULT_DISPLAY, ...opts.display });
  store.getState().setLoad({ status: 'ready', geo, dataset });
  const fake = createFakeLib();
  const loadLib = vi.fn((): Promise<MapLib> => Promise.resolve(fake.lib));
  const onSnapshot = vi.fn();
  const environment = () => ({ coarsePointer: opts.coarse === true });
  const webgl = vi.fn(() => opts.webgl !== false);
  const view = (palette = PALETTES.light) => (
    <MapView
      store={store}
      palette={palette}
      loadLib={loadLib}
      webgl={webgl}
      environment={environment}
      onSnapshot={onSnapshot}
    />
  );
  const { rerender } = render(view());
  const setPalette = (palette: (typeof PALETTES)[keyof typeof PALETTES]) => rerender(view(palette));
  const map = () => screen.getByTestId('map');
  const svgCamera = () => {
    const [k, tx, ty] = (screen.getByRole('img').getAttribute('data-camera') ?? '').split(' ').map(Number);
    return { k, tx, ty };
  };
  return { store, fake, loadLib, webgl, onSnapshot, map, svgCamera, setPalette };
}

/** Lets the dynamic import's promise settle (the fake library resolves at once). */
const settle = () => act(() => new Promise<void>((done) => setTimeout(done, 0)));

describe('MapView: SVG first, then the WebGL map', () => {
  // The adapter's code comes with the engine (a dynamic import): here it is already downloaded, as the
  // fake library is, so both arrive within `settle`.
  beforeAll(() => import('../../src/map/createMapAdapter'));

  it('on a phone, shows the SVG map and fetches the engine only when the reader reaches for the map', async () => {
    const { fake, loadLib, map } = setup({ coarse: true });
    expect(map()).toHaveAttribute('data-renderer', 'svg');
    expect(map()).toHaveAttribute('data-map-state', 'idle');
    await act(() => new Promise<void>((done) => setTimeout(done, 1200)));
    expect(loadLib).not.toHaveBeenCalled();

    fireEvent.pointerDown(screen.getByRole('img'));
    await settle();
    expect(loadLib).toHaveBeenCalledTimes(1);
    // Built underneath, hidden from assistive technology and the keyboard, the SVG map still shown.
    const pending = screen.getByTestId('map-pending');
    expect(pending).toHaveAttribute('aria-hidden', 'true');
    expect(pending).toHaveAttribute('inert');
    expect(pending.compareDocumentPosition(map()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(map()).toHaveAttribute('data-renderer', 'svg');

    act(() => fake.fire('idle'));
    expect(map()).toHaveAttribute('data-renderer', 'webgl');
    expect(map()).not.toHaveAttribute('inert');
    expect(screen.queryByTestId('map-pending')).toBeNull();
    expect(document.querySelector('[data-renderer="svg"]')).toBeNull();
    // Only the pointer-down was the reader's: the engine is fetched once.
    fireEvent.pointerDown(map());
    expect(loadLib).toHaveBeenCalledTimes(1);
  });

  it('on a desktop, fetches the engine once the browser is idle after the first view', async () => {
    const { loadLib } = setup();
    expect(loadLib).not.toHaveBeenCalled();
    await waitFor(() => expect(loadLib).toHaveBeenCalledTimes(1), { timeout: 3000 });
  });

  it('asks for WebGL2 only when the engine is due, and without it keeps the SVG map', async () => {
    const { loadLib, webgl, map } = setup({ webgl: false });
    // Asking costs a GPU context: not before the first view.
    expect(webgl).not.toHaveBeenCalled();
    await waitFor(() => expect(webgl).toHaveBeenCalledTimes(1), { timeout: 3000 });
    fireEvent.pointerDown(screen.getByRole('img'));
    await settle();
    expect(webgl).toHaveBeenCalledTimes(1);
    expect(loadLib).not.toHaveBeenCalled();
    expect(map()).toHaveAttribute('data-renderer', 'svg');
  });

  it('never fetches the engine for a static picture, even when pressed', async () => {
    const { loadLib, map } = setup({ display: { static: true } });
    fireEvent.pointerDown(screen.getByRole('img'));
    fireEvent.wheel(screen.getByRole('img'));
    await act(() => new Promise<void>((done) => setTimeout(done, 1200)));
    expect(loadLib).not.toHaveBeenCalled();
    expect(map()).toHaveAttribute('data-renderer', 'svg');
  });

  it('opens the WebGL map at the SVG map’s camera, and follows it if the reader moves it meanwhile', async () => {
    const { fake, map, svgCamera } = setup({ coarse: true });
    const whole = svgCamera();
    // A press on "zoom in" is both the reach for the map and a zoom of the SVG map.
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Приблизить' }));
    fireEvent.click(screen.getByRole('button', { name: 'Приблизить' }));
    await settle();
    const opened = fake.options();
    const zoomed = svgCamera();
    expect(zoomed.k).toBeCloseTo((whole.k ?? 0) * 2, 6);
    // The WebGL map opens at the SVG map's camera: MapLibre's zoom is log2(k / 512).
    expect(opened?.zoom).toBeCloseTo(Math.log2((zoomed.k ?? 0) / 512), 6);
    expect(opened).not.toHaveProperty('bounds');

    // Zoomed once more before the WebGL map's first idle frame: it jumps there and waits again.
    fireEvent.click(screen.getByRole('button', { name: 'Приблизить' }));
    act(() => fake.fire('idle'));
    expect(map()).toHaveAttribute('data-renderer', 'svg');
    const jump = fake.calls.filter(([name]) => name === 'jumpTo');
    expect(jump).toHaveLength(1);
    expect((jump[0]?.[1] as { zoom: number }).zoom).toBeCloseTo(Math.log2(((zoomed.k ?? 0) * 2) / 512), 6);

    act(() => fake.fire('idle'));
    expect(map()).toHaveAttribute('data-renderer', 'webgl');
  });

  it('hands the image export from the SVG map to the WebGL map when it takes over', async () => {
    const { fake, onSnapshot } = setup({ coarse: true });
    const last = () => onSnapshot.mock.calls.at(-1)?.[0] as unknown;
    expect(typeof last()).toBe('function');
    const svgSnapshot = last();
    fireEvent.pointerDown(screen.getByRole('img'));
    await settle();
    expect(last()).toBe(svgSnapshot);
    act(() => fake.fire('idle'));
    expect(typeof last()).toBe('function');
    expect(last()).not.toBe(svgSnapshot);
  });

  it('passes a year step to the WebGL map as feature states only, and a new theme as paint, keeping the map', async () => {
    const { store, fake, setPalette } = setup({ coarse: true, view: { year: 2020 } });
    fireEvent.pointerDown(screen.getByRole('img'));
    await settle();
    act(() => fake.fire('load'));
    act(() => fake.fire('idle'));
    fake.calls.length = 0;
    act(() => store.getState().setYear(2021));
    expect(fake.calls.length).toBeGreaterThan(0);
    expect(new Set(fake.calls.map(([name]) => name))).toEqual(new Set(['setFeatureState']));

    fake.calls.length = 0;
    setPalette(PALETTES.dark);
    expect(fake.calls).toContainEqual(['setPaintProperty', 'water', 'background-color', PALETTES.dark.water]);
    expect(new Set(fake.calls.map(([name]) => name))).toEqual(new Set(['setPaintProperty']));
  });

  it('keeps the SVG map when the engine cannot be downloaded, and tries again at the next touch, three times at most', async () => {
    const store = createAppStore(DEFAULT_CONFIG);
    store.getState().setLoad({ status: 'ready', geo, dataset });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loadLib = vi.fn(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    render(
      <MapView
        store={store}
        palette={PALETTES.light}
        loadLib={loadLib}
        webgl={() => true}
        environment={() => ({ coarsePointer: true })}
      />,
    );
    for (const attempt of [1, 2, 3]) {
      fireEvent.pointerDown(screen.getByRole('img'));
      await settle();
      expect(loadLib).toHaveBeenCalledTimes(attempt);
      expect(screen.getByTestId('map')).toHaveAttribute('data-renderer', 'svg');
      expect(screen.queryByTestId('map-pending')).toBeNull();
    }
    expect(warn).toHaveBeenLastCalledWith(expect.stringMatching(/failed to start/), expect.any(TypeError));
    // After the third failure the SVG map stays for good: the engine is not fetched again.
    fireEvent.pointerDown(screen.getByRole('img'));
    await settle();
    expect(loadLib).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('takes the WebGL map over once a second download of the engine succeeds', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { fake, loadLib, map } = setup({ coarse: true });
    loadLib.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'));
    fireEvent.pointerDown(screen.getByRole('img'));
    await settle();
    expect(map()).toHaveAttribute('data-renderer', 'svg');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/tried again/), expect.any(TypeError));
    fireEvent.pointerDown(screen.getByRole('img'));
    await settle();
    expect(loadLib).toHaveBeenCalledTimes(2);
    act(() => fake.fire('idle'));
    expect(map()).toHaveAttribute('data-renderer', 'webgl');
    warn.mockRestore();
  });
});
