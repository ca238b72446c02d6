/**
 * Downloadable tables: each table of the dataset as CSV (RFC 4180), every row carrying its source's
 * title, publisher, date, address and file, so a downloaded row can be checked on its own; and the
 * whole dataset as JSON. Pure: the UI turns the strings into downloads.
 */
import type { ExportTable } from './exportNames';
import type { Dataset, Names, Source } from './types';

export { CSV_MIME, EXPORT_TABLES, exportFileName, JSON_MIME, type ExportTable } from './exportNames';

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

/**
 * Text that a spreadsheet would run as a formula when the file is opened (CSV injection): a cell
 * starting with = + - @ (or their full-width forms, which Excel reads the same), also after white
 * space, line breaks, no-break spaces or quotes, which Excel and Calc skip; or with a tab or CR.
 */
const FORMULA_START = /^(?:[\t\r]|[\s"]*[=+\-@＝＋－＠])/u;
/**
 * The same inside a field, after a semicolon: a Russian-locale Excel splits a CSV line on `;`, so
 * each piece of a field becomes a cell of its own.
 */
const FORMULA_AFTER_SEMICOLON = /;(?=[\t\r]|[\s"]*[=+\-@＝＋－＠])/gu;

/**
 * One CSV field: quoted when it holds a comma, a semicolon, a quote or a line break; quotes doubled
 * (RFC 4180). Text that a spreadsheet would run as a formula, at its start or after a semicolon,
 * gets an apostrophe there, so Excel or Calc shows it instead of running it (OWASP's CSV-injection
 * advice); numbers are written as they are.
 */
export function csvField(value: Cell): string {
  let s = value === null ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  if (typeof value === 'string') {
    if (FORMULA_START.test(s)) s = `'${s}`;
    s = s.replace(FORMULA_AFTER_SEMICOLON, ";'");
  }
  return /[",;\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

/** Rows to CSV text: a header row, then one line per row, lines ending in CRLF (RFC 4180). */
export function rowsToCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [
    columns.map(csvField).join(','),
    ...rows.map((r) => columns.map((c) => csvField(r[c] ?? null)).join(',')),
  ];
  return lines.map((l) => `${l}\r\n`).join('');
}

const names = (prefix: string, n: Names): Row => ({
  [`${prefix}_ru`]: n.ru,
  [`${prefix}_be`]: n.be,
  [`${prefix}_en`]: n.en,
});

const SOURCE_COLUMNS = ['source_title', 'source_publisher', 'source_date', 'source_url', 'source_file'] as const;
function sourceColumns(s: Source | undefined): Row {
  return {
    source_title: s?.title ?? '',
    source_publisher: s?.publisher ?? '',
    source_date: s?.date ?? '',
    source_url: s?.url ?? '',
    source_file: s ? (s.file ? `seeds/${s.file}` : '') : '',
  };
}

/** The columns and rows of one table, with the source joined in. */
export function tableRows(dataset: Dataset, table: ExportTable): { columns: string[]; rows: Row[] } {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const src = (id: string) => sourceColumns(sources.get(id));
  const metrics = new Map(dataset.metrics.map((m) => [m.id, m]));
  switch (table) {
    case 'figures':
      return {
        columns: [
          'id',
          'metric',
          'metric_name_en',
          'metric_name_ru',
          'metric_name_be',
          'series',
          'year',
          'asOf',
          'value',
          'valueMax',
          'qualifier',
          'unit',
          'scope',
          'certainty',
          'quote',
          'note',
          'sourceId',
          ...SOURCE_COLUMNS,
        ],
        rows: dataset.figures.map((f) => {
          const m = metrics.get(f.metric);
          return {
            ...f,
            metric_name_en: m?.names.en ?? '',
            metric_name_ru: m?.names.ru ?? '',
            metric_name_be: m?.names.be ?? '',
            ...src(f.sourceId),
          };
        }),
      };
    case 'links':
      return {
        columns: [
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
          'certainty',
          'quote',
          'note',
          'sourceId',
          ...SOURCE_COLUMNS,
        ],
        rows: dataset.links.map(({ label, chair, ...l }) => ({
          ...l,
          ...names('label', label),
          ...names('chair', chair),
          ...src(l.sourceId),
        })),
      };
    case 'events':
      return {
        columns: [
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
          'certainty',
          'quote',
          'note',
          'sourceId',
          ...SOURCE_COLUMNS,
        ],
        rows: dataset.events.map(({ names: n, ...e }) => ({ ...e, ...names('name', n), ...src(e.sourceId) })),
      };
    case 'documents':
      return {
        columns: [
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
          'certainty',
          'quote',
          'note',
          'sourceId',
          ...SOURCE_COLUMNS,
        ],
        rows: dataset.documents.map(({ label, ...d }) => ({ ...d, ...names('label', label), ...src(d.sourceId) })),
      };
    case 'meetings':
      return {
        columns: ['id', 'link', 'date', 'year', 'city', 'certainty', 'quote', 'note', 'sourceId', ...SOURCE_COLUMNS],
        rows: dataset.meetings.map((m) => ({ ...m, ...src(m.sourceId) })),
      };
    case 'assignments':
      return {
        columns: [
          'id',
          'region',
          'assignee_ru',
          'assignee_be',
          'assignee_en',
          'since',
          'until',
          'certainty',
          'quote',
          'note',
          'sourceId',
          ...SOURCE_COLUMNS,
        ],
        rows: dataset.assignments.map(({ assignee, ...a }) => ({
          ...a,
          ...names('assignee', assignee),
          ...src(a.sourceId),
        })),
      };
    case 'regionFacts':
      return {
        columns: [
          'id',
          'region',
          'year',
          'sinceYear',
          'text_ru',
          'text_be',
          'text_en',
          'certainty',
          'quote',
          'note',
          'sourceId',
          ...SOURCE_COLUMNS,
        ],
        rows: dataset.regionFacts.map(({ text, ...f }) => ({ ...f, ...names('text', text), ...src(f.sourceId) })),
      };
    case 'cities':
      return {
        columns: ['id', 'region', 'lat', 'lon', 'name_ru', 'name_be', 'name_en', 'sourceId', ...SOURCE_COLUMNS],
        rows: dataset.cities.map(({ names: n, ...c }) => ({ ...c, ...names('name', n), ...src(c.sourceId) })),
      };
    case 'metrics':
      return {
        columns: ['id', 'unit', 'order', 'name_ru', 'name_be', 'name_en'],
        rows: dataset.metrics.map(({ names: n, ...m }) => ({ ...m, ...names('name', n) })),
      };
    case 'sources':
      return {
        columns: ['id', 'kind', 'title', 'publisher', 'date', 'lang', 'url', 'file', 'note'],
        rows: dataset.sources.map((s) => ({ ...s, file: s.file ? `seeds/${s.file}` : '' })),
      };
  }
}

/**
 * One table as CSV text (RFC 4180, CRLF line ends). Pass `{ bom: true }` for a file that Excel opens
 * as UTF-8 (the quotes are Cyrillic).
 */
export function toCsv(dataset: Dataset, table: ExportTable, options: { bom?: boolean } = {}): string {
  const { columns, rows } = tableRows(dataset, table);
  return (options.bom ? '\ufeff' : '') + rowsToCsv(columns, rows);
}

/** The whole dataset as readable JSON (2-space indent), the same shape the app loads. */
export function toJson(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
