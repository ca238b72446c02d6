import { figuresForYear, sourcedCount } from '../data/dataset';
import { usePanelYear } from './usePanelYear';
import { COUNT_BREAKS, TIE_RANKS, classRange, tieClass, type TieRank } from '../scene/regionMeasure';
import { PALETTES } from '../scene/palette';
import { selectDataset } from '../state/selectors';
import { useAppState, useAppStore, useT } from '../state/StoreContext';
import { useTheme } from '../state/useTheme';

/** Metrics whose official count the coverage line compares with what the map names, in order of preference. */
const COVERAGE_METRICS = ['agreements_gov_regions', 'ru_regions_direct_ties'] as const;

/** The catalogue key of a tie rank's legend entry (every rank has one: the catalogues' type checks it). */
const rankKey = (rank: TieRank) => `legend.tie.${rank}` as const;

/**
 * Legend of the region fills: Russian subjects by the strongest kind of tie with Belarus sourced here
 * by the year, Belarus's regions by their number of sourced links; "nothing sourced here" hatched and
 * apart from "not yet"; and beside it how many of an official count the map names with a source.
 */
export function Legend() {
  const t = useT();
  const year = usePanelYear();
  const dataset = useAppState(selectDataset);
  const lang = useAppState((s) => s.lang);
  const p = PALETTES[useTheme(useAppStore())];
  const steps = COUNT_BREAKS.map((_, i) => i + 1);
  const coverage = dataset
    ? COVERAGE_METRICS.map((metric) => {
        const figure = figuresForYear(dataset, year).find((f) => f.metric === metric && f.unit === 'count');
        const count = sourcedCount(dataset, metric, year);
        const name = dataset.metrics.find((m) => m.id === metric)?.names[lang];
        return figure && count !== null && name ? { name, count, total: figure.value } : null;
      }).find((c) => c !== null)
    : undefined;
  // A year without an official count says so on the same line, so the legend (and the map above it)
  // keeps its height from year to year.
  const missing =
    dataset && !coverage
      ? COVERAGE_METRICS.map((metric) =>
          dataset.figures.some((f) => f.metric === metric && f.unit === 'count')
            ? dataset.metrics.find((m) => m.id === metric)?.names[lang]
            : undefined,
        ).find((name) => name !== undefined)
      : undefined;
  return (
    <div className="byru-legend">
      <p className="byru-legend-title">{t('legend.ties', { year })}</p>
      <ul>
        {TIE_RANKS.map((rank) => (
          <li key={rank}>
            <span className="byru-chip" aria-hidden="true">
              <span style={{ background: p.ruRamp[tieClass(rank) - 1] }} />
            </span>
            {t(rankKey(rank))}
          </li>
        ))}
        <li>
          <span className="byru-chip" aria-hidden="true">
            <span style={{ background: p.ruBase }} />
          </span>
          {t('legend.later')}
        </li>
        <li>
          <span className="byru-chip byru-chip-none" style={{ background: p.none }} aria-hidden="true" />
          {t('legend.none')}
        </li>
      </ul>
      {(coverage || missing) && (
        <p className="byru-legend-note" data-testid="legend-coverage">
          {coverage
            ? `${coverage.name}: ${t('coverage.sourced', { count: coverage.count, total: coverage.total })}`
            : `${missing}: ${t('coverage.noTotal', { year })}`}
        </p>
      )}
      {/* Belarus's scale on one line with its title: the map keeps the height. */}
      <ul className="byru-legend-by">
        <li className="byru-legend-title">{t('legend.byFill', { year })}</li>
        {steps.map((cls) => (
          <li key={cls}>
            <span className="byru-chip" aria-hidden="true">
              <span style={{ background: p.byRamp[cls - 1] }} />
            </span>
            {classRange(cls)}
          </li>
        ))}
      </ul>
      <p className="byru-legend-note">{t('legend.arcs')}</p>
    </div>
  );
}
