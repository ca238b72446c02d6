// The data compiler given hostile or broken cells: implausible years, formulas, markup, invisible
// or control characters, a file in the wrong encoding, and a bad id that would write escape codes
// to the editor's terminal. Every cell of every table goes through the same reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../scripts/data/compile';
import { formatError, readCsv } from '../../scripts/data/csv';
import { LONE_SURROGATE } from '../../scripts/data/text';
import { createSeeds, createTables, withLine, type FixtureTables } from '../../scripts/data/fixtures';

const base = createTables();
const FIG = 'figures.csv';

function messages(tables: Partial<FixtureTables>): string[] {
  const result = compileDataset({ tables: { ...base, ...tables }, seeds: createSeeds() });
  return result.errors ? result.errors.map(formatError) : [];
}

/** Line 2 of figures.csv with some cells replaced (a CSV line: quote cells that need it). */
const figureLine = (cells: Partial<Record<string, string>>) =>
  Object.values({
    id: 'agreements-2023',
    metric: 'agreements_all',
    series: 'ru-minec',
    year: '2023',
    asOf: '',
    value: '191',
    valueMax: '',
    qualifier: 'exact',
    unit: 'count',
    scope: 'agreements in force',
    sourceId: 'seed-000',
    certainty: 'certain',
    outsideTimeline: 'no',
    note: '',
    quote: '"действует 191 соглашение с участием 77-ми российских субъектов."',
    ...cells,
  }).join(',');
const figure = (cells: Partial<Record<string, string>>) => ({ [FIG]: withLine(base[FIG], 2, figureLine(cells)) });

describe('years outside any plausible range are refused, even with outsideTimeline=yes', () => {
  it.each([
    ['20240', 'data/figures.csv:2: year: 20240 is not a plausible year: years lie within 1991–2100'],
    ['-2020', 'data/figures.csv:2: year: -2020 is not a plausible year: years lie within 1991–2100'],
    [
      '100000000000000000000',
      'data/figures.csv:2: year: 100000000000000000000 is not a plausible year: years lie within 1991–2100',
    ],
    ['1e20', 'data/figures.csv:2: year: "1e20" is not a whole number'],
    ['1990', 'data/figures.csv:2: year: 1990 is not a plausible year: years lie within 1991–2100'],
  ])('year %s', (year, expected) => {
    expect(messages(figure({ year, outsideTimeline: 'yes' }))).toContain(expected);
  });

  it('still takes a plausible year outside the timeline when flagged', () => {
    expect(messages(figure({ year: '2014', outsideTimeline: 'yes' }))).toEqual([]);
  });
});

describe('cells no table may hold', () => {
  it.each([
    ['a formula', { scope: '"=HYPERLINK(""http://x"")"' }, 'scope', 'starts like a spreadsheet formula'],
    ['a formula after spaces', { scope: '"  @SUM(A1)"' }, 'scope', 'starts like a spreadsheet formula'],
    ['a full-width formula', { note: '＝1+1' }, 'note', 'starts like a spreadsheet formula'],
    ['a minus that is not a number', { note: '-1+2' }, 'note', 'starts like a spreadsheet formula'],
    ['a script tag', { note: '<script>alert(1)</script>' }, 'note', 'holds HTML markup'],
    ['an HTML tag', { scope: 'in <b>force</b>' }, 'scope', 'holds HTML markup'],
    ['a bidi override', { scope: 'agreements \u202eecrof ni' }, 'scope', 'holds an invisible direction mark (U+202E)'],
    ['a bidi isolate', { note: 'x\u2066y' }, 'note', 'holds an invisible direction mark (U+2066)'],
    ['a NUL', { note: 'a\u0000b' }, 'note', 'holds a control character (U+0000)'],
    ['an escape code', { note: 'a\u001b[31mb' }, 'note', 'holds a control character (U+001B)'],
    // (Reported for the line: the CSV parser would turn it into U+FFFD before the cell is seen.)
    ['a lone surrogate', { note: 'a\ud800b' }, 'file', 'holds a broken character (a lone UTF-16 surrogate)'],
    ['a replacement character', { note: 'a\ufffdb' }, 'note', 'holds U+FFFD'],
  ])('refuses %s', (_, cells, field, reason) => {
    const found = messages(figure(cells)).filter((m) => m.startsWith(`data/figures.csv:2: ${field}: `));
    expect(found.join('\n')).toContain(reason);
  });

  it('accepts negative numbers, a less-than sign and line breaks inside a quote', () => {
    const t = withLine(base[FIG], 2, figureLine({ note: '"-5"' }));
    expect(readCsv('f.csv', `a,b\n-5,"x < 5 и y\nвторая строка"\n`, ['a', 'b']).errors).toEqual([]);
    expect(messages({ [FIG]: t })).toEqual([]);
  });
});

describe('a file in the wrong encoding', () => {
  /** The file's bytes as the compiler reads them: decoded as UTF-8. */
  const asReadAsUtf8 = (text: string, encoding: 'utf16le' | 'utf16be') => {
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    const bytes = encoding === 'utf16le' ? le : Buffer.from(le).swap16();
    return bytes.toString('utf8');
  };

  it.each(['utf16le', 'utf16be'] as const)('says a %s file is UTF-16, on line 1, and nothing else', (encoding) => {
    expect(messages({ [FIG]: asReadAsUtf8(base[FIG], encoding) })).toEqual([
      'data/figures.csv:1: file: the file is saved as UTF-16, not UTF-8: save it again as "CSV UTF-8"',
    ]);
  });
});

describe('messages printed to the terminal', () => {
  it('escapes control characters from a bad id instead of printing them raw', () => {
    const out = messages(figure({ id: 'bad\u001b[2J\u0007id' }));
    const line = out.find((m) => m.includes('is not a valid id')) ?? '';
    expect(line).toContain('bad\\u{1b}[2J\\u{7}id');
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    expect(out.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u);
  });

  it('never prints a control or direction character, whatever the message holds (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (field, reason) => {
        const line = formatError({ file: 'data/x.csv', line: 2, field, reason });
        // eslint-disable-next-line no-control-regex -- control characters are what this looks for
        expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
        expect(line).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 2000 },
    );
  });
});
