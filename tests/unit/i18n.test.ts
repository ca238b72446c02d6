import { describe, expect, it } from 'vitest';
import { CATALOGUES, formatNumber, translate } from '../../src/i18n/translate';
import { LANGS } from '../../src/data/types';

describe('catalogues', () => {
  const keys = Object.keys(CATALOGUES.ru).sort();

  it.each(LANGS)('%s has exactly the reference keys, none empty', (lang) => {
    const cat = CATALOGUES[lang];
    expect(Object.keys(cat).sort()).toEqual(keys);
    for (const k of keys) expect(cat[k as keyof typeof cat].trim()).not.toBe('');
  });

  it.each(LANGS)('%s uses the same placeholders as Russian in every message', (lang) => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
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
