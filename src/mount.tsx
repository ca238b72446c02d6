import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ownDataOptions, parseConfig, parseDisplay, readOption, type RawConfig } from './config';
import { loadAll } from './data/load';
import { requestDetails } from './data/detailsLoader';
import { inTasks } from './data/nextTask';
import { warmUpFormats } from './i18n/formatValue';
import { createAppStore, type AppStore, type LoadState } from './state/createAppStore';
import { StoreContext } from './state/StoreContext';
import { syncPageShell } from './state/pageShell';
import { afterNextPaint, syncUrl } from './state/urlSync';
import { PanelBoundary } from './ui/ErrorBoundary';
import { App } from './ui/App';
import { MapView } from './ui/MapView';
import { browserEnvironment, enginePolicy, whenEngaged, whenIdle } from './map/enginePolicy';
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
   * `<html lang>`, `<title>` and the description in step with the view, until unmounted. For the full
   * page, not for embeds.
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
export function mount(container: HTMLElement, given: MountOptions = {}): MountHandle {
  if (!isHtmlElement(container))
    throw new TypeError('mount(container, options): container must be an HTML element (e.g. a <div>)');
  // One copy of the own data properties: no getter or Proxy trap of the embedder runs after this.
  const options = ownDataOptions(given);
  // A second mount on one container replaces the first (two React roots on one node would fight).
  mounted.get(container)?.();
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
  let live = true;
  // Aborted on unmount: in-flight requests stop and their answers are dropped.
  const life = new AbortController();
  let attempt = 0;

  /** Fetches the data; the retry button calls it again (a fresh request each time). */
  const load = (): void => {
    if (life.signal.aborted) return;
    const current = ++attempt;
    const stale = (): boolean => current !== attempt || life.signal.aborted;
    const settle = async (next: LoadState): Promise<void> => {
      if (stale()) return;
      store.getState().setLoad(next);
      if (next.status === 'ready' && !shown) {
        // The map's base and link scenes, each in its own task before the first render (which would
        // otherwise compute both in one slice of its work).
        await inTasks(
          [store.derived.baseScene, store.derived.linkScene].map((warm) => () => warm(store.getState())),
          () => stale() || shown,
        );
      }
      if (!stale()) show();
    };
    store.getState().setLoad({ status: 'loading' });
    loadAll(baseUrl, fetchFn, life.signal).then(
      ({ geo, dataset }) => {
        void settle({ status: 'ready', geo, dataset });
        // Quotes and remarks follow the first view (or come on first need): once the browser is idle
        // where the map engine comes then too; on a phone, with Save-Data or on a slow line, at the
        // reader's first touch, key or scroll, so that a reader who only looks downloads no quotes.
        if (current === attempt && !life.signal.aborted) {
          const prefetch = (): void => void requestDetails(dataset).catch(() => {});
          const win = container.ownerDocument.defaultView;
          stops.push(
            enginePolicy({ still: false, ...browserEnvironment() }) === 'idle' || !win
              ? whenIdle(prefetch, DETAILS_IDLE_MS)
              : whenEngaged(win, prefetch),
          );
        }
      },
      (e: unknown) => void settle({ status: 'error', message: messageOf(e) }),
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
    if (shown || !live) return;
    shown = true;
    startTransition(() => root.render(app));
  }
  const wait = setTimeout(show, FIRST_RENDER_WAIT_MS);
  load();
  void warmUpFormats(store.getState().lang);

  const unmount = (() => {
    if (!live) return;
    live = false;
    if (mounted.get(container) === unmount) mounted.delete(container);
    clearTimeout(wait);
    life.abort();
    for (const stop of stops.splice(0)) stop();
    root.unmount();
  }) as MountHandle;
  mounted.set(container, unmount);
  unmount.store = store;
  return unmount;
}

let instances = 0;

/** Longest wait for an idle moment after the first view before the dataset's details are fetched (ms). */
const DETAILS_IDLE_MS = 3000;

/** The instance mounted on each container, so a second mount there replaces it. */
const mounted = new WeakMap<Element, () => void>();

const XHTML = 'http://www.w3.org/1999/xhtml';

/** An HTML element (an SVG or MathML element, a text node or a look-alike object is not). */
function isHtmlElement(v: unknown): v is HTMLElement {
  try {
    if (typeof v !== 'object' || v === null) return false;
    const el = v as Element;
    return el.nodeType === 1 && el.namespaceURI === XHTML && typeof el.ownerDocument?.createElement === 'function';
  } catch {
    return false;
  }
}

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

/** The full page follows the instance: query string (and back/forward), `<html lang>`, title and description. */
function syncPage(store: AppStore, doc: Document): () => void {
  const win = doc.defaultView;
  if (!win) return () => undefined;
  const stopUrl = syncUrl(store, win, afterNextPaint(win));
  const stopLang = syncPageShell(store, doc);
  return () => {
    stopUrl();
    stopLang();
  };
}
