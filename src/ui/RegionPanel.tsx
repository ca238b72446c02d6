import { useMemo } from 'react';
import { usePanelYear } from './usePanelYear';
import { placeDetails, type PlaceLink } from '../scene/placeDetails';
import { useAppState, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import type { AppState } from '../state/createAppStore';
import type { Translator } from '../i18n/translate';
import { assignmentOf } from '../data/dataset';
import type { Dataset, Lang, MapEvent, RegionInfo } from '../data/types';
import { KindSwatch } from './Filters';
import { SourceNote } from './SourceNote';
import { useCompleteDataset } from './useDetailsState';
import { AssignmentNote, TieDetails } from './TieDetails';

const selectRegions = (s: AppState): RegionInfo[] | null => (s.load.status === 'ready' ? s.load.geo.regions : null);

function romanOf(n: number): string {
  const table: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

interface LinkRowProps {
  item: PlaceLink;
  dataset: Dataset;
  t: Translator;
  lang: Lang;
  year: number;
}

function LinkRow({ item, dataset, t, lang, year }: LinkRowProps) {
  const { link, partner } = item;
  const partnerName = partner.names ? partner.names[lang] : t('panel.government');
  const when =
    link.year !== null
      ? String(link.year)
      : item.start !== null
        ? t('link.dateUnknown', { year: item.start })
        : t('link.undated');
  return (
    <li className={`byru-link${item.inForce || item.start === null ? '' : ' is-later'}${item.isNew ? ' is-new' : ''}`}>
      <div className="byru-link-head">
        <KindSwatch kind={link.kind} />
        <strong>{partnerName}</strong>
      </div>
      <div className="byru-link-meta">
        {t(`kind.${link.kind}`)} · {t(`status.${link.status}`)} · {when}
        {item.isNew && <span className="byru-badge"> {t('link.new', { year })}</span>}
        {/* An undated tie is not "after" any year: no source places it on the timeline at all. */}
        {!item.inForce && item.start !== null && (
          <span className="byru-badge byru-badge-muted"> {t('panel.later', { year })}</span>
        )}
      </div>
      <TieDetails link={link} dataset={dataset} lang={lang} t={t} />
      <details className="byru-cite">
        <summary>{t('panel.source')}</summary>
        <SourceNote record={link} />
      </details>
    </li>
  );
}

function ForumRow({ forum, t, lang }: { forum: MapEvent; t: Translator; lang: Lang }) {
  return (
    <li>
      {t('panel.forumHosted', { number: forum.number ? romanOf(forum.number) : '', year: forum.year })} —{' '}
      {forum.names[lang]}
      <details className="byru-cite">
        <summary>{t('panel.source')}</summary>
        <SourceNote record={forum} />
      </details>
    </li>
  );
}

/**
 * Side panel for the selected region or city: name, its links (partner, kind, status, year, source),
 * forums hosted and facts. An id the data does not know says "not found" instead of going blank.
 */
export function RegionPanel() {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const year = usePanelYear();
  const selection = useAppState((s) => s.selection);
  const regions = useAppState(selectRegions);
  const dataset = useAppState(selectDataset);
  const select = useAppState((s) => s.select);
  // Region facts, a tie's wording, documents and assignments come with the details (asked for here).
  const full = useCompleteDataset(selection ? dataset : null);
  const shown = full ?? dataset;
  const details = useMemo(
    () => (selection && shown && regions ? placeDetails(shown, regions, selection, year) : null),
    [selection, shown, regions, year],
  );
  const ready = dataset !== null && regions !== null;
  const regionName = (code: string): string => regions?.find((r) => r.code === code)?.names[lang] ?? code;
  const inForce = details?.links.filter((l) => l.inForce).length ?? 0;
  const assignment =
    details?.kind === 'region' && details.country === 'RU' && full ? assignmentOf(full, details.id, year) : undefined;
  const partnersHeading = details?.country === 'RU' ? t('panel.partners') : t('panel.partnersRu');

  return (
    <aside className="byru-panel" aria-label={t('panel.region')} data-testid="region-panel">
      {!selection && <p className="byru-hint">{t('panel.hint')}</p>}
      {selection && ready && !details && (
        <p role="status" className="byru-notfound">
          {t('panel.notFound', { id: selection })}
        </p>
      )}
      {details && dataset && (
        <>
          <div className="byru-panel-head">
            <h2>{details.names[lang]}</h2>
            <button type="button" className="byru-close" onClick={() => select(null)} aria-label={t('panel.close')}>
              ×
            </button>
          </div>
          <p className="byru-country">
            {details.kind === 'city'
              ? `${t('panel.city')} · ${t('panel.inRegion', { region: regionName(details.region) })}`
              : t(`country.${details.country}`)}
          </p>
          {assignment && <AssignmentNote assignment={assignment} lang={lang} t={t} />}
          <p className="byru-count">{t('panel.linksCount', { year, count: inForce })}</p>
          <h3>{partnersHeading}</h3>
          {details.links.length === 0 ? (
            <p className="byru-hint">{t('panel.noLinks', { year })}</p>
          ) : (
            <ul className="byru-links">
              {details.links.map((item) => (
                <LinkRow key={item.link.id} item={item} t={t} lang={lang} year={year} dataset={dataset} />
              ))}
            </ul>
          )}
          <h3>{t('panel.forums')}</h3>
          {details.forums.length === 0 ? (
            <p className="byru-hint">{t('panel.noForums')}</p>
          ) : (
            <ul className="byru-forums">
              {details.forums.map((f) => (
                <ForumRow key={f.id} forum={f} t={t} lang={lang} />
              ))}
            </ul>
          )}
          {details.kind === 'region' && (
            <>
              <h3>{t('panel.facts')}</h3>
              {details.facts.length === 0 ? (
                <p className="byru-hint">{t('panel.noFacts')}</p>
              ) : (
                <ul className="byru-facts">
                  {details.facts.map((f) => (
                    <li key={f.id}>
                      <span className="byru-fact-year">
                        {f.sinceYear ? t('panel.since', { year: f.year }) : f.year}
                      </span>{' '}
                      {f.text[lang]}
                      <details className="byru-cite">
                        <summary>{t('panel.source')}</summary>
                        <SourceNote record={f} />
                      </details>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </aside>
  );
}
