/**
 * The compiled dataset in the browser: a light structural check of `dataset.json` (the full
 * validation runs at build time, in scripts/data/) and the small pure look-ups the UI needs.
 */
import { isDeferredField, isDeferredTable } from './details';
import {
  BY_GOVERNMENT,
  type Assignment,
  type City,
  type Dataset,
  type Figure,
  type Link,
  type MapEvent,
  type Meeting,
  type Source,
  type TieDocument,
} from './types';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, expected: string, got: unknown): never {
  const shown = got === undefined ? 'nothing' : JSON.stringify(got)?.slice(0, 60);
  throw new Error(`dataset.json: ${path}: expected ${expected}, got ${shown}`);
}

/** Field checks per table: the fields the app relies on, each with the JSON type it must have. */
const FIELDS = {
  sources: { id: 'string', kind: 'string', title: 'string', date: 'string', url: 'string', file: 'string' },
  metrics: { id: 'string', unit: 'string', order: 'number', names: 'names' },
  figures: {
    id: 'string',
    metric: 'string',
    series: 'string',
    year: 'number',
    value: 'number',
    qualifier: 'string',
    sourceId: 'string',
    quote: 'string',
    certainty: 'string',
  },
  cities: { id: 'string', region: 'string', lon: 'number', lat: 'number', names: 'names', sourceId: 'string' },
  links: {
    id: 'string',
    kind: 'string',
    status: 'string',
    from: 'string',
    to: 'string',
    sourceId: 'string',
    quote: 'string',
  },
  events: {
    id: 'string',
    kind: 'string',
    year: 'number',
    city: 'string',
    region: 'string',
    names: 'names',
    sourceId: 'string',
  },
  regionFacts: {
    id: 'string',
    region: 'string',
    year: 'number',
    sinceYear: 'boolean',
    text: 'names',
    sourceId: 'string',
  },
  documents: { id: 'string', link: 'string', kind: 'string', label: 'names', sourceId: 'string', quote: 'string' },
  meetings: { id: 'string', link: 'string', year: 'number', sourceId: 'string', quote: 'string' },
  assignments: { id: 'string', region: 'string', assignee: 'names', since: 'string', sourceId: 'string' },
} as const satisfies Record<Exclude<keyof Dataset, 'years' | 'translations'>, Record<string, string>>;

function checkField(path: string, value: unknown, kind: string): void {
  if (kind === 'names') {
    if (!isObject(value) || ['ru', 'be', 'en'].some((l) => typeof value[l] !== 'string')) {
      fail(path, 'names in ru, be and en', value);
    }
  } else if (typeof value !== kind) {
    fail(path, `a ${kind}`, value);
  }
}

/**
 * Checks that `json` has the shape of a {@link Dataset} and returns it typed. Throws an Error naming
 * the first bad path (`dataset.json: figures[3].value: expected a number, got "26,1"`).
 */
export function decodeDataset(json: unknown): Dataset {
  if (!isObject(json)) fail('(root)', 'an object', json);
  if (!Array.isArray(json.years) || json.years.some((y) => typeof y !== 'number'))
    fail('years', 'a list of years', json.years);
  for (const [table, fields] of Object.entries(FIELDS)) {
    const rows = json[table];
    // A table the first-view file leaves out (details.ts) comes with the details: empty until then.
    if (isDeferredTable(table) && rows === undefined) {
      json[table] = [];
      continue;
    }
    if (!Array.isArray(rows)) fail(table, 'a list', rows);
    rows.forEach((row: unknown, i: number) => {
      const path = `${table}[${i}]`;
      if (!isObject(row)) fail(path, 'an object', row);
      for (const [field, kind] of Object.entries(fields)) {
        // The first-view file leaves these out (details.ts); a complete file has them.
        if (isDeferredField(table, field) && row[field] === undefined) continue;
        checkField(`${path}.${field}`, row[field], kind);
      }
    });
  }
  if (json.translations !== undefined) {
    if (!isObject(json.translations)) fail('translations', 'an object', json.translations);
    for (const [key, row] of Object.entries(json.translations)) {
      const ok =
        Array.isArray(row) && (row.length === 2 || row.length === 3) && row.every((s) => typeof s === 'string');
      if (!ok) fail(`translations.${key}`, 'ru, be (and en) texts', row);
    }
  }
  for (const [i, l] of (json.links as Json[]).entries()) {
    if (l.year !== null && typeof l.year !== 'number') fail(`links[${i}].year`, 'a number or null', l.year);
    if (l.inForceBy !== null && typeof l.inForceBy !== 'number')
      fail(`links[${i}].inForceBy`, 'a number or null', l.inForceBy);
  }
  return json as unknown as Dataset;
}

// Indexes are built once per dataset object and kept beside it.
const sourceIndex = new WeakMap<Dataset, Map<string, Source>>();
const cityIndex = new WeakMap<Dataset, Map<string, City>>();
const metricOrder = new WeakMap<Dataset, Map<string, number>>();

function indexed<T extends { id: string }>(
  cache: WeakMap<Dataset, Map<string, T>>,
  d: Dataset,
  rows: T[],
): Map<string, T> {
  let m = cache.get(d);
  if (!m) {
    m = new Map(rows.map((r) => [r.id, r]));
    cache.set(d, m);
  }
  return m;
}

/** The source a record cites (`figure.sourceId`, `link.sourceId` …). */
export function sourceById(dataset: Dataset, id: string): Source | undefined {
  return indexed(sourceIndex, dataset, dataset.sources).get(id);
}

/** A city by id; its `lon`/`lat` are degrees (2 decimals). */
export function cityById(dataset: Dataset, id: string): City | undefined {
  return indexed(cityIndex, dataset, dataset.cities).get(id);
}

function orderOf(dataset: Dataset, metric: string): number {
  let m = metricOrder.get(dataset);
  if (!m) {
    m = new Map(dataset.metrics.map((x) => [x.id, x.order]));
    metricOrder.set(dataset, m);
  }
  return m.get(metric) ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The figures that describe `year`, in the metrics' display order (then by series). A metric with no
 * figure for the year has none here: the UI shows "no data", never a zero or an interpolation.
 * Values are in each figure's `unit` (`count`, `usd_bn`, `usd_mln`, `rub_bn`, `percent`).
 */
export function figuresForYear(dataset: Dataset, year: number): Figure[] {
  return dataset.figures
    .filter((f) => f.year === year)
    .sort((a, b) => orderOf(dataset, a.metric) - orderOf(dataset, b.metric) || a.series.localeCompare(b.series));
}

export interface Series {
  /** Series id: one line of sources; two series of one metric that disagree are never merged. */
  series: string;
  /** The series' figures by year, oldest first. */
  figures: Figure[];
}

/** The figures of one metric grouped into their series, each sorted by year. */
export function seriesByMetric(dataset: Dataset, metric: string): Series[] {
  const groups = new Map<string, Figure[]>();
  for (const f of dataset.figures) {
    if (f.metric !== metric) continue;
    const g = groups.get(f.series);
    if (g) g.push(f);
    else groups.set(f.series, [f]);
  }
  return [...groups].map(([series, figures]) => ({ series, figures: figures.sort((a, b) => a.year - b.year) }));
}

/**
 * The year from which a link is shown: for a renewal, the first signing when a source gives it (the
 * tie existed before it was renewed); else its signing year, else the year by which a source shows it
 * (in force, or authorised for `authorised` links); null when no source dates it at all.
 */
export function linkStartYear(link: Link): number | null {
  return (link.status === 'renewed' ? link.firstYear : null) ?? link.year ?? link.inForceBy;
}

/** Statuses that count as a concluded agreement (not authorised, planned or a protocol of intentions). */
const CONCLUDED = new Set<Link['status']>(['signed', 'in_force', 'renewed']);

/**
 * Links signed, in force or renewed by `year` (a link counts from `year ?? inForceBy`; undated links
 * never); not those only authorised, planned or a protocol of intentions.
 */
export function linksInForce(dataset: Dataset, year: number): Link[] {
  return dataset.links.filter((l) => {
    const start = linkStartYear(l);
    return start !== null && start <= year && CONCLUDED.has(l.status);
  });
}

/** Every dated link known by `year`, whatever its status (authorised and planned ones included). */
export function linksKnownBy(dataset: Dataset, year: number): Link[] {
  return dataset.links.filter((l) => {
    const start = linkStartYear(l);
    return start !== null && start <= year;
  });
}

/** Links no source dates (neither signing year nor a year shown in force): list them, don't place them. */
export function undatedLinks(dataset: Dataset): Link[] {
  return dataset.links.filter((l) => linkStartYear(l) === null);
}

/** True when a source says the link was signed in `year` (a link only shown in force by then is not "new"). */
export function isNewInYear(link: Link, year: number): boolean {
  return link.year === year;
}

/** The events (Forums of Regions, sister-city meetings) held in `year`. */
export function eventsForYear(dataset: Dataset, year: number): MapEvent[] {
  return dataset.events.filter((e) => e.year === year);
}

/** Sort key of a dated record: its date, else its year, else last. */
const whenKey = (date: string, year: number | null): string => date || (year === null ? '9999' : String(year));

/** The documents signed under a link (plans, road maps, protocols …), oldest first; undated last. */
export function documentsOfLink(dataset: Dataset, linkId: string): TieDocument[] {
  return dataset.documents
    .filter((d) => d.link === linkId)
    .sort((a, b) => whenKey(a.date, a.year).localeCompare(whenKey(b.date, b.year)) || a.id.localeCompare(b.id));
}

/** The meetings a source shows for a joint body (or an agreement's working group), oldest first. */
export function meetingsOfLink(dataset: Dataset, linkId: string): Meeting[] {
  return dataset.meetings
    .filter((m) => m.link === linkId)
    .sort((a, b) => whenKey(a.date, a.year).localeCompare(whenKey(b.date, b.year)) || a.id.localeCompare(b.id));
}

/** What a source says was signed in `year`: the links signed then and the documents signed under any link. */
export function signedInYear(dataset: Dataset, year: number): { links: Link[]; documents: TieDocument[] } {
  return {
    links: dataset.links.filter((l) => l.year === year),
    documents: dataset.documents
      .filter((d) => d.year === year)
      .sort((a, b) => whenKey(a.date, a.year).localeCompare(whenKey(b.date, b.year)) || a.id.localeCompare(b.id)),
  };
}

const yearOf = (date: string): number | null => (date ? Number(date.slice(0, 4)) : null);

/**
 * The Belarusian official or body a Russian subject is assigned to in `year`: of the assignments in
 * force then (since ≤ year, or undated; until empty or ≥ year), the latest one. Undefined when none.
 */
export function assignmentOf(dataset: Dataset, region: string, year: number): Assignment | undefined {
  const current = dataset.assignments.filter((a) => {
    const since = yearOf(a.since);
    const until = yearOf(a.until);
    return a.region === region && (since === null || since <= year) && (until === null || until >= year);
  });
  return current.sort((a, b) => b.since.localeCompare(a.since) || a.id.localeCompare(b.id))[0];
}

/** A tie a source shows existing: not only authorised or planned. */
export function isTie(link: Link): boolean {
  return link.status !== 'authorised' && link.status !== 'planned';
}

/** The Russian subject a link reaches (its `to` is a region code or a city id). */
function russianRegion(dataset: Dataset, link: Link): string {
  return cityById(dataset, link.to)?.region ?? link.to;
}

/**
 * How many of the things an official count counts the data names with a source by `year`, for the
 * metrics where that comparison is meaningful ("sourced here: N of 79"); null for other metrics.
 * - agreements_gov: concluded agreements of the Government of Belarus with Russian subjects;
 * - agreements_gov_regions: the Russian subjects those agreements reach;
 * - ru_regions_assigned: Russian subjects with a sourced assignment to a Belarusian official or body;
 * - ru_regions_direct_ties: Russian subjects with a sourced tie (not only authorised or planned).
 */
export function sourcedCount(dataset: Dataset, metric: string, year: number): number | null {
  const known = linksKnownBy(dataset, year);
  const govAgreements = known.filter(
    (l) => l.kind === 'agreement' && l.from === BY_GOVERNMENT && CONCLUDED.has(l.status),
  );
  switch (metric) {
    case 'agreements_gov':
      return govAgreements.length;
    case 'agreements_gov_regions':
      return new Set(govAgreements.map((l) => russianRegion(dataset, l))).size;
    case 'ru_regions_assigned':
      return new Set(dataset.assignments.filter((a) => assignmentOf(dataset, a.region, year)).map((a) => a.region))
        .size;
    case 'ru_regions_direct_ties':
      return new Set(known.filter(isTie).map((l) => russianRegion(dataset, l))).size;
    default:
      return null;
  }
}
