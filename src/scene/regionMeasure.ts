import { scaleThreshold } from 'd3-scale';
import { BY_GOVERNMENT, type LinkKind } from '../data/types';
import { KIND_STRENGTH } from './linkKinds';
import type { ArcProps } from './linkScene';

/** Count breaks of the choropleth: class 1 = 1 link, 2 = 2, 3 = 3–4, 4 = 5–9, 5 = 10 or more. */
export const COUNT_BREAKS = [1, 2, 3, 5, 10] as const;

/** Class of a region: `none` (nothing recorded in any year) is not the same as a count of 0. */
export type RegionClass = 'none' | 0 | 1 | 2 | 3 | 4 | 5;

/** Count → class: below 1 is 0, then one class per break (a count at a break takes that break's class). */
const countClass = scaleThreshold<number, Exclude<RegionClass, 'none'>>()
  .domain([...COUNT_BREAKS])
  .range([0, 1, 2, 3, 4, 5]);

/** Choropleth class of a number of links (0 for none). */
export function classOfCount(count: number): Exclude<RegionClass, 'none'> {
  return countClass(count);
}

/** Label for a class's range, e.g. `3–4`, `10+`. */
export function classRange(cls: number): string {
  const lo = COUNT_BREAKS[cls - 1];
  const hi = COUNT_BREAKS[cls];
  if (lo === undefined) return '0';
  if (hi === undefined) return `${lo}+`;
  return hi - 1 === lo ? String(lo) : `${lo}–${hi - 1}`;
}

/**
 * Number of sourced links of each region drawn by `year` (links of the shown kinds whose start year
 * is ≤ year; a city's link counts for the city's region; the Government of Belarus is no region).
 */
export function countLinksByRegion(
  arcs: readonly ArcProps[],
  year: number,
  kinds: readonly LinkKind[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of arcs) {
    if (a.start > year || !kinds.includes(a.kind)) continue;
    for (const r of new Set([a.fromRegion, a.toRegion])) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return counts;
}

/** Regions with at least one link of the shown kinds in any year. */
export function regionsWithRecords(arcs: readonly ArcProps[], kinds: readonly LinkKind[]): Set<string> {
  const out = new Set<string>();
  for (const a of arcs) if (kinds.includes(a.kind)) out.add(a.fromRegion).add(a.toRegion);
  return out;
}

/**
 * The regions with nothing recorded (no link of the shown kinds in any year), in `codes` order: the
 * hatched regions (class 0). A year step never changes them; the shown kinds do.
 */
export function unrecordedRegions(
  codes: readonly string[],
  arcs: readonly ArcProps[],
  kinds: readonly LinkKind[],
): string[] {
  const recorded = regionsWithRecords(arcs, kinds);
  return codes.filter((c) => !recorded.has(c));
}

/**
 * Ties of a Russian subject, strongest first: an agreement with the Government of Belarus, then the
 * link kinds in {@link KIND_STRENGTH} order (an agreement here is one with a region or a city).
 */
export const TIE_RANKS = ['government', ...KIND_STRENGTH] as const;
export type TieRank = (typeof TIE_RANKS)[number];

/** The rank of a link, as it colours the Russian subject it reaches. */
export function tieRank(a: Pick<ArcProps, 'kind' | 'from'>): TieRank {
  return a.kind === 'agreement' && a.from === BY_GOVERNMENT ? 'government' : a.kind;
}

/** `cls` of a Russian subject whose strongest tie has a rank: the strongest takes the darkest ramp step (5). */
export const tieClass = (rank: TieRank): number => TIE_RANKS.length - TIE_RANKS.indexOf(rank);

/**
 * Choropleth class of every region, as the map's `cls` feature-state takes it: 0 = nothing recorded
 * in any year (hatched), {@link ZERO_SO_FAR} = records exist but none by `year` (country base
 * colour). Otherwise, for Belarus's regions the count class of {@link COUNT_BREAKS}; for Russian
 * subjects the class of the strongest tie by `year` ({@link tieClass}: 5 = an agreement with the
 * Government of Belarus … 1 = sister cities only). Links of the shown kinds only.
 */
export function regionClasses(
  codes: readonly string[],
  arcs: readonly ArcProps[],
  year: number,
  kinds: readonly LinkKind[],
): Record<string, number> {
  const counts = countLinksByRegion(arcs, year, kinds);
  const unrecorded = new Set(unrecordedRegions(codes, arcs, kinds));
  const strongest = new Map<string, number>();
  for (const a of arcs) {
    if (a.start > year || !kinds.includes(a.kind)) continue;
    strongest.set(a.toRegion, Math.max(strongest.get(a.toRegion) ?? 0, tieClass(tieRank(a))));
  }
  const out: Record<string, number> = {};
  for (const code of codes) {
    if (unrecorded.has(code)) out[code] = 0;
    else {
      const cls = code.startsWith('BY') ? classOfCount(counts.get(code) ?? 0) : (strongest.get(code) ?? 0);
      out[code] = cls === 0 ? ZERO_SO_FAR : cls;
    }
  }
  return out;
}

/** `cls` feature-state for a region with records, but none by the selected year. */
export const ZERO_SO_FAR = 6;
