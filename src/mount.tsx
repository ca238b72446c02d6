import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseConfig, parseDisplay, readOption, type RawConfig } from './config';
import { loadAll } from './data/load';
import { warmUpFormats } from './i18n/formatValue';
import { createAppStore, type AppStore, type LoadState } from './state/createAppStore';
import { StoreContext } from './state/StoreContext';
import { syncUrl } from './state/urlSync';
import { PanelBoundary } from './ui/ErrorBoundary';
import { App } from './ui/App';
import { MapView } from './ui/MapView';
import { PALETTES } from './scene/palette';
import { useTheme } from './state/useTheme';
import './ui/app.css';

export interface MountOptions extends RawConfig {
  /** Where the app's files are served from, an http(s) or relative URL (default: Vite's base URL). */
  baseUrl?: string;
  /**
   * The fetch used for the app's two data files (default: the page's). JavaScript API only: URL
   * parameters never reach it, and anything but a function is ignored.
   */
  fetch?: typeof fetch;
  /**
   * This instance owns the page: it keeps the address bar's query (back/forward included) and
   * `<html lang>` in step with the view, until unmounted. For the full page, not for embeds.
   */
  urlSync?: boolean;
}

export interface MountHandle {
  (): void;
  store: AppStore;
}

/** The map in the palette of the theme in effect (a theme change redraws the map in its colours). */
function ThemedMap({
  store,
  onSnapshot,
}: {
  store: AppStore;
  onSnapshot: Parameters<typeof MapView>[0]['onSnapshot'];
}) {
  const theme = useTheme(store);
  return <MapView store={store} palette={PALETTES[theme]} onSnapshot={onSnapshot} />;
}

/**
 * Mounts one independent instance of the map into `container`. Options are parsed forgivingly:
 * a bad value falls back to its default. Returns a function that unmounts it (with `.store` attached).
 */
export function mount(container: HTMLElement, options: MountOptions = {}): MountHandle {
  if (typeof container !== 'object' || container === null || container.nodeType !== 1)
    throw new TypeError('mount(container, options): container must be a DOM element');
  const config = parseConfig(options);
  const store = createAppStore(config, parseDisplay(options));
  const baseUrl = baseUrlOf(readOption(options, 'baseUrl'), container.ownerDocument.baseURI);
  const fetchOption = readOption(options, 'fetch');
  // Called through a wrapper so the page's fetch is looked up at call time and never detached.
  const fetchFn: typeof fetch =
    typeof fetchOption === 'function' ? (fetchOption as typeof fetch) : (input, init) => globalThis.fetch(input, init);
  // The app page's address, for share links and embed snippets (absolute, wherever the host is).
  const appUrl = new URL(baseUrl, document.baseURI).href;
  // The map hands its snapshot function over once it exists (PNG export); ui and map stay apart.
  let snapshotFn: ((scale: number) => Promise<HTMLCanvasElement>) | null = null;
  const onSnapshot = (fn: typeof snapshotFn): void => {
    snapshotFn = fn;
  };
  const snapshot = (scale: number): Promise<HTMLCanvasElement> =>
    snapshotFn ? snapshotFn(scale) : Promise.reject(new Error('the map is not drawn yet'));
  let mounted = true;
  // Aborted on unmount: in-flight requests stop and their answers are dropped.
  const life = new AbortController();
  let attempt = 0;

  /** Fetches the data; the retry button calls it again (a fresh request each time). */
  const load = (): void => {
    if (life.signal.aborted) return;
    const current = ++attempt;
    const settle = (next: LoadState): void => {
      if (current !== attempt || life.signal.aborted) return;
      store.getState().setLoad(next);
      show();
    };
    store.getState().setLoad({ status: 'loading' });
    loadAll(baseUrl, fetchFn, life.signal).then(
      ({ geo, dataset }) => settle({ status: 'ready', geo, dataset }),
      (e: unknown) => settle({ status: 'error', message: messageOf(e) }),
    );
  };

  const stops: (() => void)[] = [];
  if (readOption(options, 'urlSync') === true) stops.push(syncPage(store, container.ownerDocument));

  // A distinct prefix per instance keeps useId() ids unique with several maps on one page.
  const root = createRoot(container, { identifierPrefix: `byru${++instances}-` });
  const app = (
    <StrictMode>
      <StoreContext.Provider value={store}>
        <PanelBoundary>
          <App
            map={<ThemedMap store={store} onSnapshot={onSnapshot} />}
            onRetry={load}
            appUrl={appUrl}
            snapshot={snapshot}
          />
        </PanelBoundary>
      </StoreContext.Provider>
    </StrictMode>
  );
  // The first render waits for the data (at most FIRST_RENDER_WAIT_MS, then the loading view shows):
  // the first paint is then the whole first view, map included, with nothing shifting in after it.
  // It is a transition, so React builds it in slices that leave the main thread free for input.
  let shown = false;
  function show(): void {
    clearTimeout(wait);
    if (shown || !mounted) return;
    shown = true;
    startTransition(() => root.render(app));
  }
  const wait = setTimeout(show, FIRST_RENDER_WAIT_MS);
  load();
  warmUpFormats(store.getState().lang);

  const unmount = (() => {
    if (!mounted) return;
    mounted = false;
    clearTimeout(wait);
    life.abort();
    for (const stop of stops.splice(0)) stop();
    root.unmount();
  }) as MountHandle;
  unmount.store = store;
  return unmount;
}

let instances = 0;

/** Longest wait for the data before the first render shows the loading view instead (ms). */
export const FIRST_RENDER_WAIT_MS = 800;

/** An http(s) or relative base URL ending in `/`; anything else → Vite's base URL. */
function baseUrlOf(v: unknown, documentUrl: string): string {
  const fallback = import.meta.env.BASE_URL;
  if (typeof v !== 'string' || v.length === 0 || v.length > 2048) return fallback;
  try {
    if (!/^https?:$/u.test(new URL(v, documentUrl).protocol)) return fallback;
  } catch {
    return fallback;
  }
  return v.endsWith('/') ? v : `${v}/`;
}

/** A readable message for any thrown value (even one whose toString throws). */
function messageOf(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}

/** The full page follows the instance: query string (and back/forward) and `<html lang>`. */
function syncPage(store: AppStore, doc: Document): () => void {
  const win = doc.defaultView;
  if (!win) return () => undefined;
  const stopUrl = syncUrl(store, win);
  doc.documentElement.lang = store.getState().lang;
  const stopLang = store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) doc.documentElement.lang = s.lang;
  });
  return () => {
    stopUrl();
    stopLang();
  };
}
