import { useMemo } from 'react';
import { sparkGeometry, type FigureRow } from '../scene/figureRows';

export interface SparklineProps {
  /** The metric's series and its y top (from `figureRows`). */
  row: Pick<FigureRow, 'lines' | 'max'>;
  /** The x axis: every year of the dataset, positions index this list. */
  years: number[];
  /** The selected year, marked with a vertical tick. */
  year: number;
  /** The chart in words (every year's value or "no data"), for screen readers. */
  label: string;
  /** Size in CSS pixels. */
  width?: number;
  height?: number;
}

/** Marker of one point; the shape follows the line's variant, so series differ without colour. */
function Mark({ x, y, variant, size }: { x: number; y: number; variant: number; size: number }) {
  if (variant === 2) {
    return <rect className="byru-spark-mark" x={x - size} y={y - size} width={size * 2} height={size * 2} />;
  }
  return <circle className={variant === 1 ? 'byru-spark-mark is-hollow' : 'byru-spark-mark'} cx={x} cy={y} r={size} />;
}

/**
 * A tiny chart of one metric across all years, in plain SVG: y from 0 to the metric's maximum, one line
 * per series (dash and marker shape differ for series that disagree), a year without a value is a gap,
 * a value standing alone is a dot, and the selected year has a tick.
 */
export function Sparkline({ row, years, year, label, width = 120, height = 28 }: SparklineProps) {
  const g = useMemo(() => sparkGeometry(row, years, year, width, height), [row, years, year, width, height]);
  return (
    <svg
      className="byru-spark"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      <line className="byru-spark-base" x1={0} x2={width} y1={g.baseY} y2={g.baseY} />
      {g.tickX !== null && <line className="byru-spark-tick" x1={g.tickX} x2={g.tickX} y1={0} y2={height} />}
      {g.lines.map((l) => (
        <g key={l.series} className={`byru-spark-line byru-spark-v${l.variant}`} data-series={l.series}>
          {l.runs.map((d) => (
            <path key={d} d={d} />
          ))}
          {l.ranges.map((r) => (
            <line key={r.x} className="byru-spark-range" x1={r.x} x2={r.x} y1={r.y1} y2={r.y2} />
          ))}
          {l.dots
            .filter((p) => p.x !== l.current?.x)
            .map((p) => (
              <Mark key={p.x} x={p.x} y={p.y} variant={l.variant} size={1.8} />
            ))}
          {l.current && <Mark x={l.current.x} y={l.current.y} variant={l.variant} size={2.8} />}
        </g>
      ))}
    </svg>
  );
}

/** A short sample of a line variant, to match a value to its line in the sparkline. */
export function LineSwatch({ variant }: { variant: number }) {
  return (
    <svg className={`byru-spark-swatch byru-spark-v${variant}`} width={22} height={10} aria-hidden="true">
      <path d="M1 5 L21 5" />
      <Mark x={11} y={5} variant={variant} size={2.2} />
    </svg>
  );
}
