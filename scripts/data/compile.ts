/**
 * Compiles the CSV tables in `data/` into the {@link Dataset} the app loads, or into the list of every
 * problem found. Pure: takes file contents as strings, so tests need no filesystem.
 *
 *   CSV text ──readCsv──▶ rows with line numbers ──zod──▶ typed rows ──cross-checks──▶ Dataset | errors
 */
import type { ZodType } from 'zod';
import {
  BY_GOVERNMENT,
  FIRST_YEAR,
  LAST_YEAR,
  UNDATED,
  type City,
  type Dataset,
  type Figure,
  type Link,
  type MapEvent,
  type Metric,
  type Assignment,
  type Meeting,
  type RegionFact,
  type Source,
  type TieDocument,
} from '../../src/data/types.ts';
import { type CsvRow, type DataError, readCsv } from './csv.ts';
import {
  COLUMNS,
  TABLE_FILES,
  accountedRow,
  assignmentRow,
  cityRow,
  documentRow,
  excludedRow,
  meetingRow,
  eventRow,
  figureRow,
  linkRow,
  metricRow,
  regionFactRow,
  regionRow,
  sourceRow,
  type AccountedRow,
  type AssignmentRow,
  type CityRow,
  type DocumentRow,
  type ExcludedRow,
  type MeetingRow,
  type EventRow,
  type FigureRow,
  type LinkRow,
  type MetricRow,
  type RegionFactRow,
  type RegionRow,
  type SourceRow,
  type TableFile,
} from './schemas.ts';
import {
  implausibleYear,
  normaliseWhitespace,
  partsStandInOrder,
  quoteFitsQualifier,
  quoteStandsIn,
  quoteStatesNumber,
} from './text.ts';

export interface CompileInput {
  /** CSV text of each table, by file name (`sources.csv`, `links.csv` …). */
  tables: Partial<Record<TableFile, string>>;
  /** Seed documents by file name (`000_9cae26f29bfb74e0.txt`) → their text. */
  seeds: Record<string, string>;
  /** Folder the tables are reported under; `data` unless told. */
  dir?: string;
}

export type CompileResult = { dataset: Dataset; errors?: undefined } | { errors: DataError[]; dataset?: undefined };

/** A typed row and the line it came from. */
interface Parsed<T> {
  line: number;
  row: T;
}

/** The marker that says a quote is the research brief's wording, not the document's own words. */
export const PARAPHRASE_NOTE = 'paraphrase from research brief';

const years = (): number[] => Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

/** Parses and validates every table, then checks cross-references, quotes and years. */
export function compileDataset(input: CompileInput): CompileResult {
  const dir = input.dir ?? 'data';
  const errors: DataError[] = [];
  const path = (f: TableFile) => `${dir}/${f}`;

  function table<T>(file: TableFile, schema: ZodType<T>): Parsed<T>[] {
    const textOf = input.tables[file];
    if (textOf === undefined) {
      errors.push({ file: path(file), line: 1, field: 'file', reason: 'the file is missing' });
      return [];
    }
    const { rows, errors: csvErrors } = readCsv(path(file), textOf, COLUMNS[file]);
    errors.push(...csvErrors);
    return rows.flatMap((r: CsvRow) => {
      const res = schema.safeParse(r.cells);
      if (res.success) return [{ line: r.line, row: res.data }];
      for (const issue of res.error.issues) {
        errors.push({ file: path(file), line: r.line, field: String(issue.path[0] ?? 'row'), reason: issue.message });
      }
      return [];
    });
  }

  const regions = table<RegionRow>('regions.csv', regionRow);
  const sources = table<SourceRow>('sources.csv', sourceRow);
  const metrics = table<MetricRow>('metrics.csv', metricRow);
  const figures = table<FigureRow>('figures.csv', figureRow);
  const cities = table<CityRow>('cities.csv', cityRow);
  const links = table<LinkRow>('links.csv', linkRow);
  const events = table<EventRow>('events.csv', eventRow);
  const facts = table<RegionFactRow>('regionFacts.csv', regionFactRow);
  const documents = table<DocumentRow>('documents.csv', documentRow);
  const meetings = table<MeetingRow>('meetings.csv', meetingRow);
  const assignments = table<AssignmentRow>('assignments.csv', assignmentRow);
  const excluded = table<ExcludedRow>('excluded.csv', excludedRow);
  const accounted = table<AccountedRow>('accounted.csv', accountedRow);

  // Ids are unique within each table.
  function unique<T>(file: TableFile, rows: Parsed<T>[], key: (r: T) => string): Map<string, T> {
    const seen = new Map<string, T>();
    const firstLine = new Map<string, number>();
    for (const { line, row } of rows) {
      const k = key(row);
      if (seen.has(k)) {
        errors.push({
          file: path(file),
          line,
          field: 'id',
          reason: `"${k}" is already used on line ${firstLine.get(k)}`,
        });
      } else {
        seen.set(k, row);
        firstLine.set(k, line);
      }
    }
    return seen;
  }
  const regionByCode = unique('regions.csv', regions, (r) => r.code);
  const sourceById = unique('sources.csv', sources, (r) => r.id);
  const metricById = unique('metrics.csv', metrics, (r) => r.id);
  unique('figures.csv', figures, (r) => r.id);
  const cityById = unique('cities.csv', cities, (r) => r.id);
  const linkById = unique('links.csv', links, (r) => r.id);
  unique('events.csv', events, (r) => r.id);
  unique('regionFacts.csv', facts, (r) => r.id);
  unique('documents.csv', documents, (r) => r.id);
  unique('meetings.csv', meetings, (r) => r.id);
  unique('assignments.csv', assignments, (r) => r.id);

  type Push = (field: string, reason: string) => void;
  const pusher =
    (file: TableFile, line: number): Push =>
    (field, reason) =>
      errors.push({ file: path(file), line, field, reason });

  const countryOfRegion = (code: string) => regionByCode.get(code)?.country;

  function checkRegion(push: Push, field: string, code: string) {
    if (!regionByCode.has(code)) push(field, `"${code}" is not a region code in ${dir}/regions.csv`);
  }

  function checkSource(push: Push, sourceId: string): SourceRow | undefined {
    const s = sourceById.get(sourceId);
    if (!s) push('sourceId', `"${sourceId}" is not a source id in ${dir}/sources.csv`);
    return s;
  }

  /** Seed quotes must stand verbatim (whitespace aside) in the seed file. */
  function checkQuote(push: Push, source: SourceRow | undefined, quote: string) {
    if (!source || source.kind !== 'seed') return;
    const doc = input.seeds[source.file];
    if (doc === undefined) return; // reported on the source's own row
    if (quoteStandsIn(quote, doc)) return;
    // A quote cut with "…": each part stands in the document, in order.
    if (quote.includes('…') && partsStandInOrder(quote, doc)) return;
    push('quote', `not found verbatim in seeds/${source.file} (whitespace aside)${divergence(quote, doc)}`);
  }

  function checkTimeline(push: Push, field: string, year: number | null, flagged: boolean) {
    if (year === null) {
      if (flagged) push('outsideTimeline', '"yes" but the row has no year');
      return;
    }
    const implausible = implausibleYear(year);
    if (implausible) return push(field, implausible);
    const inside = year >= FIRST_YEAR && year <= LAST_YEAR;
    if (!inside && !flagged) {
      push(
        field,
        `${year} lies outside the timeline ${FIRST_YEAR}–${LAST_YEAR}: set outsideTimeline to "yes" if that is intended`,
      );
    }
    if (inside && flagged) push('outsideTimeline', `"yes" but ${year} lies inside ${FIRST_YEAR}–${LAST_YEAR}`);
  }

  // sources
  for (const { line, row } of sources) {
    const push = pusher('sources.csv', line);
    if (row.kind === 'seed') {
      if (!row.file) push('file', 'a seed source needs the file name of its document in seeds/');
      else if (!(row.file in input.seeds)) push('file', `seeds/${row.file} does not exist`);
    } else {
      if (!row.url) push('url', 'a web source needs its address');
      if (row.file) push('file', 'only seed sources have a file');
    }
    if (row.url.includes('…') && !row.note) {
      push('note', 'the address is incomplete ("…"): say so in the note');
    }
  }

  // figures
  for (const { line, row } of figures) {
    const push = pusher('figures.csv', line);
    const metric = metricById.get(row.metric);
    if (!metric) push('metric', `"${row.metric}" is not a metric id in ${dir}/metrics.csv`);
    else if (metric.unit !== row.unit) push('unit', `"${row.unit}" differs from the metric's unit "${metric.unit}"`);
    const source = checkSource(push, row.sourceId);
    checkTimeline(push, 'year', row.year, row.outsideTimeline);
    if (row.asOf && row.asOf !== UNDATED && Number(row.asOf.slice(0, 4)) < row.year) {
      push('asOf', `${row.asOf} lies before the figure's year ${row.year}`);
    }
    if (row.qualifier === 'range') {
      if (row.valueMax === null) push('valueMax', 'a range needs its upper bound');
      else if (row.valueMax <= row.value) push('valueMax', `${row.valueMax} is not above value ${row.value}`);
    } else if (row.valueMax !== null) {
      push('valueMax', `only a "range" figure has an upper bound (qualifier is "${row.qualifier}")`);
    }
    if (!quoteStatesNumber(row.quote, row.value)) push('value', `${row.value} does not appear in the quote`);
    if (row.valueMax !== null && !quoteStatesNumber(row.quote, row.valueMax)) {
      push('valueMax', `${row.valueMax} does not appear in the quote`);
    }
    if (!quoteFitsQualifier(row.quote, row.qualifier)) {
      push('qualifier', `"${row.qualifier}" but the quote has no word saying so (e.g. около/about, более/more than)`);
    }
    checkQuote(push, source, row.quote);
  }

  // cities
  for (const { line, row } of cities) {
    const push = pusher('cities.csv', line);
    checkRegion(push, 'region', row.region);
    checkSource(push, row.sourceId);
  }

  /** Which country an endpoint belongs to, and whether it is a city. */
  function endpoint(ref: string): { country: 'BY' | 'RU'; city: boolean } | undefined {
    if (ref === BY_GOVERNMENT) return { country: 'BY', city: false };
    const c = countryOfRegion(ref);
    if (c) return { country: c, city: false };
    const city = cityById.get(ref);
    const cc = city && countryOfRegion(city.region);
    return cc ? { country: cc, city: true } : undefined;
  }

  // links
  for (const { line, row } of links) {
    const push = pusher('links.csv', line);
    const from = endpoint(row.from);
    const to = endpoint(row.to);
    if (!from)
      push('from', `"${row.from}" is neither a region code, ${BY_GOVERNMENT}, nor a city id in ${dir}/cities.csv`);
    else if (from.country !== 'BY') push('from', `"${row.from}" is not on the Belarusian side`);
    if (!to || row.to === BY_GOVERNMENT)
      push('to', `"${row.to}" is neither a Russian region code nor a city id in ${dir}/cities.csv`);
    else if (to.country !== 'RU') push('to', `"${row.to}" is not on the Russian side`);
    const labels = [row.label_ru, row.label_be, row.label_en].filter(Boolean).length;
    if (labels !== 0 && labels !== 3)
      push('label_ru', 'give the label in all three languages (label_ru, label_be, label_en)');
    if (row.kind === 'sister' && (from?.city === false || to?.city === false) && labels === 0) {
      push('label_ru', 'a sister-city link between region codes names the cities or districts in label_ru/be/en');
    }
    if (row.kind === 'body' && from?.city)
      push('from', 'a joint body is formed by BY-GOV or an oblast/Minsk, not a city');
    if (row.kind === 'body' && to?.city) push('to', 'a joint body joins a Russian subject (region code), not a city');
    const chairs = [row.chair_ru, row.chair_be, row.chair_en].filter(Boolean).length;
    if (chairs !== 0 && row.kind !== 'body') push('chair_ru', 'only a joint body (kind "body") has a co-chair');
    else if (chairs !== 0 && chairs !== 3)
      push('chair_ru', 'give the co-chair in all three languages (chair_ru, chair_be, chair_en)');
    if (row.firstYear !== null && row.status !== 'renewed') {
      push('firstYear', `only a "renewed" link has the year of its first signing (status is "${row.status}")`);
    }
    if (row.firstYear !== null && row.year !== null && row.firstYear > row.year) {
      push('firstYear', `${row.firstYear} lies after the renewal year ${row.year}`);
    }
    if (row.year !== null && row.inForceBy !== null)
      push('inForceBy', 'give either year (signed) or inForceBy, not both');
    if (row.year !== null && (row.status === 'authorised' || row.status === 'planned')) {
      push('status', `"${row.status}" but a signing year is given`);
    }
    if (row.year === null && row.inForceBy === null && !row.note) {
      push('year', 'no year and no inForceBy: explain in the note why the link is undated');
    }
    if (row.date && row.year === null) push('date', 'a signing date needs the signing year');
    if (row.date && row.year !== null && !row.date.startsWith(String(row.year))) {
      push('date', `${row.date} is not in the signing year ${row.year}`);
    }
    checkTimeline(push, row.year !== null ? 'year' : 'inForceBy', row.year ?? row.inForceBy, row.outsideTimeline);
    checkQuote(push, checkSource(push, row.sourceId), row.quote);
  }

  // events
  for (const { line, row } of events) {
    const push = pusher('events.csv', line);
    const city = row.city ? cityById.get(row.city) : undefined;
    if (row.city && !city) push('city', `"${row.city}" is not a city id in ${dir}/cities.csv`);
    if (row.region) checkRegion(push, 'region', row.region);
    if (city && row.region && city.region !== row.region) {
      push('region', `"${row.region}" but city "${row.city}" lies in ${city.region}`);
    }
    if (row.mode !== 'online' && !row.city && !row.region)
      push('city', 'an event held in person needs a city or a region');
    if (row.kind === 'forum' && row.number === null) push('number', 'a forum needs its ordinal number');
    if (Number(row.dateStart.slice(0, 4)) !== row.year) push('dateStart', `${row.dateStart} is not in ${row.year}`);
    if (row.dateEnd && row.dateEnd < row.dateStart) push('dateEnd', `${row.dateEnd} lies before ${row.dateStart}`);
    checkTimeline(push, 'year', row.year, row.outsideTimeline);
    checkQuote(push, checkSource(push, row.sourceId), row.quote);
  }

  // regionFacts
  for (const { line, row } of facts) {
    const push = pusher('regionFacts.csv', line);
    checkRegion(push, 'region', row.region);
    checkTimeline(push, 'year', row.year, row.outsideTimeline);
    checkQuote(push, checkSource(push, row.sourceId), row.quote);
  }

  // documents under a tie
  for (const { line, row } of documents) {
    const push = pusher('documents.csv', line);
    if (!linkById.has(row.link)) push('link', `"${row.link}" is not a link id in ${dir}/links.csv`);
    if (row.date && row.year === null) push('date', 'a signing date needs the signing year');
    if (row.date && row.year !== null && !row.date.startsWith(String(row.year))) {
      push('date', `${row.date} is not in the signing year ${row.year}`);
    }
    if (row.periodStart !== null && row.periodEnd !== null && row.periodEnd < row.periodStart) {
      push('periodEnd', `${row.periodEnd} lies before periodStart ${row.periodStart}`);
    }
    checkQuote(push, checkSource(push, row.sourceId), row.quote);
  }

  // meetings of joint bodies
  for (const { line, row } of meetings) {
    const push = pusher('meetings.csv', line);
    const link = linkById.get(row.link);
    if (!link) push('link', `"${row.link}" is not a link id in ${dir}/links.csv`);
    else if (link.kind !== 'body' && link.kind !== 'agreement') {
      push('link', `"${row.link}" is a "${link.kind}" link: meetings belong to a joint body or an agreement`);
    }
    if (row.date && !row.date.startsWith(String(row.year))) push('date', `${row.date} is not in ${row.year}`);
    checkQuote(push, checkSource(push, row.sourceId), row.quote);
  }

  // assignments of Russian subjects to Belarusian officials
  for (const { line, row } of assignments) {
    const push = pusher('assignments.csv', line);
    if (countryOfRegion(row.region) !== 'RU')
      push('region', `"${row.region}" is not a Russian region code in ${dir}/regions.csv`);
    if (row.since && row.until && row.until < row.since) push('until', `${row.until} lies before ${row.since}`);
    checkQuote(push, checkSource(push, row.sourceId), row.quote);
  }

  // Every brief entry is accounted for once: in the data (accounted.csv) or set aside (excluded.csv).
  const rowIds = new Set<string>(
    [figures, links, events, facts, documents, meetings, assignments, cities].flatMap((t) =>
      t.map(({ row }) => (row as { id: string }).id),
    ),
  );
  const entryAt = new Map<string, string>();
  function entryOnce(file: TableFile, line: number, entry: string) {
    const first = entryAt.get(entry);
    if (first) pusher(file, line)('entry', `"${entry}" is already accounted for in ${first}`);
    else entryAt.set(entry, `${path(file)}:${line}`);
  }
  function briefFits(push: Push, entry: string, brief: string) {
    const fbs = entry.startsWith('FBS:');
    if (fbs !== (brief === 'facts-beyond-seeds')) {
      push('brief', `"${brief}" does not fit entry "${entry}" (FBS:… entries are from facts-beyond-seeds)`);
    }
  }
  for (const { line, row } of accounted) {
    const push = pusher('accounted.csv', line);
    entryOnce('accounted.csv', line, row.entry);
    briefFits(push, row.entry, row.brief);
    for (const id of row.rows) if (!rowIds.has(id)) push('rows', `"${id}" is not the id of a row in any table`);
  }
  for (const { line, row } of excluded) {
    const push = pusher('excluded.csv', line);
    entryOnce('excluded.csv', line, row.entry);
    briefFits(push, row.entry, row.brief);
    if ((row.reason === 'duplicate' || row.reason === 'other') && !row.detail) {
      push('detail', row.reason === 'duplicate' ? 'name the row id it duplicates' : 'say why');
    }
    const named = (w: string) => rowIds.has(w) || (/^[A-H]\d+$|^FBS:/u.test(w) && w !== row.entry);
    if (row.reason === 'duplicate' && row.detail && !row.detail.split(/[\s,;.()]+/u).some(named)) {
      push('detail', `"${row.detail}" names no row id of the data nor another entry (what it duplicates)`);
    }
  }

  if (errors.length) {
    const order = (f: string) => TABLE_FILES.findIndex((t) => f.endsWith(`/${t}`));
    errors.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line);
    return { errors };
  }

  const names = (r: { name_ru: string; name_be: string; name_en: string }) => ({
    ru: r.name_ru,
    be: r.name_be,
    en: r.name_en,
  });
  const dataset: Dataset = {
    years: years(),
    sources: sources.map(({ row }): Source => ({ ...row })),
    metrics: metrics.map(({ row }): Metric => ({ id: row.id, names: names(row), unit: row.unit, order: row.order })),
    figures: figures.map(({ row: r }): Figure => ({
      id: r.id,
      metric: r.metric,
      series: r.series,
      year: r.year,
      asOf: r.asOf,
      value: r.value,
      valueMax: r.valueMax,
      qualifier: r.qualifier,
      unit: r.unit,
      scope: r.scope,
      sourceId: r.sourceId,
      quote: r.quote,
      certainty: r.certainty,
      note: r.note,
    })),
    cities: cities.map(({ row }): City => ({
      id: row.id,
      names: names(row),
      region: row.region,
      lon: row.lon,
      lat: row.lat,
      sourceId: row.sourceId,
    })),
    links: links.map(({ row: r }): Link => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      from: r.from,
      to: r.to,
      year: r.year,
      date: r.date,
      inForceBy: r.inForceBy,
      firstYear: r.firstYear,
      title: r.title,
      label: { ru: r.label_ru, be: r.label_be, en: r.label_en },
      chair: { ru: r.chair_ru, be: r.chair_be, en: r.chair_en },
      sourceId: r.sourceId,
      quote: r.quote,
      certainty: r.certainty,
      note: r.note,
    })),
    events: events.map(({ row: r }): MapEvent => ({
      id: r.id,
      kind: r.kind,
      number: r.number,
      year: r.year,
      dateStart: r.dateStart,
      dateEnd: r.dateEnd,
      city: r.city,
      region: r.region,
      mode: r.mode,
      names: names(r),
      sourceId: r.sourceId,
      quote: r.quote,
      certainty: r.certainty,
      note: r.note,
    })),
    regionFacts: facts.map(({ row }): RegionFact => ({
      id: row.id,
      region: row.region,
      year: row.year,
      sinceYear: row.sinceYear,
      text: { ru: row.text_ru, be: row.text_be, en: row.text_en },
      sourceId: row.sourceId,
      quote: row.quote,
      certainty: row.certainty,
      note: row.note,
    })),
    documents: documents.map(({ row: r }): TieDocument => ({
      id: r.id,
      link: r.link,
      kind: r.kind,
      date: r.date,
      year: r.year,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      title: r.title,
      label: { ru: r.label_ru, be: r.label_be, en: r.label_en },
      sourceId: r.sourceId,
      quote: r.quote,
      certainty: r.certainty,
      note: r.note,
    })),
    meetings: meetings.map(({ row: r }): Meeting => ({ ...r })),
    assignments: assignments.map(({ row: r }): Assignment => ({
      id: r.id,
      region: r.region,
      assignee: { ru: r.assignee_ru, be: r.assignee_be, en: r.assignee_en },
      since: r.since,
      until: r.until,
      sourceId: r.sourceId,
      quote: r.quote,
      certainty: r.certainty,
      note: r.note,
    })),
  };
  return { dataset };
}

/** Points at where a quote stops matching its document, so the editor can see the changed word. */
function divergence(quote: string, doc: string): string {
  const q = normaliseWhitespace(quote);
  const d = normaliseWhitespace(doc);
  let lo = 0;
  let hi = q.length;
  // Longest prefix of the quote that occurs in the document (binary search on its length).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (d.includes(q.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return '';
  const tail = q.slice(Math.max(0, lo - 30), lo);
  return `; it matches up to "…${tail}" and differs from there`;
}
