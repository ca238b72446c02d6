import { describe, expect, it } from 'vitest';
import { CATALOGUES, formatNumber, translate } from '../../src/i18n/translate';
import { LANGS } from '../../src/data/types';
import { formatFigureValue, formatPartialDate } from '../../src/i18n/formatValue';

describe('catalogues', () => {
  const keys = Object.keys(CATALOGUES.ru).sort();

  it.each(LANGS)('%s has exactly the reference keys, none empty', (lang) => {
    const cat = CATALOGUES[lang];
    expect(Object.keys(cat).sort()).toEqual(keys);
    for (const k of keys) expect(cat[k as keyof typeof cat].trim()).not.toBe('');
  });

  it.each(LANGS)('%s uses the same placeholders as Russian in every message', (lang) => {
    const ph = (s: string) => (s.match(/\{\w+(?=\}|, plural,)/g) ?? []).sort();
    for (const k of keys) {
      const key = k as keyof typeof CATALOGUES.ru;
      expect(ph(CATALOGUES[lang][key]), `${lang} ${k}`).toEqual(ph(CATALOGUES.ru[key]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders and writes years plainly', () => {
    expect(translate('en', 'figures.title', { year: 2024 })).toBe('Figures for 2024');
  });

  it('formats other numbers for the locale', () => {
    expect(formatNumber('ru', 1234.5)).toBe('1\u00a0234,5');
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
  });
});

describe('formatFigureValue', () => {
  const fig = (over = {}) => ({ value: 26.1, valueMax: null, qualifier: 'exact' as const, unit: 'usd_bn', ...over });
  it.each([
    ['ru', fig(), '26,1\u00a0млрд долл. США'],
    ['en', fig(), '26.1\u00a0US$ bn'],
    ['ru', fig({ value: 450, unit: 'count', qualifier: 'about' }), 'около 450'],
    ['be', fig({ value: 70, unit: 'count', qualifier: 'more_than' }), 'больш за 70'],
    ['en', fig({ value: 59, valueMax: 60, qualifier: 'range' }), '59–60\u00a0US$ bn'],
    ['en', fig({ value: 12.5, unit: 'percent' }), '12.5\u00a0%'],
  ] as const)('in %s writes %j as %s', (lang, f, expected) => {
    expect(formatFigureValue(lang, f)).toBe(expected);
  });
});

describe('formatPartialDate', () => {
  it.each([
    ['en', '2024', '2024'],
    ['en', '2024-06', 'June 2024'],
    ['en', '2024-06-21', '21 June 2024'],
    ['ru', '2024-06-21', '21 июня 2024 г.'],
    ['en', 'garbage', 'garbage'],
  ] as const)('in %s writes %s as %s', (lang, iso, expected) => {
    expect(formatPartialDate(lang, iso)).toBe(expected);
  });
});

describe('Belarusian formats without browser locale data', () => {
  it.each([
    ['2024-02-16', '16 лютага 2024 г.'],
    ['2023-08', 'жнівень 2023 г.'],
    ['2024', '2024'],
  ])('writes %s as %s', (iso, expected) => {
    expect(formatPartialDate('be', iso)).toBe(expected);
  });

  it('groups thousands with a space and uses a decimal comma', () => {
    expect(formatNumber('be', 12345.5)).toMatch(/^12\s345,5$/u);
  });
});
