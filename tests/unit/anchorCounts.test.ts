import { describe, expect, it } from 'vitest';
import { anchorCounts, type AnchorLink } from '../../bench/anchor/anchorCounts';

const link = (from: string, to: string, year: number | null, over: Partial<AnchorLink> = {}): AnchorLink => ({
  from,
  to,
  status: 'signed',
  year,
  inForceBy: null,
  ...over,
});

const data = {
  cities: [{ id: 'gomel', region: 'BY-HO' }],
  links: [
    link('BY-HR', 'RU-KRS', 2017),
    link('gomel', 'RU-KRS', 2019),
    link('BY-GOV', 'RU-SMO', 2018),
    link('BY-HR', 'RU-SMO', null, { inForceBy: 2018 }),
    link('BY-HR', 'RU-SMO', 2016, { status: 'planned' }),
    link('BY-HR', 'RU-SMO', null),
  ],
};
const counts = anchorCounts(data, [2016, 2017, 2018, 2019], ['BY-HR', 'BY-HO', 'RU-KRS', 'RU-SMO']);

describe('anchorCounts (the bench anchor’s colour per region and year)', () => {
  it.each([
    [2016, { 'BY-HR': 0, 'BY-HO': 0, 'RU-KRS': 0, 'RU-SMO': 0 }],
    [2017, { 'BY-HR': 1, 'BY-HO': 0, 'RU-KRS': 1, 'RU-SMO': 0 }],
    [2018, { 'BY-HR': 2, 'BY-HO': 0, 'RU-KRS': 1, 'RU-SMO': 2 }],
    [2019, { 'BY-HR': 2, 'BY-HO': 1, 'RU-KRS': 2, 'RU-SMO': 2 }],
  ])('counts the links in force by %i at each end, a city counting for its region', (year, expected) => {
    expect(Object.fromEntries(counts.get(year) ?? [])).toEqual(expected);
  });
});
