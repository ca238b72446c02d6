import { useMemo, useState } from 'react';
import { usePanelYear } from './usePanelYear';
import { formatFigureValue, formatPartialDate } from '../i18n/formatValue';
import { partyName, yearSummary, type Party, type YearLink } from '../scene/summary';
import type { Dataset, Lang, Source } from '../data/types';
import { localText, sourceTitle } from '../i18n/dataText';
import type { Translator } from '../i18n/translate';
import type { AppState } from '../state/createAppStore';
import { useAppState, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import { OwnLang } from './SourceNote';
import { useCompleteDataset } from './useDetailsState';

const selectRegions = (s: AppState) => (s.load.status === 'ready' ? s.load.geo.regions : null);

/** A source's address when it is a complete web address (the data keeps elided ones as given). */
function webAddress(url: string): string | null {
  return /^https?:\/\/[^\s…]+$/.test(url) && !url.includes('...') ? url : null;
}

/** A region or city as a button that selects it (keyboard users' way to a region); the government as text. */
function PartyCell({ party, lang, onSelect }: { party: Party; lang: Lang; onSelect: (id: string) => void }) {
  const name = partyName(lang, party);
  if (party.kind === 'government') return <>{name}</>;
  return (
    <button type="button" className="byru-table-place" onClick={() => onSelect(party.id)}>
      {name}
    </button>
  );
}

function SourceCell({
  source,
  lang,
  t,
  dataset,
}: {
  source: Source | undefined;
  lang: Lang;
  t: Translator;
  dataset: Dataset;
}) {
  if (!source) return null;
  const href = webAddress(source.url ?? '');
  const title = <OwnLang text={sourceTitle(dataset, lang, source)} lang={lang} />;
  const publisher = source.publisher ? localText(dataset, lang, source.publisher) : null;
  return (
    <>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {title}
          <span className="byru-sr-only"> ({t('source.newTab')})</span>
        </a>
      ) : (
        title
      )}
      {(source.publisher || source.date) && (
        <span className="byru-table-meta">
          <OwnLang text={publisher} lang={lang} />
          {publisher && source.date && ', '}
          {source.date && formatPartialDate(lang, source.date)}
        </span>
      )}
    </>
  );
}

function LinkRow({
  item,
  lang,
  t,
  onSelect,
  dataset,
}: {
  item: YearLink;
  lang: Lang;
  t: Translator;
  onSelect: (id: string) => void;
  dataset: Dataset;
}) {
  const { link } = item;
  return (
    <tr className={item.isNew ? 'is-new' : undefined}>
      <th scope="row">
        <PartyCell party={item.from} lang={lang} onSelect={onSelect} />
      </th>
      <td>
        <PartyCell party={item.to} lang={lang} onSelect={onSelect} />
      </td>
      <td>{t(`kind.${link.kind}`)}</td>
      <td>{t(`status.${link.status}`)}</td>
      <td>
        {link.year ?? t('link.dateUnknown', { year: item.start })}
        {item.isNew && <span className="byru-badge"> {t('table.new')}</span>}
      </td>
      <td>
        <SourceCell source={item.source} lang={lang} t={t} dataset={dataset} />
      </td>
    </tr>
  );
}

/**
 * The table alternative of the map: the selected year's links (both ends, kind, status, year, source)
 * and figures (value and source), behind a disclosure beside the map. Each region or city is a button,
 * so a keyboard user can select any place without pointing at the map.
 */
export function DataTable() {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const year = usePanelYear();
  const kinds = useAppState((s) => s.kinds);
  const select = useAppState((s) => s.select);
  const dataset = useAppState(selectDataset);
  const regions = useAppState(selectRegions);
  const [open, setOpen] = useState(false);
  // Sources' addresses come with the details: asked for when the table opens.
  const full = useCompleteDataset(open ? dataset : null);
  const summary = useMemo(
    () => (open && full && regions ? yearSummary(full, regions, year, kinds, lang) : null),
    [open, full, regions, year, kinds, lang],
  );
  if (!dataset || !regions) return null;

  return (
    <details className="byru-table" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('table.toggle', { year })}</summary>
      {summary && (
        <div className="byru-table-body">
          <p className="byru-hint">{t('table.selectHint')}</p>
          <table>
            <caption>{t('table.linksCaption', { year, count: summary.links.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('country.BY')}</th>
                <th scope="col">{t('country.RU')}</th>
                <th scope="col">{t('panel.kind')}</th>
                <th scope="col">{t('panel.status')}</th>
                <th scope="col">{t('panel.year')}</th>
                <th scope="col">{t('panel.source')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.links.map((item) => (
                <LinkRow key={item.link.id} item={item} lang={lang} t={t} onSelect={select} dataset={full ?? dataset} />
              ))}
            </tbody>
          </table>
          {summary.links.length === 0 && <p className="byru-hint">{t('table.noLinks')}</p>}
          <table>
            <caption>{t('table.figuresCaption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.metric')}</th>
                <th scope="col">{t('table.value')}</th>
                <th scope="col">{t('panel.source')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.figures.map((f) => (
                <tr key={f.figure.id}>
                  <th scope="row">{f.metric.names[lang]}</th>
                  <td>
                    {formatFigureValue(lang, f.figure)}
                    {f.figure.certainty === 'uncertain' && <> ({t('figures.uncertain')})</>}
                  </td>
                  <td>
                    <SourceCell source={f.source} lang={lang} t={t} dataset={full ?? dataset} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.figures.length === 0 && <p className="byru-hint">{t('figures.noneThisYear', { year })}</p>}
        </div>
      )}
    </details>
  );
}
