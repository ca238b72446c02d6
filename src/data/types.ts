/**
 * Domain types shared by every layer. The compiled dataset (`public/data/dataset.json`, built by
 * `scripts/build-data.ts` from the CSV files in `data/`) has exactly the shape of {@link Dataset}.
 */

export const LANGS = ['ru', 'be', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A name in each interface language. */
export type Names = Record<Lang, string>;

/** First and last year of the timeline (inclusive). */
export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2024;

/** Languages a source may be written in: the interface languages and a few more (a quote stays in its own). */
export const SOURCE_LANGS = ['ru', 'be', 'en', 'uk', 'pl', 'de'] as const;
export type SourceLang = (typeof SOURCE_LANGS)[number];

export const SOURCE_KINDS = ['seed', 'web'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** `certain`: stated plainly by the source; `uncertain`: flagged ⚠ (estimate, forecast, conflicting). */
export const CERTAINTIES = ['certain', 'uncertain'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export interface Source {
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string;
  /** ISO date, possibly partial: `2024`, `2024-06`, `2024-06-21`; empty when the text does not say. */
  date: string;
  /** Language of the document (quotes are shown in it). */
  lang: SourceLang;
  /** Web address, for `web` sources (and seeds whose text gives one). */
  url: string;
  /** File name under `seeds/`, for `seed` sources. */
  file: string;
  /** Remarks on the source itself: how its date was derived, an address the research brief gives only in part. */
  note: string;
}

/** How the quoted number relates to the real value. */
export const QUALIFIERS = ['exact', 'about', 'more_than', 'at_least', 'range'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface Metric {
  id: string;
  names: Names;
  /** Unit key: `count`, `usd_bn`, `percent` … */
  unit: string;
  /** Display order in the figures panel. */
  order: number;
}

/** A figure's `asOf` when its source is undated (seed 002): the year it is filed under is derived. */
export const UNDATED = 'undated';

export interface Figure {
  id: string;
  metric: string;
  /** A series groups the figures of one metric from one line of sources; conflicting series stay apart. */
  series: string;
  /** The year the figure describes. */
  year: number;
  /** ISO date (partial allowed) the figure is "as of", when the source gives one; `undated` when the source has no date. */
  asOf: string;
  value: number;
  /** Upper bound for `range` figures. */
  valueMax: number | null;
  qualifier: Qualifier;
  unit: string;
  /** What is counted, in the source's words where possible (e.g. "Belarusian ministers' visits"). */
  scope: string;
  sourceId: string;
  quote: string;
  certainty: Certainty;
  note: string;
}

export const LINK_KINDS = ['agreement', 'sister', 'project', 'body'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const LINK_STATUSES = ['signed', 'in_force', 'authorised', 'planned', 'intentions', 'renewed'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** The Government of Belarus as a party to agreements; drawn from Minsk. */
export const BY_GOVERNMENT = 'BY-GOV';

export interface City {
  id: string;
  names: Names;
  /** ISO 3166-2 code of the region the city lies in. */
  region: string;
  lon: number;
  lat: number;
  sourceId: string;
}

export interface Link {
  id: string;
  kind: LinkKind;
  status: LinkStatus;
  /** Belarusian side: region code (`BY-HR`), `BY-GOV`, or a city id (sister cities, projects in a city). */
  from: string;
  /** Russian side: subject code (`RU-KRS`) or a city id. */
  to: string;
  /** Year the document was signed, when a source says so. */
  year: number | null;
  /** ISO date (partial) of signing, when known. */
  date: string;
  /** When `year` is null: the year by which a source shows the link in force. */
  inForceBy: number | null;
  /** For `renewed` links: the year of the first signing, when a source gives it. */
  firstYear: number | null;
  /** Name of a joint project, or the title of the document, verbatim in the source's language. */
  title: string;
  /** Our short description for readers in each language (empty names when the row has none yet). */
  label: Names;
  /** For `body` links: the Belarusian co-chair's post as the source names it, in each language. */
  chair: Names;
  sourceId: string;
  quote: string;
  certainty: Certainty;
  note: string;
}

/** Kinds of document signed under a tie. */
export const DOCUMENT_KINDS = ['plan', 'roadmap', 'protocol', 'programme', 'memorandum', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document under a tie (plan of measures, road map, protocol, programme …). */
export interface TieDocument {
  id: string;
  /** The id of the link it belongs to. */
  link: string;
  kind: DocumentKind;
  /** ISO date (partial) of signing, when known. */
  date: string;
  /** Year of signing, when known. */
  year: number | null;
  /** First and last year the document covers (e.g. 2023, 2025), when stated. */
  periodStart: number | null;
  periodEnd: number | null;
  /** Official title verbatim in the source's language, when given. */
  title: string;
  /** Our short description in each language. */
  label: Names;
  sourceId: string;
  quote: string;
  certainty: Certainty;
  note: string;
}

/** A year a source shows a joint body (or an agreement's working group) meeting. */
export interface Meeting {
  id: string;
  link: string;
  date: string;
  year: number;
  /** City name in Russian or a city id; may be empty. */
  city: string;
  sourceId: string;
  quote: string;
  certainty: Certainty;
  note: string;
}

/** Which Belarusian official or body a Russian subject is assigned to, and since when. */
export interface Assignment {
  id: string;
  /** ISO 3166-2 code of the Russian subject. */
  region: string;
  assignee: Names;
  /** ISO date (partial) of the act or source; empty when not stated. */
  since: string;
  /** ISO date (partial) when a source says the assignment changed; empty otherwise. */
  until: string;
  sourceId: string;
  quote: string;
  certainty: Certainty;
  note: string;
}

/** The research briefs whose entries `data/accounted.csv` and `data/excluded.csv` account for. */
export const BRIEFS = ['facts-research', 'facts-beyond-seeds'] as const;
export type Brief = (typeof BRIEFS)[number];

/** Why a brief's entry is not in the data. */
export const EXCLUSION_REASONS = [
  'outside_timeline',
  'not_confirmed',
  'duplicate',
  'not_regional',
  'quote_not_stating',
  'no_verbatim_quote',
  'context_only',
  'other',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const EVENT_KINDS = ['forum', 'sister_meeting'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_MODES = ['in_person', 'online', 'hybrid'] as const;
export type EventMode = (typeof EVENT_MODES)[number];

export interface MapEvent {
  id: string;
  kind: EventKind;
  /** Ordinal (the X Forum → 10); null when not numbered. */
  number: number | null;
  year: number;
  dateStart: string;
  dateEnd: string;
  /** Host city id, or empty when the event had no single host city (online). */
  city: string;
  /** Host region code, or empty. */
  region: string;
  mode: EventMode;
  names: Names;
  sourceId: string;
  quote: string;
  certainty: Certainty;
  note: string;
}

export interface RegionFact {
  id: string;
  region: string;
  /** Year the fact holds for; `sinceYear` facts hold from that year on. */
  year: number;
  sinceYear: boolean;
  /** The fact in each language (translations of the quote's meaning; the quote stays original). */
  text: Names;
  sourceId: string;
  quote: string;
  certainty: Certainty;
  /** Remarks, e.g. "paraphrase from research brief" when the quote is not the document's own words. */
  note: string;
}

export interface Dataset {
  years: number[];
  sources: Source[];
  metrics: Metric[];
  figures: Figure[];
  cities: City[];
  links: Link[];
  events: MapEvent[];
  regionFacts: RegionFact[];
  documents: TieDocument[];
  meetings: Meeting[];
  assignments: Assignment[];
  /**
   * The data's own prose in each language (data/translations.csv), by `textKey` of the text as the
   * tables write it; absent in older files.
   */
  translations?: Record<string, TextTranslation>;
}

/** A text in Russian and Belarusian, and in English where the text itself is not English. */
export type TextTranslation = [ru: string, be: string] | [ru: string, be: string, en: string];

/** One text of the data (a remark, a description, a publisher) as written, and in each language. */
export interface DataTranslation {
  /** As the app shows it from the table (a remark without its "paraphrase from research brief" marker, first letter raised). */
  text: string;
  ru: string;
  be: string;
  en: string;
}

/** One region as drawn (from `public/data/regions.topo.json`). */
export interface RegionInfo {
  /** ISO 3166-2 code, e.g. `RU-KRS`, `BY-HR`. */
  code: string;
  country: 'BY' | 'RU';
  names: Names;
  /** Label point, lon/lat degrees. */
  label: [number, number];
}
