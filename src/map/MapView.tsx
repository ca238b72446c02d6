import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../state/createAppStore';
import { selectBaseScene, selectLinkScene, selectMapView } from '../state/selectors';
import { translate } from '../i18n/translate';
import type { Palette } from '../scene/palette';
import { createMapAdapter, type MapAdapter, type MapLib } from './createMapAdapter';
import { SvgMapView } from '../svg/SvgMapView';
import type { MapControls } from '../svg/SvgMap';
import { hasWebgl2 } from '../svg/hasWebgl2';

export interface MapViewProps {
  store: AppStore;
  palette: Palette;
  /** Injected for tests; by default maplibre-gl is imported on demand. */
  loadLib?: () => Promise<MapLib>;
  /** Receives the map's snapshot function once it exists (null when the map goes): image export. */
  onSnapshot?: (snapshot: ((scale: number) => Promise<HTMLCanvasElement>) | null) => void;
  /** Injected for tests; by default a test canvas is asked for a WebGL2 context. */
  webgl?: () => boolean;
}

/** Which renderer draws the scene: WebGL (maplibre), or SVG where WebGL is missing or has failed. */
type Renderer = 'webgl' | 'svg';

const reducedMotion = (): boolean =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

const defaultLoad = (): Promise<MapLib> => import('./loadMaplibre').then((m) => m.maplibreLib);

/**
 * Hosts the WebGL map. Subscribes to the store outside React renders, so year steps and hovers
 * never re-render this component.
 */
export function MapView({ store, palette, loadLib = defaultLoad, onSnapshot, webgl = hasWebgl2 }: MapViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<MapAdapter | null>(null);
  const svgControls = useRef<MapControls | null>(null);
  const [ready, setReady] = useState(false);
  // One way to the SVG map: no WebGL2 at start, the WebGL map failing to start or to update, or the
  // adapter reporting its context lost for good — each just sets the renderer to 'svg'.
  const [renderer, setRenderer] = useState<Renderer>(() => (webgl() ? 'webgl' : 'svg'));

  useEffect(() => {
    const container = ref.current;
    const state = store.getState();
    const base = selectBaseScene(state);
    const links = selectLinkScene(state);
    if (renderer !== 'webgl' || !container || !base || !links) return;
    let adapter: MapAdapter | null = null;
    let unsubscribe: (() => void) | null = null;
    let cancelled = false;
    loadLib()
      .then((lib) => {
        if (cancelled) return;
        const s = store.getState();
        const { embed, static: still } = s.display;
        adapter = createMapAdapter({
          lib,
          container,
          scene: { base, links },
          palette,
          initial: selectMapView(s),
          ariaLabel: translate(s.lang, 'map.label', { year: s.year }),
          debug: s.debug,
          interactive: !still,
          reducedMotion: reducedMotion(),
          cooperativeGestures: embed && !still,
          locale: {
            'CooperativeGesturesHandler.WindowsHelpText': translate(s.lang, 'embed.gestureWindows'),
            'CooperativeGesturesHandler.MacHelpText': translate(s.lang, 'embed.gestureMac'),
            'CooperativeGesturesHandler.MobileHelpText': translate(s.lang, 'embed.gestureMobile'),
          },
          // The GPU context did not come back: the same view, drawn as SVG, takes over.
          onContextLostForGood: () => {
            if (!cancelled) setRenderer('svg');
          },
        });
        if (s.fit) adapter.fitView(s.fit.bounds, false);
        onSnapshot?.(adapter.snapshot);
        adapterRef.current = adapter;
        setReady(true);
        adapter.onRegionClick((code) => store.getState().select(code));
        adapter.onRegionHover((code) => store.getState().setHover(code));
        unsubscribe = store.subscribe((next, prev) => {
          // A throw here would stop zustand notifying the other subscribers (the panels): keep a
          // failing WebGL map to itself and let the SVG map take over.
          try {
            adapter?.update(selectMapView(next));
            if (next.lang !== prev.lang || next.year !== prev.year)
              adapter?.setAriaLabel(translate(next.lang, 'map.label', { year: next.year }));
            if (next.fit !== prev.fit && next.fit) adapter?.fitView(next.fit.bounds, !reducedMotion());
          } catch (e) {
            console.warn('WebGL map failed to update; drawing the map as SVG:', e);
            if (!cancelled) setRenderer('svg');
          }
        });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        // The map still shows, drawn as SVG, instead of an error.
        console.warn('WebGL map failed to start; drawing the map as SVG:', e);
        setRenderer('svg');
      });
    return () => {
      cancelled = true;
      unsubscribe?.();
      if (adapter) onSnapshot?.(null);
      adapter?.destroy();
      adapterRef.current = null;
      setReady(false);
    };
  }, [store, palette, loadLib, onSnapshot, renderer]);

  const lang = useStore(store, (s) => s.lang);
  const still = useStore(store, (s) => s.display.static);
  const t = (key: 'map.zoomIn' | 'map.zoomOut' | 'map.reset') => translate(lang, key);
  const controls = (): MapControls | null => (renderer === 'svg' ? svgControls.current : adapterRef.current);
  return (
    <div className="byru-map-wrap">
      {renderer === 'svg' ? (
        <div key="svg" className="byru-map" data-testid="map" data-map-state="idle" data-renderer="svg">
          <SvgMapView store={store} palette={palette} controls={svgControls} onSnapshot={onSnapshot} />
        </div>
      ) : (
        <div key="webgl" className="byru-map" ref={ref} data-testid="map" data-map-state="loading" />
      )}
      {(ready || renderer === 'svg') && !still && (
        <div className="byru-zoom" role="group">
          <button
            type="button"
            onClick={() => controls()?.zoomIn()}
            aria-label={t('map.zoomIn')}
            title={t('map.zoomIn')}
          >
            +
          </button>
          <button
            type="button"
            onClick={() => controls()?.zoomOut()}
            aria-label={t('map.zoomOut')}
            title={t('map.zoomOut')}
          >
            −
          </button>
          <button type="button" onClick={() => controls()?.fitAll()} aria-label={t('map.reset')} title={t('map.reset')}>
            ⤢
          </button>
        </div>
      )}
    </div>
  );
}
