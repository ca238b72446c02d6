/** The part of the Trusted Types API used here. */
interface TrustedTypesLike {
  defaultPolicy: { createScriptURL: (input: string) => unknown } | null;
}

/**
 * Throws if this page may not start MapLibre's worker: under Trusted Types
 * (`require-trusted-types-for 'script'`) without a policy that lets its URL through, `new Worker`
 * throws, and MapLibre, which starts its worker later and out of sight, would put an empty WebGL map
 * over the SVG one. Checked when the engine loads, so its loading fails and the SVG map stays.
 * The URL checked is the kind MapLibre will use (see its workerFactory): the file itself on the same
 * origin, a `data:` URL in an opaque-origin sandbox, a `blob:` URL from another origin.
 */
export function assertWorkerStarts(url: string): void {
  if (typeof Worker === 'undefined' || typeof document === 'undefined') return;
  // Without Trusted Types nothing blocks the constructor (a CSP refusal comes later, as an event).
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt) return;
  let target: URL;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    return;
  }
  const origin = globalThis.origin;
  const kind = origin === 'null' ? 'data' : target.origin === origin ? 'file' : 'blob';
  if (tt.defaultPolicy) {
    // A policy that passes the URL settles it without starting anything (the app's own page).
    const probe = kind === 'data' ? 'data:text/javascript,' : kind === 'blob' ? `blob:${origin}/probe` : url;
    if (String(tt.defaultPolicy.createScriptURL(probe)) !== '') return;
  }
  // No policy passes it: whether Trusted Types are enforced shows only by trying (a worker started
  // and stopped at once; on the same origin this costs one request for the worker file).
  if (kind === 'file') return tryWorker(url);
  if (kind === 'data') return tryWorker('data:text/javascript,');
  const blob = URL.createObjectURL(new Blob([''], { type: 'text/javascript' }));
  try {
    tryWorker(blob);
  } finally {
    URL.revokeObjectURL(blob);
  }
}

function tryWorker(url: string): void {
  new Worker(url, { type: 'module' }).terminate();
}
