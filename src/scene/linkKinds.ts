import { scaleThreshold } from 'd3-scale';
import type { LinkKind } from '../data/types';
import type { Theme } from './palette';

/**
 * How one link kind looks, wherever it is drawn: the WebGL and SVG maps (through the view
 * description), the kind filters and the legend (swatch), the share dialog and the PNG legend.
 * Kinds differ by dash and width as well as colour, so they stay apart without colour vision.
 */
export interface LinkLook {
  /** Line colour per theme (`tests/unit/contrast.test.ts` keeps kinds apart under colour-vision deficiencies). */
  colour: Record<Theme, string>;
  /** Line width on the map (CSS px); links signed in the shown year are drawn {@link NEW_WIDTH_FACTOR}× as wide. */
  width: number;
  /** Dash pattern in line widths (MapLibre's unit), or null for a solid line. */
  dash: readonly number[] | null;
  /** Line ends: round ends turn a fine dash into dots. */
  cap: 'butt' | 'round';
  /** Bend of an arc as a fraction of its chord (the sign picks the side), so kinds between the same places part. */
  bend: number;
}

/** The one table of link looks. Adding a kind: a row here, the dataset schema and the three catalogues. */
export const LINK_LOOK: Record<LinkKind, LinkLook> = {
  agreement: {
    colour: { light: '#7a2e8e', dark: '#d59bf0', projector: '#5e1a78' },
    width: 2.2,
    dash: null,
    cap: 'butt',
    bend: 0.18,
  },
  sister: {
    colour: { light: '#c4461b', dark: '#ff9b6a', projector: '#b23a00' },
    width: 1.6,
    dash: [3, 2],
    cap: 'butt',
    bend: -0.22,
  },
  project: {
    colour: { light: '#0a7f7a', dark: '#4fd1c5', projector: '#00665e' },
    width: 2.6,
    dash: [0.6, 1.6],
    cap: 'round',
    bend: 0.3,
  },
  // A standing joint body (working group, council, commission): dash-dot, near-black / violet.
  body: {
    colour: { light: '#000022', dark: '#8866ff', projector: '#5500cc' },
    width: 1.8,
    dash: [4, 1.5, 0.8, 1.5],
    cap: 'butt',
    bend: -0.12,
  },
};

/** Width factor of links signed in the shown year. */
export const NEW_WIDTH_FACTOR = 2;

/** The same line drawn small: a legend swatch or a PNG legend sample, in px. */
export interface LineSample {
  width: number;
  /** Dash lengths in px, or null for solid. */
  dash: number[] | null;
  cap: 'butt' | 'round';
}

/** Width of a sample line relative to the map line: samples are short, so a little heavier. */
const SAMPLE_SCALE = 1.2;

/** A kind's line as a sample (legend swatch, share dialog, PNG legend): the map's dash, scaled to its width. */
export function lineSample(kind: LinkKind): LineSample {
  const look = LINK_LOOK[kind];
  const width = Math.round(look.width * SAMPLE_SCALE * 10) / 10;
  return {
    width,
    dash: look.dash ? look.dash.map((d) => Math.round(d * width * 10) / 10) : null,
    cap: look.cap,
  };
}

/** Bend of the n-th arc of a kind between the same two places (fraction of the chord). */
export function arcBend(kind: LinkKind, nth: number): number {
  return LINK_LOOK[kind].bend * (1 + 0.45 * nth);
}

/**
 * Kinds from the strongest tie to the weakest: the one order the partner arcs' style and the
 * choropleth of Russian subjects read. An agreement binds two administrations; a standing joint body
 * meets regularly under one; a joint project is one undertaking; sister cities tie two towns.
 */
export const KIND_STRENGTH: readonly LinkKind[] = ['agreement', 'body', 'project', 'sister'];

/** The strongest of some kinds (by {@link KIND_STRENGTH}), or null for none. */
export function strongestKind(kinds: Iterable<LinkKind>): LinkKind | null {
  let best: number | null = null;
  for (const k of kinds) {
    const i = KIND_STRENGTH.indexOf(k);
    if (i >= 0 && (best === null || i < best)) best = i;
  }
  return best === null ? null : (KIND_STRENGTH[best] ?? null);
}

/** Ties per partner arc at which its width steps up: 1, 2, 3–4, 5–9, 10 or more. */
export const PARTNER_BREAKS = [1, 2, 3, 5, 10] as const;

/**
 * Width (CSS px) of a partner arc, the one arc drawn per Russian subject, from the number of its ties:
 * a step per class of {@link PARTNER_BREAKS} (steps read apart on a map where a smooth scale does not,
 * and one subject with many ties cannot swamp the map).
 */
export const partnerWidth = scaleThreshold<number, number>()
  .domain([...PARTNER_BREAKS])
  .range([0, 1.6, 2.6, 3.6, 5, 6.5]);
