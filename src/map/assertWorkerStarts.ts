/**
 * Throws if this page may not start MapLibre's worker: under Trusted Types
 * (`require-trusted-types-for 'script'`) without a policy that lets its URL through, `new Worker`
 * throws, and MapLibre, which starts its worker later and out of sight, would put an empty WebGL map
 * over the SVG one. Checked when the engine loads, so its loading fails and the SVG map stays.
 * The check starts (and at once stops) a worker from the kind of URL MapLibre will use: the file
 * itself on the same origin, a `data:` URL in an opaque-origin sandbox, a `blob:` URL from another
 * origin (see MapLibre's workerFactory).
 */
export function assertWorkerStarts(url: string): void {
  if (typeof Worker === 'undefined' || typeof document === 'undefined') return;
  const origin = globalThis.origin;
  let target: URL;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    return;
  }
  if (origin === 'null') return tryWorker('data:text/javascript,');
  if (target.origin === origin) return tryWorker(url);
  const blob = URL.createObjectURL(new Blob([''], { type: 'text/javascript' }));
  try {
    tryWorker(blob);
  } finally {
    URL.revokeObjectURL(blob);
  }
}

/** What matters is whether the constructor is allowed: the worker is stopped at once. */
function tryWorker(url: string): void {
  new Worker(url, { type: 'module' }).terminate();
}
