import { describe, expect, it } from 'vitest';
import { buildPlaceIndex, normalise, searchPlaces } from '../../src/scene/searchPlaces';
import type { City, RegionInfo } from '../../src/data/types';

const createRegion = (code: string, ru: string, be: string, en: string): RegionInfo => ({
  code,
  country: code.startsWith('BY') ? 'BY' : 'RU',
  names: { ru, be, en },
  label: [0, 0],
});
const createCity = (id: string, region: string, ru: string, be: string, en: string): City => ({
  id,
  region,
  names: { ru, be, en },
  lon: 0,
  lat: 0,
  sourceId: 's',
});

const INDEX = buildPlaceIndex(
  [
    createRegion('RU-KRS', 'Курская область', 'Курская вобласць', 'Kursk Oblast'),
    createRegion('BY-HR', 'Гродненская область', 'Гродзенская вобласць', 'Grodno Oblast'),
    createRegion('RU-KGD', 'Калининградская область', 'Калінінградская вобласць', 'Kaliningrad Oblast'),
  ],
  [
    createCity('grodno', 'BY-HR', 'Гродно', 'Гродна', 'Grodno'),
    createCity('kursk', 'RU-KRS', 'Курск', 'Курск', 'Kursk'),
  ],
);

describe('searchPlaces', () => {
  it.each([
    ['Kursk', 'ru', ['kursk', 'RU-KRS']],
    ['курская', 'ru', ['RU-KRS']],
    ['Курская вобласць', 'be', ['RU-KRS']],
    ['гродна', 'be', ['grodno']],
    ['гродн', 'ru', ['grodno', 'BY-HR']],
    ['гродзенская', 'ru', ['BY-HR']],
    ['ru-krs', 'en', ['RU-KRS']],
    ['oblast', 'en', ['BY-HR', 'RU-KGD', 'RU-KRS']],
    ['калининград', 'ru', ['RU-KGD']],
    ['', 'ru', []],
    ['zzz', 'ru', []],
  ] as const)('finds %j (%s) as %j', (q, lang, ids) => {
    expect(searchPlaces(INDEX, q, lang).map((p) => p.id)).toEqual(ids);
  });

  it('caps the number of results', () => {
    expect(searchPlaces(INDEX, 'o', 'en', 2)).toHaveLength(2);
  });
});

describe('normalise', () => {
  it.each([
    ['Ёлка', 'елка'],
    ['Гродзенская', 'гродзенская'],
    ['Магілёўская', 'магилеуская'],
    ['  Rostov-on-Don ', 'rostov on don'],
  ])('folds %j to %j', (input, out) => {
    expect(normalise(input)).toBe(out);
  });
});
