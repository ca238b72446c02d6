import { COUNT_BREAKS, classRange } from '../scene/regionMeasure';
import { PALETTES } from '../scene/palette';
import { useAppState, useAppStore, useT } from '../state/StoreContext';
import { useTheme } from '../state/useTheme';

/** Legend of the region fill: exactly what is counted, and "nothing recorded" apart from zero. */
export function Legend() {
  const t = useT();
  const year = useAppState((s) => s.year);
  const p = PALETTES[useTheme(useAppStore())];
  const steps = COUNT_BREAKS.map((_, i) => i + 1);
  return (
    <div className="byru-legend">
      <p className="byru-legend-title">{t('legend.fill', { year })}</p>
      <ul>
        <li>
          <span className="byru-chip byru-chip-none" style={{ background: p.none }} aria-hidden="true" />
          {t('legend.none')}
        </li>
        <li>
          <span className="byru-chip" aria-hidden="true">
            <span style={{ background: p.byBase }} />
            <span style={{ background: p.ruBase }} />
          </span>
          0
        </li>
        {steps.map((cls) => (
          <li key={cls}>
            <span className="byru-chip" aria-hidden="true">
              <span style={{ background: p.byRamp[cls - 1] }} />
              <span style={{ background: p.ruRamp[cls - 1] }} />
            </span>
            {classRange(cls)}
          </li>
        ))}
      </ul>
      <p className="byru-legend-note">
        <span className="byru-chip" aria-hidden="true">
          <span style={{ background: p.byRamp[2] }} />
        </span>{' '}
        {t('country.BY')}{' '}
        <span className="byru-chip" aria-hidden="true">
          <span style={{ background: p.ruRamp[2] }} />
        </span>{' '}
        {t('country.RU')}
      </p>
    </div>
  );
}
