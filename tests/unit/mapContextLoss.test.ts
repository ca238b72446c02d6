// WebGL context loss in the map adapter, with a recording fake of maplibre's Map (the outer
// boundary). The real loss and restore are driven in Chromium by tests/browser/hardening.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTEXT_RESTORE_TIMEOUT_MS, createMapAdapter } from '../../src/map/createMapAdapter';
import { SOURCE } from '../../src/scene/view/ids';
import { createViewDescriber, type ViewInput } from '../../src/scene/view/describeView';
import { createContainer, createFakeLib, createInput, linkedScene, type Call } from './fakeMap';

const scene = linkedScene();
// One describer per map, as the store keeps one per mounted instance (`setup` starts a new one).
let describer = createViewDescriber();
const createView = (over: Partial<ViewInput> = {}) => describer(createInput({ scene, ...over }));

function setup() {
  describer = createViewDescriber();
  const fake = createFakeLib();
  const container = createContainer();
  const onContextLostForGood = vi.fn();
  const adapter = createMapAdapter({
    lib: fake.lib,
    container,
    bounds: scene.base.bounds,
    initial: createView(),
    ariaLabel: 'Карта',
    onContextLostForGood,
  });
  fake.fire('load');
  return { fake, container, adapter, onContextLostForGood };
}

const state = (id: string, s: Record<string, unknown>): Call => ['setFeatureState', { source: SOURCE.regions, id }, s];

afterEach(() => {
  vi.useRealTimers();
});

describe('createMapAdapter after a WebGL context loss', () => {
  it('holds updates while the context is lost and re-applies the feature state once the rebuilt style loads', () => {
    const { fake, container, adapter } = setup();
    adapter.update(createView({ year: 2017, selection: 'RU-KRS' }));
    fake.calls.length = 0;

    fake.fire('webglcontextlost');
    expect(container.dataset.mapState).toBe('lost');
    adapter.update(createView({ year: 2019, selection: 'RU-KRS' }));
    fake.fire('webglcontextrestored');
    expect(fake.calls).toEqual([]);
    expect(container.dataset.mapState).toBe('loading');

    // MapLibre's rebuilt style keeps filters and paint, not feature state: all of it is set again.
    fake.fire('style.load');
    // Kursk region's strongest tie is an agreement with a region: class 4 (regionMeasure's tie classes).
    expect(fake.calls).toContainEqual(state('RU-KRS', { cls: 4, dim: false }));
    expect(fake.calls).toContainEqual([
      'setFeatureState',
      { source: SOURCE.arcs, id: 'a2' },
      { shown: true, new: false, focus: 1 },
    ]);
    expect(new Set(fake.calls.map((c) => c[0]))).toEqual(new Set(['setFeatureState']));
  });

  it('ignores the first style load (nothing was lost)', () => {
    const { fake, adapter } = setup();
    adapter.update(createView({ selection: 'RU-KRS' }));
    fake.calls.length = 0;
    fake.fire('style.load');
    expect(fake.calls).toEqual([]);
  });

  it('reports the context lost for good when it does not come back in time', () => {
    vi.useFakeTimers();
    const { fake, container, onContextLostForGood } = setup();
    fake.fire('webglcontextlost');
    vi.advanceTimersByTime(CONTEXT_RESTORE_TIMEOUT_MS - 1);
    expect(onContextLostForGood).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onContextLostForGood).toHaveBeenCalledTimes(1);
    expect(container.dataset.mapState).toBe('failed');
  });

  it('does not report a context that came back in time', () => {
    vi.useFakeTimers();
    const { fake, onContextLostForGood } = setup();
    fake.fire('webglcontextlost');
    vi.advanceTimersByTime(CONTEXT_RESTORE_TIMEOUT_MS / 2);
    fake.fire('webglcontextrestored');
    vi.advanceTimersByTime(CONTEXT_RESTORE_TIMEOUT_MS * 2);
    expect(onContextLostForGood).not.toHaveBeenCalled();
  });

  it('reports nothing after destroy, and leaves no handler on the map', () => {
    vi.useFakeTimers();
    const { fake, adapter, onContextLostForGood } = setup();
    fake.fire('webglcontextlost');
    adapter.destroy();
    vi.advanceTimersByTime(CONTEXT_RESTORE_TIMEOUT_MS * 2);
    expect(onContextLostForGood).not.toHaveBeenCalled();
    expect(fake.handlerCount()).toBe(0);
    expect(fake.calls).toContainEqual(['remove']);
  });
});
