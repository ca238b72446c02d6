import type { ReactNode } from 'react';
import { useAppState, useT } from '../state/StoreContext';
import { LanguageSwitcher } from './LanguageSwitcher';
import { RegionPanel } from './RegionPanel';
import { HoverLabel } from './HoverLabel';

export interface AppProps {
  /** The map renderer, supplied by the entry point (ui and map never import each other). */
  map: ReactNode;
  onRetry: () => void;
}

/** The whole interface of one mounted instance. */
export function App({ map, onRetry }: AppProps) {
  const t = useT();
  const load = useAppState((s) => s.load);
  const lang = useAppState((s) => s.lang);

  return (
    <div className="byru-app" lang={lang}>
      <header className="byru-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="byru-subtitle">{t('app.subtitle')}</p>
        </div>
        <LanguageSwitcher />
      </header>
      <main className="byru-main">
        <section className="byru-stage">
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
        </section>
        <RegionPanel />
      </main>
      <footer className="byru-footer">
        <p>
          {t('footer.sources')} · {t('footer.boundaries')}
        </p>
      </footer>
    </div>
  );
}
