import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../state/createAppStore';
import { selectBaseScene, selectLinkScene, selectMapView } from '../state/selectors';
import { translate } from '../i18n/translate';
import type { Palette } from '../scene/palette';
import { createMapAdapter, type MapAdapter, type MapLib } from './createMapAdapter';

export interface MapViewProps {
  store: AppStore;
  palette: Palette;
  /** Injected for tests; by default maplibre-gl is imported on demand. */
  loadLib?: () => Promise<MapLib>;
}

const defaultLoad = (): Promise<MapLib> => import('./loadMaplibre').then((m) => m.maplibreLib);

/**
 * Hosts the WebGL map. Subscribes to the store outside React renders, so year steps and hovers
 * never re-render this component.
 */
export function MapView({ store, palette, loadLib = defaultLoad }: MapViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<MapAdapter | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const container = ref.current;
    const state = store.getState();
    const base = selectBaseScene(state);
    const links = selectLinkScene(state);
    if (!container || !base || !links) return;
    let adapter: MapAdapter | null = null;
    let unsubscribe: (() => void) | null = null;
    let cancelled = false;
    loadLib()
      .then((lib) => {
        if (cancelled) return;
        const s = store.getState();
        adapter = createMapAdapter({
          lib,
          container,
          scene: { base, links },
          palette,
          initial: selectMapView(s),
          ariaLabel: translate(s.lang, 'map.label', { year: s.year }),
          debug: s.debug,
        });
        adapterRef.current = adapter;
        setReady(true);
        adapter.onRegionClick((code) => store.getState().select(code));
        adapter.onRegionHover((code) => store.getState().setHover(code));
        unsubscribe = store.subscribe((next, prev) => {
          adapter?.update(selectMapView(next));
          if (next.lang !== prev.lang || next.year !== prev.year)
            adapter?.setAriaLabel(translate(next.lang, 'map.label', { year: next.year }));
        });
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
      unsubscribe?.();
      adapter?.destroy();
      adapterRef.current = null;
      setReady(false);
    };
  }, [store, palette, loadLib]);

  const lang = useStore(store, (s) => s.lang);
  const t = (key: 'map.zoomIn' | 'map.zoomOut' | 'map.reset') => translate(lang, key);
  return (
    <div className="byru-map-wrap">
      <div className="byru-map" ref={ref} data-testid="map" data-map-state="loading" />
      {ready && (
        <div className="byru-zoom" role="group">
          <button type="button" onClick={() => adapterRef.current?.zoomIn()} aria-label={t('map.zoomIn')} title={t('map.zoomIn')}>
            +
          </button>
          <button type="button" onClick={() => adapterRef.current?.zoomOut()} aria-label={t('map.zoomOut')} title={t('map.zoomOut')}>
            −
          </button>
          <button type="button" onClick={() => adapterRef.current?.fitAll()} aria-label={t('map.reset')} title={t('map.reset')}>
            ⤢
          </button>
        </div>
      )}
      {error && (
        <p className="byru-map-error" role="alert">
          {translate(lang, 'map.error', { message: error })}
        </p>
      )}
    </div>
  );
}
