import { configFromSearch, configToSearch } from '../config';
import type { AppStore } from './createAppStore';
import { viewOf } from './createAppStore';

/** The bits of `window` URL sync needs (a fake in tests). */
export interface UrlHost {
  location: { search: string; pathname: string; hash: string };
  history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener: (type: 'popstate', fn: () => void) => void;
  removeEventListener: (type: 'popstate', fn: () => void) => void;
}

/** Runs a function later (or now); returns a function that cancels it if it has not run. */
export type Later = (fn: () => void) => () => void;

/** Runs it at once. */
export const atOnce: Later = (fn) => {
  fn();
  return () => undefined;
};

type FrameHost = Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame' | 'setTimeout' | 'clearTimeout'>;

/**
 * Runs it in a task after the next frame: after the picture of a year step is painted. Chromium's
 * `pushState` costs several milliseconds (measured on the phone's year step: 7.5 ms of a 30 ms key
 * press), which the reader waits for when it runs in the key press.
 */
export function afterNextPaint(win: FrameHost): Later {
  return (fn) => {
    let timer: number | undefined;
    const frame = win.requestAnimationFrame(() => {
      timer = win.setTimeout(fn, 0);
    });
    return () => {
      win.cancelAnimationFrame(frame);
      if (timer !== undefined) win.clearTimeout(timer);
    };
  };
}

/**
 * Keeps the public URL parameters (`year`, `region`, `kinds`, `lang`) in step with the store; the
 * instance's display flags (`theme`, `plain`, …) stay in the URL.
 * Each user change is a history entry (back/forward move through them); playback replaces the
 * entry instead, so one "play" does not leave nine entries behind. With `later`, the address is
 * written when it says (e.g. {@link afterNextPaint}), once for all the changes made until then: a
 * user change among them makes it a new entry. Returns a stop function (a write not yet made is
 * dropped).
 */
export function syncUrl(store: AppStore, host: UrlHost, later: Later = atOnce): () => void {
  let current = configToSearch(viewOf(store.getState()), store.getState().display);
  let pending: { url: string; replace: boolean } | null = null;
  let cancel: (() => void) | null = null;
  const write = (): void => {
    cancel = null;
    const p = pending;
    pending = null;
    if (!p) return;
    // A refusal (a sandbox, a browser's rate limit) must not stop the store's other subscribers:
    // zustand stops notifying at the first throw, and the language and panels follow the view.
    try {
      if (p.replace) host.history.replaceState(null, '', p.url);
      else host.history.pushState(null, '', p.url);
    } catch (e) {
      console.warn('The address bar could not follow the view:', e);
    }
  };
  const drop = (): void => {
    cancel?.();
    cancel = null;
    pending = null;
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const next = configToSearch(viewOf(s), s.display);
    if (next === current) return;
    current = next;
    const replace = s.playing || prev.playing;
    pending = {
      url: `${samePath(host.location.pathname)}${next}${host.location.hash}`,
      replace: (pending?.replace ?? true) && replace,
    };
    if (cancel === null) {
      const c = later(write);
      // `atOnce` has written it already: nothing is left to cancel.
      cancel = pending === null ? null : c;
    }
  });
  const onPop = (): void => {
    // The address is already the one to show: a write still waiting would overwrite it.
    drop();
    const view = configFromSearch(host.location.search);
    current = configToSearch({ ...view, debug: store.getState().debug }, store.getState().display);
    store.getState().applyView(view);
    store.getState().setPlaying(false);
  };
  host.addEventListener('popstate', onPop);
  return () => {
    drop();
    unsubscribe();
    host.removeEventListener('popstate', onPop);
  };
}

/**
 * The page's own path as a URL reference. A path that starts with `//` (or `/\`) would read as
 * another host (`//evil.example/x`), which pushState refuses; `/.` in front keeps it a path (the
 * dot segment goes when the URL is resolved, so the address stays the same).
 */
function samePath(pathname: string): string {
  return /^\/[/\\]/u.test(pathname) ? `/.${pathname}` : pathname;
}
