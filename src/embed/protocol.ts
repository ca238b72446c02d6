/**
 * The postMessage protocol between an embedded map (in an iframe) and the host page's resizer
 * script. Heights are not secret, so the iframe posts with targetOrigin '*'; the host matches a
 * message to its iframe by `event.source`, never by origin (a sandboxed iframe's origin is "null").
 * Documented for hosts in EMBEDDING.md; bump {@link PROTOCOL_VERSION} on any incompatible change.
 */

/** Version of the message format. */
export const PROTOCOL_VERSION = 1;

/** iframe → host: "my content is this tall". */
export const HEIGHT_TYPE = 'byru:height';
/** host → iframes: "tell me your height again" (the host script may load after the iframes). */
export const REQUEST_TYPE = 'byru:request-height';

export interface HeightMessage {
  type: typeof HEIGHT_TYPE;
  version: number;
  /** Content height in CSS px (an integer, rounded up). */
  height: number;
  /** The embed's name: the iframe's `name` attribute when set, else its path and query. */
  id: string;
}

/**
 * The range of heights (whole CSS px) a host accepts; anything else is ignored. The map's content
 * is never shorter than MIN_HEIGHT (the map alone is taller at the narrowest width, 300 px), nor
 * taller than MAX_HEIGHT on any phone with every panel open: a frame that asks for more (or for 0)
 * is broken or hostile, and must neither grow the article forever nor vanish from it.
 */
export const MIN_HEIGHT = 100;
export const MAX_HEIGHT = 10_000;

/** The message for a content `height` (CSS px): rounded up and kept in the accepted range. */
export function heightMessage(height: number, id: string): HeightMessage {
  const whole = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)));
  return { type: HEIGHT_TYPE, version: PROTOCOL_VERSION, height: whole, id };
}

/** True for a well-formed height message of this protocol (any version ≥ 1 with the same fields). */
export function isHeightMessage(data: unknown): data is HeightMessage {
  if (typeof data !== 'object' || data === null) return false;
  try {
    return isWellFormed(data as Record<string, unknown>);
  } catch {
    // Structured clone gives plain objects, but a same-window caller may pass a Proxy with traps.
    return false;
  }
}

function isWellFormed(m: Record<string, unknown>): boolean {
  return (
    m.type === HEIGHT_TYPE &&
    Number.isInteger(m.version) &&
    (m.version as number) >= 1 &&
    // Whole numbers only: 500.5 or 1e-300 would pass a range check and set odd or zero heights.
    Number.isInteger(m.height) &&
    (m.height as number) >= MIN_HEIGHT &&
    (m.height as number) <= MAX_HEIGHT &&
    (m.id === undefined || typeof m.id === 'string')
  );
}

export function isHeightRequest(data: unknown): boolean {
  try {
    return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === REQUEST_TYPE;
  } catch {
    return false;
  }
}
