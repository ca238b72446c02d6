/**
 * Trusted Types for MapLibre's worker. On a page that enforces them (`require-trusted-types-for
 * 'script'`), `new Worker(url)` needs a TrustedScriptURL, and MapLibre hands it a plain string: only
 * a `default` policy can vouch for it. The page installs one at start (src/main.tsx) that passes
 * exactly the worker file the engine announces when it loads (loadMaplibre.ts), and refuses every
 * other script URL; script text and HTML sinks have no rule, so they stay blocked. The `mount` API
 * never installs it: a host page's default policy is the host's. Where no policy can be made (a
 * `trusted-types` directive without `default`, or a default policy of the page's own), the engine's
 * check (assertWorkerStarts.ts) fails and the SVG map stays.
 */

/** The part of the Trusted Types API used here. */
interface TrustedTypesLike {
  defaultPolicy: unknown;
  createPolicy: (name: string, rules: { createScriptURL: (input: string) => string | null }) => unknown;
}

/** The worker file the engine will start; set when the engine loads. One per page, like the policy. */
let workerUrl: string | null = null;

/** Announces the worker file the engine is about to start (before it starts it). */
export function allowWorkerUrl(url: string): void {
  workerUrl = url;
}

/**
 * Installs the page's default policy for the worker. Returns whether it was made: not without
 * Trusted Types, not over a default policy the page already has, not where the page's policy
 * forbids it.
 */
export function installWorkerPolicy(win: object = globalThis): boolean {
  const tt = (win as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt || typeof tt.createPolicy !== 'function' || tt.defaultPolicy) return false;
  try {
    tt.createPolicy('default', {
      createScriptURL: (input) => (workerUrl !== null && input === workerUrl ? input : null),
    });
    return true;
  } catch {
    return false;
  }
}
