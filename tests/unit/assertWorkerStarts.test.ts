// @vitest-environment jsdom
// The engine's check that it may start its worker (Trusted Types): the browser's Worker and
// trustedTypes are the outer boundary, stubbed here; real Chromium runs it in hardening.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertWorkerStarts } from '../../src/map/assertWorkerStarts';

const WORKER = `${window.location.origin}/assets/maplibre-gl-worker-abc.js`;

/** A Worker constructor that records what it was asked to start, and throws when `blocked`. */
function stubWorker(blocked: boolean) {
  const started: string[] = [];
  class FakeWorker {
    constructor(url: string) {
      if (blocked) throw new TypeError("This document requires 'TrustedScriptURL' assignment.");
      started.push(url);
    }
    terminate(): void {}
  }
  vi.stubGlobal('Worker', FakeWorker);
  return started;
}

const policy = (passes: boolean) => ({ createScriptURL: (input: string) => (passes ? input : '') });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('assertWorkerStarts', () => {
  it('starts nothing in a browser without Trusted Types', () => {
    const started = stubWorker(false);
    vi.stubGlobal('trustedTypes', undefined);
    expect(() => assertWorkerStarts(WORKER)).not.toThrow();
    expect(started).toEqual([]);
  });

  it('starts nothing when the page’s default policy passes the worker (the app’s own page)', () => {
    const started = stubWorker(true);
    vi.stubGlobal('trustedTypes', { defaultPolicy: policy(true) });
    expect(() => assertWorkerStarts(WORKER)).not.toThrow();
    expect(started).toEqual([]);
  });

  it.each([
    ['no default policy', null],
    ['a default policy that refuses the worker', policy(false)],
  ])('with %s, tries the worker: allowed, it goes on (Trusted Types not enforced)', (_, defaultPolicy) => {
    const started = stubWorker(false);
    vi.stubGlobal('trustedTypes', { defaultPolicy });
    expect(() => assertWorkerStarts(WORKER)).not.toThrow();
    expect(started).toEqual([WORKER]);
  });

  it.each([
    ['no default policy', null],
    ['a default policy that refuses the worker', policy(false)],
  ])('with %s, throws when the browser blocks the worker (so the SVG map stays)', (_, defaultPolicy) => {
    stubWorker(true);
    vi.stubGlobal('trustedTypes', { defaultPolicy });
    expect(() => assertWorkerStarts(WORKER)).toThrow(/TrustedScriptURL/);
  });

  it('tries a blob: worker for a worker on another origin (what MapLibre starts there)', () => {
    const started = stubWorker(false);
    vi.stubGlobal('trustedTypes', { defaultPolicy: null });
    assertWorkerStarts('https://maps.example.org/by-ru/assets/maplibre-gl-worker-abc.js');
    expect(started).toHaveLength(1);
    expect(started[0]).toMatch(/^blob:/u);
  });
});
