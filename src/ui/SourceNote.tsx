import { sourceById } from '../data/dataset';
import { completeDataset, recordDetails, requestDetails } from '../data/detailsLoader';
import { UNDATED, type Certainty, type Lang } from '../data/types';
import { isParaphrase, localText, readableRemark, sourceTitle, type LocalText } from '../i18n/dataText';
import { formatPartialDate } from '../i18n/formatValue';
import { useAppState, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import { useDetailsState } from './useDetailsState';
import './figures.css';

/**
 * Any sourced record: a figure, a link, an event, a region fact. `asOf` and `scope` are the figures'
 * extras; records without them simply leave them out.
 */
export interface CitedRecord {
  sourceId: string;
  /** Verbatim quote, in the source's language (`source.lang`). */
  quote: string;
  certainty: Certainty;
  /** Our remark on the record (English in the tables, shown translated: data/translations.csv); may be empty. */
  note: string;
  /** Partial ISO date the record holds at. */
  asOf?: string;
  /** What exactly is counted, in the source's terms. */
  scope?: string;
}

export interface SourceNoteProps {
  record: CitedRecord;
  /** Element id, for a disclosure's `aria-controls`. */
  id?: string;
}

/** The page's address when it is a working link; an address the brief elides with "…" is kept as given
 * (DATA.md) but is none. */
function linkTarget(url: string): URL | null {
  if (!/^https?:\/\/[^\s…]+$/.test(url) || url.includes('...')) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A data text, marked with its language where it differs from the page's (screen readers switch voice). */
export function OwnLang({ text, lang }: { text: LocalText | null; lang: Lang }) {
  if (!text) return null;
  return <span lang={text.lang === lang ? undefined : text.lang}>{text.text}</span>;
}

/**
 * The citation of one record, traceable in one step: document, publisher, date, a link to the page
 * (or the seed file's name), the quote in its own language, and what is counted, with our remarks.
 * Reads the source from the instance's dataset by `record.sourceId`. The quote, scope and remarks come
 * with the dataset's details (loaded after the first view): until they are there, it says so in their
 * place, and never shows an empty quote.
 */
export function SourceNote({ record, id }: SourceNoteProps) {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const dataset = useAppState(selectDataset);
  const source = dataset ? sourceById(dataset, record.sourceId) : undefined;
  // The quote, scope and remarks come with the details, loaded after the first view.
  const details = useDetailsState(dataset);
  const extra = dataset ? recordDetails(dataset, record) : record;
  const sourceExtra = source && dataset ? recordDetails(dataset, source) : null;
  const sourceRemark = sourceExtra?.note;
  // The address comes with the details too; a seed's file name is there from the start.
  const url = sourceExtra?.url ?? '';
  const paraphrase = extra ? isParaphrase(extra.note ?? '') : false;
  // Our remarks, descriptions and publishers in the reader's language (data/translations.csv); the
  // translations of remarks and scopes come with the details too.
  const words = dataset ? (completeDataset(dataset) ?? dataset) : null;
  const local = (text: string) => (words ? localText(words, lang, text) : { text, lang: 'en' as const });
  // The editor's remarks: in the reader's language, or not at all (untranslated ones are English).
  const note = extra && words ? readableRemark(words, lang, extra.note ?? '') : null;
  const scope = extra?.scope ? local(extra.scope) : null;
  const aboutSource = sourceRemark && words ? readableRemark(words, lang, sourceRemark) : null;
  // The title comes with the details too (a description of the page is translated there).
  const fullSource = words ? sourceById(words, record.sourceId) : undefined;
  const title = fullSource?.title && words ? sourceTitle(words, lang, fullSource) : null;
  const publisher = source?.publisher ? local(source.publisher) : null;
  const link = url ? linkTarget(url) : null;

  return (
    <div className="byru-source" id={id}>
      {record.certainty === 'uncertain' && (
        <p className="byru-uncertain">
          <span aria-hidden="true">⚠ </span>
          {t('figures.uncertain')}
        </p>
      )}
      <dl className="byru-source-meta">
        <dt>{t('source.document')}</dt>
        <dd lang={title?.lang}>{title ? title.text : <code>{record.sourceId}</code>}</dd>
        {publisher && (
          <>
            <dt>{t('source.publisher')}</dt>
            <dd lang={publisher.lang}>{publisher.text}</dd>
          </>
        )}
        {sourceExtra?.date && (
          <>
            <dt>{t('source.date')}</dt>
            <dd>{formatPartialDate(lang, sourceExtra.date)}</dd>
          </>
        )}
      </dl>
      {source && (url || source.file) && (
        <p className="byru-source-where">
          {link && (
            <a href={url} target="_blank" rel="noopener noreferrer">
              {t('source.open')}
              <span className="byru-source-host"> {link.hostname}</span>
              <span className="byru-sr-only"> ({t('source.newTab')})</span>
            </a>
          )}
          {url && !link && <span>{t('source.address', { url })}</span>}
          {source.file && <span className="byru-source-file">{t('source.seed', { file: source.file })}</span>}
        </p>
      )}
      {extra ? (
        <figure className="byru-source-quote">
          <blockquote lang={source?.lang} cite={link ? url : undefined}>
            <p>{extra.quote}</p>
          </blockquote>
          {(paraphrase || source) && (
            <figcaption>
              {paraphrase
                ? t('source.paraphrase')
                : source && t('source.original', { lang: t(`source.lang.${source.lang}`) })}
            </figcaption>
          )}
        </figure>
      ) : details.status === 'error' ? (
        <p className="byru-source-pending" role="alert">
          {t('source.failed')}{' '}
          <button type="button" onClick={() => dataset && requestDetails(dataset).catch(() => {})}>
            {t('error.retry')}
          </button>
        </p>
      ) : (
        <p className="byru-source-pending" role="status">
          {t('source.loading')}
        </p>
      )}
      {record.asOf && (
        <p className="byru-source-asof">
          {record.asOf === UNDATED
            ? t('figures.undated')
            : t('figures.asOf', { date: formatPartialDate(lang, record.asOf) })}
        </p>
      )}
      {(scope || note || aboutSource) && (
        <dl className="byru-source-meta is-stacked">
          {scope && (
            <>
              <dt>{t('source.scope')}</dt>
              <dd lang={scope.lang}>{scope.text}</dd>
            </>
          )}
          {note && (
            <>
              <dt>{t('source.note')}</dt>
              <dd lang={note.lang}>{note.text}</dd>
            </>
          )}
          {aboutSource && (
            <>
              <dt>{t('source.aboutSource')}</dt>
              <dd lang={aboutSource.lang}>{aboutSource.text}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
