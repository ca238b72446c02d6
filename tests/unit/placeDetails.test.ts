import { describe, expect, it } from 'vitest';
import { placeDetails } from '../../src/scene/placeDetails';
import type { City, Dataset, Link, MapEvent, RegionFact, RegionInfo } from '../../src/data/types';

const names = (en: string) => ({ ru: en, be: en, en });
const createRegion = (code: string): RegionInfo => ({
  code,
  country: code.startsWith('BY') ? 'BY' : 'RU',
  names: names(code),
  label: [0, 0],
});
const createCity = (id: string, region: string): City => ({
  id,
  region,
  names: names(id),
  lon: 0,
  lat: 0,
  sourceId: 's',
});
const createLink = (id: string, from: string, to: string, over: Partial<Link> = {}): Link => ({
  id,
  kind: 'agreement',
  status: 'signed',
  from,
  to,
  year: 2020,
  date: '',
  inForceBy: null,
  firstYear: null,
  title: '',
  label: names(''),
  chair: names(''),
  sourceId: 's',
  quote: 'q',
  certainty: 'certain',
  note: '',
  ...over,
});
const createForum = (id: string, year: number, city: string, region: string): MapEvent => ({
  id,
  kind: 'forum',
  number: year - 2013,
  year,
  dateStart: '',
  dateEnd: '',
  city,
  region,
  mode: 'in_person',
  names: names(id),
  sourceId: 's',
  quote: 'q',
  certainty: 'certain',
  note: '',
});
const createFact = (id: string, region: string): RegionFact => ({
  id,
  region,
  year: 2024,
  sinceYear: false,
  text: names(id),
  sourceId: 's',
  quote: 'q',
  certainty: 'certain',
  note: '',
});

const REGIONS = ['BY-HM', 'BY-HO', 'BY-VI', 'RU-KRS', 'RU-MOW'].map(createRegion);
const DATASET: Dataset = {
  years: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
  sources: [],
  metrics: [],
  figures: [],
  cities: [createCity('gomel', 'BY-HO'), createCity('kursk', 'RU-KRS'), createCity('minsk', 'BY-HM')],
  links: [
    createLink('gov-krs', 'BY-GOV', 'RU-KRS', { year: 2020 }),
    createLink('ho-krs', 'BY-HO', 'RU-KRS', { year: null, inForceBy: 2023, status: 'in_force' }),
    createLink('vi-krs', 'BY-VI', 'RU-KRS', { year: 2024 }),
    createLink('gomel-kursk', 'gomel', 'kursk', { kind: 'sister', year: 2004 }),
    createLink('hm-mow', 'BY-HM', 'RU-MOW', { year: 2017 }),
  ],
  events: [createForum('forum-2018', 2018, 'minsk', 'BY-HM'), createForum('forum-2024', 2024, '', 'BY-VI')],
  regionFacts: [createFact('krs-fact', 'RU-KRS')],
  documents: [],
  meetings: [],
  assignments: [],
};

describe('placeDetails', () => {
  it('lists every partner of a region, its cities included', () => {
    const d = placeDetails(DATASET, REGIONS, 'RU-KRS', 2024)!;
    expect(d.links.map((l) => l.partner.id).sort()).toEqual(['BY-GOV', 'BY-HO', 'BY-VI', 'gomel']);
  });

  it('marks links not yet in force by the year, and those signed in it', () => {
    const d = placeDetails(DATASET, REGIONS, 'RU-KRS', 2023)!;
    const byId = Object.fromEntries(d.links.map((l) => [l.link.id, l]));
    expect(byId['vi-krs']).toMatchObject({ inForce: false, isNew: false });
    expect(byId['ho-krs']).toMatchObject({ inForce: true, isNew: false, start: 2023 });
    expect(placeDetails(DATASET, REGIONS, 'RU-KRS', 2024)!.links.find((l) => l.link.id === 'vi-krs')?.isNew).toBe(true);
  });

  it('lists a city with its own links only, and its region', () => {
    const d = placeDetails(DATASET, REGIONS, 'kursk', 2024)!;
    expect(d).toMatchObject({ kind: 'city', region: 'RU-KRS', country: 'RU' });
    expect(d.links.map((l) => l.partner)).toEqual([{ id: 'gomel', names: names('gomel'), region: 'BY-HO' }]);
    expect(d.facts).toEqual([]);
  });

  it('finds the forums a region or its host city held', () => {
    expect(placeDetails(DATASET, REGIONS, 'BY-HM', 2024)!.forums.map((f) => f.id)).toEqual(['forum-2018']);
    expect(placeDetails(DATASET, REGIONS, 'minsk', 2024)!.forums.map((f) => f.id)).toEqual(['forum-2018']);
    expect(placeDetails(DATASET, REGIONS, 'BY-VI', 2024)!.forums.map((f) => f.id)).toEqual(['forum-2024']);
  });

  it('gives the facts of a region', () => {
    expect(placeDetails(DATASET, REGIONS, 'RU-KRS', 2024)!.facts.map((f) => f.id)).toEqual(['krs-fact']);
  });

  it('returns null for an unknown id', () => {
    expect(placeDetails(DATASET, REGIONS, 'RU-XXX', 2024)).toBeNull();
  });
});
