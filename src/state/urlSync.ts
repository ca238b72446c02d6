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

/**
 * Keeps the public URL parameters (`year`, `region`, `kinds`, `lang`) in step with the store; the
 * instance's display flags (`theme`, `plain`, …) stay in the URL.
 * Each user change is a history entry (back/forward move through them); playback replaces the
 * entry instead, so one "play" does not leave nine entries behind. Returns a stop function.
 */
export function syncUrl(store: AppStore, host: UrlHost): () => void {
  let current = configToSearch(viewOf(store.getState()), store.getState().display);
  const unsubscribe = store.subscribe((s, prev) => {
    const next = configToSearch(viewOf(s), s.display);
    if (next === current) return;
    current = next;
    const url = `${samePath(host.location.pathname)}${next}${host.location.hash}`;
    // A refusal (a sandbox, a browser's rate limit) must not stop the store's other subscribers:
    // zustand stops notifying at the first throw, and the language and panels follow the view.
    try {
      if (s.playing || prev.playing) host.history.replaceState(null, '', url);
      else host.history.pushState(null, '', url);
    } catch (e) {
      console.warn('The address bar could not follow the view:', e);
    }
  });
  const onPop = (): void => {
    const view = configFromSearch(host.location.search);
    current = configToSearch({ ...view, debug: store.getState().debug }, store.getState().display);
    store.getState().applyView(view);
    store.getState().setPlaying(false);
  };
  host.addEventListener('popstate', onPop);
  return () => {
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
