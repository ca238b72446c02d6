/**
 * What both maps publish on `window.byruDebug` with `?debug=1` (the WebGL adapter and the SVG map
 * alike), so browser tests can drive and measure either. Positions are CSS px relative to the map.
 */
export interface DebugApi {
  pixelOf: (lon: number, lat: number) => [number, number];
  regionAt: (x: number, y: number) => string | null;
  /** Ids of the link arcs drawn in the current frame (any part on screen), sorted. */
  linksShown: () => string[];
  /** Ids of the partner arcs drawn (one per Russian subject and origin), sorted. */
  partnersShown: () => string[];
  /** Rings (CSS px) of the inset's regions, by region code. */
  insetShapes: () => Record<string, [number, number][][]>;
  /** The inset's tap targets (CSS px, `[[[x, y]]]`), by region code. */
  insetTargets: () => Record<string, [number, number][][]>;
  /** The inset's labels drawn: text and font size (px), by region code. */
  insetLabels: () => Record<string, { text: string; size: number }>;
}

declare global {
  interface Window {
    byruDebug?: DebugApi;
  }
}
