import { LANGS } from '../data/types';
import { useAppState, useT } from '../state/StoreContext';

/** Three-way language switch (ru / be / en) as a labelled radio-like button group. */
export function LanguageSwitcher() {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const setLang = useAppState((s) => s.setLang);
  return (
    <div className="byru-langs" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === lang}
          className={l === lang ? 'is-active' : undefined}
          onClick={() => setLang(l)}
        >
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
