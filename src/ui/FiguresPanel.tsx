import { useId, useMemo, useState } from 'react';
import { usePanelYear } from './usePanelYear';
import type { Dataset, Lang } from '../data/types';
import { formatFigureValue } from '../i18n/formatValue';
import type { Translator } from '../i18n/translate';
import { figureRows, type FigureRow } from '../scene/figureRows';
import { useAppState, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import { FigureValue, type OpenNote } from './FigureValue';
import { Sparkline } from './Sparkline';
import './figures.css';

/** The sparkline in words: "2016: 26,1 млрд долл. США; 2017: нет данных; …". */
export function chartLabel(t: Translator, lang: Lang, row: FigureRow, years: number[]): string {
  const perYear = years.map((y, i) => {
    const figures = row.lines.flatMap((l) => (l.points[i] ? [l.points[i]] : []));
    const text = figures.length
      ? figures
          .map((f) => formatFigureValue(lang, f) + (f.certainty === 'uncertain' ? ` (${t('figures.uncertain')})` : ''))
          .join(' / ')
      : t('figures.noData');
    return `${y}: ${text}`;
  });
  return `${t('figures.chart', { metric: row.metric.names[lang] })}. ${perYear.join('; ')}`;
}

interface RowProps {
  row: FigureRow;
  years: number[];
  year: number;
  dataset: Dataset;
  open: OpenNote | null;
  setOpen: (open: OpenNote | null) => void;
}

function MetricRow({ row, years, year, dataset, open, setOpen }: RowProps) {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const several = row.values.length > 1;
  return (
    <li className="byru-fig-row">
      <span className="byru-fig-name">{row.metric.names[lang]}</span>
      <div className="byru-fig-values">
        {row.conflict && (
          <p className="byru-fig-conflict">
            <span aria-hidden="true">≠ </span>
            {t('figures.conflict')}
          </p>
        )}
        {row.values.length === 0 && <span className="byru-fig-nodata">{t('figures.noData')}</span>}
        {row.values.map((v) => (
          <FigureValue
            key={v.figure.id}
            value={v}
            dataset={dataset}
            several={several}
            open={open}
            setOpen={setOpen}
            year={year}
          />
        ))}
      </div>
      <Sparkline row={row} years={years} year={year} label={chartLabel(t, lang, row, years)} />
    </li>
  );
}

/**
 * The selected year's national figures: one row per metric that has any figure, in metric order;
 * metrics without a value this year follow in a collapsed list that still says "no data". Each value
 * opens its source (document, date, quote); each row has a sparkline across all years.
 */
export function FiguresPanel() {
  const t = useT();
  const year = usePanelYear();
  const dataset = useAppState(selectDataset);
  const rows = useMemo(() => (dataset ? figureRows(dataset, year) : null), [dataset, year]);
  const [openState, setOpen] = useState<OpenNote | null>(null);
  const headingId = useId();
  // A note opened in another year is closed: the figures it belonged to are gone.
  const open = openState?.year === year ? openState : null;

  if (!dataset || !rows) return null;
  const rowProps = { years: rows.years, year, dataset, open, setOpen };
  return (
    <section className="byru-figures" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('figures.title', { year })}</h2>
      {rows.withData.length === 0 && <p className="byru-fig-none">{t('figures.noneThisYear', { year })}</p>}
      <ul className="byru-fig-list">
        {rows.withData.map((row) => (
          <MetricRow key={row.metric.id} row={row} {...rowProps} />
        ))}
      </ul>
      {rows.noData.length > 0 && (
        <details className="byru-fig-other">
          <summary>
            {t('figures.otherYears', { year })} ({rows.noData.length})
          </summary>
          <ul className="byru-fig-list">
            {rows.noData.map((row) => (
              <MetricRow key={row.metric.id} row={row} {...rowProps} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
