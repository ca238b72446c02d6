import type { FeatureCollection, LineString, Position } from 'geojson';
import { mercatorLngLatToWorld, worldToMercatorLngLat } from '../data/projection';
import type { BaseScene } from './baseScene';
import { buildInset, toInset, type InsetPlacement, type InsetScene } from './inset';
import type { LinkKind } from '../data/types';
import { arcBend, KIND_STRENGTH } from './linkKinds';
import type { ArcProps, LinkScene } from './linkScene';

/**
 * One partner arc in one kind's look: from Belarus (`origin` BY) or from one of its regions to one
 * Russian subject. A pair has one feature per kind of tie it ever has, all on the same line and with
 * the same `id` (so they share one feature state); the state's strongest kind picks the one drawn.
 */
export interface PartnerProps {
  /** `origin>partner`: the pair (the features of one pair share it, and its feature state). */
  id: string;
  /** `BY` (all of Belarus, the default view) or a Belarusian region code (while it is selected). */
  origin: string;
  /** The Russian subject's code. */
  partner: string;
  /** The kind whose look this feature has. */
  kind: LinkKind;
}

/** Everything the maps draw: the geography, the links, the inset and the partner arcs. */
export interface MapScene {
  base: BaseScene;
  links: LinkScene;
  inset: InsetScene;
  partners: FeatureCollection<LineString, PartnerProps>;
}

/** Origin of the partner arcs that stand for all of Belarus. */
export const ALL_BELARUS = 'BY';

const SEGMENTS = 32;
const round = (v: number): number => Math.round(v * 1e6) / 1e6;

/** A quadratic arc between two points of the world square (bend: a fraction of the chord), as scene positions. */
export function worldArc(a: [number, number], b: [number, number], bend: number): Position[] {
  const [x0, y0] = a;
  const [x2, y2] = b;
  const cx = (x0 + x2) / 2 - (y2 - y0) * bend;
  const cy = (y0 + y2) / 2 + (x2 - x0) * bend;
  const out: Position[] = [];
  for (let i = 0; i <= SEGMENTS; i++) {
    const t = i / SEGMENTS;
    const u = 1 - t;
    const [lng, lat] = worldToMercatorLngLat(
      u * u * x0 + 2 * u * t * cx + t * t * x2,
      u * u * y0 + 2 * u * t * cy + t * t * y2,
    );
    out.push([round(lng), round(lat)]);
  }
  return out;
}

const world = (p: Position): [number, number] => mercatorLngLatToWorld(p[0] ?? 0, p[1] ?? 0);

/** Where the ray from the box's centre towards `p` leaves the box (world square). */
export function exitPoint([x0, y0, x1, y1]: [number, number, number, number], p: [number, number]): [number, number] {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const dx = p[0] - cx;
  const dy = p[1] - cy;
  const sx = dx === 0 ? Infinity : (x1 - cx) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (y1 - cy) / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return [cx + dx * s, cy + dy * s];
}

const isBelarusian = (region: string): boolean => region.startsWith('BY');

/**
 * The scene both maps draw: Belarus's end of every link moved into the inset (Belarus's regions are
 * named there); one partner arc per Belarusian origin and Russian subject (a feature per kind of tie,
 * see {@link PartnerProps}); the default framing widened to hold the inset. Pure; built once per
 * geography and dataset (a year step changes feature states only).
 */
export function composeScene(base: BaseScene, links: LinkScene, placement: InsetPlacement = 'wide'): MapScene {
  const inset = buildInset(base, placement);
  const t = inset.transform;

  const pairs = new Map<string, number>();
  const arcs: LinkScene['arcs']['features'] = links.arcs.features.map((f) => {
    const c = f.geometry.coordinates;
    const a = c[0];
    const b = c[c.length - 1];
    if (!a || !b) return f;
    // Belarus's end is the link's `from` (see data/types.ts): drawn from the inset.
    const start = toInset(t, a);
    const key = `${start.join()}|${b.join()}|${f.properties.kind}`;
    const nth = pairs.get(key) ?? 0;
    pairs.set(key, nth + 1);
    return {
      ...f,
      geometry: { type: 'LineString', coordinates: worldArc(world(start), world(b), arcBend(f.properties.kind, nth)) },
    };
  });

  const labelAt = new Map(base.labels.features.map((f) => [f.properties.code, f.geometry.coordinates]));
  // Per pair, the kinds of tie it has in any year (a year step only picks the one drawn).
  const pairKinds = new Map<string, { origin: string; partner: string; kinds: Set<LinkKind> }>();
  const origins = (a: ArcProps): string[] =>
    isBelarusian(a.fromRegion) && a.fromRegion !== 'BY-GOV' ? [ALL_BELARUS, a.fromRegion] : [ALL_BELARUS];
  for (const { properties: a } of links.arcs.features)
    for (const origin of origins(a)) {
      const id = `${origin}>${a.toRegion}`;
      const pair = pairKinds.get(id) ?? { origin, partner: a.toRegion, kinds: new Set<LinkKind>() };
      pair.kinds.add(a.kind);
      pairKinds.set(id, pair);
    }
  const lines: MapScene['partners']['features'] = [];
  for (const [id, { origin, partner, kinds }] of pairKinds) {
    const end = labelAt.get(partner);
    if (!end) continue;
    const to = world(end);
    const from = origin === ALL_BELARUS ? exitPoint(inset.box, to) : world(toInset(t, labelAt.get(origin) ?? end));
    const geometry: LineString = { type: 'LineString', coordinates: worldArc(from, to, 0.15) };
    for (const kind of kinds) lines.push({ type: 'Feature', id, properties: { id, origin, partner, kind }, geometry });
  }
  // Weakest kind first, so where arcs cross the strongest are drawn on top (a stable sort keeps the
  // pairs in the order of the links).
  const strength = (f: MapScene['partners']['features'][number]): number => KIND_STRENGTH.indexOf(f.properties.kind);
  const partners: MapScene['partners'] = {
    type: 'FeatureCollection',
    features: lines.sort((a, b) => strength(b) - strength(a)),
  };

  const [[w, s], [e, n]] = base.bounds;
  const [[iw, is], [ie, inn]] = inset.bounds;
  return {
    base: {
      ...base,
      // Belarus's regions are named in the inset (short names, see `buildInset`), not on the real Belarus.
      labels: { ...base.labels, features: base.labels.features.filter((f) => f.properties.country !== 'BY') },
      bounds: [
        [Math.min(w, iw), Math.min(s, is)],
        [Math.max(e, ie), Math.max(n, inn)],
      ],
    },
    links: {
      arcs: { ...links.arcs, features: arcs },
      // Belarus's cities keep their real place (their markers are not drawn: a link leaves from the
      // city's place in the inset, and a marker there would hide Minsk City, a few pixels wide).
      cities: links.cities,
      // The Forums' rings stay at their real host cities: in the inset a ring would hide Minsk City.
      forums: links.forums,
    },
    inset,
    partners,
  };
}
