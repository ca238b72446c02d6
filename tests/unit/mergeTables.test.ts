import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../scripts/data/compile';
import { createSeeds, createTables, withRow } from '../../scripts/data/fixtures';
import { mergeTables, writeRows, type Batch } from '../../scripts/data/mergeTables';
import { COLUMNS } from '../../scripts/data/schemas';

const base = createTables();
const header = (file: keyof typeof COLUMNS) => `${COLUMNS[file].join(',')}\n`;
const batch = (name: string, files: Record<string, string>): Batch => ({ name, files });
const LINKS = header('links.csv');
const SOURCES = header('sources.csv');
const linkRow = (id: string, quote: string, to = 'RU-BA') =>
  `${id},agreement,signed,BY-GOV,${to},2021,,,,,,,,,,,web-a,certain,no,,${quote}`;
const sourceRow = (id: string, title: string) => `${id},web,${title},Site,2021,ru,https://example.org/${id},,`;
const ids = (text: string | undefined) =>
  (text ?? '')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);

describe('mergeTables', () => {
  it('replaces a row whose id exists in place and appends new rows', () => {
    const r = mergeTables(base, [
      batch('R1', {
        'links.csv': withRow(withRow(LINKS, linkRow('gov-kursk', 'Verbatim.', 'RU-KRS')), linkRow('gov-ba', 'q')),
      }),
    ]);
    expect(r.errors).toEqual([]);
    expect(ids(r.tables['links.csv'])).toEqual(['gov-kursk', 'minsk-ufa', 'gov-ba']);
    expect(r.tables['links.csv']).toContain('Verbatim.');
    expect(r.tables['links.csv']).not.toContain('paraphrase from research brief');
    expect(r.counts['links.csv']).toEqual({ replaced: 1, appended: 1, dropped: 0, identical: 0 });
  });

  it('keeps one copy of a source two batches give identically', () => {
    const src = withRow(SOURCES, sourceRow('web-b', 'Title'));
    const r = mergeTables(base, [batch('R1', { 'sources.csv': src }), batch('R2', { 'sources.csv': src })]);
    expect(r.errors).toEqual([]);
    expect(ids(r.tables['sources.csv']).filter((i) => i === 'web-b')).toHaveLength(1);
    expect(r.counts['sources.csv']).toMatchObject({ appended: 1, identical: 1 });
  });

  it('stops with both batches named when they give one id differently', () => {
    const r = mergeTables(base, [
      batch('R1', { 'sources.csv': withRow(SOURCES, sourceRow('web-b', 'One title')) }),
      batch('R3', { 'sources.csv': withRow(SOURCES, sourceRow('web-b', 'Another title')) }),
    ]);
    expect(r.errors).toEqual(['sources.csv: "web-b" is given differently by R1 and R3 (columns: title); keep one']);
  });

  it('concatenates the accounted and excluded entries of every batch', () => {
    const r = mergeTables(base, [
      batch('R1', {
        'excluded.csv': withRow(header('excluded.csv'), 'A5,facts-research,no_verbatim_quote,"not in, the page"'),
      }),
      batch('R2', { 'excluded.csv': withRow(header('excluded.csv'), 'C1,facts-research,outside_timeline,') }),
    ]);
    expect(r.tables['excluded.csv']).toBe(
      'entry,brief,reason,detail\nA2,facts-research,not_confirmed,\nA5,facts-research,no_verbatim_quote,"not in, the page"\nC1,facts-research,outside_timeline,\n',
    );
  });

  it('drops the rows a batch lists in dropped.csv, and names an id no table has', () => {
    const r = mergeTables(base, [batch('R1', { 'dropped.csv': 'id,reason\nminsk-ufa,no quote\nnowhere,x\n' })]);
    expect(ids(r.tables['links.csv'])).toEqual(['gov-kursk']);
    expect(r.errors).toEqual(['R1/dropped.csv: "nowhere" is not the id of a row in any table']);
  });

  it('names a batch file whose header is not the contract and one with a wrong cell count', () => {
    const r = mergeTables(base, [
      batch('R1', { 'links.csv': 'id,kind,status\nx,agreement,signed\n' }),
      batch('R2', { 'meetings.csv': `${header('meetings.csv')}m1,gov-kursk,2023\n` }),
    ]);
    expect(r.errors).toEqual([
      expect.stringMatching(/^R1\/links\.csv: header differs from the contract; missing: from, to, /u),
      'R2/meetings.csv: row 1 (m1) has 3 cells but the header has 9',
    ]);
  });

  it('leaves files that are not tables alone, and says so', () => {
    const r = mergeTables(base, [batch('R2', { '.notes.txt': 'x', DONE: '' })]);
    expect(r.ignored).toEqual(['R2/.notes.txt']);
    expect(r.tables).toEqual(base);
  });

  it('gives tables the compiler accepts, or whose problems it names by merged line', () => {
    const good = mergeTables(base, [batch('R1', { 'links.csv': withRow(LINKS, linkRow('gov-ba', 'q')) })]);
    expect(compileDataset({ tables: good.tables, seeds: createSeeds() }).errors).toBeUndefined();
    const bad = mergeTables(base, [batch('R1', { 'links.csv': withRow(LINKS, linkRow('gov-xx', 'q', 'RU-XX')) })]);
    expect(compileDataset({ tables: bad.tables, seeds: createSeeds() }).errors?.[0]).toMatchObject({
      file: 'data/links.csv',
      line: 4,
      field: 'to',
    });
  });
});

describe('writeRows', () => {
  it('quotes only the cells that need it', () => {
    expect(writeRows(['a', 'b', 'c'], [{ a: 'x, y', b: 'say "hi"', c: 'plain' }])).toBe(
      'a,b,c\n"x, y","say ""hi""",plain\n',
    );
  });
});
