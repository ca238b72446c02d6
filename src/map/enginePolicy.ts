/**
 * When the WebGL map engine (MapLibre, ≈ 430 kB gzip with its worker) is fetched. The first view is
 * always the SVG map, drawn from the same scene; the engine then takes over:
 * - `idle`: as soon as the browser is idle after the first view (a desktop or laptop on a good line);
 * - `intent`: when the reader first touches, clicks, scrolls or zooms the map (a phone, a tablet,
 *   Save-Data, or a slow connection: the reader who only looks never pays for the engine);
 * - `never`: a static picture (an embed with `static=1`): the SVG map stays.
 * Whether the browser can do WebGL2 at all is asked only when the engine is about to be fetched
 * (asking costs a GPU context: tens of milliseconds on a phone, not worth it before the first view).
 */
export type EnginePolicy = 'idle' | 'intent' | 'never';

export interface EngineEnvironment {
  /** The map is a still picture (no pan, zoom or click). */
  still: boolean;
  /** `navigator.connection.saveData`, where the browser tells it. */
  saveData?: boolean;
  /** `navigator.connection.effectiveType` ('slow-2g', '2g', '3g', '4g'), where the browser tells it. */
  effectiveType?: string;
  /** The primary pointer is a finger (`(pointer: coarse)`): a phone or a tablet. */
  coarsePointer: boolean;
}

const SLOW = new Set(['slow-2g', '2g', '3g']);

export function enginePolicy(env: EngineEnvironment): EnginePolicy {
  if (env.still) return 'never';
  if (env.saveData === true || SLOW.has(env.effectiveType ?? '') || env.coarsePointer) return 'intent';
  return 'idle';
}

interface NetworkInformationLike {
  saveData?: unknown;
  effectiveType?: unknown;
}

/** What this browser says about itself (the parts `enginePolicy` needs besides WebGL and stillness). */
export function browserEnvironment(): Pick<EngineEnvironment, 'saveData' | 'effectiveType' | 'coarsePointer'> {
  if (typeof window === 'undefined') return { coarsePointer: false };
  const connection = (navigator as Navigator & { connection?: NetworkInformationLike }).connection;
  return {
    ...(typeof connection?.saveData === 'boolean' ? { saveData: connection.saveData } : {}),
    ...(typeof connection?.effectiveType === 'string' ? { effectiveType: connection.effectiveType } : {}),
    coarsePointer: window.matchMedia?.('(pointer: coarse)').matches === true,
  };
}

/** Runs `fn` once the browser is idle (at the latest after `timeout` ms); returns a cancel function. */
export function whenIdle(fn: () => void, timeout: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(fn, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  // Safari has no requestIdleCallback: wait a moment after the first view instead.
  const handle = window.setTimeout(fn, Math.min(timeout, 1000));
  return () => window.clearTimeout(handle);
}

/** What a reader does that shows they are using the page, not only looking at it. */
const ENGAGING = ['pointerdown', 'touchstart', 'keydown', 'wheel', 'scroll'] as const;

/**
 * Runs `fn` once, at the reader's first press, touch, key, wheel or scroll on the page (listened to on
 * `win`, in the capture phase, passively); returns a cancel function that removes every listener.
 */
export function whenEngaged(win: Pick<Window, 'addEventListener' | 'removeEventListener'>, fn: () => void): () => void {
  const options = { capture: true, passive: true } as const;
  const stop = (): void => {
    for (const type of ENGAGING) win.removeEventListener(type, on, options);
  };
  function on(): void {
    stop();
    fn();
  }
  for (const type of ENGAGING) win.addEventListener(type, on, options);
  return stop;
}
