import { parse } from 'csv-parse/sync';

/** One problem found in a data file, reported as `file:line: field: reason`. */
export interface DataError {
  /** Path as shown to the editor, e.g. `data/links.csv`. */
  file: string;
  /** 1-based line of the row in the file (the header is line 1). */
  line: number;
  /** Column name, or `header`/`row`/`file` for problems that are not about one field. */
  field: string;
  reason: string;
}

export function formatError(e: DataError): string {
  return `${e.file}:${e.line}: ${e.field}: ${e.reason}`;
}

/** A data row: its cells by column name, and the line it starts on. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/**
 * Parses one CSV table. The header must hold exactly `columns` (in any order), so a typo in a column
 * name is reported instead of silently dropping data. Cells are trimmed; a UTF-8 BOM (as some
 * spreadsheets write) is ignored; blank lines are skipped.
 */
export function readCsv(
  file: string,
  text: string,
  columns: readonly string[],
): { rows: CsvRow[]; errors: DataError[] } {
  const errors: DataError[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Line numbers from csv-parse are off for CRLF files, so count on LF-only text.
    records = parse(text.replace(/\r\n?/gu, '\n'), {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    return {
      rows: [],
      errors: [{ file, line: e.lines ?? 1, field: 'file', reason: `not valid CSV: ${e.message ?? err}` }],
    };
  }
  const [head, ...body] = records;
  if (!head) return { rows: [], errors: [{ file, line: 1, field: 'header', reason: 'the file is empty' }] };
  const header = head.record.map((h) => h.trim());
  const headerLine = head.info.lines;
  for (const c of columns) {
    if (!header.includes(c)) errors.push({ file, line: headerLine, field: 'header', reason: `missing column "${c}"` });
  }
  header.forEach((h, i) => {
    if (!columns.includes(h)) errors.push({ file, line: headerLine, field: 'header', reason: `unknown column "${h}"` });
    if (header.indexOf(h) !== i)
      errors.push({ file, line: headerLine, field: 'header', reason: `column "${h}" appears twice` });
  });
  if (errors.length) return { rows: [], errors };

  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    const newlinesInside = record.reduce((n, cell) => n + (cell.match(/\n/gu)?.length ?? 0), 0);
    const line = info.lines - newlinesInside;
    if (record.every((c) => c.trim() === '')) continue;
    if (record.length !== header.length) {
      errors.push({
        file,
        line,
        field: 'row',
        reason: `has ${record.length} cells but the header has ${header.length} (a comma inside a cell needs "quotes")`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      cells[h] = (record[i] ?? '').trim();
    });
    rows.push({ line, cells });
  }
  return { rows, errors };
}
