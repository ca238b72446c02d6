import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseConfig, type RawConfig } from './config';
import { loadAll } from './data/load';
import { createAppStore, type AppStore } from './state/createAppStore';
import { StoreContext } from './state/StoreContext';
import { App } from './ui/App';
import { MapView } from './map/MapView';
import { PALETTES } from './scene/palette';
import './ui/app.css';

export interface MountOptions extends RawConfig {
  /** Where the app's files are served from (default: Vite's base URL). */
  baseUrl?: string;
}

export interface MountHandle {
  (): void;
  store: AppStore;
}

/**
 * Mounts one independent instance of the map into `container`. Options are parsed forgivingly:
 * a bad value falls back to its default. Returns a function that unmounts it (with `.store` attached).
 */
export function mount(container: HTMLElement, options: MountOptions = {}): MountHandle {
  const config = parseConfig(options);
  const store = createAppStore(config);
  const baseUrl = typeof options.baseUrl === 'string' ? options.baseUrl : import.meta.env.BASE_URL;
  let alive = true;

  const load = (): void => {
    store.getState().setLoad({ status: 'loading' });
    loadAll(baseUrl)
      .then(({ geo, dataset }) => {
        if (alive) store.getState().setLoad({ status: 'ready', geo, dataset });
      })
      .catch((e: unknown) => {
        if (alive) store.getState().setLoad({ status: 'error', message: e instanceof Error ? e.message : String(e) });
      });
  };

  const root = createRoot(container);
  root.render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App map={<MapView store={store} palette={PALETTES.light} />} onRetry={load} />
      </StoreContext.Provider>
    </StrictMode>,
  );
  load();

  const unmount = (() => {
    alive = false;
    root.unmount();
  }) as MountHandle;
  unmount.store = store;
  return unmount;
}
