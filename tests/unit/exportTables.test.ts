import { parse } from 'csv-parse/sync';
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
