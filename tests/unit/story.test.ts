import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import storyJson from '../../data/story.json';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import { FIRST_YEAR, LANGS, LAST_YEAR } from '../../src/data/types';
import { checkStory, decodeStory, type Story } from '../../src/scene/story';
import { STORY } from '../../src/scene/storyData';

/** The compiled dataset and boundaries (`npm run data` writes the dataset). */
const dataset = decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8')));
const geo = decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')));
const sourceIds = new Set(dataset.sources.map((s) => s.id));
const placeIds = new Set([...geo.regions.map((r) => r.code), ...dataset.cities.map((c) => c.id)]);

const createStep = (over: Record<string, unknown> = {}) => ({
  id: 'a',
  year: 2020,
  selection: null,
  view: null,
  caption: { ru: 'р', be: 'б', en: 'e' },
  sources: ['seed-001'],
  ...over,
});

describe('the story in data/story.json', () => {
  it('is sound: known sources and places, years in the timeline, running forward', () => {
    expect(checkStory(STORY, { sourceIds, placeIds })).toEqual([]);
  });

  it('runs from the first year of the timeline to the last', () => {
    expect(STORY.steps[0]?.year).toBe(FIRST_YEAR);
    expect(STORY.steps[STORY.steps.length - 1]?.year).toBe(LAST_YEAR);
    const years = new Set(STORY.steps.map((s) => s.year));
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) expect(years, `no step for ${y}`).toContain(y);
  });

  it.each(STORY.steps.map((s) => [s.id, s] as const))(
    'step %s has a caption in ru, be and en and cites a source',
    (_, step) => {
      for (const lang of LANGS) expect(step.caption[lang].trim().length, lang).toBeGreaterThan(20);
      // Captions are translations, not copies.
      expect(new Set(LANGS.map((l) => step.caption[l])).size).toBe(3);
      expect(step.sources.length).toBeGreaterThan(0);
      for (const id of step.sources) expect(sourceIds, id).toContain(id);
    },
  );

  it('starts every step id with its year (readable references in reviews)', () => {
    const missing = STORY.steps.filter((s) => s.id.startsWith(String(s.year)) === false);
    expect(missing.map((s) => s.id)).toEqual([]);
  });
});

describe('decodeStory', () => {
  it('reads the file as it is', () => {
    expect(decodeStory(storyJson).steps.length).toBe(storyJson.steps.length);
  });

  it.each([
    [{}, /expected \{ "steps"/u],
    [{ steps: [] }, /at least one step/u],
    [{ steps: [createStep({ id: '' })] }, /step 1: id/u],
    [{ steps: [createStep({ year: '2020' })] }, /step 1 \(a\): year/u],
    [{ steps: [createStep({ caption: { ru: 'р', en: 'e' } })] }, /caption\.be is missing/u],
    [{ steps: [createStep({ sources: [] })] }, /sources must list/u],
    [{ steps: [createStep({ view: [1, 2, 3] })] }, /view must be/u],
    [{ steps: [createStep({ kinds: ['bridge'] })] }, /kinds must list/u],
    [{ steps: [createStep({ selection: 5 })] }, /selection must be/u],
  ])('rejects %j with a readable message', (json, message) => {
    expect(() => decodeStory(json)).toThrow(message);
  });

  it('keeps kinds when given and null otherwise', () => {
    const story = decodeStory({ steps: [createStep({ kinds: ['sister'] }), createStep({ id: 'b' })] });
    expect(story.steps.map((s) => s.kinds)).toEqual([['sister'], null]);
  });
});

describe('checkStory', () => {
  const check = (steps: Record<string, unknown>[]) =>
    checkStory(decodeStory({ steps }) as Story, { sourceIds, placeIds });

  it('names a source that is not in sources.csv', () => {
    expect(check([createStep({ sources: ['seed-001', 'no-such-source'] })])).toEqual([
      'step 1 (a): source "no-such-source" is not in data/sources.csv',
    ]);
  });

  it('names a year outside the timeline and a step going back in time', () => {
    expect(
      check([createStep({ year: 2015 }), createStep({ id: 'b', year: 2024 }), createStep({ id: 'c', year: 2019 })]),
    ).toEqual([
      'step 1 (a): year 2015 is outside 2016–2024',
      'step 3 (c): year 2019 comes after 2024 (the story runs forward)',
    ]);
  });

  it('names an unknown place, a duplicate id and an inverted view', () => {
    expect(check([createStep({ selection: 'RU-XXX' }), createStep({ view: [40, 50, 20, 60] })])).toEqual([
      'step 1 (a): selection "RU-XXX" is neither a region code nor a city id',
      'step 2 (a): duplicate id',
      'step 2 (a): view [40, 50, 20, 60] is not [west, south, east, north]',
    ]);
  });
});
