/**
 * The rows of the year's figures panel and the geometry of their sparklines, shaped from the dataset
 * for one year. Pure: no React, no DOM. "No data" is the absence of a figure (DATA.md rule 2), so a
 * missing year stays `null` here and is never filled, zeroed or interpolated.
 */
import { scalePoint } from 'd3-scale';
import { figuresForYear, seriesByMetric } from '../data/dataset';
import type { Dataset, Figure, Metric } from '../data/types';

/** Line styles a sparkline can tell apart without colour (solid, dashed, dotted). */
export const LINE_VARIANTS = 3;

/** One series of a metric across the dataset's years. */
export interface SeriesLine {
  series: string;
  /**
   * Style index, 0 … {@link LINE_VARIANTS} − 1. Series that never disagree share variant 0; a series
   * that gives a different value than another in the same year gets a different variant.
   */
  variant: number;
  /** The series' figure per year, index-aligned with `dataset.years`; `null` where it has none. */
  points: (Figure | null)[];
}

/** A figure given for the selected year, with the style of the line it belongs to. */
export interface YearValue {
  figure: Figure;
  variant: number;
}

/** One metric of the panel. */
export interface FigureRow {
  metric: Metric;
  /** The selected year's figures, one per series that has one (empty: "no data"). */
  values: YearValue[];
  /** True when the year's figures give different values (the panel shows "sources disagree"). */
  conflict: boolean;
  /** Every series of the metric across all years. */
  lines: SeriesLine[];
  /** Largest value (or range top) of the metric in any year, in the metric's unit: the chart's y top. */
  max: number;
}

export interface FigureRows {
  /** The x axis of every sparkline (uneven gaps allowed: positions index this list). */
  years: number[];
  /** Metrics with at least one figure for the year, in display order. */
  withData: FigureRow[];
  /** Metrics with figures in other years only, in display order. */
  noData: FigureRow[];
}

/** Two figures disagree when their numbers (or range tops) differ; wording such as "about" aside. */
function differ(a: Figure, b: Figure): boolean {
  return a.value !== b.value || (a.valueMax ?? a.value) !== (b.valueMax ?? b.value);
}

/** Gives every series the lowest variant not taken by an earlier series it disagrees with. */
function assignVariants(lines: Omit<SeriesLine, 'variant'>[]): SeriesLine[] {
  const out: SeriesLine[] = [];
  for (const line of lines) {
    const taken = new Set<number>();
    for (const other of out) {
      const clash = line.points.some((p, i) => {
        const q = other.points[i];
        return p && q && differ(p, q);
      });
      if (clash) taken.add(other.variant);
    }
    let variant = 0;
    while (taken.has(variant)) variant++;
    out.push({ ...line, variant: variant % LINE_VARIANTS });
  }
  return out;
}

function rowFor(dataset: Dataset, metric: Metric, yearFigures: Figure[]): FigureRow | null {
  const series = seriesByMetric(dataset, metric.id);
  if (series.length === 0) return null;
  const lines = assignVariants(
    series.map((s) => ({
      series: s.series,
      points: dataset.years.map((y) => s.figures.find((f) => f.year === y) ?? null),
    })),
  );
  const variantOf = new Map(lines.map((l) => [l.series, l.variant]));
  const values = yearFigures.map((figure) => ({ figure, variant: variantOf.get(figure.series) ?? 0 }));
  const conflict = values.some((v) => differ(v.figure, values[0]!.figure));
  let max = 0;
  for (const s of series) for (const f of s.figures) max = Math.max(max, f.value, f.valueMax ?? f.value);
  return { metric, values, conflict, lines, max };
}

/**
 * The panel's rows for `year`: one per metric that has any figure in the dataset, in the metrics'
 * display order, split into metrics with a value this year and metrics with none.
 */
export function figureRows(dataset: Dataset, year: number): FigureRows {
  const byMetric = new Map<string, Figure[]>();
  for (const f of figuresForYear(dataset, year)) {
    const list = byMetric.get(f.metric);
    if (list) list.push(f);
    else byMetric.set(f.metric, [f]);
  }
  const withData: FigureRow[] = [];
  const noData: FigureRow[] = [];
  for (const metric of [...dataset.metrics].sort((a, b) => a.order - b.order)) {
    const row = rowFor(dataset, metric, byMetric.get(metric.id) ?? []);
    if (!row) continue;
    (row.values.length > 0 ? withData : noData).push(row);
  }
  return { years: dataset.years, withData, noData };
}

/**
 * The year's headline: the metrics shown as large cards above the map, in this order. The one place
 * that chooses them (data, not layout): the cards show whatever these metrics have for the year,
 * "no data" included, so the set stays the same while the reader steps through the years.
 */
export const HEADLINE_METRICS = [
  'agreements_gov',
  'agreements_gov_regions',
  'by_visits_to_ru',
  'ru_delegations_total',
  'working_group_sessions',
  'trade_turnover',
] as const;

/** A headline card: the metric's row for the year. */
export type HeadlineRow = FigureRow;

/**
 * The headline cards for `year`: one row per {@link HEADLINE_METRICS} entry that has a figure in any
 * year (a metric the dataset lacks is left out, not shown as an empty card), with or without a value
 * for `year`.
 */
export function headlineRows(dataset: Dataset, year: number, ids: readonly string[] = HEADLINE_METRICS): HeadlineRow[] {
  const yearFigures = figuresForYear(dataset, year);
  return ids.flatMap((id) => {
    const metric = dataset.metrics.find((m) => m.id === id);
    if (!metric) return [];
    const row = rowFor(
      dataset,
      metric,
      yearFigures.filter((f) => f.metric === id),
    );
    return row ? [row] : [];
  });
}

/**
 * The same series' latest figure before `figure`'s year, or null: a previous value is never taken from
 * another series (conflicting sources stay apart, DATA.md) and never interpolated.
 */
export function previousInSeries(row: Pick<FigureRow, 'lines'>, figure: Figure): Figure | null {
  const line = row.lines.find((l) => l.series === figure.series);
  let best: Figure | null = null;
  for (const p of line?.points ?? []) if (p && p.year < figure.year && (!best || p.year > best.year)) best = p;
  return best;
}

/** Sparkline geometry in SVG user units. */
export interface SparkGeometry {
  /** The zero baseline's y. */
  baseY: number;
  /** x of the selected year's tick, or null when the year is not on the axis. */
  tickX: number | null;
  lines: {
    series: string;
    variant: number;
    /** Path data of each run of consecutive years with values ("M x y L x y …"). */
    runs: string[];
    /** Years standing alone between gaps, drawn as dots. */
    dots: { x: number; y: number }[];
    /** Vertical extents of `range` figures (59–60). */
    ranges: { x: number; y1: number; y2: number }[];
    /** The point of the selected year, if the series has one. */
    current: { x: number; y: number } | null;
  }[];
}

/**
 * Lays out a metric's series in a `width` × `height` box: x indexes `years` evenly, y runs from 0 at
 * the bottom to `max` at the top, and a year without a value breaks the line.
 */
export function sparkGeometry(
  row: Pick<FigureRow, 'lines' | 'max'>,
  years: number[],
  year: number,
  width: number,
  height: number,
  pad = 3,
): SparkGeometry {
  // x: d3's point scale spaces the years evenly (a single year sits in the middle). y: 0 at the bottom,
  // `max` at the top, written out: d3's scaleLinear would add 8.6 kB gzip (d3-interpolate, d3-color,
  // d3-format) to the first view for this one line.
  const xOfYear = scalePoint<number>()
    .domain(years)
    .range([pad, width - pad]);
  const x = (i: number) => xOfYear(years[i] ?? NaN) ?? width / 2;
  const y = (v: number) => (row.max > 0 ? height - pad - (v / row.max) * (height - 2 * pad) : height - pad);
  const r = (v: number) => Math.round(v * 10) / 10;
  const mid = (f: Figure) => (f.qualifier === 'range' && f.valueMax !== null ? (f.value + f.valueMax) / 2 : f.value);
  const at = years.indexOf(year);
  return {
    baseY: r(height - pad),
    tickX: at >= 0 ? r(x(at)) : null,
    lines: row.lines.map((line) => {
      const runs: string[] = [];
      const dots: { x: number; y: number }[] = [];
      let run: { x: number; y: number }[] = [];
      const flush = () => {
        if (run.length === 1) dots.push(run[0]!);
        else if (run.length > 1) runs.push(run.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' '));
        run = [];
      };
      line.points.forEach((f, i) => (f ? run.push({ x: r(x(i)), y: r(y(mid(f))) }) : flush()));
      flush();
      const ranges = line.points.flatMap((f, i) =>
        f && f.qualifier === 'range' && f.valueMax !== null
          ? [{ x: r(x(i)), y1: r(y(f.value)), y2: r(y(f.valueMax)) }]
          : [],
      );
      const cur = at >= 0 ? line.points[at] : null;
      return {
        series: line.series,
        variant: line.variant,
        runs,
        dots,
        ranges,
        current: cur ? { x: r(x(at)), y: r(y(mid(cur))) } : null,
      };
    }),
  };
}
