/**
 * The presenter's offline copy: registers the service worker that the build writes (`<base>sw.js`,
 * scripts/viteOffline.ts), only when the presenter asks, and removes it on request. Until then the app
 * registers nothing and stores nothing (SECURITY.md). The browser's service-worker container and
 * cache storage are passed in, so the states can be tested without a browser.
 */

/** What the presenter sees. `unavailable`: this page cannot keep a copy (not a secure context, no
 *  service workers, storage blocked, an embed, or a host page on another origin than the app). */
export type OfflineState =
  | { kind: 'unavailable' }
  | { kind: 'off' }
  | { kind: 'saving' }
  | { kind: 'ready' }
  | { kind: 'update' }
  | { kind: 'error'; message: string };

/** The parts of the browser this module uses (real ones in the app, fakes in tests). */
export interface OfflineEnv {
  serviceWorker: ServiceWorkerContainer | undefined;
  caches: CacheStorage | undefined;
  /** The document's base address (its origin must be the app's). */
  documentUrl: string;
  secure: boolean;
}

/** Where the app lives (`<base>`, absolute) and its service worker. */
export interface OfflineTarget {
  scope: string;
  script: string;
}

/** Workbox names its caches `workbox-<kind>-…-<scope>`: ours end with the app's scope, so another
 *  app on the same origin keeps its own. */
const isOurCache = (name: string, scope: string): boolean => name.startsWith('workbox-') && name.endsWith(scope);

/** A browser property that may throw instead of answering (storage blocked, an opaque-origin frame). */
function readSafely<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

export function browserEnv(): OfflineEnv {
  return {
    serviceWorker: readSafely(() => (typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined)),
    caches: readSafely(() => (typeof caches !== 'undefined' ? caches : undefined)),
    documentUrl: readSafely(() => document.baseURI) ?? '',
    secure: readSafely(() => isSecureContext) === true,
  };
}

/** The app's scope and worker, from its base address (import.meta.env.BASE_URL against the page). */
export function offlineTarget(baseUrl: string, documentUrl: string): OfflineTarget {
  const scope = new URL(baseUrl, documentUrl).href;
  return { scope, script: new URL('sw.js', scope).href };
}

/** Whether this page may keep an offline copy of the app at `target`. */
export function canKeepCopy(env: OfflineEnv, target: OfflineTarget, embedded: boolean): boolean {
  return (
    !embedded &&
    env.secure &&
    env.serviceWorker !== undefined &&
    env.caches !== undefined &&
    new URL(target.scope).origin === new URL(env.documentUrl).origin
  );
}

/** The state of an existing copy, without creating one. */
export async function currentState(env: OfflineEnv, target: OfflineTarget): Promise<OfflineState> {
  const registration = await env.serviceWorker?.getRegistration(target.scope);
  if (!registration) return { kind: 'off' };
  if (registration.waiting && registration.active) return { kind: 'update' };
  if (registration.active) return { kind: 'ready' };
  return { kind: 'saving' };
}

/** Resolves when `worker` is activated (its precache is then complete), rejects if it becomes redundant. */
function activated(worker: ServiceWorker): Promise<void> {
  if (worker.state === 'activated') return Promise.resolve();
  return new Promise((done, fail) => {
    const check = (): void => {
      if (worker.state === 'activated') {
        worker.removeEventListener('statechange', check);
        done();
      } else if (worker.state === 'redundant') {
        worker.removeEventListener('statechange', check);
        fail(new Error('the offline copy could not be saved (the download failed)'));
      }
    };
    worker.addEventListener('statechange', check);
  });
}

/** Registers the service worker and waits until everything is cached. */
export async function keepCopy(env: OfflineEnv, target: OfflineTarget): Promise<ServiceWorkerRegistration> {
  if (!env.serviceWorker) throw new Error('this browser cannot keep an offline copy');
  const registration = await env.serviceWorker.register(target.script, { scope: target.scope });
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (worker) await activated(worker);
  return registration;
}

/** Calls `onUpdate` when a newer release has been installed beside the running one (it waits). */
export function watchUpdates(registration: ServiceWorkerRegistration, onUpdate: () => void): () => void {
  const onFound = (): void => {
    const next = registration.installing;
    next?.addEventListener('statechange', () => {
      if (next.state === 'installed' && registration.active) onUpdate();
    });
  };
  registration.addEventListener('updatefound', onFound);
  return () => registration.removeEventListener('updatefound', onFound);
}

/** Lets the waiting release take over, then reloads once it controls the page. */
export function takeUpdate(env: OfflineEnv, registration: ServiceWorkerRegistration, reload: () => void): void {
  env.serviceWorker?.addEventListener('controllerchange', () => reload(), { once: true });
  registration.waiting?.postMessage({ type: 'SKIP_WAITING' });
}

/** Unregisters the worker and deletes its caches: the browser keeps nothing of the app. */
export async function dropCopy(env: OfflineEnv, target: OfflineTarget): Promise<void> {
  const registration = await env.serviceWorker?.getRegistration(target.scope);
  await registration?.unregister();
  const names = (await env.caches?.keys()) ?? [];
  await Promise.all(names.filter((n) => isOurCache(n, target.scope)).map((n) => env.caches?.delete(n)));
}
