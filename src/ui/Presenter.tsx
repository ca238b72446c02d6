import { useCallback, useEffect, useRef, useState } from 'react';
import { sourceById } from '../data/dataset';
import type { Dataset, Lang } from '../data/types';
import { localText, sourceTitle } from '../i18n/dataText';
import { formatPartialDate } from '../i18n/formatValue';
import type { Story } from '../scene/story';
import { STORY } from '../scene/storyData';
import type { AppStore } from '../state/createAppStore';
import { useAppState, useAppStore, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import { OfflineControl } from './OfflineControl';
import { useCompleteDataset } from './useDetailsState';
import { appRoot, toggleFullscreen } from './PresenterButton';
import './presenter.css';

/** Autoplay: milliseconds per step (long enough to read a caption aloud). */
export const STEP_MS = 9000;

/** Clicker and keyboard keys → step delta (`±Infinity`: first/last step). */
export const PRESENTER_KEYS: Readonly<Record<string, number>> = {
  PageDown: 1,
  ArrowRight: 1,
  ArrowDown: 1,
  ' ': 1,
  Spacebar: 1,
  PageUp: -1,
  ArrowLeft: -1,
  ArrowUp: -1,
  Home: -Infinity,
  End: Infinity,
};

/** The step a key leads to from `index` (clamped), or null when the key is not a stepping key. */
export function stepForKey(count: number, index: number, key: string): number | null {
  const delta = PRESENTER_KEYS[key];
  if (delta === undefined) return null;
  if (delta === -Infinity) return 0;
  if (delta === Infinity) return count - 1;
  return Math.min(count - 1, Math.max(0, index + delta));
}

/**
 * "Title — publisher, date" of a cited source, our descriptions in the reader's language (the id
 * itself when the dataset lacks it).
 */
export function citeSource(dataset: Dataset | null, id: string, lang: Lang): string {
  const s = dataset ? sourceById(dataset, id) : undefined;
  if (!dataset || !s) return id;
  const title = sourceTitle(dataset, lang, s).text;
  const publisher = s.publisher ? localText(dataset, lang, s.publisher).text : '';
  const tail = [publisher, s.date ? formatPartialDate(lang, s.date) : ''].filter(Boolean).join(', ');
  return tail ? `${title} — ${tail}` : title;
}

/** Applies a story step to the store: year, selection, link kinds and the map's framing. */
export function applyStep(store: AppStore, story: Story, index: number): void {
  const step = story.steps[index];
  if (!step) return;
  const s = store.getState();
  s.setPlaying(false);
  s.setYear(step.year);
  s.select(step.selection);
  if (step.kinds) s.setKinds(step.kinds);
  s.fitTo(step.view);
}

/**
 * Presenter mode: the story's caption in large type with its sources, stepped by a clicker
 * (PageDown/PageUp, arrows, Space), with autoplay and pause. Everything it shows is bundled or
 * already loaded: it needs no network.
 */
export function Presenter({ story = STORY }: { story?: Story }) {
  const t = useT();
  const store = useAppStore();
  const lang = useAppState((s) => s.lang);
  // Sources' dates come with the details (a presenter asks for them: the captions cite them).
  const firstView = useAppState(selectDataset);
  const dataset = useCompleteDataset(firstView) ?? firstView;
  const ref = useRef<HTMLElement>(null);
  const [index, setIndex] = useState(0);
  const [auto, setAuto] = useState(false);
  const count = story.steps.length;
  const step = story.steps[index];

  useEffect(() => applyStep(store, story, index), [store, story, index]);

  const exit = useCallback((): void => {
    if (document.fullscreenElement && appRoot(ref.current)?.contains(document.fullscreenElement))
      void document.exitFullscreen?.().catch(() => undefined);
    store.getState().setPresenting(false);
  }, [store]);

  useEffect(() => {
    // Capture on the document: a clicker's keys reach whatever has focus, and the app's own year
    // keys must not step the year a second time.
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest?.('input, select, textarea, [contenteditable="true"]')) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        exit();
        return;
      }
      if (e.key === 'f' || e.key === 'F' || e.key === 'а' || e.key === 'А') {
        e.preventDefault();
        toggleFullscreen(appRoot(ref.current));
        return;
      }
      const next = stepForKey(count, index, e.key);
      if (next === null) return;
      e.preventDefault();
      e.stopPropagation();
      setAuto(false);
      setIndex(next);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [count, index, exit]);

  useEffect(() => {
    if (!auto) return;
    const timer = setTimeout(() => {
      if (index >= count - 1) setAuto(false);
      else setIndex(index + 1);
    }, STEP_MS);
    return () => clearTimeout(timer);
  }, [auto, index, count]);

  if (!step) return null;
  const go = (i: number) => () => {
    setAuto(false);
    setIndex(Math.min(count - 1, Math.max(0, i)));
  };
  return (
    <section ref={ref} className="byru-presenter" aria-label={t('present.label')} data-step={step.id}>
      <div className="byru-presenter-caption" aria-live="polite">
        <p className="byru-presenter-year">{step.year}</p>
        <p className="byru-presenter-text">{step.caption[lang]}</p>
        <p className="byru-presenter-sources">
          <span>{t('present.sources')}:</span>{' '}
          {step.sources.map((id, i) => (
            <span key={id}>
              {i > 0 && '; '}
              <cite>{citeSource(dataset, id, lang)}</cite>
            </span>
          ))}
        </p>
      </div>
      <div className="byru-presenter-controls" role="group" aria-label={t('present.label')}>
        <span className="byru-presenter-keys">{t('present.keys')}</span>
        <button type="button" onClick={go(index - 1)} disabled={index === 0}>
          <span aria-hidden="true">←</span> {t('present.prev')}
        </button>
        <span className="byru-presenter-count">{t('present.step', { n: index + 1, count })}</span>
        <button type="button" onClick={go(index + 1)} disabled={index === count - 1}>
          {t('present.next')} <span aria-hidden="true">→</span>
        </button>
        <button type="button" aria-pressed={auto} onClick={() => setAuto(!auto)}>
          {auto ? t('present.pause') : t('present.play')}
        </button>
        <button type="button" onClick={() => toggleFullscreen(appRoot(ref.current))}>
          {t('present.fullscreen')}
        </button>
        <button type="button" onClick={exit}>
          {t('present.exit')}
        </button>
        <OfflineControl />
      </div>
    </section>
  );
}
