import { describe, expect, it } from 'vitest';
import { configFromSearch, configToSearch, DEFAULT_CONFIG, parseConfig } from '../../src/config';

describe('configFromSearch', () => {
  it.each([
    ['', DEFAULT_CONFIG],
    ['?year=2019', { ...DEFAULT_CONFIG, year: 2019 }],
    ['?year=2015', DEFAULT_CONFIG],
    ['?year=2025', DEFAULT_CONFIG],
    ['?year=20x9', DEFAULT_CONFIG],
    ['?year=1e3', DEFAULT_CONFIG],
    ['?region=RU-KRS', { ...DEFAULT_CONFIG, region: 'RU-KRS' }],
    ['?region=by-hr', { ...DEFAULT_CONFIG, region: 'BY-HR' }],
    ['?region=minsk', { ...DEFAULT_CONFIG, region: 'minsk' }],
    ['?region=<script>alert(1)</script>', DEFAULT_CONFIG],
    ['?kinds=sister', { ...DEFAULT_CONFIG, kinds: ['sister'] }],
    ['?kinds=project,agreement', { ...DEFAULT_CONFIG, kinds: ['agreement', 'project'] }],
    ['?kinds=bogus', DEFAULT_CONFIG],
    ['?kinds=none', { ...DEFAULT_CONFIG, kinds: [] }],
    ['?lang=be', { ...DEFAULT_CONFIG, lang: 'be' }],
    ['?lang=EN', { ...DEFAULT_CONFIG, lang: 'en' }],
    ['?lang=de', DEFAULT_CONFIG],
    ['?year=2017&year=2020', { ...DEFAULT_CONFIG, year: 2017 }],
  ])('reads %s', (search, expected) => {
    expect(configFromSearch(search)).toEqual(expected);
  });

  it('round-trips a non-default view through the URL', () => {
    const c = { ...DEFAULT_CONFIG, year: 2020, region: 'RU-KRS', kinds: ['agreement' as const], lang: 'en' as const };
    expect(configFromSearch(configToSearch(c))).toEqual(c);
  });

  it('writes nothing for the default view', () => {
    expect(configToSearch(DEFAULT_CONFIG)).toBe('');
  });
});

describe('parseConfig', () => {
  it('accepts typed mount options', () => {
    expect(parseConfig({ year: 2018, lang: 'be', kinds: ['sister'] })).toMatchObject({
      year: 2018,
      lang: 'be',
      kinds: ['sister'],
    });
  });

  it.each([
    ['an empty array', []],
    ['the string none', 'none'],
    ['an array holding none', ['none']],
  ])('reads %s as no kind shown', (_, kinds) => {
    expect(parseConfig({ kinds }).kinds).toEqual([]);
  });

  it('keeps no kind shown when the parsed view is parsed again (main.tsx hands it to mount)', () => {
    expect(parseConfig({ ...configFromSearch('?kinds=none') }).kinds).toEqual([]);
  });

  it('falls back to every kind for an array of unknown kinds', () => {
    expect(parseConfig({ kinds: ['bogus', 42] }).kinds).toEqual(DEFAULT_CONFIG.kinds);
  });

  // (An empty array is not junk for `kinds`: it means no kind shown, tested above.)
  it.each([null, undefined, {}, 2018.5, Infinity, 'x'.repeat(10000), Symbol('s')])(
    'falls back to defaults for the junk value %s',
    (junk) => {
      expect(parseConfig({ year: junk, region: junk, kinds: junk, lang: junk })).toEqual(DEFAULT_CONFIG);
    },
  );
});
