import { useAppState, useT } from '../state/StoreContext';
import { selectRegion } from '../state/selectors';

/** Side panel for the selected region: its name and country (links and facts come from the dataset). */
export function RegionPanel() {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const selection = useAppState((s) => s.selection);
  const region = useAppState((s) => selectRegion(s, s.selection));
  const select = useAppState((s) => s.select);

  return (
    <aside className="byru-panel" aria-label={t('panel.region')} data-testid="region-panel">
      {!selection && <p className="byru-hint">{t('panel.hint')}</p>}
      {selection && !region && (
        <p role="status" className="byru-notfound">
          {t('panel.notFound', { id: selection })}
        </p>
      )}
      {region && (
        <>
          <div className="byru-panel-head">
            <h2>{region.names[lang]}</h2>
            <button type="button" className="byru-close" onClick={() => select(null)} aria-label={t('panel.close')}>
              ×
            </button>
          </div>
          <p className="byru-country">{t(`country.${region.country}`)}</p>
        </>
      )}
    </aside>
  );
}
