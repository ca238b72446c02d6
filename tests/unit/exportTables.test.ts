import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../../scripts/data/fixtures';
import {
  EXPORT_TABLES,
  csvField,
  exportFileName,
  rowsToCsv,
  tableRows,
  toCsv,
  toJson,
} from '../../src/data/exportTables';

const readBack = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "yes"', '"say ""yes"""'],
    ['line one\nline two', '"line one\nline two"'],
    [26.1, '26.1'],
    [null, ''],
    [true, 'yes'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+7 999', "'+7 999"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [-5, '-5'],
  ] as const)('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('csvField against formulas a spreadsheet would still run', () => {
  it.each([
    ['\n=cmd|calc', '"\'\n=cmd|calc"'],
    [' =1+1', "' =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u3000@SUM(A1)', "'\u3000@SUM(A1)"],
    ['＝HYPERLINK("x")', '"\'＝HYPERLINK(""x"")"'],
    ['＋7', "'＋7"],
    ['－1', "'－1"],
    ['＠A1', "'＠A1"],
    ['a;=1+1', '"a;\'=1+1"'],
    ['Минск; -5%', '"Минск;\' -5%"'],
    ['a; b', '"a; b"'],
  ] as const)('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

/** A formula trigger at the start of a cell, after any white space (what Excel and Calc run). */
const FORMULA_CELL = /^\s*[=+\-@＝＋－＠]|^[\t\r]/u;
/** The same for a piece of a line split on `;`, where quotes may open or close anywhere: skipped too. */
const FORMULA_PIECE = /^[\s"]*[=+\-@＝＋－＠]|^"?[\t\r]/u;

/** The cells of a CSV text as a comma-separated reader sees them (RFC 4180). */
const cellsOf = (csv: string): string[] => (parse(csv, { relax_column_count: true }) as string[][]).flat();

describe('csvField, given any text (fast-check)', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc
      .array(
        fc.constantFrom(
          '=',
          '+',
          '-',
          '@',
          '＝',
          '＋',
          '－',
          '＠',
          ' ',
          '\u00a0',
          '\n',
          '\r',
          '\t',
          ';',
          ',',
          '"',
          'a',
          '1',
        ),
        {
          maxLength: 12,
        },
      )
      .map((cs) => cs.join('')),
  );

  it('leaves no cell that starts like a formula, split on commas or on semicolons', () => {
    fc.assert(
      fc.property(text, (value) => {
        const field = csvField(value);
        for (const line of [`${field},y\r\n`, `x,${field},y\r\n`]) {
          for (const cell of cellsOf(line)) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_CELL);
          // A Russian-locale Excel: every piece between semicolons is a cell, whatever the quotes.
          for (const piece of line.split(';')) expect(piece, JSON.stringify(piece)).not.toMatch(FORMULA_PIECE);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back as the text itself, give or take the apostrophes it added', () => {
    fc.assert(
      fc.property(text, (value) => {
        const [read] = cellsOf(`${csvField(value)}\r\n`);
        expect((read ?? '').replace(/'/gu, '')).toBe(value.replace(/'/gu, ''));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('rowsToCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(rowsToCsv(['a', 'b'], [{ a: 1, b: 'x,y' }])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('toCsv', () => {
  const ds = createDataset();

  it.each(EXPORT_TABLES)('writes the %s table with one row per record', (table) => {
    const rows = readBack(toCsv(ds, table));
    expect(rows).toHaveLength(ds[table].length);
  });

  it('writes documents and assignments with their names in three columns and their source', () => {
    expect(readBack(toCsv(ds, 'documents'))[0]).toMatchObject({
      id: 'plan-2023',
      link: 'signed-2020',
      periodStart: '2023',
      periodEnd: '2025',
      label_en: 'Plan',
      label_ru: 'Plan ru',
      source_file: 'seeds/000.txt',
    });
    expect(readBack(toCsv(ds, 'assignments'))[0]).toMatchObject({
      region: 'RU-KRS',
      assignee_en: 'Ministry of Industry',
      assignee_be: 'Ministry of Industry be',
      since: '2020-03-20',
    });
  });

  it("joins each figure's source title, date, address and file into its row", () => {
    const [first] = readBack(toCsv(ds, 'figures'));
    expect(first).toMatchObject({
      id: 'f1',
      metric_name_en: 'B',
      source_title: 'Seed, "quoted"',
      source_date: '2023',
      source_url: '',
      source_file: 'seeds/000.txt',
      quote: '81 соглашение, с 73',
    });
  });

  it('keeps a multi-line quote intact through a round trip', () => {
    const [fact] = readBack(toCsv(ds, 'regionFacts'));
    expect(fact?.quote).toBe('line one\nline two');
    expect(fact?.sinceYear).toBe('yes');
  });

  it('writes empty cells for nulls and flattens names into one column per language', () => {
    const [link] = readBack(toCsv(ds, 'links'));
    expect(link).toMatchObject({ year: '2020', inForceBy: '', source_url: '' });
    expect(tableRows(ds, 'cities').columns).toEqual(expect.arrayContaining(['name_ru', 'name_be', 'name_en']));
  });

  it('starts with a byte-order mark only when asked', () => {
    expect(toCsv(ds, 'metrics').startsWith('\ufeff')).toBe(false);
    expect(toCsv(ds, 'metrics', { bom: true }).startsWith('\ufeffid,')).toBe(true);
  });
});

describe('toJson', () => {
  it('round-trips to the same dataset', () => {
    const ds = createDataset();
    expect(JSON.parse(toJson(ds))).toEqual(ds);
  });

  it('names downloads after the table', () => {
    expect(exportFileName('figures', 'csv')).toBe('by-ru-regions-figures.csv');
    expect(exportFileName('dataset', 'json')).toBe('by-ru-regions-dataset.json');
  });
});
