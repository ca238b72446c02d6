import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../../scripts/data/fixtures';
import { decodeDataset } from '../../src/data/dataset';
import {
  DEFERRED_FIELDS,
  DEFERRED_TABLES,
  decodeDetails,
  isDeferredField,
  isDeferredTable,
  mergeDetails,
  splitDataset,
} from '../../src/data/details';
import {
  completeDataset,
  deferDetails,
  detailsState,
  recordDetails,
  requestDetails,
  subscribeDetails,
} from '../../src/data/detailsLoader';
import type { Dataset } from '../../src/data/types';

type Json = Record<string, unknown>;
const asJson = (d: Dataset): Json => JSON.parse(JSON.stringify(d)) as Json;

describe('splitDataset', () => {
  it('leaves every deferred field out of the first view and keeps every other field', () => {
    const { first } = splitDataset(asJson(createDataset()));
    for (const [table, fields] of Object.entries(DEFERRED_FIELDS)) {
      for (const row of first[table] as Json[]) {
        expect(
          Object.keys(row).filter((k) => (fields as readonly string[]).includes(k)),
          table,
        ).toEqual([]);
      }
    }
    const figure = (first.figures as Json[])[0];
    expect(figure).toMatchObject({ id: expect.any(String), value: expect.any(Number), sourceId: expect.any(String) });
    expect(first.years).toEqual(createDataset().years);
  });

  it('puts the deferred fields in the details, by table and record id', () => {
    const dataset = createDataset();
    const { details } = splitDataset(asJson(dataset));
    const link = dataset.links[0]!;
    expect(details.fields.links?.[link.id]).toEqual({
      quote: link.quote,
      note: link.note,
      label: link.label,
      chair: link.chair,
    });
    const figure = dataset.figures[0]!;
    expect(details.fields.figures?.[figure.id]).toEqual({
      quote: figure.quote,
      note: figure.note,
      scope: figure.scope,
    });
  });

  it('keeps in the first view only the translations its texts need; the rest comes with the details', () => {
    const dataset = asJson(createDataset());
    const publisher = (dataset.sources as { publisher: string }[])[0]!.publisher;
    const translations = { [`k:${publisher}`]: ['ru', 'be'], 'k:A remark.': ['примечание', 'заўвага'] };
    const { first, details } = splitDataset({ ...dataset, translations }, (text) => `k:${text}`);
    expect(first.translations).toEqual({ [`k:${publisher}`]: ['ru', 'be'] });
    expect(details.translations).toEqual({ 'k:A remark.': ['примечание', 'заўвага'] });
    expect(mergeDetails(first, details).translations).toEqual(translations);
  });

  it.each(DEFERRED_TABLES)('moves a %s table whole into the details', (table) => {
    const rows = [{ id: `${table}-1`, title: 'x' }];
    const { first, details } = splitDataset({ ...asJson(createDataset()), [table]: rows });
    expect(first[table]).toBeUndefined();
    expect(details.tables[table]).toEqual(rows);
  });

  it('round-trips: the first view merged with its details is the dataset again', () => {
    const full = asJson(createDataset());
    const { first, details } = splitDataset(full);
    const back = mergeDetails(
      JSON.parse(JSON.stringify(first)) as Json,
      decodeDetails(JSON.parse(JSON.stringify(details))),
    );
    expect(back).toEqual(full);
  });

  it('does not change its input', () => {
    const full = asJson(createDataset());
    splitDataset(full);
    expect(full).toEqual(asJson(createDataset()));
  });

  it.each<[string, (d: Json) => void, RegExp]>([
    ['a record without id', (d) => delete (d.links as Json[])[0]!.id, /links\[0\]: expected an id/],
    ['a repeated id', (d) => ((d.links as Json[])[1]!.id = (d.links as Json[])[0]!.id), /links: id .* repeats/],
    ['a table that is no list', (d) => (d.figures = {}), /figures: expected a list of records/],
  ])('refuses %s', (_, breakIt, message) => {
    const d = asJson(createDataset());
    breakIt(d);
    expect(() => splitDataset(d)).toThrow(message);
  });
});

describe('isDeferredField', () => {
  it.each([
    ['figures', 'quote', true],
    ['figures', 'scope', true],
    ['links', 'note', true],
    ['sources', 'note', true],
    ['links', 'title', false],
    ['sources', 'title', true],
    ['sources', 'publisher', false],
    ['cities', 'quote', false],
    ['toString', 'quote', false],
  ])('%s.%s → %s', (table, field, expected) => {
    expect(isDeferredField(table, field)).toBe(expected);
  });
});

describe('isDeferredTable', () => {
  it.each([
    ['documents', true],
    ['meetings', true],
    ['assignments', true],
    ['links', false],
    ['sources', false],
    ['constructor', false],
  ])('%s → %s', (table, expected) => {
    expect(isDeferredTable(table)).toBe(expected);
  });
});

describe('decodeDetails and mergeDetails', () => {
  it.each<[string, unknown, RegExp]>([
    ['no object', [], /details\.json: \(root\): expected an object/],
    ['no fields', { tables: {} }, /details\.json: fields: expected an object/],
    ['fields of a table with none deferred', { fields: { cities: {} }, tables: {} }, /fields\.cities/],
    ['a table that is not deferred', { fields: {}, tables: { links: [] } }, /tables\.links: expected a deferred table/],
    [
      'records that are no objects',
      { fields: { links: { a: 'x' } }, tables: {} },
      /fields\.links: expected records by id/,
    ],
  ])('decodeDetails refuses %s', (_, json, message) => {
    expect(() => decodeDetails(json)).toThrow(message);
  });

  it('mergeDetails refuses details from another build (a record missing, or one too many)', () => {
    const { first, details } = splitDataset(asJson(createDataset()));
    const fewer = { ...details, fields: { ...details.fields, links: {} } };
    expect(() => mergeDetails(first, fewer)).toThrow(/details\.json: links: 0 records, dataset\.json has/);
    const renamed = JSON.parse(JSON.stringify(details)) as typeof details;
    const links = renamed.fields.links!;
    const [id] = Object.keys(links);
    links['other-id'] = links[id!]!;
    delete links[id!];
    expect(() => mergeDetails(first, renamed)).toThrow(/links: no record .* \(the files are from different builds\)/);
  });
});

/** A first-view dataset whose details arrive when the test says so. */
function createDeferred() {
  const { first, details } = splitDataset(asJson(createDataset()));
  const dataset = decodeDataset(first);
  let answer: (json: unknown) => void = () => {};
  let refuse: (e: Error) => void = () => {};
  let fetches = 0;
  deferDetails(dataset, () => {
    fetches++;
    return new Promise((resolve, reject) => {
      answer = resolve;
      refuse = reject;
    });
  });
  return {
    dataset,
    details,
    answer: (json: unknown = JSON.parse(JSON.stringify(details))) => answer(json),
    refuse: (e: Error) => refuse(e),
    fetches: () => fetches,
  };
}

describe('detailsLoader', () => {
  it('decodes a first-view dataset, whose records lack their quotes until the details are there', () => {
    const { dataset } = createDeferred();
    expect(dataset.links[0]?.quote).toBeUndefined();
    expect(detailsState(dataset)).toEqual({ status: 'idle' });
    expect(recordDetails(dataset, dataset.links[0]!)).toBeNull();
  });

  it('fetches once, says loading, then gives each record its fields and the complete dataset', async () => {
    const d = createDeferred();
    const seen: string[] = [];
    subscribeDetails(d.dataset, () => seen.push(detailsState(d.dataset).status));
    const one = requestDetails(d.dataset);
    const two = requestDetails(d.dataset);
    expect(d.fetches()).toBe(1);
    d.answer();
    const full = await one;
    expect(await two).toBe(full);
    expect(seen).toEqual(['loading', 'ready']);
    const link = d.dataset.links[0]!;
    expect(recordDetails(d.dataset, link)).toEqual(d.details.fields.links?.[link.id]);
    expect(full.links[0]).toEqual(createDataset().links[0]);
    expect(d.dataset.links[0]?.quote).toBeUndefined(); // the first view's records stay as they were
  });

  it('gives the complete dataset only once the details are there', async () => {
    const d = createDeferred();
    expect(completeDataset(d.dataset)).toBeNull();
    const pending = requestDetails(d.dataset);
    d.answer();
    const full = await pending;
    expect(completeDataset(d.dataset)).toBe(full);
    expect(full.figures[0]).toEqual(createDataset().figures[0]);
  });

  it('reports a failure and fetches again when asked again', async () => {
    const d = createDeferred();
    const first = requestDetails(d.dataset);
    d.refuse(new Error('data/details.json: HTTP 503'));
    await expect(first).rejects.toThrow('HTTP 503');
    expect(detailsState(d.dataset)).toEqual({ status: 'error', message: 'data/details.json: HTTP 503' });
    const again = requestDetails(d.dataset);
    expect(d.fetches()).toBe(2);
    d.answer();
    await again;
    expect(detailsState(d.dataset)).toEqual({ status: 'ready' });
  });

  it('rejects details that do not decode, and says so', async () => {
    const d = createDeferred();
    const pending = requestDetails(d.dataset);
    d.answer({ fields: 'nothing' });
    await expect(pending).rejects.toThrow(/details\.json: fields/);
    expect(detailsState(d.dataset).status).toBe('error');
  });

  it('treats a dataset decoded from a complete file as complete: the record is its own details', async () => {
    const dataset = createDataset();
    expect(detailsState(dataset)).toEqual({ status: 'complete' });
    expect(recordDetails(dataset, dataset.links[0]!)).toBe(dataset.links[0]);
    expect(completeDataset(dataset)).toBe(dataset);
    expect(await requestDetails(dataset)).toBe(dataset);
  });
});

describe('decodeDataset of a first-view file', () => {
  it('accepts the deferred fields absent, and still checks them when present', () => {
    const { first } = splitDataset(asJson(createDataset()));
    expect(() => decodeDataset(first)).not.toThrow();
    const bad = asJson(createDataset());
    (bad.links as Json[])[0]!.quote = 7;
    expect(() => decodeDataset(bad)).toThrow(/links\[0\]\.quote: expected a string/);
  });
});

describe('the compiled files (npm run data)', () => {
  const read = (name: string): string => readFileSync(`public/data/${name}`, 'utf8');
  it('write no quote into the first-view dataset.json, and every quote into details.json', () => {
    const first = JSON.parse(read('dataset.json')) as Json;
    const details = decodeDetails(JSON.parse(read('details.json')));
    expect((first.links as Json[]).filter((l) => 'quote' in l)).toEqual([]);
    expect(Object.keys(details.fields.links ?? {})).toHaveLength((first.links as Json[]).length);
    expect(Object.values(details.fields.figures ?? {}).every((f) => typeof f.quote === 'string' && f.quote)).toBe(true);
  });
});
