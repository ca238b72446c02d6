import { useEffect, type KeyboardEvent, type ReactNode } from 'react';
import { yearForKey } from '../data/timeline';
import { useAppState, useAppStore, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import type { AppState } from '../state/createAppStore';
import { DataTable } from './DataTable';
import { Downloads } from './Downloads';
import { PanelYearProvider } from './usePanelYear';
import { PanelBoundary } from './ErrorBoundary';
import { FiguresPanel } from './FiguresPanel';
import { Filters } from './Filters';
import { HeadlineCards } from './HeadlineCards';
import { HoverLabel } from './HoverLabel';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Legend } from './Legend';
import { RegionPanel } from './RegionPanel';
import { SearchBox } from './SearchBox';
import { Timeline } from './Timeline';
import { usePlayback } from './usePlayback';
import { YearSummary } from './YearSummary';
import { OpenFullLink, ShareButton, type Snapshot } from './ShareButton';
import { appRoot, PresenterButton } from './PresenterButton';
import { createLazyPart, PartBoundary } from './LazyPart';
import '../embed/embed.css';

// Presenter mode and its story load when a presentation starts; if they cannot, the presenter's own
// boundary says so (retry, or leave presenter mode) and the map and the timeline stay.
const presenter = createLazyPart<object>(() => import('./Presenter').then((m) => m.Presenter));

const selectSelection = (s: AppState): string | null => s.selection;

export interface AppProps {
  /** The map renderer, supplied by the entry point (ui and map never import each other). */
  map: ReactNode;
  onRetry: () => void;
  /** Address of the app page, for share links and snippets (default: this page). */
  appUrl?: string;
  /** The map's picture for the PNG export (from the entry point). */
  snapshot?: Snapshot;
}

const NO_YEARS: number[] = [];

/** Elements that keep arrow keys to themselves. */
function ownsKeys(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  // The map canvas pans with the arrow keys (maplibre's keyboard handler).
  if (el.closest('[data-testid="map"]')) return true;
  return el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
}

/** The year, large, on a static picture (its own component: a year step re-renders only what shows the year). */
function StaticYear() {
  const year = useAppState((s) => s.year);
  return <p className="byru-static-year">{year}</p>;
}

/** The whole interface of one mounted instance. */
export function App({ map, onRetry, appUrl, snapshot }: AppProps) {
  const t = useT();
  const store = useAppStore();
  const load = useAppState((s) => s.load);
  const lang = useAppState((s) => s.lang);
  const years = useAppState((s) => selectDataset(s)?.years ?? NO_YEARS);
  const display = useAppState((s) => s.display);
  const presenting = useAppState((s) => s.presenting);
  const hasSelection = useAppState((s) => s.selection !== null);
  const pageUrl = appUrl ?? (typeof window === 'undefined' ? 'http://localhost/' : window.location.href);
  // Flags as classes (embed.css, presenter.css); the theme flag or the projector as data-theme
  // (none: follow prefers-color-scheme).
  const modes = [
    display.embed && 'is-embed',
    display.plain && 'is-plain',
    display.static && 'is-static',
    presenting && 'is-presenting',
    hasSelection && 'has-selection',
  ].filter(Boolean);
  const theme = presenting ? 'projector' : display.theme === 'auto' ? undefined : display.theme;
  usePlayback(store, years);

  useEffect(() => {
    if (load.status !== 'ready') return;
    // Keep a year outside the dataset's years on the nearest valid one.
    const s = store.getState();
    if (years.length && !years.includes(s.year)) s.setYear(years[years.length - 1] ?? s.year);
  }, [load.status, years, store]);

  /** Leaves presenter mode when the presenter itself could not load (it has its own exit). */
  const leavePresenter = (): void => {
    const full = typeof document === 'undefined' ? null : document.fullscreenElement;
    if (full && appRoot(full)) void document.exitFullscreen?.().catch(() => undefined);
    store.getState().setPresenting(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const s = store.getState();
    if (e.key === 'Escape') {
      if (s.selection) {
        s.select(null);
        e.preventDefault();
      }
      return;
    }
    if (ownsKeys(e.target) || e.altKey || e.ctrlKey || e.metaKey || years.length === 0 || s.display.static) return;
    const next = yearForKey(years, s.year, e.key);
    if (next === null) return;
    e.preventDefault();
    s.setPlaying(false);
    s.setYear(next);
  };

  return (
    <PanelYearProvider>
      <div className={['byru-app', ...modes].join(' ')} data-theme={theme} lang={lang} onKeyDown={onKeyDown}>
        {!display.plain && (
          <header className="byru-header">
            <div>
              <h1>{t('app.title')}</h1>
              <p className="byru-subtitle">{t('app.subtitle')}</p>
            </div>
            <div className="byru-tools">
              {load.status === 'ready' && <SearchBox />}
              <LanguageSwitcher />
              {!display.embed && !display.static && load.status === 'ready' && (
                <>
                  <ShareButton appUrl={pageUrl} snapshot={snapshot} />
                  <PresenterButton />
                </>
              )}
            </div>
          </header>
        )}
        {load.status === 'ready' && !display.static && (
          <PanelBoundary>
            <Timeline years={years} />
          </PanelBoundary>
        )}
        <main className="byru-main">
          {/* The year's headline: above the map on a phone, in an embed and on the projector; at the top of
            the side column on a desktop (app.css places it). */}
          {load.status === 'ready' && (
            <PanelBoundary className="byru-headline-slot">
              <HeadlineCards />
            </PanelBoundary>
          )}
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
                  <PanelBoundary className="is-overlay">{map}</PanelBoundary>
                  {display.static && <StaticYear />}
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
            {load.status === 'ready' && (
              <PanelBoundary>
                <DataTable />
              </PanelBoundary>
            )}
            {presenting && load.status === 'ready' && (
              <PartBoundary part={presenter} onClose={leavePresenter} closeLabel={t('present.exit')}>
                <presenter.Component />
              </PartBoundary>
            )}
          </section>
          <div className="byru-side">
            <PanelBoundary resetOn={selectSelection}>
              <RegionPanel />
            </PanelBoundary>
            {load.status === 'ready' && (
              <PanelBoundary>
                <YearSummary />
              </PanelBoundary>
            )}
            {load.status === 'ready' && (
              <PanelBoundary>
                <FiguresPanel />
              </PanelBoundary>
            )}
          </div>
        </main>
        {!display.plain && (
          <footer className="byru-footer">
            <p>
              {t('footer.sources')} · {t('footer.boundaries')}
            </p>
            {display.embed ? (
              <div className="byru-embed-links">
                {load.status === 'ready' && <ShareButton appUrl={pageUrl} snapshot={snapshot} />}
                <OpenFullLink appUrl={pageUrl} />
              </div>
            ) : (
              <Downloads />
            )}
          </footer>
        )}
      </div>
    </PanelYearProvider>
  );
}
