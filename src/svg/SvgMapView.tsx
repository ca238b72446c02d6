import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useStore } from 'zustand';
import { project } from '../data/projection';
import { translate } from '../i18n/translate';
import { projectedBounds } from '../scene/view/camera';
import type { AppStore } from '../state/createAppStore';
import type { Palette } from '../scene/palette';
import type { Feature, Geometry, Position } from 'geojson';
import type { DebugApi } from '../scene/view/debugApi';
import { positionsOf } from '../scene/view/camera';
import { fitCamera, screenOf, type Size } from './geometry';
import { SvgMap, type SvgMapControls } from './SvgMap';
import { svgSnapshot } from './svgSnapshot';

export interface SvgMapViewProps {
  store: AppStore;
  palette: Palette;
  controls?: Ref<SvgMapControls | null>;
  /** Receives a snapshot function for the image export (null when the map goes). */
  onSnapshot?: (snapshot: ((scale: number) => Promise<HTMLCanvasElement>) | null) => void;
  /** The map area's size, when the parent has measured it (the picture is then built at once). */
  size?: Size;
}

/**
 * The SVG map bound to an instance's store: the same view description feeds it as feeds the WebGL
 * adapter (`store.derived.view`). With `?debug=1` it publishes the same `window.byruDebug` as the
 * WebGL map, so browser tests can drive either.
 */
export function SvgMapView({ store, palette, controls, onSnapshot, size }: SvgMapViewProps) {
  const scene = useStore(store, store.derived.scene);
  const view = useStore(store, (s) => store.derived.view(s, palette));
  const lang = useStore(store, (s) => s.lang);
  const year = useStore(store, (s) => s.year);
  const hover = useStore(store, (s) => s.hover);
  const debug = useStore(store, (s) => s.debug);
  const still = useStore(store, (s) => s.display?.static === true);
  const embed = useStore(store, (s) => s.display?.embed === true);
  const fit = useStore(store, (s) => s.fit);
  // Story steps frame geographic bounds; the SVG map frames the same projected box as the WebGL map.
  const fitFrame = useMemo(() => (fit ? { bounds: fit.bounds ? projectedBounds(fit.bounds) : null } : null), [fit]);
  // A selection frames itself and its partners (the view's `frame`); clearing it shows all again.
  // Whichever request came last wins, as on the WebGL map.
  const focus = view?.frame ?? null;
  // A selection given in the address is framed from the first view on.
  const [frame, setFrame] = useState(() => (focus ? { bounds: focus } : fitFrame));
  const [lastFit, setLastFit] = useState(fitFrame);
  const [lastFocus, setLastFocus] = useState(focus);
  if (fitFrame !== lastFit) {
    setLastFit(fitFrame);
    setFrame(fitFrame);
  }
  if (focus !== lastFocus) {
    setLastFocus(focus);
    setFrame({ bounds: focus });
  }
  const label = translate(lang, 'map.label', { year });
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = holder.current;
    if (!onSnapshot || !el || !scene) return;
    onSnapshot((scale) => {
      const svg = el.querySelector('svg');
      return svg ? svgSnapshot(svg, scale) : Promise.reject(new Error('the SVG map is not drawn'));
    });
    return () => onSnapshot(null);
  }, [onSnapshot, scene]);

  useEffect(() => {
    const el = holder.current;
    if (!debug || !el || !scene) return;
    const svg = (): SVGSVGElement | null => el.querySelector('svg');
    /** A scene position (MapLibre lon/lat) in CSS px relative to the picture, or null before it is drawn. */
    const toScreen = (): ((p: Position) => [number, number]) | null => {
      const s = svg();
      const r = s?.getBoundingClientRect();
      const vb = s?.viewBox.baseVal;
      if (!s || !r || !vb?.width) return null;
      // The picture is drawn at its own size and scaled to the box (preserveAspectRatio meet).
      const scale = Math.min(r.width / vb.width, r.height / vb.height);
      const offX = (r.width - vb.width * scale) / 2;
      const offY = (r.height - vb.height * scale) / 2;
      const [k, tx, ty] = (s.dataset.camera ?? '').split(' ').map(Number);
      const cam = k
        ? { k, tx: tx ?? 0, ty: ty ?? 0 }
        : fitCamera(scene.base.bounds, { width: vb.width, height: vb.height });
      return (p) => {
        const [x, y] = screenOf(cam, p);
        return [offX + x * scale, offY + y * scale];
      };
    };
    /** Rings of a source's features in CSS px, by `code` (a point is one ring of one position). */
    const shapesOf = (
      features: readonly Feature<Geometry, { code: string }>[],
    ): Record<string, [number, number][][]> => {
      const at = toScreen();
      const out: Record<string, [number, number][][]> = {};
      if (!at) return out;
      for (const f of features) {
        const g = f.geometry;
        const rings: Position[][] =
          g.type === 'Polygon'
            ? g.coordinates
            : g.type === 'MultiPolygon'
              ? g.coordinates.flat()
              : [[...positionsOf(g)]];
        out[f.properties.code] = rings.map((ring) => ring.map(at));
      }
      return out;
    };
    const api: DebugApi = {
      pixelOf: (lon: number, lat: number): [number, number] => toScreen()?.(project(lon, lat)) ?? [NaN, NaN],
      regionAt: (x: number, y: number): string | null => {
        const r = svg()?.getBoundingClientRect();
        if (!r) return null;
        const hit = document.elementFromPoint(r.left + x, r.top + y)?.closest<SVGElement>('[data-city],[data-region]');
        return hit?.dataset.city ?? hit?.dataset.region ?? null;
      },
      linksShown: (): string[] =>
        [...el.querySelectorAll<SVGElement>('[data-link]')].map((p) => p.dataset.link ?? '').sort(),
      partnersShown: (): string[] =>
        [...new Set([...el.querySelectorAll<SVGElement>('[data-partner]')].map((p) => p.dataset.partner ?? ''))].sort(),
      insetShapes: () => shapesOf(scene.inset.regions.features),
      insetTargets: () => shapesOf(scene.inset.targets.features),
      insetLabels: () => {
        const out: Record<string, { text: string; size: number }> = {};
        for (const t of el.querySelectorAll<SVGTextElement>('[data-layer="inset-labels"] [data-label]'))
          out[t.dataset.label ?? ''] = { text: t.textContent ?? '', size: Number(t.getAttribute('font-size')) };
        return out;
      },
    };
    window.byruDebug = api;
    return () => {
      if (window.byruDebug === api) delete window.byruDebug;
    };
  }, [debug, scene]);

  if (!scene || !view) return null;
  return (
    <div ref={holder} className="byru-svgmap-holder">
      <SvgMap
        view={view}
        bounds={scene.base.bounds}
        label={label}
        hover={hover}
        interactive={!still}
        cooperative={embed}
        controls={controls}
        frame={frame}
        size={size}
        onSelect={(id) => store.getState().select(id)}
        onHover={(id) => store.getState().setHover(id)}
      />
    </div>
  );
}
