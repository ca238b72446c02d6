/**
 * Folds research batches (data/staging/R1, R2 …, each holding some tables in the data contract's
 * format) into the tables of data/. Pure: takes and returns file contents, so tests need no disk.
 *
 *   data/<table>.csv ─┐
 *   R1/<table>.csv ───┼─▶ same id: the batch row replaces the data row (in place)
 *   R2/<table>.csv ───┘   new id: appended      accounted/excluded: concatenated
 *                         dropped.csv (id,reason): the row leaves its table
 *
 * Two batches giving one id must give the identical row (sources are often shared); otherwise the
 * merge stops and names both, because choosing one would silently lose the other's research.
 */
import { parse } from 'csv-parse/sync';
import { COLUMNS, TABLE_FILES, type TableFile } from './schemas.ts';

/** The file of a batch that lists rows to remove from data/ (e.g. a paraphrase no page confirms). */
export const DROPPED_FILE = 'dropped.csv';
/** The file a research helper writes when its batch is complete. */
export const DONE_FILE = 'DONE';

export interface Batch {
  /** Folder name, e.g. `R1`; used in messages. */
  name: string;
  /** File name → CSV text. */
  files: Record<string, string>;
}

export interface MergeCounts {
  replaced: number;
  appended: number;
  dropped: number;
  /** Rows a batch gave that were already there, identical. */
  identical: number;
}

export interface MergeResult {
  /** Every table, merged (unchanged tables as they were). */
  tables: Partial<Record<TableFile, string>>;
  /** Problems that stop the merge (nothing should be written when there are any). */
  errors: string[];
  /** Files of the batches that are not tables of the contract; left alone. */
  ignored: string[];
  counts: Partial<Record<TableFile, MergeCounts>>;
}

type Row = Record<string, string>;

function readRows(file: string, text: string): { header: string[]; rows: Row[] } {
  const records = parse(text.replace(/\r\n?/gu, '\n'), {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
  const [head = [], ...body] = records;
  const header = head.map((h) => h.trim());
  const rows = body
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r, i) => {
      if (r.length !== header.length) {
        throw new Error(
          `${file}: row ${i + 1} (${r[0] ?? ''}) has ${r.length} cells but the header has ${header.length}`,
        );
      }
      return Object.fromEntries(header.map((h, j) => [h, (r[j] ?? '').trim()]));
    });
  return { header, rows };
}

/** One CSV field, quoted only when it must be (RFC 4180). */
function field(s: string): string {
  return /[",\r\n]/u.test(s) || s !== s.trim() ? `"${s.replace(/"/gu, '""')}"` : s;
}

/** Rows to CSV text with `columns` as the header, LF line ends, as the files in data/ are kept. */
export function writeRows(columns: readonly string[], rows: readonly Row[]): string {
  return [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]
    .map((cells) => `${cells.map(field).join(',')}\n`)
    .join('');
}

const sameRow = (columns: readonly string[], a: Row, b: Row) => columns.every((c) => (a[c] ?? '') === (b[c] ?? ''));

/** Merges the batches, in the order given, into `base` (the tables of data/). */
export function mergeTables(base: Partial<Record<TableFile, string>>, batches: readonly Batch[]): MergeResult {
  const errors: string[] = [];
  const ignored: string[] = [];
  const counts: Partial<Record<TableFile, MergeCounts>> = {};
  const tables: Partial<Record<TableFile, string>> = { ...base };
  const known = new Set<string>(TABLE_FILES);

  for (const b of batches) {
    for (const f of Object.keys(b.files)) {
      if (!known.has(f) && f !== DROPPED_FILE && f !== DONE_FILE) ignored.push(`${b.name}/${f}`);
    }
  }

  // Rows of each batch table, checked against the contract's columns.
  const batchRows = (b: Batch, file: string): Row[] => {
    const text = b.files[file];
    if (text === undefined) return [];
    const where = `${b.name}/${file}`;
    try {
      const { header, rows } = readRows(where, text);
      const columns = (COLUMNS as Record<string, readonly string[]>)[file] ?? ['id', 'reason'];
      const missing = columns.filter((c) => !header.includes(c));
      const unknown = header.filter((c) => !columns.includes(c));
      if (missing.length || unknown.length) {
        errors.push(
          `${where}: header differs from the contract${missing.length ? `; missing: ${missing.join(', ')}` : ''}${
            unknown.length ? `; unknown: ${unknown.join(', ')}` : ''
          }`,
        );
        return [];
      }
      return rows;
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
      return [];
    }
  };

  // Ids to drop, with the batch that asks for it.
  const drops = new Map<string, string>();
  for (const b of batches) {
    for (const r of batchRows(b, DROPPED_FILE)) {
      if (!r.id) errors.push(`${b.name}/${DROPPED_FILE}: a row without an id`);
      else drops.set(r.id, b.name);
    }
  }
  const dropFound = new Set<string>();

  for (const file of TABLE_FILES) {
    const columns = COLUMNS[file] as readonly string[];
    const keyed = columns.includes('id');
    const batchesWithFile = batches.filter((b) => b.files[file] !== undefined);
    const baseText = base[file];
    if (!batchesWithFile.length && !(keyed && baseText !== undefined && drops.size)) continue;

    let rows: Row[] = [];
    if (baseText !== undefined) {
      try {
        rows = readRows(`data/${file}`, baseText).rows;
      } catch (e) {
        errors.push(e instanceof Error ? e.message : String(e));
        continue;
      }
    }
    const c: MergeCounts = { replaced: 0, appended: 0, dropped: 0, identical: 0 };

    if (!keyed) {
      // accounted.csv, excluded.csv: every batch's entries, one after the other.
      for (const b of batchesWithFile) {
        for (const r of batchRows(b, file)) {
          rows.push(r);
          c.appended++;
        }
      }
    } else {
      const index = new Map(rows.map((r, i) => [r.id ?? '', i]));
      /** Which batch last set each id, so two batches disagreeing can be named. */
      const setBy = new Map<string, string>();
      for (const b of batchesWithFile) {
        for (const r of batchRows(b, file)) {
          const id = r.id ?? '';
          const at = index.get(id);
          const by = setBy.get(id);
          if (at === undefined) {
            index.set(id, rows.length);
            rows.push(r);
            setBy.set(id, b.name);
            c.appended++;
          } else if (sameRow(columns, rows[at]!, r)) {
            c.identical++;
          } else if (by !== undefined) {
            const diff = columns.filter((col) => (rows[at]![col] ?? '') !== (r[col] ?? ''));
            errors.push(
              `${file}: "${id}" is given differently by ${by} and ${b.name} (columns: ${diff.join(', ')}); keep one`,
            );
          } else {
            rows[at] = r;
            setBy.set(id, b.name);
            c.replaced++;
          }
        }
      }
      const kept = rows.filter((r) => {
        if (!drops.has(r.id ?? '')) return true;
        dropFound.add(r.id ?? '');
        c.dropped++;
        return false;
      });
      rows = kept;
    }
    if (c.replaced || c.appended || c.dropped || c.identical) counts[file] = c;
    // An untouched table keeps its text as it was (no re-quoting noise in the diff).
    if (c.replaced || c.appended || c.dropped) tables[file] = writeRows(columns, rows);
  }

  for (const [id, by] of drops) {
    if (!dropFound.has(id)) errors.push(`${by}/${DROPPED_FILE}: "${id}" is not the id of a row in any table`);
  }
  return { tables, errors, ignored, counts };
}
