import { describe, expect, it } from 'vitest';
import { createDataset as createBaseDataset } from '../../scripts/data/fixtures';
import type { Dataset, Figure, Metric } from '../../src/data/types';
import {
  figureRows,
  HEADLINE_METRICS,
  headlineRows,
  previousInSeries,
  sparkGeometry,
} from '../../src/scene/figureRows';
import { readCompleteDataset } from './compiledDataset';

function createFigure(over: Partial<Figure> = {}): Figure {
  return {
    id: `f-${over.metric ?? 'trade'}-${over.series ?? 'a'}-${over.year ?? 2020}`,
    metric: 'trade',
    series: 'a',
    year: 2020,
    asOf: '',
    value: 10,
    valueMax: null,
    qualifier: 'exact',
    unit: 'usd_bn',
    scope: 'turnover',
    sourceId: 's-web',
    quote: 'q',
    certainty: 'certain',
    note: '',
    ...over,
  };
}

function createMetric(id: string, order: number, unit = 'usd_bn'): Metric {
  return { id, unit, order, names: { ru: `${id} ru`, be: `${id} be`, en: id } };
}

/** The base fixture with its metrics and figures replaced. */
function createDataset(figures: Figure[], metrics: Metric[] = [createMetric('trade', 10)]): Dataset {
  return { ...createBaseDataset(), years: [2016, 2017, 2018, 2019, 2020], metrics, figures };
}

describe('figureRows', () => {
  it('lists metrics in display order, not in file order', () => {
    const ds = createDataset(
      [createFigure({ metric: 'b', year: 2020 }), createFigure({ metric: 'a', year: 2020 })],
      [createMetric('b', 20), createMetric('a', 10)],
    );
    expect(figureRows(ds, 2020).withData.map((r) => r.metric.id)).toEqual(['a', 'b']);
  });

  it('puts a metric with figures only in other years among the no-data rows, with no value', () => {
    const ds = createDataset(
      [createFigure({ metric: 'a', year: 2020 }), createFigure({ metric: 'b', year: 2017 })],
      [createMetric('a', 10), createMetric('b', 20)],
    );
    const rows = figureRows(ds, 2020);
    expect(rows.withData.map((r) => r.metric.id)).toEqual(['a']);
    expect(rows.noData.map((r) => r.metric.id)).toEqual(['b']);
    expect(rows.noData[0]?.values).toEqual([]);
  });

  it('leaves out a metric that has no figure in any year', () => {
    const ds = createDataset([createFigure({ metric: 'a' })], [createMetric('a', 10), createMetric('empty', 20)]);
    const rows = figureRows(ds, 2020);
    expect([...rows.withData, ...rows.noData].map((r) => r.metric.id)).toEqual(['a']);
  });

  it('keeps a year without a value as null in the series, never zero or interpolated', () => {
    const ds = createDataset([createFigure({ year: 2016, value: 26.1 }), createFigure({ year: 2018, value: 35.6 })]);
    const [line] = figureRows(ds, 2018).withData[0]!.lines;
    expect(line?.points.map((f) => f?.value ?? null)).toEqual([26.1, null, 35.6, null, null]);
  });

  it('shows both figures of two series that disagree in the year, and marks the conflict', () => {
    const ds = createDataset([
      createFigure({ series: 'forecast', year: 2020, value: 59, valueMax: 60, qualifier: 'range' }),
      createFigure({ series: 'press', year: 2020, value: 50, qualifier: 'about' }),
    ]);
    const [row] = figureRows(ds, 2020).withData;
    expect(row?.values.map((v) => v.figure.series)).toEqual(['forecast', 'press']);
    expect(row?.conflict).toBe(true);
    expect(new Set(row?.values.map((v) => v.variant)).size).toBe(2);
  });

  it.each([
    ['the same number from two series', 50, false],
    ['different numbers from two series', 51, true],
  ])('reports %s as conflict: %s', (_name, second, conflict) => {
    const ds = createDataset([
      createFigure({ series: 'a', value: 50 }),
      createFigure({ series: 'b', value: second, qualifier: 'about' }),
    ]);
    expect(figureRows(ds, 2020).withData[0]?.conflict).toBe(conflict);
  });

  it('draws series that never meet in one style', () => {
    const ds = createDataset([createFigure({ series: 'a', year: 2016 }), createFigure({ series: 'b', year: 2017 })]);
    expect(figureRows(ds, 2017).withData[0]?.lines.map((l) => l.variant)).toEqual([0, 0]);
  });

  it('takes the chart top from the largest value or range top of the metric in any year', () => {
    const ds = createDataset([
      createFigure({ year: 2016, value: 26 }),
      createFigure({ year: 2019, value: 59, valueMax: 60, qualifier: 'range' }),
    ]);
    expect(figureRows(ds, 2016).withData[0]?.max).toBe(60);
  });
});

describe('sparkGeometry', () => {
  const years = [2016, 2017, 2018, 2019, 2020];
  const geometry = (values: (number | null)[], year = 2018) =>
    sparkGeometry(
      {
        max: 40,
        lines: [
          {
            series: 'a',
            variant: 0,
            points: values.map((v, i) => (v === null ? null : createFigure({ year: years[i], value: v }))),
          },
        ],
      },
      years,
      year,
      104,
      28,
      2,
    ).lines[0]!;

  it('breaks the line at a gap and draws a lone year as a dot', () => {
    const g = geometry([0, 40, null, 20, null]);
    expect(g.runs).toEqual(['M2 26 L27 2']);
    expect(g.dots).toEqual([{ x: 77, y: 14 }]);
  });

  it('indexes x by position in the years list', () => {
    expect(geometry([10, 10, 10, 10, 10]).runs[0]).toBe('M2 20 L27 20 L52 20 L77 20 L102 20');
  });

  it('marks the selected year only where the series has a value', () => {
    expect(geometry([10, null, 20, null, null], 2018).current).toEqual({ x: 52, y: 14 });
    expect(geometry([10, null, null, null, null], 2018).current).toBeNull();
  });

  it('puts the selected-year tick on the year, and none for a year off the axis', () => {
    const tick = (year: number) => sparkGeometry({ max: 1, lines: [] }, years, year, 104, 28, 2).tickX;
    expect(tick(2020)).toBe(102);
    expect(tick(2030)).toBeNull();
  });
});

describe('headlineRows', () => {
  const metrics = [createMetric('a', 30), createMetric('b', 20), createMetric('c', 10)];

  it("keeps the headline order given, not the metrics' display order", () => {
    const ds = createDataset(
      [createFigure({ metric: 'a' }), createFigure({ metric: 'b' }), createFigure({ metric: 'c' })],
      metrics,
    );
    expect(headlineRows(ds, 2020, ['a', 'c', 'b']).map((r) => r.metric.id)).toEqual(['a', 'c', 'b']);
  });

  it('keeps a headline metric without a value this year as a card with no value (never a zero)', () => {
    const ds = createDataset([createFigure({ metric: 'a', year: 2017 })], metrics);
    const [row] = headlineRows(ds, 2020, ['a']);
    expect(row?.values).toEqual([]);
    expect(row?.lines[0]?.points.filter(Boolean)).toHaveLength(1);
  });

  it('leaves out a headline metric the dataset has no figure for', () => {
    const ds = createDataset([createFigure({ metric: 'a' })], metrics);
    expect(headlineRows(ds, 2020, ['a', 'b', 'missing']).map((r) => r.metric.id)).toEqual(['a']);
  });

  it('shows conflicting series side by side, each as its own value', () => {
    const ds = createDataset(
      [createFigure({ metric: 'a', series: 'x', value: 50 }), createFigure({ metric: 'a', series: 'y', value: 59 })],
      metrics,
    );
    const [row] = headlineRows(ds, 2020, ['a']);
    expect(row?.conflict).toBe(true);
    expect(row?.values.map((v) => [v.figure.series, v.figure.value])).toEqual([
      ['x', 50],
      ['y', 59],
    ]);
  });

  it('names between three and six metrics, each with figures in the compiled dataset', () => {
    const ds = readCompleteDataset();
    expect(HEADLINE_METRICS.length).toBeGreaterThanOrEqual(3);
    expect(HEADLINE_METRICS.length).toBeLessThanOrEqual(6);
    expect(headlineRows(ds, ds.years[ds.years.length - 1]!).map((r) => r.metric.id)).toEqual([...HEADLINE_METRICS]);
  });
});

describe('previousInSeries', () => {
  const ds = createDataset([
    createFigure({ series: 'x', year: 2016, value: 1 }),
    createFigure({ series: 'x', year: 2018, value: 3 }),
    createFigure({ series: 'y', year: 2019, value: 9 }),
    createFigure({ series: 'x', year: 2020, value: 5 }),
  ]);
  const row = figureRows(ds, 2020).withData[0]!;

  it.each([
    ['the latest earlier year of the same series, across a gap', 'x', 2020, 2018],
    ["nothing before the series' first figure", 'x', 2016, null],
    ['never a figure of another series, even a later one', 'y', 2019, null],
  ])('gives %s', (_, series, year, expected) => {
    const figure = row.lines.find((l) => l.series === series)!.points.find((p) => p?.year === year)!;
    expect(previousInSeries(row, figure)?.year ?? null).toBe(expected);
  });
});
