import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { usePanelYear } from './usePanelYear';
import { formatFigureValue } from '../i18n/formatValue';
import { announcement, forumPlace, linkDate, partyName, yearSummary, type YearLink } from '../scene/summary';
import { cityById, signedInYear, sourceById, sourcedCount } from '../data/dataset';
import { BY_GOVERNMENT, type Dataset, type Lang, type RegionInfo, type Source, type TieDocument } from '../data/types';
import { formatPartialDate } from '../i18n/formatValue';
import { linkTitle, sourceLabel } from '../i18n/dataText';
import type { Translator } from '../i18n/translate';
import type { AppState } from '../state/createAppStore';
import { useAppState, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import { useLoadedDataset } from './useDetailsState';

const selectRegions = (s: AppState) => (s.load.status === 'ready' ? s.load.geo.regions : null);

/** Quiet time (ms) after the last year change before it is announced. */
export const ANNOUNCE_DELAY = 900;

/** A source named in running text, in the reader's language where we describe it, else in its own. */
function SourceName({ source, t, dataset, lang }: { source: Source | undefined; t: Translator } & Localised) {
  const name = sourceLabel(dataset, lang, source);
  return (
    <>
      {t('summary.source', { source: '' })}
      <cite lang={name?.lang === lang ? undefined : name?.lang}>{name?.text}</cite>
    </>
  );
}

interface Localised {
  dataset: Dataset;
  lang: Lang;
}

function NewLink({ item, t, lang, dataset }: { item: YearLink; t: Translator } & Localised) {
  const { link, source } = item;
  const title = linkTitle(dataset, lang, link.title, source?.lang ?? 'ru');
  const titleLang = title?.lang === lang ? undefined : title?.lang;
  return (
    <li>
      <strong>{partyName(lang, item.from)}</strong> – <strong>{partyName(lang, item.to)}</strong>
      {': '}
      {t(`kind.${link.kind}`)}
      {', '}
      {linkDate(lang, link)}
      {title && (
        <>
          {', '}
          {title.isTitle ? <q lang={titleLang}>{title.text}</q> : <span lang={titleLang}>{title.text}</span>}
        </>
      )}
      {/* Without a verbatim title, or for a reader of another language: our description, marked. */}
      {link.label?.[lang] && (!link.title || source?.lang !== lang) && (
        <>
          {', '}
          {link.label[lang]} <span className="byru-ours">({t('link.ours')})</span>
        </>
      )}
      {' ('}
      <SourceName source={source} t={t} dataset={dataset} lang={lang} />
      {')'}
    </li>
  );
}

interface SignedDocumentProps {
  doc: TieDocument;
  dataset: Dataset;
  regions: readonly RegionInfo[];
  t: Translator;
  lang: Lang;
}

/** A document signed in the year: the two sides of its tie, its kind, date, period and source. */
function SignedDocument({ doc, dataset, regions, t, lang }: SignedDocumentProps) {
  const link = dataset.links.find((l) => l.id === doc.link);
  const name = (id: string): string =>
    id === BY_GOVERNMENT
      ? t('panel.government')
      : (cityById(dataset, id)?.names[lang] ?? regions.find((r) => r.code === id)?.names[lang] ?? id);
  const source = sourceById(dataset, doc.sourceId);
  const period =
    doc.periodStart !== null
      ? ` ${t('doc.period', { start: String(doc.periodStart), end: String(doc.periodEnd ?? doc.periodStart) })}`
      : '';
  return (
    <li>
      {link && (
        <>
          <strong>{name(link.from)}</strong> – <strong>{name(link.to)}</strong>
          {': '}
        </>
      )}
      {t(`doc.${doc.kind}`)}
      {period}
      {doc.date && `, ${formatPartialDate(lang, doc.date)}`}
      {doc.label[lang] && (
        <>
          {', '}
          {doc.label[lang]} <span className="byru-ours">({t('link.ours')})</span>
        </>
      )}
      {' ('}
      <SourceName source={source} t={t} dataset={dataset} lang={lang} />
      {')'}
    </li>
  );
}

/**
 * The selected year in words, generated from the data: how many links the map shows between how many
 * regions, which were signed that year, the Forum of Regions, and the year's figures, each with its
 * source. Year changes are announced politely, once the year has settled (never during playback).
 */
export function YearSummary() {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const year = usePanelYear();
  const kinds = useAppState((s) => s.kinds);
  const playing = useAppState((s) => s.playing);
  const dataset = useAppState(selectDataset);
  const regions = useAppState(selectRegions);
  const headingId = useId();
  // Ties' wording and the documents come with the details, fetched when the browser is idle after
  // the first view: the summary shows them once they are there.
  const loaded = useLoadedDataset(dataset);
  const shown = loaded ?? dataset;
  const summary = useMemo(
    () => (shown && regions ? yearSummary(shown, regions, year, kinds, lang) : null),
    [shown, regions, year, kinds, lang],
  );
  const signedDocs = useMemo(() => (loaded ? signedInYear(loaded, year).documents : []), [loaded, year]);

  // The live region starts empty (nothing is announced on load) and speaks only after a change,
  // once it has settled; during playback it waits for the stop.
  const [spoken, setSpoken] = useState('');
  const said = useRef<string | null>(null);
  const text = summary ? announcement(lang, summary) : '';
  useEffect(() => {
    if (!text) return;
    if (said.current === null) {
      said.current = text;
      return;
    }
    if (playing || text === said.current) return;
    const timer = setTimeout(() => {
      said.current = text;
      setSpoken(text);
    }, ANNOUNCE_DELAY);
    return () => clearTimeout(timer);
  }, [text, playing]);

  if (!summary || !dataset) return null;
  return (
    <section className="byru-summary" aria-labelledby={headingId} data-testid="year-summary">
      <h2 id={headingId}>{t('summary.title', { year })}</h2>
      <p>
        {t('summary.links', {
          year,
          count: summary.links.length,
          by: summary.byRegions,
          ru: summary.ruRegions,
        })}
        {summary.government && <> {t('summary.government')}</>}
      </p>
      {summary.newLinks.length === 0 ? (
        <p>{t('summary.noNew', { year })}</p>
      ) : (
        <>
          <h3>{t('summary.newTitle', { year })}</h3>
          <ul>
            {summary.newLinks.map((item) => (
              <NewLink key={item.link.id} item={item} t={t} lang={lang} dataset={dataset} />
            ))}
          </ul>
        </>
      )}
      {signedDocs.length > 0 && dataset && regions && (
        <>
          <h3>{t('summary.docsTitle', { year })}</h3>
          <ul>
            {signedDocs.map((d) => (
              <SignedDocument key={d.id} doc={d} dataset={dataset} regions={regions} t={t} lang={lang} />
            ))}
          </ul>
        </>
      )}
      <h3>{t('summary.forumTitle')}</h3>
      {summary.forums.length === 0 ? (
        <p>{t('summary.noForum', { year })}</p>
      ) : (
        <ul>
          {summary.forums.map((f) => (
            <li key={f.event.id}>
              {f.event.names[lang]} — {forumPlace(lang, f)} (
              <SourceName source={f.source} t={t} dataset={dataset} lang={lang} />)
            </li>
          ))}
        </ul>
      )}
      <h3>{t('summary.figuresTitle')}</h3>
      {summary.figures.length === 0 ? (
        <p>{t('figures.noneThisYear', { year })}</p>
      ) : (
        <ul>
          {summary.figures.map((f) => (
            <li key={f.figure.id}>
              {f.metric.names[lang]}: <strong>{formatFigureValue(lang, f.figure)}</strong>
              {dataset && f.figure.unit === 'count' && sourcedCount(dataset, f.metric.id, year) !== null && (
                <>
                  {' '}
                  (
                  {t('coverage.sourced', {
                    count: sourcedCount(dataset, f.metric.id, year) ?? 0,
                    total: f.figure.value,
                  })}
                  )
                </>
              )}{' '}
              (
              <SourceName source={f.source} t={t} dataset={dataset} lang={lang} />)
            </li>
          ))}
        </ul>
      )}
      <p className="byru-sr-only" aria-live="polite" aria-atomic="true" data-testid="year-announcer">
        {spoken}
      </p>
    </section>
  );
}
