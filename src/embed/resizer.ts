import { isHeightMessage, REQUEST_TYPE } from './protocol';

/** An iframe as the resizer sees it (a fake in tests). */
export interface FrameLike {
  contentWindow: unknown;
  style: { height: string };
}

/**
 * Applies one message to the iframe that sent it: the frame whose window is `event.source` gets the
 * posted height. Messages of other types or shapes, and messages from windows that are not one of
 * `frames`, are ignored. Returns the resized frame, or null.
 */
export function applyHeight(
  event: Pick<MessageEvent, 'data' | 'source'>,
  frames: Iterable<FrameLike>,
): FrameLike | null {
  if (!isHeightMessage(event.data) || !event.source) return null;
  for (const frame of frames) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${event.data.height}px`;
      return frame;
    }
  }
  return null;
}

/** The bits of `window` the host side needs (a fake in tests). */
export interface HostWindow {
  document: { querySelectorAll: (selector: 'iframe') => ArrayLike<FrameLike> & Iterable<FrameLike> };
  addEventListener: (type: 'message', fn: (e: MessageEvent) => void) => void;
  removeEventListener: (type: 'message', fn: (e: MessageEvent) => void) => void;
  byruResizer?: { stop: () => void };
}

/**
 * Installs the host page's resizer once per page: listens for height messages and asks the iframes
 * already on the page for their height (they may have posted before this script ran).
 * Returns a stop function; a second install returns the first one's.
 */
export function installResizer(win: HostWindow): () => void {
  if (win.byruResizer) return win.byruResizer.stop;
  const onMessage = (e: MessageEvent): void => {
    applyHeight(e, win.document.querySelectorAll('iframe'));
  };
  win.addEventListener('message', onMessage);
  for (const frame of win.document.querySelectorAll('iframe')) {
    const w = frame.contentWindow as { postMessage?: (m: unknown, o: string) => void } | null;
    try {
      w?.postMessage?.({ type: REQUEST_TYPE }, '*');
    } catch {
      // A frame being torn down: nothing to ask.
    }
  }
  const stop = (): void => {
    win.removeEventListener('message', onMessage);
    delete win.byruResizer;
  };
  win.byruResizer = { stop };
  return stop;
}
