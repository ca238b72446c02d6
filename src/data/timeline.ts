/**
 * Headless timeline: stepping over a list of years (which may have uneven gaps). The slider
 * indexes into the list; every function is pure and clamps at the ends.
 */

/** Index of `year` in `years`, or of the nearest earlier year (0 if before the first). */
export function indexOfYear(years: readonly number[], year: number): number {
  let idx = 0;
  for (let i = 0; i < years.length; i++) if ((years[i] ?? Infinity) <= year) idx = i;
  return idx;
}

/** The year `delta` steps from `year`, clamped to the list. */
export function stepYear(years: readonly number[], year: number, delta: number): number {
  if (years.length === 0) return year;
  const i = Math.min(years.length - 1, Math.max(0, indexOfYear(years, year) + delta));
  return years[i] ?? year;
}

export const nextYear = (years: readonly number[], year: number): number => stepYear(years, year, 1);
export const firstYear = (years: readonly number[]): number => years[0] ?? NaN;
export const lastYear = (years: readonly number[]): number => years[years.length - 1] ?? NaN;

/** Keys a timeline understands (ARIA slider conventions: Page Up/Down jump 3 years), mapped to a step (`-Infinity`/`Infinity` = to the first/last year). */
export const TIMELINE_KEYS: Readonly<Record<string, number>> = {
  ArrowLeft: -1,
  ArrowDown: -1,
  ArrowRight: 1,
  ArrowUp: 1,
  PageUp: 3,
  PageDown: -3,
  Home: -Infinity,
  End: Infinity,
};

/** The year a key press leads to, or null when the key is not a timeline key. */
export function yearForKey(years: readonly number[], year: number, key: string): number | null {
  const delta = TIMELINE_KEYS[key];
  if (delta === undefined) return null;
  if (delta === -Infinity) return firstYear(years);
  if (delta === Infinity) return lastYear(years);
  return stepYear(years, year, delta);
}

export interface PlayStep {
  year: number;
  /** False when playback must stop (reached the end without looping). */
  playing: boolean;
}

/** One playback tick: the next year, wrapping to the first only when looping. */
export function playTick(years: readonly number[], year: number, loop: boolean): PlayStep {
  const last = lastYear(years);
  if (year >= last) return loop ? { year: firstYear(years), playing: true } : { year: last, playing: false };
  const next = nextYear(years, year);
  return { year: next, playing: loop || next < last };
}

/** Milliseconds per year at a given speed multiplier. */
export function tickInterval(speed: number): number {
  return Math.round(1500 / Math.max(0.25, speed));
}
