import type { Dataset, Lang, Source, SourceLang } from '../data/types';

/**
 * The data's own prose (our descriptions of sources in [brackets], publishers, what a figure counts,
 * remarks in `note` columns, descriptive link titles) is written once, mostly in English, in the
 * tables. `data/translations.csv` gives each such text in ru, be and en, keyed by the text itself
 * (gettext's way: the tables stay as they are, and a changed text shows up as an untranslated one in
 * tests/unit/dataTranslations.test.ts). Quotes are never translated: they are the source's words.
 */

/** A text as a reader sees it, with its language (for the `lang` attribute: screen readers switch voice). */
export interface LocalText {
  text: string;
  /** A source's own text may be in Ukrainian, Polish or German (its quotes stay so). */
  lang: SourceLang;
}

/**
 * The key of a text in `dataset.translations`: FNV-1a (32 bits) of its UTF-16 code units, in base 36.
 * A short key instead of the English text itself keeps the translations at about 12 kB of gzip on the
 * first view instead of 17 kB (the issue-7 budget); `npm run data` fails if two texts share a key.
 */
export function textKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * A data text in the reader's language. `written` is the language the text is written in (English
 * for our remarks, the source's language for a link title); without a translation it is shown as
 * written, marked with that language.
 */
export function localText(dataset: Dataset, lang: Lang, text: string, written: SourceLang = 'en'): LocalText {
  const row = text ? dataset.translations?.[textKey(text)] : undefined;
  if (!row) return { text, lang: written };
  const [ru, be, en] = row;
  return { text: lang === 'ru' ? ru : lang === 'be' ? be : (en ?? text), lang };
}

/** DATA.md rule 3: a quote that is the research brief's wording, not the document's, says so in `note`. */
const PARAPHRASE = /paraphrase from (?:the )?research brief[.;,]?\s*/i;

/** True when the record's quote is a paraphrase from the research brief rather than verbatim. */
export function isParaphrase(note: string): boolean {
  return PARAPHRASE.test(note);
}

/** The research log's mark that a quote was checked in the stored page (DATA.md): for the editors, not
 *  the reader, who sees the address and the quote themselves. */
const VERIFIED = /^\s*verified verbatim in (?:the )?stored page(?: \(pages corpus\))?(?: \d{4}-\d{2}-\d{2})?[.;,]?\s*/i;

/** A record's remark as shown: the note without the paraphrase marker (shown as a label) and without the
 *  verification mark, first letter raised. */
export function noteRemark(note: string): string {
  const rest = note.replace(PARAPHRASE, '').replace(VERIFIED, '').trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * The editor's remark for a reader of `lang`: translated where data/translations.csv gives it; an
 * untranslated remark (English) only for an English reader, so no English prose of ours reaches a
 * Russian or Belarusian view.
 */
export function readableRemark(dataset: Dataset, lang: Lang, note: string): LocalText | null {
  const remark = noteRemark(note);
  if (!remark) return null;
  const shown = localText(dataset, lang, remark);
  return shown.lang === lang ? shown : null;
}

/** A source's title as shown: our [bracketed] description is translated, a document's own title is not. */
export function sourceTitle(dataset: Dataset, lang: Lang, source: Source): LocalText {
  // A source's title comes with the details (src/data/details.ts): empty until they are there.
  const title = source.title ?? '';
  return isDescription(title) ? localText(dataset, lang, title) : { text: title, lang: source.lang };
}

/** True for a source title that is our description, not the document's (DATA.md: titles in [brackets]). */
export function isDescription(title: string): boolean {
  return title.startsWith('[');
}

/**
 * How a source is named in running text: its publisher (translated where it is a description such as
 * "Grodno oblast executive committee"), else its title.
 */
export function sourceLabel(dataset: Dataset, lang: Lang, source: Source | undefined): LocalText | null {
  if (!source) return null;
  return source.publisher ? localText(dataset, lang, source.publisher) : sourceTitle(dataset, lang, source);
}

/**
 * A link's title as shown: a document's own title (it begins with a capital letter, e.g. «Соглашение
 * между…») stays verbatim in the source's language and is quoted; a description of the document or
 * project (lower case: "road map 2024–2026", «межправительственное соглашение…») is translated and
 * not quoted, so it is not taken for a title.
 */
export function linkTitle(
  dataset: Dataset,
  lang: Lang,
  title: string,
  sourceLang: SourceLang,
): (LocalText & { isTitle: boolean }) | null {
  if (!title) return null;
  const first = title.charAt(0);
  const isTitle = first !== first.toLowerCase();
  return isTitle
    ? { text: title, lang: sourceLang, isTitle }
    : { ...localText(dataset, lang, title, sourceLang), isTitle };
}
