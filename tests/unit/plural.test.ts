import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/data/types';
import { eastSlavicPlural, pluralCategory, pluralForm, type PluralRulesApi } from '../../src/i18n/plural';
import { fillPlurals, translate } from '../../src/i18n/translate';

const LINK = {
  ru: { one: 'связь', few: 'связи', many: 'связей', other: 'связи' },
  be: { one: 'сувязь', few: 'сувязі', many: 'сувязей', other: 'сувязі' },
  en: { one: 'link', other: 'links' },
} as const;

/** A browser without any plural data (as Chromium builds may be for `be`): supports no locale. */
const NO_DATA: PluralRulesApi = Object.assign(
  function NoRules() {
    throw new Error('must not be built when the locale is unsupported');
  },
  { supportedLocalesOf: () => [] },
) as unknown as PluralRulesApi;

/** A browser with English rules only, which would answer «other» for every Belarusian count but 1. */
const ENGLISH_ONLY: PluralRulesApi = Object.assign(
  function EnglishRules(this: { select(n: number): string }) {
    this.select = (n: number) => (n === 1 ? 'one' : 'other');
  },
  { supportedLocalesOf: (l: string[]) => l.filter((x) => x.startsWith('en')) },
) as unknown as PluralRulesApi;

const TABLE: [number, string, string][] = [
  [0, 'связей', 'сувязей'],
  [1, 'связь', 'сувязь'],
  [2, 'связи', 'сувязі'],
  [4, 'связи', 'сувязі'],
  [5, 'связей', 'сувязей'],
  [11, 'связей', 'сувязей'],
  [12, 'связей', 'сувязей'],
  [14, 'связей', 'сувязей'],
  [21, 'связь', 'сувязь'],
  [22, 'связи', 'сувязі'],
  [25, 'связей', 'сувязей'],
  [101, 'связь', 'сувязь'],
  [111, 'связей', 'сувязей'],
  [112, 'связей', 'сувязей'],
  [122, 'связи', 'сувязі'],
];

describe('pluralForm', () => {
  it.each(TABLE)('writes %i %s (ru) and %i сувязь-form %s (be) through Intl', (n, ru, be) => {
    expect(pluralForm('ru', n, LINK.ru)).toBe(ru);
    expect(pluralForm('be', n, LINK.be)).toBe(be);
  });

  it.each(TABLE)('writes the same forms for %i without Intl plural data (the fallback rule)', (n, ru, be) => {
    expect(pluralForm('ru', n, LINK.ru, NO_DATA)).toBe(ru);
    expect(pluralForm('be', n, LINK.be, NO_DATA)).toBe(be);
  });

  it.each(TABLE)('uses the fallback for %i when the browser knows English rules only', (n, ru, be) => {
    expect(pluralForm('ru', n, LINK.ru, ENGLISH_ONLY)).toBe(ru);
    expect(pluralForm('be', n, LINK.be, ENGLISH_ONLY)).toBe(be);
  });

  it.each([
    [1, 'link'],
    [2, 'links'],
    [21, 'links'],
  ])('writes %i %s in English', (n, en) => {
    expect(pluralForm('en', n, LINK.en)).toBe(en);
    expect(pluralForm('en', n, LINK.en, NO_DATA)).toBe(en);
  });

  it('falls back to the other form when a category is left out', () => {
    expect(pluralForm('ru', 5, { one: 'связь', other: 'связи' })).toBe('связи');
  });
});

describe('eastSlavicPlural', () => {
  it.each([
    [1, 'one'],
    [21, 'one'],
    [3, 'few'],
    [24, 'few'],
    [13, 'many'],
    [0, 'many'],
    [1.5, 'other'],
  ] as const)('files %s under %s', (n, category) => {
    expect(eastSlavicPlural(n)).toBe(category);
  });

  it.each([0, 1, 2, 5, 11, 21, 22, 25, 101, 111, 1.5])('agrees with Intl for ru at %s', (n) => {
    expect(eastSlavicPlural(n)).toBe(new Intl.PluralRules('ru').select(n));
    expect(pluralCategory('ru', n, NO_DATA)).toBe(pluralCategory('ru', n));
  });
});

describe('plural blocks in messages', () => {
  it.each([
    ['ru', 1, '2024 год: на карте 1 связь с источником.'],
    ['ru', 3, '2024 год: на карте 3 связи с источником.'],
    ['ru', 40, '2024 год: на карте 40 связей с источником.'],
    ['be', 1, '2024 год: на карце 1 сувязь з крыніцай.'],
    ['be', 22, '2024 год: на карце 22 сувязі з крыніцай.'],
    ['be', 25, '2024 год: на карце 25 сувязей з крыніцай.'],
  ] as [Lang, number, string][])('in %s agrees the summary with %i links', (lang, count, start) => {
    expect(translate(lang, 'summary.links', { year: 2024, count, by: 1, ru: 2 }).startsWith(start)).toBe(true);
  });

  it.each([
    ['ru', 1, 5, 'Участвуют 1 регион Беларуси и 5 регионов России.'],
    ['ru', 3, 21, 'Участвуют 3 региона Беларуси и 21 регион России.'],
    ['be', 1, 5, 'Удзельнічаюць 1 рэгіён Беларусі і 5 рэгіёнаў Расіі.'],
    ['be', 7, 44, 'Удзельнічаюць 7 рэгіёнаў Беларусі і 44 рэгіёны Расіі.'],
  ] as [Lang, number, number, string][])('in %s counts %i and %i regions', (lang, by, ru, end) => {
    expect(translate(lang, 'summary.links', { year: 2024, count: 9, by, ru }).endsWith(end)).toBe(true);
  });

  it.each([
    ['ru', 1, 'подписана 1.'],
    ['ru', 3, 'подписаны 3.'],
    ['ru', 0, 'подписано 0.'],
    ['be', 1, 'падпісана 1.'],
    ['be', 2, 'падпісаны 2.'],
    ['be', 6, 'падпісана 6.'],
  ] as [Lang, number, string][])('in %s announces %i new links in agreement', (lang, n, end) => {
    expect(translate(lang, 'summary.announce', { year: 2024, count: 9, new: n }).endsWith(end)).toBe(true);
  });

  it('formats the number for the locale and leaves a block without its number as it is', () => {
    expect(fillPlurals('ru', '{n, plural, one {# связь} many {# связей} other {# связи}}', { n: 1000 })).toBe(
      '1\u00a0000 связей',
    );
    expect(fillPlurals('ru', '{n, plural, one {# связь} other {# связи}}', {})).toBe(
      '{n, plural, one {# связь} other {# связи}}',
    );
  });
});
