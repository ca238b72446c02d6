import { useId, useMemo, useState } from 'react';
import { usePanelYear } from './usePanelYear';
import type { Dataset } from '../data/types';
import { formatFigureValue } from '../i18n/formatValue';
import { headlineRows, previousInSeries, type HeadlineRow } from '../scene/figureRows';
import { useAppState, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import { chartLabel } from './FiguresPanel';
import { FigureValue, type OpenNote } from './FigureValue';
import { Sparkline } from './Sparkline';
import './headline.css';

interface CardProps {
  row: HeadlineRow;
  years: number[];
  year: number;
  dataset: Dataset;
  open: OpenNote | null;
  setOpen: (open: OpenNote | null) => void;
}

/** One metric in large type: the year's value(s), each with its source a tap away, the series' previous value, a sparkline. */
function HeadlineCard({ row, years, year, dataset, open, setOpen }: CardProps) {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const several = row.values.length > 1;
  return (
    <li
      className={['byru-card', row.values.length === 0 && 'is-empty', several && 'is-wide'].filter(Boolean).join(' ')}
    >
      <h3 className="byru-card-name">{row.metric.names[lang]}</h3>
      <div className="byru-card-values">
        {row.conflict && (
          <p className="byru-card-conflict">
            <span aria-hidden="true">≠ </span>
            {t('figures.conflict')}
          </p>
        )}
        {row.values.length === 0 && <p className="byru-card-nodata">{t('figures.noData')}</p>}
        {row.values.map((v) => {
          const previous = previousInSeries(row, v.figure);
          return (
            <div key={v.figure.id} className="byru-card-value">
              <FigureValue
                value={v}
                dataset={dataset}
                several={several}
                open={open}
                setOpen={setOpen}
                year={year}
                coverage={false}
              />
              {previous && (
                <span className="byru-card-prev">
                  {t('headline.previous', { year: previous.year, value: formatFigureValue(lang, previous) })}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <Sparkline
        row={row}
        years={years}
        year={year}
        label={chartLabel(t, lang, row, years)}
        width={several ? 112 : 64}
        height={20}
      />
    </li>
  );
}

/**
 * The year's headline: a card per headline metric (chosen in one place, `HEADLINE_METRICS`), shown
 * above the map in every layout. A year without a value says "no data", never zero; sources that
 * disagree stand side by side, each value naming its own. The full list (`FiguresPanel`) stays below.
 */
export function HeadlineCards() {
  const t = useT();
  const year = usePanelYear();
  const dataset = useAppState(selectDataset);
  const rows = useMemo(() => (dataset ? headlineRows(dataset, year) : []), [dataset, year]);
  const [openState, setOpen] = useState<OpenNote | null>(null);
  const headingId = useId();
  // A note opened in another year is closed: the figure it belonged to is gone.
  const open = openState?.year === year ? openState : null;
  if (!dataset || rows.length === 0) return null;
  return (
    <section className="byru-headline" aria-labelledby={headingId}>
      <h2 id={headingId} className="byru-headline-title">
        {t('headline.title', { year })}
      </h2>
      <ul className="byru-cards">
        {rows.map((row) => (
          <HeadlineCard
            key={row.metric.id}
            row={row}
            years={dataset.years}
            year={year}
            dataset={dataset}
            open={open}
            setOpen={setOpen}
          />
        ))}
      </ul>
    </section>
  );
}
