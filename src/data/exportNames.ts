/**
 * The downloadable tables' names, MIME types and file names: what the download buttons show before
 * anything is downloaded. The tables themselves are made by `exportTables.ts`, which the buttons load
 * only when pressed (it is not part of the first view).
 */
export const EXPORT_TABLES = [
  'figures',
  'links',
  'documents',
  'meetings',
  'assignments',
  'events',
  'regionFacts',
  'cities',
  'metrics',
  'sources',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** MIME types for the downloads. */
export const CSV_MIME = 'text/csv;charset=utf-8';
export const JSON_MIME = 'application/json;charset=utf-8';

/** File name for a download, e.g. `by-ru-regions-figures.csv`. */
export function exportFileName(table: ExportTable | 'dataset', ext: 'csv' | 'json'): string {
  return `by-ru-regions-${table}.${ext}`;
}
