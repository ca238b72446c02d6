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

/** Heights outside this range (CSS px) are ignored: a broken layout must not grow a page forever. */
export const MAX_HEIGHT = 20_000;

export function heightMessage(height: number, id: string): HeightMessage {
  return { type: HEIGHT_TYPE, version: PROTOCOL_VERSION, height: Math.ceil(height), id };
}

/** True for a well-formed height message of this protocol (any version ≥ 1 with the same fields). */
export function isHeightMessage(data: unknown): data is HeightMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return (
    m.type === HEIGHT_TYPE &&
    typeof m.version === 'number' &&
    m.version >= 1 &&
    typeof m.height === 'number' &&
    Number.isFinite(m.height) &&
    m.height > 0 &&
    m.height <= MAX_HEIGHT &&
    (m.id === undefined || typeof m.id === 'string')
  );
}

export function isHeightRequest(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === REQUEST_TYPE;
}
