/**
 * Zod schemas for one CSV row of each table: every cell arrives as a string and leaves as the typed
 * field of `src/data/types.ts`. Messages are written for the person editing the spreadsheet.
 */
import { z } from 'zod';
import {
  BRIEFS,
  CERTAINTIES,
  DOCUMENT_KINDS,
  EXCLUSION_REASONS,
  EVENT_KINDS,
  EVENT_MODES,
  LINK_KINDS,
  LINK_STATUSES,
  QUALIFIERS,
  SOURCE_KINDS,
  SOURCE_LANGS,
  UNDATED,
} from '../../src/data/types.ts';

/** Columns of each table, in the order the files use. */
export const COLUMNS = {
  'regions.csv': ['code', 'country', 'name_en', 'name_ru', 'name_be'],
  'sources.csv': ['id', 'kind', 'title', 'publisher', 'date', 'lang', 'url', 'file', 'note'],
  'metrics.csv': ['id', 'unit', 'order', 'name_ru', 'name_be', 'name_en'],
  'figures.csv': [
    'id',
    'metric',
    'series',
    'year',
    'asOf',
    'value',
    'valueMax',
    'qualifier',
    'unit',
    'scope',
    'sourceId',
    'certainty',
    'outsideTimeline',
    'note',
    'quote',
  ],
  'cities.csv': ['id', 'region', 'lat', 'lon', 'name_ru', 'name_be', 'name_en', 'sourceId'],
  'links.csv': [
    'id',
    'kind',
    'status',
    'from',
    'to',
    'year',
    'date',
    'inForceBy',
    'firstYear',
    'title',
    'label_ru',
    'label_be',
    'label_en',
    'chair_ru',
    'chair_be',
    'chair_en',
    'sourceId',
    'certainty',
    'outsideTimeline',
    'note',
    'quote',
  ],
  'events.csv': [
    'id',
    'kind',
    'number',
    'year',
    'dateStart',
    'dateEnd',
    'city',
    'region',
    'mode',
    'name_ru',
    'name_be',
    'name_en',
    'sourceId',
    'certainty',
    'outsideTimeline',
    'note',
    'quote',
  ],
  'regionFacts.csv': [
    'id',
    'region',
    'year',
    'sinceYear',
    'text_ru',
    'text_be',
    'text_en',
    'sourceId',
    'certainty',
    'outsideTimeline',
    'note',
    'quote',
  ],
  'documents.csv': [
    'id',
    'link',
    'kind',
    'date',
    'year',
    'periodStart',
    'periodEnd',
    'title',
    'label_ru',
    'label_be',
    'label_en',
    'sourceId',
    'certainty',
    'note',
    'quote',
  ],
  'meetings.csv': ['id', 'link', 'date', 'year', 'city', 'sourceId', 'certainty', 'note', 'quote'],
  'assignments.csv': [
    'id',
    'region',
    'assignee_ru',
    'assignee_be',
    'assignee_en',
    'since',
    'until',
    'sourceId',
    'certainty',
    'note',
    'quote',
  ],
  'excluded.csv': ['entry', 'brief', 'reason', 'detail'],
  'accounted.csv': ['entry', 'brief', 'rows'],
} as const;

export type TableFile = keyof typeof COLUMNS;
export const TABLE_FILES = Object.keys(COLUMNS) as TableFile[];

/** A cell parser: returns the value, or a `{ problem }` explaining what is wrong with the text. */
type Problem = { problem: string };
const cell = <T>(read: (s: string) => T | Problem) =>
  z.string().transform((s, ctx): T => {
    const r = read(s);
    if (r !== null && typeof r === 'object' && 'problem' in (r as object)) {
      ctx.addIssue({ code: 'custom', message: (r as Problem).problem });
      return z.NEVER;
    }
    return r as T;
  });

const show = (s: string) => (s === '' ? 'an empty cell' : `"${s}"`);

const text = cell((s) => (s === '' ? { problem: 'is required' } : s));
const optText = z.string();
const id = cell((s) =>
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(s)
    ? s
    : {
        problem: `${show(s)} is not a valid id: use lower-case latin letters, digits and single dashes (e.g. "minsk-ufa")`,
      },
);
const ref = text;

function readInt(s: string): number | Problem {
  return /^-?\d+$/u.test(s) ? Number(s) : { problem: `${show(s)} is not a whole number` };
}
function readNumber(s: string): number | Problem {
  if (/^-?\d+(\.\d+)?$/u.test(s)) return Number(s);
  if (/^-?\d+,\d+$/u.test(s))
    return { problem: `"${s}" is not a number: use a dot as the decimal separator ("${s.replace(',', '.')}")` };
  return { problem: `${show(s)} is not a number (digits, optionally with a decimal dot)` };
}
const int = cell(readInt);
const optInt = cell((s) => (s === '' ? null : readInt(s)));
const num = cell(readNumber);
const optNum = cell((s) => (s === '' ? null : readNumber(s)));
const yesNo = cell((s) => {
  const v = s.toLowerCase();
  return v === 'yes' ? true : v === 'no' ? false : { problem: `${show(s)} must be "yes" or "no"` };
});

function validDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (mo && d) {
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    return date.getUTCDate() === Number(d);
  }
  return true;
}
/** ISO date, possibly partial (`2024`, `2024-06`, `2024-06-21`), or empty. */
const optDate = cell((s) =>
  s === '' || validDate(s) ? s : { problem: `${show(s)} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD` },
);
const reqDate = cell((s) =>
  validDate(s) ? s : { problem: `${show(s)} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD` },
);
const oneOf = <T extends string>(values: readonly T[]) =>
  cell((s) =>
    (values as readonly string[]).includes(s)
      ? (s as T)
      : { problem: `${show(s)} must be one of: ${values.join(', ')}` },
  );
const url = cell((s) =>
  s === '' || /^https?:\/\/[^\s/]+\.[^\s]*$/u.test(s)
    ? s
    : { problem: `${show(s)} is not a web address starting with https://` },
);
/** Coordinates: degrees with at most two decimals (the dataset's precision). */
const coord = (min: number, max: number) =>
  cell((s) => {
    if (!/^-?\d+(\.\d{1,2})?$/u.test(s))
      return { problem: `${show(s)} must be degrees with at most 2 decimals (e.g. 53.9)` };
    const n = Number(s);
    return n >= min && n <= max ? n : { problem: `${s} lies outside ${min}…${max}` };
  });

export const regionRow = z.object({
  code: cell((s) => (/^(BY|RU)-[A-Z]{2,3}$/u.test(s) ? s : { problem: `${show(s)} is not an ISO 3166-2 code` })),
  country: oneOf(['BY', 'RU'] as const),
  name_en: text,
  name_ru: text,
  name_be: text,
});

export const sourceRow = z.object({
  id,
  kind: oneOf(SOURCE_KINDS),
  title: text,
  publisher: optText,
  date: optDate,
  lang: oneOf(SOURCE_LANGS),
  url,
  file: optText,
  note: optText,
});

export const metricRow = z.object({
  id: cell((s) =>
    /^[a-z0-9]+(?:_[a-z0-9]+)*$/u.test(s)
      ? s
      : { problem: `${show(s)} is not a valid metric id: use lower-case letters, digits and underscores` },
  ),
  unit: cell((s) =>
    /^[a-z_]+$/u.test(s) ? s : { problem: `${show(s)} is not a unit key (e.g. count, usd_bn, percent)` },
  ),
  order: int,
  name_ru: text,
  name_be: text,
  name_en: text,
});

export const figureRow = z.object({
  id,
  metric: ref,
  series: id,
  year: int,
  asOf: cell((s) =>
    s === '' || s === UNDATED || validDate(s)
      ? s
      : {
          problem: `${show(s)} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (or "${UNDATED}" for an undated source)`,
        },
  ),
  value: num,
  valueMax: optNum,
  qualifier: oneOf(QUALIFIERS),
  unit: text,
  scope: text,
  sourceId: ref,
  certainty: oneOf(CERTAINTIES),
  outsideTimeline: yesNo,
  note: optText,
  quote: text,
});

export const cityRow = z.object({
  id,
  region: ref,
  lat: coord(-90, 90),
  lon: coord(-180, 180),
  name_ru: text,
  name_be: text,
  name_en: text,
  sourceId: ref,
});

export const linkRow = z.object({
  id,
  kind: oneOf(LINK_KINDS),
  status: oneOf(LINK_STATUSES),
  from: ref,
  to: ref,
  year: optInt,
  date: optDate,
  inForceBy: optInt,
  firstYear: optInt,
  title: optText,
  label_ru: optText,
  label_be: optText,
  label_en: optText,
  chair_ru: optText,
  chair_be: optText,
  chair_en: optText,
  sourceId: ref,
  certainty: oneOf(CERTAINTIES),
  outsideTimeline: yesNo,
  note: optText,
  quote: text,
});

export const eventRow = z.object({
  id,
  kind: oneOf(EVENT_KINDS),
  number: optInt,
  year: int,
  dateStart: reqDate,
  dateEnd: optDate,
  city: optText,
  region: optText,
  mode: oneOf(EVENT_MODES),
  name_ru: text,
  name_be: text,
  name_en: text,
  sourceId: ref,
  certainty: oneOf(CERTAINTIES),
  outsideTimeline: yesNo,
  note: optText,
  quote: text,
});

export const regionFactRow = z.object({
  id,
  region: ref,
  year: int,
  sinceYear: yesNo,
  text_ru: text,
  text_be: text,
  text_en: text,
  sourceId: ref,
  certainty: oneOf(CERTAINTIES),
  outsideTimeline: yesNo,
  note: optText,
  quote: text,
});

export const documentRow = z.object({
  id,
  link: ref,
  kind: oneOf(DOCUMENT_KINDS),
  date: optDate,
  year: optInt,
  periodStart: optInt,
  periodEnd: optInt,
  title: optText,
  label_ru: text,
  label_be: text,
  label_en: text,
  sourceId: ref,
  certainty: oneOf(CERTAINTIES),
  note: optText,
  quote: text,
});

export const meetingRow = z.object({
  id,
  link: ref,
  date: optDate,
  year: int,
  city: optText,
  sourceId: ref,
  certainty: oneOf(CERTAINTIES),
  note: optText,
  quote: text,
});

export const assignmentRow = z.object({
  id,
  region: ref,
  assignee_ru: text,
  assignee_be: text,
  assignee_en: text,
  since: optDate,
  until: optDate,
  sourceId: ref,
  certainty: oneOf(CERTAINTIES),
  note: optText,
  quote: text,
});

/** A brief's entry id: `A1` … `H6` in facts-research.md, `FBS:<short key>` in facts-beyond-seeds.md. */
const entry = cell((s) =>
  /^(?:[A-H]\d+|FBS:[a-z0-9]+(?:-[a-z0-9]+)*)$/u.test(s)
    ? s
    : { problem: `${show(s)} is not an entry id: write A1 … H6, or FBS:<short-key> for facts-beyond-seeds.md` },
);

export const excludedRow = z.object({
  entry,
  brief: oneOf(BRIEFS),
  reason: oneOf(EXCLUSION_REASONS),
  detail: optText,
});

export const accountedRow = z.object({
  entry,
  brief: oneOf(BRIEFS),
  rows: cell((s) => {
    const ids = s.split(/\s+/u).filter(Boolean);
    if (!ids.length) return { problem: 'is required: the ids of the rows that carry the entry, separated by spaces' };
    const bad = ids.find((i) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(i));
    return bad ? { problem: `"${bad}" is not a row id (lower-case latin letters, digits, single dashes)` } : ids;
  }),
});

export type RegionRow = z.output<typeof regionRow>;
export type SourceRow = z.output<typeof sourceRow>;
export type MetricRow = z.output<typeof metricRow>;
export type FigureRow = z.output<typeof figureRow>;
export type CityRow = z.output<typeof cityRow>;
export type LinkRow = z.output<typeof linkRow>;
export type EventRow = z.output<typeof eventRow>;
export type RegionFactRow = z.output<typeof regionFactRow>;
export type DocumentRow = z.output<typeof documentRow>;
export type MeetingRow = z.output<typeof meetingRow>;
export type AssignmentRow = z.output<typeof assignmentRow>;
export type ExcludedRow = z.output<typeof excludedRow>;
export type AccountedRow = z.output<typeof accountedRow>;
