import { isHeightMessage, REQUEST_TYPE } from './protocol';

/** An iframe as the resizer sees it (a fake in tests). */
export interface FrameLike {
  contentWindow: unknown;
  style: { height: string };
  /** The iframe's address, resolved (the `src` property); '' for a frame without one. */
  src: string;
}

/**
 * True if `src` is a page in the folder of `scriptUrl` (where embed.js was served from, next to the
 * map's index.html): the maps this script answers. Ads and other frames on the host page are not.
 */
export function isOurFrame(src: string, scriptUrl: string): boolean {
  try {
    const folder = new URL('./', scriptUrl);
    const page = new URL(src);
    return (
      /^https?:$/u.test(page.protocol) && page.origin === folder.origin && page.pathname.startsWith(folder.pathname)
    );
  } catch {
    return false;
  }
}

/**
 * Applies one message to the iframe that sent it: the frame whose window is `event.source` gets the
 * posted height, if that frame shows one of our maps (see isOurFrame) and the message comes from the
 * map's origin or an opaque one (a sandboxed frame). Anything else is ignored. Returns the resized
 * frame, or null.
 */
export function applyHeight(
  event: Pick<MessageEvent, 'data' | 'source'> & { origin?: string },
  frames: Iterable<FrameLike>,
  scriptUrl: string,
): FrameLike | null {
  if (!isHeightMessage(event.data) || !event.source) return null;
  for (const frame of frames) {
    if (frame.contentWindow !== event.source) continue;
    if (!isOurFrame(frame.src, scriptUrl)) return null;
    // A frame navigated away from the map keeps its src attribute but speaks for another origin.
    if (event.origin !== undefined && event.origin !== 'null' && event.origin !== new URL(frame.src).origin)
      return null;
    frame.style.height = `${event.data.height}px`;
    return frame;
  }
  return null;
}

/**
 * Where a resizer keeps its stop function on the page's window. A symbol, not a name: an element
 * with id or name `byruResizer` becomes `window.byruResizer` (named access) and must neither stop
 * the script nor make it throw.
 */
export const RESIZER = Symbol.for('byru:resizer');

interface Installed {
  stop: () => void;
}

/** The bits of `window` the host side needs (a fake in tests). */
export interface HostWindow {
  document: { querySelectorAll: (selector: 'iframe') => ArrayLike<FrameLike> & Iterable<FrameLike> };
  addEventListener: (type: 'message', fn: (e: MessageEvent) => void) => void;
  removeEventListener: (type: 'message', fn: (e: MessageEvent) => void) => void;
  [RESIZER]?: unknown;
}

const isInstalled = (v: unknown): v is Installed =>
  typeof v === 'object' && v !== null && typeof (v as { stop?: unknown }).stop === 'function';

/**
 * Installs the host page's resizer once per page: listens for height messages and asks the iframes
 * of our maps already on the page for their height (they may have posted before this script ran).
 * `scriptUrl` is embed.js's own address: the maps it answers sit in its folder.
 * Returns a stop function; a second install returns the first one's.
 */
export function installResizer(win: HostWindow, scriptUrl: string): () => void {
  const existing = win[RESIZER];
  if (isInstalled(existing)) return existing.stop;
  const onMessage = (e: MessageEvent): void => {
    applyHeight(e, win.document.querySelectorAll('iframe'), scriptUrl);
  };
  win.addEventListener('message', onMessage);
  for (const frame of win.document.querySelectorAll('iframe')) {
    if (!isOurFrame(frame.src, scriptUrl)) continue;
    const w = frame.contentWindow as { postMessage?: (m: unknown, o: string) => void } | null;
    try {
      w?.postMessage?.({ type: REQUEST_TYPE }, '*');
    } catch {
      // A frame being torn down: nothing to ask.
    }
  }
  const stop = (): void => {
    win.removeEventListener('message', onMessage);
    if (win[RESIZER] === installed) delete win[RESIZER];
  };
  const installed: Installed = { stop };
  win[RESIZER] = installed;
  return stop;
}
