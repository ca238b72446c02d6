import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../scripts/data/compile';
import { formatError } from '../../scripts/data/csv';
import { createSeeds, createTables, withLine, withRow, type FixtureTables } from '../../scripts/data/fixtures';

function messages(tables: FixtureTables, seeds = createSeeds()): string[] {
  const result = compileDataset({ tables, seeds });
  return result.errors ? result.errors.map(formatError) : [];
}

const base = createTables();
const FIG = 'figures.csv';
const figureLine = (cells: Partial<Record<string, string>>) => {
  const row = {
    id: 'agreements-2023',
    metric: 'agreements_all',
    series: 'ru-minec',
    year: '2023',
    asOf: '2023-06',
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
  };
  return Object.values(row).join(',');
};

describe('compileDataset on valid tables', () => {
  it('compiles the fixture tables into a dataset with every table', () => {
    const result = compileDataset({ tables: base, seeds: createSeeds() });
    expect(result.errors).toBeUndefined();
    expect(result.dataset?.figures.map((f) => f.value)).toEqual([191, 26.1]);
    expect(result.dataset?.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
  });

  it('turns name columns into names and yes/no into booleans', () => {
    const ds = compileDataset({ tables: base, seeds: createSeeds() }).dataset;
    expect(ds?.cities[0]?.names).toEqual({ ru: 'Минск', be: 'Мінск', en: 'Minsk' });
    expect(ds?.regionFacts[0]?.sinceYear).toBe(false);
    expect(ds?.links[1]).toMatchObject({ year: null, inForceBy: 2023 });
  });

  it('accepts "undated" as the date of a figure whose source has none', () => {
    const tables = { ...base, [FIG]: withLine(base[FIG], 2, figureLine({ asOf: 'undated' })) };
    expect(messages(tables)).toEqual([]);
    expect(compileDataset({ tables, seeds: createSeeds() }).dataset?.figures[0]?.asOf).toBe('undated');
  });

  it('accepts a duplicate that names the entry it repeats instead of a row', () => {
    const excluded = withRow(base['excluded.csv'], 'A3,facts-research,duplicate,Same fact as entry A1.');
    expect(messages({ ...base, 'excluded.csv': excluded })).toEqual([]);
  });

  it('compiles documents, meetings and assignments with names in three languages', () => {
    const ds = compileDataset({ tables: base, seeds: createSeeds() }).dataset;
    expect(ds?.documents[0]).toMatchObject({ link: 'gov-kursk', periodStart: 2023, periodEnd: 2025 });
    expect(ds?.documents[0]?.label).toEqual({ ru: 'План', be: 'План', en: 'Plan' });
    expect(ds?.meetings[0]).toMatchObject({ link: 'gov-kursk', year: 2023, city: 'Курск' });
    expect(ds?.assignments[0]?.assignee).toEqual({ ru: 'Министерство', be: 'Міністэрства', en: 'Ministry' });
    expect(ds?.links[0]?.label).toEqual({ ru: '', be: '', en: '' });
  });

  it('accepts a file saved with a byte-order mark and CRLF line ends', () => {
    const crlf = `\ufeff${base['links.csv'].replace(/\n/gu, '\r\n')}`;
    expect(messages({ ...base, 'links.csv': crlf })).toEqual([]);
  });
});

describe('compileDataset reports file:line: field: reason', () => {
  const cases: Array<[string, Partial<FixtureTables>, string]> = [
    [
      'a region code that does not exist, in a link',
      { 'links.csv': withLine(base['links.csv'], 2, base['links.csv'].split('\n')[1]!.replace('RU-KRS', 'RU-XYZ')) },
      'data/links.csv:2: to: "RU-XYZ" is neither a Russian region code nor a city id in data/cities.csv',
    ],
    [
      'a region code that does not exist, in a city',
      { 'cities.csv': withRow(base['cities.csv'], 'kursk,RU-KUR,51.74,36.19,Курск,Курск,Kursk,geo-minsk') },
      'data/cities.csv:4: region: "RU-KUR" is not a region code in data/regions.csv',
    ],
    [
      'a missing source',
      { [FIG]: withLine(base[FIG], 2, figureLine({ sourceId: 'seed-999' })) },
      'data/figures.csv:2: sourceId: "seed-999" is not a source id in data/sources.csv',
    ],
    [
      'a duplicate id',
      { [FIG]: withLine(base[FIG], 3, figureLine({})) },
      'data/figures.csv:3: id: "agreements-2023" is already used on line 2',
    ],
    [
      'a malformed number with a decimal comma',
      { [FIG]: withLine(base[FIG], 2, figureLine({ value: '"191,0"' })) },
      'data/figures.csv:2: value: "191,0" is not a number: use a dot as the decimal separator ("191.0")',
    ],
    [
      'a number with letters in it',
      { [FIG]: withLine(base[FIG], 2, figureLine({ value: '191k' })) },
      'data/figures.csv:2: value: "191k" is not a number (digits, optionally with a decimal dot)',
    ],
    [
      'a value that its quote does not state',
      { [FIG]: withLine(base[FIG], 2, figureLine({ value: '192' })) },
      'data/figures.csv:2: value: 192 does not appear in the quote',
    ],
    [
      'a seed quote with one word changed',
      {
        [FIG]: withLine(
          base[FIG],
          2,
          figureLine({ quote: '"действует 191 соглашение с участием 78-ми российских субъектов."' }),
        ),
      },
      'data/figures.csv:2: quote: not found verbatim in seeds/000_fixture.txt (whitespace aside); it matches up to "…ет 191 соглашение с участием 7" and differs from there',
    ],
    [
      'a year outside the timeline that is not flagged',
      { [FIG]: withLine(base[FIG], 2, figureLine({ year: '2014', asOf: '' })) },
      'data/figures.csv:2: year: 2014 lies outside the timeline 2016–2024: set outsideTimeline to "yes" if that is intended',
    ],
    [
      'a flag on a year inside the timeline',
      { [FIG]: withLine(base[FIG], 2, figureLine({ outsideTimeline: 'yes' })) },
      'data/figures.csv:2: outsideTimeline: "yes" but 2023 lies inside 2016–2024',
    ],
    [
      'a yes/no cell with another word',
      { [FIG]: withLine(base[FIG], 2, figureLine({ outsideTimeline: 'maybe' })) },
      'data/figures.csv:2: outsideTimeline: "maybe" must be "yes" or "no"',
    ],
    [
      'an unknown metric',
      { [FIG]: withLine(base[FIG], 2, figureLine({ metric: 'agreements' })) },
      'data/figures.csv:2: metric: "agreements" is not a metric id in data/metrics.csv',
    ],
    [
      'a unit that differs from its metric',
      { [FIG]: withLine(base[FIG], 2, figureLine({ unit: 'usd_bn' })) },
      'data/figures.csv:2: unit: "usd_bn" differs from the metric\'s unit "count"',
    ],
    [
      'an "about" figure whose quote says no such thing',
      { [FIG]: withLine(base[FIG], 2, figureLine({ qualifier: 'about' })) },
      'data/figures.csv:2: qualifier: "about" but the quote has no word saying so (e.g. около/about, более/more than)',
    ],
    [
      'a range without its upper bound',
      { [FIG]: withLine(base[FIG], 2, figureLine({ qualifier: 'range' })) },
      'data/figures.csv:2: valueMax: a range needs its upper bound',
    ],
    [
      'an unknown qualifier',
      { [FIG]: withLine(base[FIG], 2, figureLine({ qualifier: 'roughly' })) },
      'data/figures.csv:2: qualifier: "roughly" must be one of: exact, about, more_than, at_least, range',
    ],
    [
      'a date that is not ISO',
      { [FIG]: withLine(base[FIG], 2, figureLine({ asOf: '06.2023' })) },
      'data/figures.csv:2: asOf: "06.2023" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (or "undated" for an undated source)',
    ],
    [
      'a sister-city link between regions that does not name the cities',
      {
        'links.csv': withRow(
          base['links.csv'],
          'minsk-kursk,sister,in_force,minsk,RU-KRS,,,2023,,,,,,,,,web-a,certain,no,,q',
        ),
      },
      'data/links.csv:4: label_ru: a sister-city link between region codes names the cities or districts in label_ru/be/en',
    ],
    [
      'a Russian region on the Belarusian side',
      { 'links.csv': withRow(base['links.csv'], 'x,agreement,signed,RU-BA,RU-KRS,2020,,,,,,,,,,,web-a,certain,no,,q') },
      'data/links.csv:4: from: "RU-BA" is not on the Belarusian side',
    ],
    [
      'an authorised link with a signing year',
      {
        'links.csv': withRow(
          base['links.csv'],
          'x,agreement,authorised,BY-GOV,RU-BA,2020,,,,,,,,,,,web-a,certain,no,,q',
        ),
      },
      'data/links.csv:4: status: "authorised" but a signing year is given',
    ],
    [
      'an undated link without a note',
      { 'links.csv': withRow(base['links.csv'], 'x,agreement,in_force,BY-GOV,RU-BA,,,,,,,,,,,,web-a,certain,no,,q') },
      'data/links.csv:4: year: no year and no inForceBy: explain in the note why the link is undated',
    ],
    [
      'a joint body with a co-chair in one language only',
      {
        'links.csv': withRow(
          base['links.csv'],
          'wg-kursk,body,in_force,BY-GOV,RU-KRS,,,2020,,,,,,Министр,,,web-a,certain,no,,q',
        ),
      },
      'data/links.csv:4: chair_ru: give the co-chair in all three languages (chair_ru, chair_be, chair_en)',
    ],
    [
      'a co-chair on a link that is not a joint body',
      {
        'links.csv': withRow(
          base['links.csv'],
          'x,agreement,signed,BY-GOV,RU-BA,2020,,,,,,,,a,b,c,web-a,certain,no,,q',
        ),
      },
      'data/links.csv:4: chair_ru: only a joint body (kind "body") has a co-chair',
    ],
    [
      'a first signing year on a link that is not renewed',
      {
        'links.csv': withRow(
          base['links.csv'],
          'x,agreement,signed,BY-GOV,RU-BA,2020,,,2003,,,,,,,,web-a,certain,no,,q',
        ),
      },
      'data/links.csv:4: firstYear: only a "renewed" link has the year of its first signing (status is "signed")',
    ],
    [
      'a label in one language only',
      {
        'links.csv': withRow(
          base['links.csv'],
          'x,agreement,signed,BY-GOV,RU-BA,2020,,,,,Соглашение,,,,,,web-a,certain,no,,q',
        ),
      },
      'data/links.csv:4: label_ru: give the label in all three languages (label_ru, label_be, label_en)',
    ],
    [
      'a document under a link that does not exist',
      {
        'documents.csv': withRow(
          base['documents.csv'],
          'x,gov-nowhere,plan,,2023,2023,2025,,План,План,Plan,web-a,certain,,q',
        ),
      },
      'data/documents.csv:3: link: "gov-nowhere" is not a link id in data/links.csv',
    ],
    [
      'a document whose period ends before it starts',
      {
        'documents.csv': withRow(
          base['documents.csv'],
          'x,gov-kursk,plan,,2023,2025,2023,,План,План,Plan,web-a,certain,,q',
        ),
      },
      'data/documents.csv:3: periodEnd: 2023 lies before periodStart 2025',
    ],
    [
      'a document of an unknown kind',
      {
        'documents.csv': withRow(base['documents.csv'], 'x,gov-kursk,treaty,,2023,,,,План,План,Plan,web-a,certain,,q'),
      },
      'data/documents.csv:3: kind: "treaty" must be one of: plan, roadmap, protocol, programme, memorandum, other',
    ],
    [
      'a document quote that is not in its seed',
      {
        'documents.csv': withRow(
          base['documents.csv'],
          'x,gov-kursk,plan,,2023,,,,План,План,Plan,seed-000,certain,,Xyz.',
        ),
      },
      'data/documents.csv:3: quote: not found verbatim in seeds/000_fixture.txt (whitespace aside)',
    ],
    [
      'a meeting of a sister-city link',
      { 'meetings.csv': withRow(base['meetings.csv'], 'x,minsk-ufa,,2023,,web-a,certain,,q') },
      'data/meetings.csv:3: link: "minsk-ufa" is a "sister" link: meetings belong to a joint body or an agreement',
    ],
    [
      'a meeting date outside its year',
      { 'meetings.csv': withRow(base['meetings.csv'], 'x,gov-kursk,2022-05-01,2023,,web-a,certain,,q') },
      'data/meetings.csv:3: date: 2022-05-01 is not in 2023',
    ],
    [
      'an assignment of a Belarusian region',
      { 'assignments.csv': withRow(base['assignments.csv'], 'x,BY-HR,a,b,c,2020,,web-a,certain,,q') },
      'data/assignments.csv:3: region: "BY-HR" is not a Russian region code in data/regions.csv',
    ],
    [
      'a brief entry both accounted for and excluded',
      { 'excluded.csv': withRow(base['excluded.csv'], 'A1,facts-research,context_only,') },
      'data/excluded.csv:3: entry: "A1" is already accounted for in data/accounted.csv:2',
    ],
    [
      'an accounted entry naming a row that does not exist',
      { 'accounted.csv': withRow(base['accounted.csv'], 'A3,facts-research,gov-kursk gov-nowhere') },
      'data/accounted.csv:3: rows: "gov-nowhere" is not the id of a row in any table',
    ],
    [
      'a duplicate that names no row',
      { 'excluded.csv': withRow(base['excluded.csv'], 'A3,facts-research,duplicate,somewhere') },
      'data/excluded.csv:3: detail: "somewhere" names no row id of the data nor another entry (what it duplicates)',
    ],
    [
      'an entry id of no brief',
      { 'excluded.csv': withRow(base['excluded.csv'], 'Z9,facts-research,other,x') },
      'data/excluded.csv:3: entry: "Z9" is not an entry id: write A1 … H6, or FBS:<short-key> for facts-beyond-seeds.md',
    ],
    [
      'an FBS entry filed under the other brief',
      { 'excluded.csv': withRow(base['excluded.csv'], 'FBS:minsk-ufa,facts-research,other,x') },
      'data/excluded.csv:3: brief: "facts-research" does not fit entry "FBS:minsk-ufa" (FBS:… entries are from facts-beyond-seeds)',
    ],
    [
      'an event in a city that does not exist',
      {
        'events.csv': withRow(
          base['events.csv'],
          'forum-2022,forum,9,2022,2022-06-30,2022-07-01,grodno,BY-HR,in_person,IX,IX,9th,web-a,certain,no,,q',
        ),
      },
      'data/events.csv:3: city: "grodno" is not a city id in data/cities.csv',
    ],
    [
      'a region fact for a region that does not exist',
      { 'regionFacts.csv': withRow(base['regionFacts.csv'], 'x,BY-GOV,2023,no,a,b,c,web-a,certain,no,,q') },
      'data/regionFacts.csv:3: region: "BY-GOV" is not a region code in data/regions.csv',
    ],
    [
      'a seed source whose file is not in seeds/',
      { 'sources.csv': withRow(base['sources.csv'], 'seed-001,seed,S,P,2023,ru,,001_missing.txt,') },
      'data/sources.csv:5: file: seeds/001_missing.txt does not exist',
    ],
    [
      'an id with spaces',
      { 'sources.csv': withRow(base['sources.csv'], 'web b,web,W,P,,en,https://example.org,,') },
      'data/sources.csv:5: id: "web b" is not a valid id: use lower-case latin letters, digits and single dashes (e.g. "minsk-ufa")',
    ],
    [
      'a row with an unquoted comma',
      { 'regionFacts.csv': withRow(base['regionFacts.csv'], 'x,RU-KRS,2023,no,a,b,c,web-a,certain,no,,one, two') },
      'data/regionFacts.csv:3: row: has 13 cells but the header has 12 (a comma inside a cell needs "quotes")',
    ],
    [
      'a misspelt column',
      { 'cities.csv': base['cities.csv'].replace('sourceId', 'source') },
      'data/cities.csv:1: header: missing column "sourceId"',
    ],
  ];

  it.each(cases)('reports %s', (_name, overrides, expected) => {
    expect(messages({ ...base, ...overrides })).toContain(expected);
  });

  it('counts lines from where a row starts when an earlier cell spans two lines', () => {
    const text = withRow(
      withRow(base['regionFacts.csv'], 'x,RU-KRS,2023,no,a,b,c,web-a,certain,no,"first line\nsecond line",q'),
      'y,RU-XX,2023,no,a,b,c,web-a,certain,no,,q',
    );
    expect(messages({ ...base, 'regionFacts.csv': text })).toEqual([
      'data/regionFacts.csv:5: region: "RU-XX" is not a region code in data/regions.csv',
    ]);
  });

  it('counts lines correctly in a file with CRLF line ends', () => {
    const text = withRow(base['regionFacts.csv'], 'y,RU-XX,2023,no,a,b,c,web-a,certain,no,,q').replace(/\n/gu, '\r\n');
    expect(messages({ ...base, 'regionFacts.csv': text })).toEqual([
      'data/regionFacts.csv:3: region: "RU-XX" is not a region code in data/regions.csv',
    ]);
  });

  it('reports every problem, not only the first, in file order', () => {
    const tables = {
      ...base,
      [FIG]: withLine(base[FIG], 2, figureLine({ sourceId: 'nope', year: '2030', asOf: '' })),
      'cities.csv': withRow(base['cities.csv'], 'kursk,RU-KUR,51.74,36.19,Курск,Курск,Kursk,geo-minsk'),
    };
    expect(messages(tables)).toEqual([
      'data/figures.csv:2: sourceId: "nope" is not a source id in data/sources.csv',
      'data/figures.csv:2: year: 2030 lies outside the timeline 2016–2024: set outsideTimeline to "yes" if that is intended',
      'data/cities.csv:4: region: "RU-KUR" is not a region code in data/regions.csv',
    ]);
  });

  it('reports a missing table file', () => {
    const tables: Partial<FixtureTables> = { ...base };
    delete tables['events.csv'];
    const result = compileDataset({ tables, seeds: createSeeds() });
    expect(result.errors?.map(formatError)).toEqual(['data/events.csv:1: file: the file is missing']);
  });
});
