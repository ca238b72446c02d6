import { documentsOfLink, meetingsOfLink, sourceById } from '../data/dataset';
import type { Assignment, Dataset, Lang, Link, Names, SourceLang, TieDocument } from '../data/types';
import { linkTitle } from '../i18n/dataText';
import { formatPartialDate } from '../i18n/formatValue';
import type { Translator } from '../i18n/translate';
import { SourceNote } from './SourceNote';
import { useCompleteDataset } from './useDetailsState';

interface WordingProps {
  dataset: Dataset;
  /** The official title, verbatim in the source's language (or, lower case, a description of it); may be empty. */
  title: string;
  /** Our description in each language; empty names when there is none. */
  label: Names;
  /** The language of the source the title comes from. */
  sourceLang: SourceLang | undefined;
  lang: Lang;
  t: Translator;
}

/**
 * A title stays verbatim in its language, in quotation marks (a lower-case description of the document
 * is no title: it is shown translated, without them: DATA.md); where the reader's language differs (or
 * there is no title), our description in the reader's language follows, marked as ours.
 */
export function Wording({ dataset, title, label, sourceLang, lang, t }: WordingProps) {
  const shown = linkTitle(dataset, lang, title, sourceLang ?? 'ru');
  // The label comes with the details (after the first view): none until then.
  const ours = label?.[lang] && (!title || sourceLang !== lang) ? label[lang] : '';
  return (
    <>
      {shown && (
        <div className="byru-link-title">
          {shown.isTitle ? (
            <q lang={shown.lang}>{shown.text}</q>
          ) : (
            <span lang={shown.lang === lang ? undefined : shown.lang}>{shown.text}</span>
          )}
        </div>
      )}
      {ours && (
        <div className="byru-link-title">
          {ours} <span className="byru-ours">({t('link.ours')})</span>
        </div>
      )}
    </>
  );
}

/** When a document was signed (its date, else its year) and the years it covers. */
function documentWhen(lang: Lang, t: Translator, d: TieDocument): string {
  const when = d.date ? formatPartialDate(lang, d.date) : d.year !== null ? String(d.year) : '';
  const period =
    d.periodStart !== null
      ? t('doc.period', { start: String(d.periodStart), end: String(d.periodEnd ?? d.periodStart) })
      : '';
  return [when, period].filter(Boolean).join(' · ');
}

interface TieProps {
  link: Link;
  dataset: Dataset;
  lang: Lang;
  t: Translator;
}

/**
 * What stands under a tie in the region panel: its title and our description, a renewal's first
 * signing, a joint body's Belarusian co-chair and the years a source shows it meeting, and the
 * documents signed under it (date, period, kind, wording, source).
 */
export function TieDetails({ link, dataset, lang, t }: TieProps) {
  const sourceLang = sourceById(dataset, link.sourceId)?.lang;
  // Documents and meetings come with the details (after the first view); none are listed until then.
  const full = useCompleteDataset(dataset);
  const documents = full ? documentsOfLink(full, link.id) : [];
  const meetings = full ? meetingsOfLink(full, link.id) : [];
  const years = [...new Set(meetings.map((m) => m.year))];
  return (
    <>
      <Wording dataset={dataset} title={link.title} label={link.label} sourceLang={sourceLang} lang={lang} t={t} />
      {link.status === 'renewed' && link.firstYear !== null && (
        <div className="byru-link-meta">{t('link.firstSigned', { year: link.firstYear })}</div>
      )}
      {link.chair?.[lang] && <div className="byru-link-meta">{t('link.chair', { chair: link.chair[lang] })}</div>}
      {years.length > 0 && (
        <div className="byru-link-meta">
          {t('link.meetings', { years: years.join(', ') })}
          <details className="byru-cite">
            <summary>{t('panel.source')}</summary>
            {meetings.map((m) => (
              <SourceNote key={m.id} record={m} />
            ))}
          </details>
        </div>
      )}
      {documents.length > 0 && (
        <ul className="byru-docs" aria-label={t('link.documents')}>
          {documents.map((d) => (
            <li key={d.id}>
              <div className="byru-link-meta">
                {t(`doc.${d.kind}`)} · {documentWhen(lang, t, d)}
              </div>
              <Wording
                dataset={full ?? dataset}
                title={d.title}
                label={d.label}
                sourceLang={sourceById(dataset, d.sourceId)?.lang}
                lang={lang}
                t={t}
              />
              <details className="byru-cite">
                <summary>{t('panel.source')}</summary>
                <SourceNote record={d} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The Belarusian official or body a Russian subject is assigned to, since when, with its source. */
export function AssignmentNote({ assignment, lang, t }: { assignment: Assignment; lang: Lang; t: Translator }) {
  return (
    <div className="byru-assigned">
      <p>
        {t('panel.assigned', { assignee: assignment.assignee[lang] })}
        {assignment.since && <> ({t('panel.assignedSince', { since: formatPartialDate(lang, assignment.since) })})</>}
      </p>
      <details className="byru-cite">
        <summary>{t('panel.source')}</summary>
        <SourceNote record={assignment} />
      </details>
    </div>
  );
}
