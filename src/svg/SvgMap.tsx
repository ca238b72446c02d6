import {
  memo,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent,
  type Ref,
} from 'react';
import type { MapCamera } from '../scene/view/camera';
import type { ViewDescription } from '../scene/view/describeView';
import { buildSvgMap, type SvgCircle, type SvgLabel, type SvgPath } from './buildSvgMap';
import type { Geometry } from 'geojson';
import { cachedPathData, fitCamera, panCamera, sceneAt, zoomCamera, zoomOf, type Camera, type Size } from './geometry';
import { lineBaseline, SVG_LABEL_FONT } from './labels';

/** One tile of the view's diagonal hatch (lines x + y = 0, size, 2·size), the WebGL map's hatch image as SVG. */
const hatchPath = (n: number): string => `M-1 1L1 -1M0 ${n}L${n} 0M${n - 1} ${n + 1}L${n + 1} ${n - 1}`;

/** What the zoom buttons beside the map can ask of it (the WebGL adapter offers the same). */
export interface MapControls {
  zoomIn: () => void;
  zoomOut: () => void;
  fitAll: () => void;
}

/** The SVG map's controls, plus where it is looking: the WebGL map opens there when it takes over. */
export interface SvgMapControls extends MapControls {
  /** The camera, or null while the reader is dragging the map (not a moment to swap pictures). */
  camera: () => MapCamera | null;
}

export interface SvgMapProps {
  /** The view both maps draw (its hover outline included). */
  view: ViewDescription;
  /** The default view's bounds (scene lon/lat): the whole map. */
  bounds: [[number, number], [number, number]];
  /** Accessible name of the picture (the same text as the WebGL canvas' label). */
  label: string;
  /** Region or city under the pointer (reported through `onHover`; the pointer shows a hand over it). */
  hover?: string | null;
  /** A click on a region or city (its id), or on the sea (null). */
  onSelect?: (id: string | null) => void;
  onHover?: (id: string | null) => void;
  /** False: no pan, zoom or click (a static embed). */
  interactive?: boolean;
  /** Embeds: the wheel scrolls the page; Ctrl/⌘ + wheel zooms the map (as MapLibre's cooperative gestures). */
  cooperative?: boolean;
  /** Receives zoom in / out / whole map. */
  controls?: Ref<SvgMapControls | null>;
  /** The size the parent measured for this box: the picture is built at once, not after a measurement. */
  size?: Size;
  /**
   * A framing request (a new object each time, as the store's `fit`): scene bounds to show, or null
   * for the whole map. The reader can still move the map afterwards.
   */
  frame?: { bounds: [[number, number], [number, number]] | null } | null;
}

/** Size before the first measurement (and in environments without layout, such as jsdom). */
const DEFAULT_SIZE: Size = { width: 960, height: 600 };
/** Pointer travel (px) below which a press is a click, not a drag. */
const DRAG_SLOP = 4;

function placeOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const hit = target.closest<SVGElement>('[data-city],[data-region]');
  return hit?.dataset.city ?? hit?.dataset.region ?? null;
}

/** Same drawn values (the model is rebuilt each view, so its objects are new even when nothing changed). */
function sameValues<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const ka = Object.keys(a) as (keyof T)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = a[k];
    const y = b[k];
    return x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]));
  });
}

/** A year step redraws only the elements whose look changed: the rest of the picture is not re-rendered. */
const sameElement = <P extends { idPrefix?: string; interactive?: boolean; camera?: Camera }>(
  a: P,
  b: P,
  item: (p: P) => object,
): boolean =>
  a.idPrefix === b.idPrefix && a.interactive === b.interactive && a.camera === b.camera && sameValues(item(a), item(b));

const Path = memo(PathElement, (a, b) => sameElement(a, b, (x) => x.p));
const Circle = memo(CircleElement, (a, b) => sameElement(a, b, (x) => x.c));
const Label = memo(LabelElement, (a, b) => sameValues(a.l, b.l));
const Shape = memo(ShapeElement);

/**
 * Each element writes its own path data (remembered per geometry and camera): the first picture is
 * built in many small pieces that React can spread over several tasks, not in one long one.
 */
function ShapeElement({ id, shape, camera }: { id: string; shape: Geometry; camera: Camera }) {
  return <path id={id} d={cachedPathData(shape, camera)} />;
}

function PathElement({
  p,
  idPrefix,
  interactive,
  camera,
}: {
  p: SvgPath;
  idPrefix: string;
  interactive: boolean;
  camera: Camera;
}) {
  const Tag = p.href ? 'use' : 'path';
  return (
    <Tag
      d={p.shape ? cachedPathData(p.shape, camera) : undefined}
      href={p.href ? `#${idPrefix}-${p.href}` : undefined}
      fill={p.hatch ? `url(#${idPrefix}-hatch)` : (p.fill ?? 'none')}
      fillOpacity={p.fillOpacity}
      stroke={p.stroke}
      strokeWidth={p.strokeWidth}
      strokeOpacity={p.strokeOpacity}
      strokeDasharray={p.dash?.join(' ')}
      strokeLinecap={p.cap}
      strokeLinejoin={p.join}
      data-region={p.region}
      data-link={p.link}
      data-partner={p.partner}
      pointerEvents={interactive && p.region ? undefined : 'none'}
    />
  );
}

function CircleElement({ c, interactive }: { c: SvgCircle; interactive: boolean }) {
  return (
    <circle
      cx={c.cx}
      cy={c.cy}
      r={c.r}
      fill={c.fill}
      stroke={c.stroke}
      strokeWidth={c.strokeWidth}
      data-city={c.city}
      data-region={c.region}
      data-forum={c.forum}
      pointerEvents={interactive && (c.city || c.region) ? undefined : 'none'}
    />
  );
}

function LabelElement({ l }: { l: SvgLabel }) {
  return (
    <text
      fontSize={l.size}
      fill={l.fill}
      stroke={l.halo}
      strokeWidth={l.haloWidth * 2}
      strokeLinejoin="round"
      paintOrder="stroke"
      data-label={l.id}
      pointerEvents="none"
    >
      {l.lines.map((line, i) => (
        <tspan key={line} x={l.x} y={lineBaseline(l, i)}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * The map drawn as SVG from the same scene and style as the WebGL map: the fallback where WebGL is
 * missing. Regions and cities answer the mouse (keyboard users choose them through the search box
 * and the data table); the picture pans by dragging and zooms with the buttons beside it.
 */
export function SvgMap({
  view,
  bounds,
  label,
  hover = null,
  onSelect,
  onHover,
  interactive = true,
  cooperative = false,
  controls,
  size: given,
  frame = null,
}: SvgMapProps) {
  const box = useRef<HTMLDivElement>(null);
  // null until measured (unless the parent measured it): the picture is built once, at the size it is
  // shown (not first at a guess).
  const [measured, setMeasured] = useState<Size | null>(given ?? null);
  const size = measured ?? DEFAULT_SIZE;
  // null: not moved by the reader, so the picture fits (below) and refits to every size.
  const [camera, setCamera] = useState<Camera | null>(null);
  const [drag, setDrag] = useState<[number, number] | null>(null);
  const press = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  // Ids are per instance: two maps on one page must not share a pattern or a shape.
  const idPrefix = `byru${useId().replace(/[^\w-]/g, '')}`;

  // Measured by a ResizeObserver, which reports after the browser's layout (reading the box in a layout
  // effect would force that layout into React's commit). A size the parent measured builds the picture
  // at once; without one, the picture follows the measurement by a frame.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = (width: number, height: number, fallback: Size | null): void => {
      const next = width > 0 && height > 0 ? { width: Math.round(width), height: Math.round(height) } : fallback;
      if (next) setMeasured((s) => (s && s.width === next.width && s.height === next.height ? s : next));
    };
    if (typeof ResizeObserver === 'undefined') {
      // Without layout (jsdom) or while hidden, the initial size stands in.
      const { width, height } = el.getBoundingClientRect();
      measure(width, height, DEFAULT_SIZE);
      return;
    }
    const observer = new ResizeObserver(([entry]) => {
      if (entry) measure(entry.contentRect.width, entry.contentRect.height, null);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // What the camera fits while the reader has not moved the map: a framing request's bounds, else all.
  const [framed, setFramed] = useState<[[number, number], [number, number]] | null>(frame?.bounds ?? null);
  const [lastFrame, setLastFrame] = useState(frame);
  if (frame !== lastFrame) {
    setLastFrame(frame);
    if (frame) {
      setFramed(frame.bounds);
      setCamera(null);
    }
  }
  const fitted = useMemo(() => fitCamera(framed ?? bounds, size), [framed, bounds, size]);

  const model = useMemo(
    () => (measured ? buildSvgMap({ view, bounds, size: measured, camera: camera ?? fitted }) : null),
    [view, bounds, measured, camera, fitted],
  );

  // The wheel zooms about the pointer. A non-passive listener (React's onWheel is passive), so the
  // page does not scroll while the map zooms.
  const svgRef = useRef<SVGSVGElement>(null);
  const cameraNow = useRef<Camera>(camera ?? fitted);
  useLayoutEffect(() => {
    cameraNow.current = camera ?? fitted;
  });
  const drawn = model !== null;
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !interactive) return;
    const onWheel = (e: WheelEvent): void => {
      if (cooperative && !e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      const vb = svg.viewBox.baseVal;
      const at: [number, number] =
        r.width > 0 && r.height > 0 && vb?.width
          ? [((e.clientX - r.left) * vb.width) / r.width, ((e.clientY - r.top) * vb.height) / r.height]
          : [size.width / 2, size.height / 2];
      // Lines (deltaMode 1) are about 16 px; one notch (≈ 100 px) zooms by about 1.26×.
      const px = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      const factor = 2 ** Math.max(-1, Math.min(1, -px / 300));
      setCamera(zoomCamera(cameraNow.current, factor, at));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [interactive, cooperative, size, drawn]);

  useImperativeHandle(controls, () => {
    const centre: [number, number] = [size.width / 2, size.height / 2];
    const current = camera ?? fitted;
    return {
      zoomIn: () => setCamera(zoomCamera(current, 2, centre)),
      zoomOut: () => setCamera(zoomCamera(current, 0.5, centre)),
      fitAll: () => {
        setFramed(null);
        setCamera(null);
      },
      camera: () =>
        press.current?.moved
          ? null
          : { center: sceneAt(current, size.width / 2, size.height / 2), zoom: zoomOf(current) },
    };
  }, [camera, fitted, size]);

  /** A point of the page in the picture's units (the viewBox), where zoom and pan work. */
  const toView = (clientX: number, clientY: number): [number, number] => {
    const svg = svgRef.current;
    const r = svg?.getBoundingClientRect();
    const vb = svg?.viewBox.baseVal;
    if (!r || !vb?.width || r.width <= 0 || r.height <= 0) return [clientX, clientY];
    return [((clientX - r.left) * vb.width) / r.width, ((clientY - r.top) * vb.height) / r.height];
  };
  // Fingers on the map, for the pinch: two of them zoom about their midpoint and pan as it moves.
  const fingers = useRef(new Map<number, [number, number]>());
  const pinch = useRef<{ camera: Camera; mid: [number, number]; distance: number } | null>(null);
  const pinchNow = (): { mid: [number, number]; distance: number } | null => {
    const [a, b] = [...fingers.current.values()];
    if (!a || !b) return null;
    return { mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], distance: Math.hypot(a[0] - b[0], a[1] - b[1]) };
  };

  const onPointerDown = (e: PointerEvent<SVGSVGElement>): void => {
    if (!interactive || e.button !== 0) return;
    if (e.pointerType === 'touch') {
      fingers.current.set(e.pointerId, toView(e.clientX, e.clientY));
      // Capture, so a finger that slides off the map keeps moving it (and its lift is seen).
      e.currentTarget.setPointerCapture?.(e.pointerId);
      const now = fingers.current.size === 2 ? pinchNow() : null;
      if (now && now.distance > 0) {
        // A second finger: the drag so far becomes the pinch's start; no click follows.
        const start = drag && model ? panCamera(model.camera, drag[0], drag[1]) : cameraNow.current;
        setDrag(null);
        pinch.current = { camera: start, ...now };
        press.current = { x: e.clientX, y: e.clientY, moved: true };
        return;
      }
    }
    press.current = { x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): void => {
    if (e.pointerType === 'touch' && fingers.current.has(e.pointerId)) {
      fingers.current.set(e.pointerId, toView(e.clientX, e.clientY));
      const start = pinch.current;
      const now = start ? pinchNow() : null;
      if (start && now) {
        const zoomed = zoomCamera(start.camera, now.distance / start.distance, start.mid);
        setCamera(panCamera(zoomed, now.mid[0] - start.mid[0], now.mid[1] - start.mid[1]));
        return;
      }
      if (start) return; // one finger left after a pinch: it does not drag until lifted
    }
    const p = press.current;
    if (p && (e.buttons & 1) === 1) {
      const dx = e.clientX - p.x;
      const dy = e.clientY - p.y;
      if (p.moved || Math.hypot(dx, dy) > DRAG_SLOP) {
        p.moved = true;
        setDrag([dx, dy]);
        return;
      }
    }
    if (!interactive) return;
    const id = placeOf(e.target);
    if (id !== hover) onHover?.(id);
  };
  const endDrag = (): void => {
    const p = press.current;
    press.current = null;
    if (p?.moved && drag && model) setCamera(panCamera(model.camera, drag[0], drag[1]));
    setDrag(null);
  };
  /** A finger lifted (or taken by the browser): the pinch ends when fewer than two remain. */
  const liftFinger = (e: PointerEvent<SVGSVGElement>): boolean => {
    if (e.pointerType !== 'touch') return false;
    fingers.current.delete(e.pointerId);
    if (!pinch.current) return false;
    if (fingers.current.size === 0) {
      pinch.current = null;
      press.current = null;
    }
    return true;
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>): void => {
    if (liftFinger(e)) return;
    const p = press.current;
    endDrag();
    // A tap: the element under the finger (a captured pointer reports the map itself as its target).
    const target = e.pointerType === 'touch' ? document.elementFromPoint(e.clientX, e.clientY) : e.target;
    if (interactive && p && !p.moved) onSelect?.(placeOf(target));
  };
  const onPointerCancel = (e: PointerEvent<SVGSVGElement>): void => {
    if (liftFinger(e)) return;
    endDrag();
  };
  const onPointerLeave = (e: PointerEvent<SVGSVGElement>): void => {
    if (e.pointerType !== 'touch') endDrag();
    if (interactive && hover) onHover?.(null);
  };

  if (!model) return <div ref={box} className="byru-svgmap" />;
  return (
    <div ref={box} className="byru-svgmap">
      <svg
        ref={svgRef}
        xmlns="http://www.w3.org/2000/svg"
        role="img"
        aria-label={label}
        width="100%"
        height="100%"
        viewBox={`0 0 ${model.width} ${model.height}`}
        preserveAspectRatio="xMidYMid meet"
        fontFamily={SVG_LABEL_FONT}
        textAnchor="middle"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        onPointerLeave={onPointerLeave}
        style={{
          cursor: hover ? 'pointer' : drag ? 'grabbing' : undefined,
          // The map's own pinch and drag (above), not the page's zoom; an embed leaves one-finger scrolling
          // to the page it sits in.
          touchAction: !interactive ? 'auto' : cooperative ? 'pan-x pan-y' : 'none',
        }}
        data-zoom={model.zoom.toFixed(2)}
        data-camera={`${model.camera.k} ${model.camera.tx} ${model.camera.ty}`}
      >
        <defs>
          <pattern
            id={`${idPrefix}-hatch`}
            width={model.hatch.size}
            height={model.hatch.size}
            patternUnits="userSpaceOnUse"
          >
            <path
              d={hatchPath(model.hatch.size)}
              stroke={model.hatch.colour}
              strokeOpacity={model.hatch.opacity}
              strokeWidth={model.hatch.width}
            />
          </pattern>
          {model.shapes.map((s) => (
            <Shape key={s.id} id={`${idPrefix}-${s.id}`} shape={s.shape} camera={model.camera} />
          ))}
        </defs>
        <rect width={model.width} height={model.height} fill={model.background} />
        <g transform={drag ? `translate(${drag[0]} ${drag[1]})` : undefined}>
          {model.layers.map((layer) => (
            <g key={layer.id} data-layer={layer.id}>
              {layer.paths.map((p, i) => (
                <Path
                  key={p.region ?? p.link ?? i}
                  p={p}
                  idPrefix={idPrefix}
                  interactive={interactive}
                  camera={model.camera}
                />
              ))}
              {layer.circles.map((c, i) => (
                <Circle key={c.city ?? c.forum ?? i} c={c} interactive={interactive} />
              ))}
              {layer.labels.map((l) => (
                <Label key={l.id} l={l} />
              ))}
            </g>
          ))}
        </g>
      </svg>
    </div>
  );
}
