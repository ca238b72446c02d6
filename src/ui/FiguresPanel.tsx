import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { sourceById, sourcedCount } from '../data/dataset';
import type { Dataset, Lang } from '../data/types';
import { sourceLabel } from '../i18n/dataText';
import { formatFigureValue } from '../i18n/formatValue';
import type { Translator } from '../i18n/translate';
import { figureRows, type FigureRow, type YearValue } from '../scene/figureRows';
import { useAppState, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import { OwnLang, SourceNote } from './SourceNote';
import { LineSwatch, Sparkline } from './Sparkline';
import './figures.css';

/** The sparkline in words: "2016: 26,1 млрд долл. США; 2017: нет данных; …". */
function chartLabel(t: Translator, lang: Lang, row: FigureRow, years: number[]): string {
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

/** Which value's source is shown: opened by hover (a preview) or pinned by a click, tap or key. */
interface OpenNote {
  year: number;
  figureId: string;
  pinned: boolean;
}

interface ValueProps {
  value: YearValue;
  dataset: Dataset;
  /** Several values for the year: each names its source and shows its line style. */
  several: boolean;
  open: OpenNote | null;
  setOpen: (open: OpenNote | null) => void;
  year: number;
}

/** One value of the year: a disclosure button whose source note opens on hover, click, tap or Enter. */
function FigureValue({ value, dataset, several, open, setOpen, year }: ValueProps) {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const { figure } = value;
  const noteId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const isOpen = open?.figureId === figure.id;
  const pinned = isOpen && open.pinned;
  const source = sourceById(dataset, figure.sourceId);
  // Beside an official count, how many of the counted things this map names with a source.
  const sourced = figure.unit === 'count' ? sourcedCount(dataset, figure.metric, year) : null;

  // A pinned note closes on a press anywhere outside it.
  useEffect(() => {
    if (!pinned) return;
    const onDown = (e: Event) => {
      if (e.target instanceof Node && !wrapper.current?.contains(e.target)) setOpen(null);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [pinned, setOpen]);

  const close = (): void => {
    setOpen(null);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !isOpen) return;
    e.stopPropagation(); // Esc closes the note only, not the region selection as well.
    close();
  };
  // Mouse only: a touch "hover" precedes the tap's click, which must open the note, not toggle it shut.
  const onEnter = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse' && !open?.pinned) setOpen({ year, figureId: figure.id, pinned: false });
  };
  const onLeave = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse' && isOpen && !pinned) setOpen(null);
  };

  return (
    <div
      className="byru-fig-value"
      ref={wrapper}
      onKeyDown={onKeyDown}
      onPointerEnter={onEnter}
      onPointerLeave={onLeave}
    >
      <button
        ref={button}
        type="button"
        className="byru-fig-button"
        aria-expanded={isOpen}
        aria-controls={noteId}
        onClick={() => setOpen(pinned ? null : { year, figureId: figure.id, pinned: true })}
      >
        <span className="byru-fig-number">{formatFigureValue(lang, figure)}</span>{' '}
        {figure.certainty === 'uncertain' && (
          <>
            <span className="byru-uncertain">
              <span aria-hidden="true">⚠ </span>
              {t('figures.uncertain')}
            </span>{' '}
          </>
        )}
        <svg className="byru-fig-info" width={12} height={12} viewBox="0 0 12 12" aria-hidden="true">
          <circle cx={6} cy={6} r={5.2} />
          <path d="M6 5.4v3.2M6 3.4v.1" />
        </svg>{' '}
        <span className="byru-sr-only">({t('figures.sourceHint')})</span>
      </button>
      {sourced !== null && (
        <span className="byru-fig-coverage">{t('coverage.sourced', { count: sourced, total: figure.value })}</span>
      )}
      {several && source && (
        <span className="byru-fig-by">
          <LineSwatch variant={value.variant} />
          <OwnLang text={sourceLabel(dataset, lang, source)} lang={lang} />
        </span>
      )}
      <div id={noteId} className="byru-fig-popover" role="group" aria-label={t('figures.source')} hidden={!isOpen}>
        {isOpen && (
          <>
            <button type="button" className="byru-fig-close" aria-label={t('panel.close')} onClick={close}>
              ×
            </button>
            <SourceNote record={figure} />
          </>
        )}
      </div>
    </div>
  );
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
  const year = useAppState((s) => s.year);
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
