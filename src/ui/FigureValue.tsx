import { useEffect, useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { sourceById, sourcedCount } from '../data/dataset';
import type { Dataset } from '../data/types';
import { sourceLabel } from '../i18n/dataText';
import { formatFigureValue } from '../i18n/formatValue';
import type { YearValue } from '../scene/figureRows';
import { useAppState, useT } from '../state/StoreContext';
import { OwnLang, SourceNote } from './SourceNote';
import { LineSwatch } from './Sparkline';
import './figures.css';

/** Which value's source is shown: opened by hover (a preview) or pinned by a click, tap or key. */
export interface OpenNote {
  year: number;
  figureId: string;
  pinned: boolean;
}

export interface FigureValueProps {
  value: YearValue;
  dataset: Dataset;
  /** Several values for the year: each names its source and shows its line style. */
  several: boolean;
  open: OpenNote | null;
  setOpen: (open: OpenNote | null) => void;
  year: number;
  /** Beside an official count, how many of the counted things are named here (off in the small cards). */
  coverage?: boolean;
}

/** One value of the year: a disclosure button whose source note opens on hover, click, tap or Enter. */
export function FigureValue({ value, dataset, several, open, setOpen, year, coverage = true }: FigureValueProps) {
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
  const sourced = coverage && figure.unit === 'count' ? sourcedCount(dataset, figure.metric, year) : null;

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
              <span className="byru-uncertain-text">{t('figures.uncertain')}</span>
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
