import { parse } from 'csv-parse/sync';
import { cellProblem, LONE_SURROGATE, printable } from './text.ts';

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

/** One error as one printable line (a bad cell's control characters are shown as `\u{…}`). */
export function formatError(e: DataError): string {
  return printable(`${e.file}:${e.line}: ${e.field}: ${e.reason}`);
}

/**
 * True for a UTF-16 file read as UTF-8: its byte-order mark (FF FE or FE FF) reads as two U+FFFD,
 * and without a mark, every other byte of Latin text is NUL. csv-parse would report some later
 * line instead, or nonsense cells.
 */
function isUtf16(text: string): boolean {
  if (text.startsWith('\ufffd\ufffd')) return true;
  const head = text.slice(0, 200);
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  return head.length >= 4 && (head.match(/\u0000/gu)?.length ?? 0) >= head.length / 4;
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
  if (isUtf16(text))
    return {
      rows: [],
      errors: [
        {
          file,
          line: 1,
          field: 'file',
          reason: 'the file is saved as UTF-16, not UTF-8: save it again as "CSV UTF-8"',
        },
      ],
    };
  // Before parsing: the parser encodes the text as UTF-8, which turns a lone surrogate into U+FFFD.
  const broken = LONE_SURROGATE.exec(text);
  if (broken) {
    const line = text.slice(0, broken.index + 1).split('\n').length;
    return {
      rows: [],
      errors: [{ file, line, field: 'file', reason: 'holds a broken character (a lone UTF-16 surrogate)' }],
    };
  }
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
      // Every cell of every table: formulas, markup, invisible and control characters.
      const problem = cellProblem(record[i] ?? '');
      if (problem) errors.push({ file, line, field: h, reason: problem });
    });
    rows.push({ line, cells });
  }
  return { rows, errors };
}
