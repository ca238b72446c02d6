// The page's Trusted Types default policy: it vouches for the map engine's worker URL and nothing else.
import { describe, expect, it, vi } from 'vitest';
import { allowWorkerUrl, installWorkerPolicy } from '../../src/map/workerPolicy';

const WORKER = 'https://maps.example.org/by-ru/assets/maplibre-gl-worker-abc.js';

type Rules = { createScriptURL: (input: string) => string | null };

/** A page's `trustedTypes`, recording the policies made on it. */
function createTrustedTypes(options: { defaultPolicy?: unknown; refuse?: boolean } = {}) {
  const made: { name: string; rules: Rules }[] = [];
  const trustedTypes = {
    defaultPolicy: options.defaultPolicy ?? null,
    createPolicy: vi.fn((name: string, rules: Rules) => {
      if (options.refuse) throw new TypeError(`Policy "${name}" disallowed.`);
      made.push({ name, rules });
      return { name };
    }),
  };
  return { win: { trustedTypes }, made };
}

describe('installWorkerPolicy', () => {
  it('makes a default policy that passes exactly the announced worker URL and refuses every other script URL', () => {
    const { win, made } = createTrustedTypes();
    expect(installWorkerPolicy(win)).toBe(true);
    expect(made.map((p) => p.name)).toEqual(['default']);
    const rules = made[0]?.rules;
    expect(rules && Object.keys(rules)).toEqual(['createScriptURL']);
    // Before the engine announces its worker, nothing passes.
    expect(rules?.createScriptURL(WORKER)).toBeNull();
    allowWorkerUrl(WORKER);
    expect(rules?.createScriptURL(WORKER)).toBe(WORKER);
    for (const other of [
      `${WORKER}?x`,
      'https://evil.example/worker.js',
      'data:text/javascript,alert(1)',
      'blob:https://maps.example.org/1',
      '',
    ])
      expect(rules?.createScriptURL(other)).toBeNull();
  });

  it('leaves a page’s own default policy alone', () => {
    const { win, made } = createTrustedTypes({ defaultPolicy: { name: 'default' } });
    expect(installWorkerPolicy(win)).toBe(false);
    expect(made).toEqual([]);
  });

  it('does nothing, and does not throw, where no policy may be made or the browser has no Trusted Types', () => {
    expect(installWorkerPolicy(createTrustedTypes({ refuse: true }).win)).toBe(false);
    expect(installWorkerPolicy({})).toBe(false);
  });
});
