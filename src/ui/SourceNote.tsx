import { sourceById } from '../data/dataset';
import { UNDATED, type Certainty, type Source } from '../data/types';
import { formatPartialDate } from '../i18n/formatValue';
import { useAppState, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
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
  /** Our remark on the record (English, like all remarks in the data); may be empty. */
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

/** DATA.md rule 3: a quote that is the research brief's wording, not the document's, says so in `note`. */
const PARAPHRASE = /paraphrase from (?:the )?research brief[.;,]?\s*/i;

/** True when the record's quote is a paraphrase from the research brief rather than verbatim. */
export function isParaphrase(note: string): boolean {
  return PARAPHRASE.test(note);
}

/** The note without the paraphrase marker (shown as a label instead), first letter raised. */
function remark(note: string): string {
  const rest = note.replace(PARAPHRASE, '').trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
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

/** A bracketed title is our English description, not the document's own title (DATA.md). */
function titleLang(source: Source): string {
  return source.title.startsWith('[') ? 'en' : source.lang;
}

/**
 * The citation of one record, traceable in one step: document, publisher, date, a link to the page
 * (or the seed file's name), the quote in its own language, and what is counted, with our remarks.
 * Reads the source from the instance's dataset by `record.sourceId`.
 */
export function SourceNote({ record, id }: SourceNoteProps) {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const source = useAppState((s) => {
    const d = selectDataset(s);
    return d ? sourceById(d, record.sourceId) : undefined;
  });
  const paraphrase = isParaphrase(record.note);
  const note = remark(record.note);
  const link = source ? linkTarget(source.url) : null;

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
        <dd lang={source ? titleLang(source) : undefined}>{source ? source.title : <code>{record.sourceId}</code>}</dd>
        {source?.publisher && (
          <>
            <dt>{t('source.publisher')}</dt>
            <dd>{source.publisher}</dd>
          </>
        )}
        {source?.date && (
          <>
            <dt>{t('source.date')}</dt>
            <dd>{formatPartialDate(lang, source.date)}</dd>
          </>
        )}
      </dl>
      {source && (source.url || source.file) && (
        <p className="byru-source-where">
          {link && (
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {t('source.open')}
              <span className="byru-source-host"> {link.hostname}</span>
              <span className="byru-sr-only"> ({t('source.newTab')})</span>
            </a>
          )}
          {source.url && !link && <span>{t('source.address', { url: source.url })}</span>}
          {source.file && <span className="byru-source-file">{t('source.seed', { file: source.file })}</span>}
        </p>
      )}
      <figure className="byru-source-quote">
        <blockquote lang={source?.lang} cite={link ? source?.url : undefined}>
          <p>{record.quote}</p>
        </blockquote>
        {(paraphrase || source) && (
          <figcaption>
            {paraphrase
              ? t('source.paraphrase')
              : source && t('source.original', { lang: t(`source.lang.${source.lang}`) })}
          </figcaption>
        )}
      </figure>
      {record.asOf && (
        <p className="byru-source-asof">
          {record.asOf === UNDATED
            ? t('figures.undated')
            : t('figures.asOf', { date: formatPartialDate(lang, record.asOf) })}
        </p>
      )}
      {(record.scope || note || source?.note) && (
        <dl className="byru-source-meta is-stacked">
          {record.scope && (
            <>
              <dt>{t('source.scope')}</dt>
              <dd lang="en">{record.scope}</dd>
            </>
          )}
          {note && (
            <>
              <dt>{t('source.note')}</dt>
              <dd lang="en">{note}</dd>
            </>
          )}
          {source?.note && (
            <>
              <dt>{t('source.aboutSource')}</dt>
              <dd lang="en">{source.note}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
