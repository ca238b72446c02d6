import { LINK_KINDS, type LinkKind } from '../data/types';
import { useAppState, useT } from '../state/StoreContext';

/** The line sample of each link kind (dash and width, not colour alone), shared with the legend. */
export function KindSwatch({ kind }: { kind: LinkKind | 'forum' }) {
  if (kind === 'forum')
    return (
      <svg className="byru-swatch" width="28" height="14" aria-hidden="true">
        <circle cx="14" cy="7" r="5" fill="none" stroke="var(--byru-forum)" strokeWidth="2.5" />
      </svg>
    );
  const dash = kind === 'sister' ? '4 3' : kind === 'project' ? '1 3' : kind === 'body' ? '2 2' : undefined;
  const width = kind === 'agreement' ? 2.5 : kind === 'sister' ? 2 : kind === 'body' ? 1.5 : 3;
  // Joint bodies share the agreements' colour (palette.ts); the dash tells them apart.
  const colour = kind === 'body' ? 'agreement' : kind;
  return (
    <svg className="byru-swatch" width="28" height="14" aria-hidden="true">
      <path
        d="M2 11 Q14 1 26 11"
        fill="none"
        stroke={`var(--byru-${colour})`}
        strokeWidth={width}
        strokeDasharray={dash}
        strokeLinecap={kind === 'project' ? 'round' : 'butt'}
      />
    </svg>
  );
}

/** One toggle per link kind; the legend of the lines at the same time. */
export function Filters() {
  const t = useT();
  const kinds = useAppState((s) => s.kinds);
  const toggleKind = useAppState((s) => s.toggleKind);
  return (
    <fieldset className="byru-filters">
      <legend>{t('filters.label')}</legend>
      {LINK_KINDS.map((k) => (
        <label key={k}>
          <input type="checkbox" checked={kinds.includes(k)} onChange={() => toggleKind(k)} />
          <KindSwatch kind={k} /> {t(`kind.${k}`)}
        </label>
      ))}
      <span className="byru-filter-static">
        <KindSwatch kind="forum" /> {t('kind.forum')}
      </span>
    </fieldset>
  );
}
