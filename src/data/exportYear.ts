/**
 * One year's data as a single CSV: the links drawn by that year, the events held in it and the figures
 * that describe it, each row with its source joined in (the same rows as the per-table downloads,
 * filtered to the year). A `record` column says which table a row comes from.
 */
import { eventsForYear, figuresForYear, linksKnownBy } from './dataset';
import { rowsToCsv, tableRows, type ExportTable } from './exportTables';
import type { Dataset } from './types';

type Cell = string | number | boolean | null;

/** The tables a year's export draws from, in the order its rows appear. */
export const YEAR_TABLES = ['links', 'events', 'figures'] as const satisfies readonly ExportTable[];
export type YearTable = (typeof YEAR_TABLES)[number];

/** Singular record names for the `record` column. */
const RECORD: Record<YearTable, string> = { links: 'link', events: 'event', figures: 'figure' };

/** Ids of the rows of each table that belong to `year`. */
export function yearIds(dataset: Dataset, year: number): Record<YearTable, Set<string>> {
  return {
    links: new Set(linksKnownBy(dataset, year).map((l) => l.id)),
    events: new Set(eventsForYear(dataset, year).map((e) => e.id)),
    figures: new Set(figuresForYear(dataset, year).map((f) => f.id)),
  };
}

/** Columns and rows of the year's export (columns: `record`, then each table's columns once). */
export function yearRows(dataset: Dataset, year: number): { columns: string[]; rows: Record<string, Cell>[] } {
  const ids = yearIds(dataset, year);
  const columns = ['record'];
  const rows: Record<string, Cell>[] = [];
  for (const table of YEAR_TABLES) {
    const t = tableRows(dataset, table);
    for (const c of t.columns) if (!columns.includes(c)) columns.push(c);
    for (const r of t.rows) if (ids[table].has(String(r.id))) rows.push({ record: RECORD[table], ...r });
  }
  return { columns, rows };
}

/** The year's data as CSV text (RFC 4180); `bom` for Excel. */
export function yearCsv(dataset: Dataset, year: number, options: { bom?: boolean } = {}): string {
  const { columns, rows } = yearRows(dataset, year);
  return (options.bom ? '\ufeff' : '') + rowsToCsv(columns, rows);
}

/** File name of a year's export, e.g. `by-ru-regions-2020.csv`. */
export function yearFileName(year: number): string {
  return `by-ru-regions-${year}.csv`;
}
