// loadAll: the app's only network access, with the network as the outer boundary (fetch injected).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOAD_TIMEOUT_MS, loadAll } from '../../src/data/load';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A fetch that never answers; with `honourAbort`, it rejects when its signal aborts (as the real one does). */
function createSilentFetch(honourAbort: boolean) {
  const signals: AbortSignal[] = [];
  const fetchFn = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.signal) signals.push(init.signal);
    return new Promise<Response>((_resolve, reject) => {
      if (honourAbort) init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
    });
  });
  return { fetchFn, signals };
}

describe('loadAll, when the server never answers', () => {
  it.each([
    ['a fetch that honours its signal', true],
    ['a fetch that ignores its signal', false],
  ])('gives up after LOAD_TIMEOUT_MS with a message, and aborts the requests (%s)', async (_, honourAbort) => {
    const { fetchFn, signals } = createSilentFetch(honourAbort);
    const result = loadAll('/', fetchFn).then(
      () => 'loaded',
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    await vi.advanceTimersByTimeAsync(LOAD_TIMEOUT_MS - 1);
    expect(signals.some((s) => s.aborted)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toBe(`no answer from the server within ${LOAD_TIMEOUT_MS / 1000} s`);
    expect(signals).toHaveLength(2);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('leaves no timer behind when the caller aborts first', async () => {
    const { fetchFn, signals } = createSilentFetch(true);
    const life = new AbortController();
    const result = loadAll('/', fetchFn, life.signal).catch((e: unknown) => e);
    life.abort(new DOMException('unmounted', 'AbortError'));
    expect(await result).toMatchObject({ name: 'AbortError' });
    expect(signals.every((s) => s.aborted)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
