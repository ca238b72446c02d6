import { useEffect, type KeyboardEvent, type ReactNode } from 'react';
import { yearForKey } from '../data/timeline';
import { useAppState, useAppStore, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import { Downloads } from './Downloads';
import { FiguresPanel } from './FiguresPanel';
import { Filters } from './Filters';
import { HoverLabel } from './HoverLabel';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Legend } from './Legend';
import { RegionPanel } from './RegionPanel';
import { SearchBox } from './SearchBox';
import { Timeline } from './Timeline';
import { usePlayback } from './usePlayback';

export interface AppProps {
  /** The map renderer, supplied by the entry point (ui and map never import each other). */
  map: ReactNode;
  onRetry: () => void;
}

const NO_YEARS: number[] = [];

/** Elements that keep arrow keys to themselves. */
function ownsKeys(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  // The map canvas pans with the arrow keys (maplibre's keyboard handler).
  if (el.closest('[data-testid="map"]')) return true;
  return el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
}

/** The whole interface of one mounted instance. */
export function App({ map, onRetry }: AppProps) {
  const t = useT();
  const store = useAppStore();
  const load = useAppState((s) => s.load);
  const lang = useAppState((s) => s.lang);
  const years = useAppState((s) => selectDataset(s)?.years ?? NO_YEARS);
  usePlayback(store, years);

  useEffect(() => {
    if (load.status !== 'ready') return;
    // Keep a year outside the dataset's years on the nearest valid one.
    const s = store.getState();
    if (years.length && !years.includes(s.year)) s.setYear(years[years.length - 1] ?? s.year);
  }, [load.status, years, store]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const s = store.getState();
    if (e.key === 'Escape') {
      if (s.selection) {
        s.select(null);
        e.preventDefault();
      }
      return;
    }
    if (ownsKeys(e.target) || e.altKey || e.ctrlKey || e.metaKey || years.length === 0) return;
    const next = yearForKey(years, s.year, e.key);
    if (next === null) return;
    e.preventDefault();
    s.setPlaying(false);
    s.setYear(next);
  };

  return (
    <div className="byru-app" lang={lang} onKeyDown={onKeyDown}>
      <header className="byru-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="byru-subtitle">{t('app.subtitle')}</p>
        </div>
        <div className="byru-tools">
          {load.status === 'ready' && <SearchBox />}
          <LanguageSwitcher />
        </div>
      </header>
      {load.status === 'ready' && <Timeline years={years} />}
      <main className="byru-main">
        <section className="byru-stage">
          <div className="byru-map-area">
            {load.status === 'loading' && <p className="byru-loading">{t('app.loading')}</p>}
            {load.status === 'error' && (
              <div className="byru-load-error" role="alert">
                <p>{t('app.loadError', { message: load.message })}</p>
                <button type="button" onClick={onRetry}>
                  {t('app.retry')}
                </button>
              </div>
            )}
            {load.status === 'ready' && (
              <>
                {map}
                <HoverLabel />
              </>
            )}
          </div>
          {load.status === 'ready' && (
            <div className="byru-mapbar">
              <Filters />
              <Legend />
            </div>
          )}
        </section>
        <div className="byru-side">
          <RegionPanel />
          {load.status === 'ready' && <FiguresPanel />}
        </div>
      </main>
      <footer className="byru-footer">
        <p>
          {t('footer.sources')} · {t('footer.boundaries')}
        </p>
        <Downloads />
      </footer>
    </div>
  );
}
