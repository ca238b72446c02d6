/**
 * The split of the compiled dataset into what the first view shows (`dataset.json`) and what it does
 * not (`details.json`: quotes, remarks, and whole tables that only later panels show), so the first
 * view transfers less. The split is declared once here, as data, and used both by the build
 * (`scripts/build-data.ts` writes the two files) and by the browser (the first-view decoder skips the
 * deferred fields; `detailsLoader.ts` fetches the rest after the first view or on demand).
 */
import type { Dataset } from './types';

/** Fields of first-view tables that no first view shows: each appears only in an opened citation, the
 *  region panel, or the year's list of new ties once the details are there. */
export const DEFERRED_FIELDS = {
  sources: ['title', 'note', 'url', 'date'],
  figures: ['quote', 'note', 'scope'],
  links: ['quote', 'note', 'label', 'chair'],
  events: ['quote', 'note'],
} as const satisfies Partial<Record<Exclude<keyof Dataset, 'years'>, readonly string[]>>;

/** Whole tables that only panels opened later show; a table absent from the dataset is skipped. */
export const DEFERRED_TABLES = ['documents', 'meetings', 'assignments', 'regionFacts'] as const;

/**
 * The first-view fields whose text is looked up in `translations` (our descriptions of sources, their
 * publishers, descriptive link titles): their translations stay in the first view; the others (remarks,
 * what a figure counts, sources' titles, the deferred tables' titles) come with the details.
 */
export const FIRST_VIEW_TRANSLATED = { sources: ['publisher'], links: ['title'] } as const;

/** What `details.json` holds. */
export interface Details {
  /** Per table, per record id, the values of that table's {@link DEFERRED_FIELDS}. */
  fields: Record<string, Record<string, Record<string, unknown>>>;
  /** The {@link DEFERRED_TABLES} the dataset has, whole. */
  tables: Record<string, unknown[]>;
  /** The translations no first-view text needs (see {@link FIRST_VIEW_TRANSLATED}), by key. */
  translations?: Record<string, unknown>;
}

type Row = Record<string, unknown>;
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const deferredFieldsOf = (table: string): readonly string[] =>
  Object.hasOwn(DEFERRED_FIELDS, table) ? DEFERRED_FIELDS[table as keyof typeof DEFERRED_FIELDS] : [];

/** True when the whole `table` is left out of the first view (the first-view decoder skips it). */
export function isDeferredTable(table: string): boolean {
  return (DEFERRED_TABLES as readonly string[]).includes(table);
}

/** True when `field` of `table` is left out of the first view (the first-view decoder skips it). */
export function isDeferredField(table: string, field: string): boolean {
  return deferredFieldsOf(table).includes(field);
}

function rowsOf(file: string, table: string, value: unknown): Row[] {
  if (!Array.isArray(value) || !value.every(isObject)) throw new Error(`${file}: ${table}: expected a list of records`);
  return value;
}

function idOf(file: string, table: string, row: Row, i: number): string {
  if (typeof row.id !== 'string' || row.id === '') throw new Error(`${file}: ${table}[${i}]: expected an id`);
  return row.id;
}

/**
 * Splits a compiled dataset (as JSON) into the first-view part and the details. Pure; the input is
 * not changed. Records are matched by `id`, so each table with deferred fields needs unique ids.
 * @throws Error naming the table when a record has no id or an id repeats.
 */
export function splitDataset(full: Json, keyOf?: (text: string) => string): { first: Json; details: Details } {
  const first: Json = {};
  const details: Details = { fields: {}, tables: {} };
  for (const [table, value] of Object.entries(full)) {
    if (table === 'translations') continue;
    if (isDeferredTable(table)) {
      details.tables[table] = rowsOf('dataset', table, value);
      continue;
    }
    const deferred = deferredFieldsOf(table);
    if (!deferred.length) {
      first[table] = value;
      continue;
    }
    const byId: Record<string, Row> = {};
    first[table] = rowsOf('dataset', table, value).map((row, i) => {
      const id = idOf('dataset', table, row, i);
      if (Object.hasOwn(byId, id)) throw new Error(`dataset: ${table}: id ${id} repeats`);
      const kept: Row = {};
      const moved: Row = {};
      for (const [field, v] of Object.entries(row)) (deferred.includes(field) ? moved : kept)[field] = v;
      byId[id] = moved;
      return kept;
    });
    details.fields[table] = byId;
  }
  if (isObject(full.translations)) {
    if (!keyOf) {
      first.translations = full.translations;
    } else {
      // Only what the first view shows is translated in it; the rest waits for the details.
      const needed = new Set<string>();
      for (const [table, fields] of Object.entries(FIRST_VIEW_TRANSLATED))
        for (const row of (first[table] as Row[] | undefined) ?? [])
          for (const field of fields) if (typeof row[field] === 'string' && row[field]) needed.add(keyOf(row[field]));
      const kept: Json = {};
      const later: Json = {};
      for (const [key, value] of Object.entries(full.translations)) (needed.has(key) ? kept : later)[key] = value;
      first.translations = kept;
      details.translations = later;
    }
  }
  return { first, details };
}

/**
 * Checks that `json` has the shape of {@link Details} and returns it typed.
 * @throws Error naming the first bad path (`details.json: fields.links: …`).
 */
export function decodeDetails(json: unknown): Details {
  const fail = (path: string, expected: string): never => {
    throw new Error(`details.json: ${path}: expected ${expected}`);
  };
  if (!isObject(json)) return fail('(root)', 'an object');
  const { fields, tables } = json;
  if (!isObject(fields)) return fail('fields', 'an object');
  if (!isObject(tables)) return fail('tables', 'an object');
  for (const [table, byId] of Object.entries(fields)) {
    if (!deferredFieldsOf(table).length) fail(`fields.${table}`, 'a table with deferred fields');
    if (!isObject(byId) || !Object.values(byId).every(isObject)) fail(`fields.${table}`, 'records by id');
  }
  for (const [table, rows] of Object.entries(tables)) {
    if (!isDeferredTable(table)) fail(`tables.${table}`, 'a deferred table');
    rowsOf('details.json', `tables.${table}`, rows);
  }
  if (json.translations !== undefined && !isObject(json.translations)) fail('translations', 'an object');
  return json as unknown as Details;
}

/**
 * The first-view dataset completed with its details: new records (the first view's are not changed)
 * and the deferred tables. Pure.
 * @throws Error when the two files do not match record for record (e.g. from two different builds).
 */
export function mergeDetails<D extends object>(first: D, details: Details): D {
  const out: Json = { ...(first as Json) };
  for (const [table, byId] of Object.entries(details.fields)) {
    const rows = rowsOf('dataset.json', table, out[table]);
    if (rows.length !== Object.keys(byId).length)
      throw new Error(`details.json: ${table}: ${Object.keys(byId).length} records, dataset.json has ${rows.length}`);
    out[table] = rows.map((row, i) => {
      const id = idOf('dataset.json', table, row, i);
      const extra = Object.hasOwn(byId, id) ? byId[id] : undefined;
      if (!extra) throw new Error(`details.json: ${table}: no record ${id} (the files are from different builds)`);
      return { ...row, ...extra };
    });
  }
  const translations = details.translations
    ? { ...(isObject(out.translations) ? out.translations : {}), ...details.translations }
    : out.translations;
  return { ...out, ...details.tables, ...(translations ? { translations } : {}) } as D;
}
