/**
 * Throws if this page may not start MapLibre's worker from `url`: under Trusted Types
 * (`require-trusted-types-for 'script'`) without a policy that lets the URL through, `new Worker`
 * throws, and MapLibre, which starts its worker later and out of sight, would put an empty WebGL map
 * over the SVG one. Checked when the engine loads, so its loading fails and the SVG map stays.
 * Only where MapLibre itself would start the worker from `url` (same origin): in an opaque-origin
 * sandbox it starts it from a `data:` URL, from another origin from a `blob:` URL.
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
  if (origin === 'null' || target.origin !== origin) return;
  // Started and stopped at once: what matters is whether the constructor is allowed.
  new Worker(url, { type: 'module' }).terminate();
}
