import { describe, expect, it } from 'vitest';
import { createDataset } from '../../scripts/data/fixtures';
import type { Assignment, Dataset, Link } from '../../src/data/types';
import {
  assignmentOf,
  cityById,
  decodeDataset,
  documentsOfLink,
  eventsForYear,
  figuresForYear,
  isNewInYear,
  linkStartYear,
  linksInForce,
  linksKnownBy,
  meetingsOfLink,
  seriesByMetric,
  signedInYear,
  sourcedCount,
  sourceById,
  undatedLinks,
} from '../../src/data/dataset';

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('decodeDataset', () => {
  it('returns a well-formed dataset as it is', () => {
    const ds = createDataset();
    expect(decodeDataset(JSON.parse(JSON.stringify(ds)))).toEqual(ds);
  });

  it.each([
    ['a non-object', 42, 'dataset.json: (root): expected an object, got 42'],
    ['a missing table', { ...createDataset(), links: undefined }, 'dataset.json: links: expected a list, got nothing'],
    [
      'a value written as text',
      { ...createDataset(), figures: [{ ...createDataset().figures[0], value: '26,1' }] },
      'dataset.json: figures[0].value: expected a number, got "26,1"',
    ],
    [
      'names missing a language',
      { ...createDataset(), cities: [{ ...createDataset().cities[0], names: { ru: 'Минск', en: 'Minsk' } }] },
      'dataset.json: cities[0].names: expected names in ru, be and en',
    ],
    [
      'a link year that is text',
      { ...createDataset(), links: [{ ...createDataset().links[0], year: '2020' }] },
      'dataset.json: links[0].year: expected a number or null, got "2020"',
    ],
  ])('throws a readable error for %s', (_name, json, message) => {
    expect(() => decodeDataset(json)).toThrow(message);
  });
});

describe('look-ups', () => {
  const ds = createDataset();

  it('finds a source and a city by id, and nothing for an unknown id', () => {
    expect(sourceById(ds, 's-web')?.url).toBe('https://example.org/x');
    expect(cityById(ds, 'ufa')?.lat).toBe(54.74);
    expect(sourceById(ds, 'nope')).toBeUndefined();
  });

  it('gives the figures of a year in the metrics display order, and none for a year without data', () => {
    expect(ids(figuresForYear(ds, 2023))).toEqual(['f4', 'f2', 'f1']);
    expect(figuresForYear(ds, 2019)).toEqual([]);
  });

  it('groups a metric into its series, each sorted by year, without merging them', () => {
    expect(seriesByMetric(ds, 'a_metric').map((s) => [s.series, ids(s.figures)])).toEqual([
      ['ru', ['f3', 'f2']],
      ['by', ['f4']],
    ]);
  });

  it('lists the events of a year', () => {
    expect(ids(eventsForYear(ds, 2023))).toEqual(['forum-2023']);
    expect(eventsForYear(ds, 2022)).toEqual([]);
  });
});

describe('links over time', () => {
  const ds = createDataset();

  it.each([
    [2016, ['before-2015']],
    [2020, ['signed-2020', 'before-2015']],
    [2023, ['signed-2020', 'shown-2023', 'before-2015']],
  ])('in %i counts signed and in-force links from their year or inForceBy: %j', (year, expected) => {
    expect(ids(linksInForce(ds, year))).toEqual(expected);
  });

  it('leaves authorised links out of the links in force but keeps them among the known ones', () => {
    expect(ids(linksInForce(ds, 2024))).not.toContain('authorised-2020');
    expect(ids(linksKnownBy(ds, 2020))).toContain('authorised-2020');
  });

  it('never places an undated link on the timeline, but lists it', () => {
    expect(ids(linksKnownBy(ds, 2024))).not.toContain('undated');
    expect(ids(undatedLinks(ds))).toEqual(['undated']);
    expect(linkStartYear(ds.links.find((l) => l.id === 'undated')!)).toBeNull();
  });

  it.each([
    ['signed-2020', 2020, true],
    ['signed-2020', 2021, false],
    ['shown-2023', 2023, false],
  ])('calls %s new in %i: %s (only a sourced signing year makes a link new)', (id, year, expected) => {
    expect(
      isNewInYear(
        ds.links.find((l) => l.id === id)!,
        year,
      ),
    ).toBe(expected);
  });
});

describe('ties: documents, meetings, assignments, what was signed', () => {
  const ds = createDataset();
  const withAssignments = (...rows: Array<Partial<Assignment> & { id: string }>): Dataset => ({
    ...ds,
    assignments: rows.map((r) => ({ ...ds.assignments[0]!, ...r })),
  });

  it('lists the documents of a link oldest first, and none for a link without documents', () => {
    expect(ids(documentsOfLink(ds, 'signed-2020'))).toEqual(['protocol-2021', 'plan-2023']);
    expect(documentsOfLink(ds, 'shown-2023')).toEqual([]);
  });

  it('lists the meetings of a link oldest first', () => {
    expect(meetingsOfLink(ds, 'signed-2020').map((m) => m.year)).toEqual([2019, 2022]);
    expect(meetingsOfLink(ds, 'nope')).toEqual([]);
  });

  it.each([
    [2020, ['signed-2020'], []],
    [2021, [], ['protocol-2021']],
    [2023, [], ['plan-2023']],
    [2019, [], []],
  ])('says what was signed in %i: links %j, documents %j', (year, links, documents) => {
    const signed = signedInYear(ds, year);
    expect(ids(signed.links)).toEqual(links);
    expect(ids(signed.documents)).toEqual(documents);
  });

  it.each<[string, Dataset, number, string | undefined]>([
    ['before the act', withAssignments({ id: 'a', since: '2020-03-20' }), 2019, undefined],
    ['from the act on', withAssignments({ id: 'a', since: '2020-03-20' }), 2020, 'a'],
    ['an undated one in any year', withAssignments({ id: 'a', since: '' }), 2016, 'a'],
    ['the latest of two', withAssignments({ id: 'old', since: '2016' }, { id: 'new', since: '2022-05' }), 2023, 'new'],
    ['none after it ended', withAssignments({ id: 'a', since: '2016', until: '2019' }), 2020, undefined],
    ['none for another region', withAssignments({ id: 'a', region: 'RU-BA', since: '2016' }), 2020, undefined],
  ])('gives the assignment of a region: %s', (_name, data, year, expected) => {
    expect(assignmentOf(data, 'RU-KRS', year)?.id).toBe(expected);
  });

  it.each([
    ['agreements_gov', 2019, 1],
    ['agreements_gov', 2020, 2],
    ['agreements_gov_regions', 2020, 2],
    ['ru_regions_direct_ties', 2023, 3],
    ['ru_regions_direct_ties', 2019, 1],
    ['ru_regions_assigned', 2019, 0],
    ['ru_regions_assigned', 2020, 1],
    ['trade_turnover', 2020, null],
  ])('counts what the data sources of the official count %s by %i: %s', (metric, year, expected) => {
    expect(sourcedCount(ds, metric, year)).toBe(expected);
  });
});

describe('linksInForce with the statuses a source can give', () => {
  const base = createDataset();
  const only = (status: Link['status']): Dataset => ({
    ...base,
    links: [{ ...base.links[0]!, status, year: 2020, inForceBy: null }],
  });
  it.each<[Link['status'], boolean]>([
    ['signed', true],
    ['in_force', true],
    ['renewed', true],
    ['intentions', false],
    ['authorised', false],
    ['planned', false],
  ])('counts a %s link as in force: %s', (status, expected) => {
    expect(linksInForce(only(status), 2024).length > 0).toBe(expected);
  });
});

describe('linkStartYear of a renewed tie', () => {
  const link = createDataset().links[0]!;
  it.each<[string, Partial<Link>, number | null]>([
    ['a renewal with its first signing', { status: 'renewed', year: 2022, firstYear: 2004 }, 2004],
    ['a renewal whose first signing no source gives', { status: 'renewed', year: 2022, firstYear: null }, 2022],
    ['a signed tie', { status: 'signed', year: 2020, firstYear: null }, 2020],
  ])('starts %s from %s', (_name, over, expected) => {
    expect(linkStartYear({ ...link, ...over })).toBe(expected);
  });
});
