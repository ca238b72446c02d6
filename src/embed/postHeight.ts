import { heightMessage, isHeightRequest } from './protocol';

/** The bits of `window` the child side needs (a fake in tests). */
export interface ChildWindow {
  name: string;
  location: { pathname: string; search: string };
  parent: { postMessage: (message: unknown, targetOrigin: string) => void };
  addEventListener: (type: 'message', fn: (e: MessageEvent) => void) => void;
  removeEventListener: (type: 'message', fn: (e: MessageEvent) => void) => void;
}

/**
 * The iframe side of auto-height: posts the height of `content` to the parent whenever it changes
 * (and when the host asks). Works in a sandboxed iframe: postMessage needs no shared origin.
 * Returns a stop function.
 */
export function postHeight(
  content: HTMLElement,
  win: ChildWindow = window,
  observe: (el: HTMLElement, cb: () => void) => () => void = observeSize,
): () => void {
  const id = win.name || `${win.location.pathname}${win.location.search}`;
  let last = 0;
  const send = (force: boolean): void => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height <= 0 || (height === last && !force)) return;
    last = height;
    win.parent.postMessage(heightMessage(height, id), '*');
  };
  // Requests are answered at most once per REQUEST_INTERVAL_MS: a parent that floods the frame with
  // requests gets one answer now and one at the end of the interval, not one each.
  let answered = -Infinity;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const answer = (): void => {
    pending = null;
    answered = Date.now();
    send(true);
  };
  const onMessage = (e: MessageEvent): void => {
    if (e.source !== win.parent || !isHeightRequest(e.data) || pending !== null) return;
    const wait = answered + REQUEST_INTERVAL_MS - Date.now();
    if (wait <= 0) answer();
    else pending = setTimeout(answer, wait);
  };
  win.addEventListener('message', onMessage);
  const unobserve = observe(content, () => send(false));
  send(true);
  return () => {
    unobserve();
    if (pending !== null) clearTimeout(pending);
    win.removeEventListener('message', onMessage);
  };
}

/** Shortest time (ms) between two answers to the host's height requests. */
export const REQUEST_INTERVAL_MS = 250;

function observeSize(el: HTMLElement, cb: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  const observer = new ResizeObserver(cb);
  observer.observe(el);
  return () => observer.disconnect();
}
