// Property-based tests: thousands of random and hostile values thrown at the URL and mount-option
// parser. Whatever comes in, a valid view comes out and nothing throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  configFromSearch,
  configToSearch,
  DEFAULT_CONFIG,
  displayFromSearch,
  ownDataOptions,
  parseConfig,
  parseDisplay,
  THEME_FLAGS,
  type DisplayConfig,
  type ViewConfig,
} from '../../src/config';
import { FIRST_YEAR, LANGS, LAST_YEAR, LINK_KINDS } from '../../src/data/types';
import { MAX_HEIGHT, MIN_HEIGHT } from '../../src/embed/protocol';
import { applyHeight } from '../../src/embed/resizer';

const RUNS = 3000;
const REGION_OR_CITY = /^(BY|RU)-[A-Z0-9]{2,3}$|^[a-z][a-z0-9-]{1,40}$/;
const KEYS = ['year', 'region', 'kinds', 'lang', 'debug'] as const;

/** Every field holds a value the app can use as it is. */
function expectValid(c: ViewConfig): void {
  expect(Object.keys(c).sort()).toEqual([...KEYS].sort());
  expect(Number.isInteger(c.year) && c.year >= FIRST_YEAR && c.year <= LAST_YEAR, `year ${c.year}`).toBe(true);
  expect(LANGS).toContain(c.lang);
  // A subset of the three kinds, in canonical order, without repeats.
  expect(c.kinds).toEqual(LINK_KINDS.filter((k) => c.kinds.includes(k)));
  expect(c.kinds.length).toBeLessThanOrEqual(LINK_KINDS.length);
  expect(c.region === null || REGION_OR_CITY.test(c.region), `region ${String(c.region)}`).toBe(true);
  expect(typeof c.debug).toBe('boolean');
}

const throwing = (): never => {
  throw new Error('hostile');
};

/** A Proxy that throws from every trap a parser could touch with a string key. (Symbol keys are
 *  let through only because fast-check itself probes values for its clone symbol.) */
const trapEverything = (target: object = {}) => {
  const get = (_: object, k: string | symbol): undefined => (typeof k === 'symbol' ? undefined : throwing());
  const has = (_: object, k: string | symbol): boolean => (typeof k === 'symbol' ? false : throwing());
  return new Proxy(target, { get, has, getOwnPropertyDescriptor: get, ownKeys: throwing });
};

const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  "'; DROP TABLE links; --",
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '9e999',
  '-9e999',
  '1e308',
  '2.018e3',
  'NaN',
  'Infinity',
  '-0',
  '0x7e2',
  '0b11111100010',
  '２０１８',
  '٢٠١٨',
  '2018\u0000',
  ' 2018 ',
  '2 018',
  '2018.0',
  '+2018',
  '02018',
  '\u202e2018',
  'ru\u200b',
  'RU-KRſ',
  'ru-krı',
  'BY-HR\n',
  'ru-krs',
  'RU-KRS,BY-HR',
  'ℝ𝕌-𝕂ℝ𝕊',
  '\ud800',
  '\udfff\ud800',
  'en\ufeff',
  'ру',
  'be-BY',
  'none,agreement',
  'AGREEMENT, Sister ,project',
  'sister,sister,sister',
  ',,,',
  '%00',
  '%',
  '%E0%A4%A',
  '',
  ' ',
  '\t\r\n',
  'x'.repeat(100_000),
  'agreement,'.repeat(10_000),
];

const proto = { year: 2018, lang: 'en', kinds: ['sister'], region: 'RU-KRS', debug: true };
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  Symbol('s'),
  2018n,
  2018.5,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  false,
  null,
  undefined,
  {},
  [],
  [2018],
  ['agreement', Symbol('k')],
  ['agreement', { toString: throwing }],
  [['sister']],
  new Array(1_000_000),
  Array.from({ length: 100 }, () => 'sister'),
  { toString: throwing, valueOf: throwing },
  { toString: () => '2018', valueOf: () => 2018 },
  Object.create(null),
  new String('2018'),
  new Number(2018),
  new Date(2018, 0, 1),
  /2018/,
  () => 2018,
  trapEverything(),
  trapEverything([]),
  Object.create(proto),
];

/** Values for one field: random anything, random unicode, hostile constants, and valid ones. */
const fieldValue = fc.oneof(
  fc.anything({ withBoxedValues: true, withNullPrototype: true, withSparseArray: true, withBigInt: true }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.double(),
  fc.integer({ min: 1900, max: 2100 }),
  fc.constantFrom(...HOSTILE_VALUES),
  fc.constantFrom(...LINK_KINDS, ...LANGS, 'RU-KRS', 'BY-HR', 'gomel', 'none'),
  fc.array(fc.constantFrom(...LINK_KINDS, 'bogus', '__proto__'), { maxLength: 6 }),
);

/** A whole raw options object, including shapes an embedder should never pass. */
const rawConfig = fc.oneof(
  fc.record(
    {
      year: fieldValue,
      region: fieldValue,
      kinds: fieldValue,
      lang: fieldValue,
      debug: fieldValue,
      __proto__: fieldValue,
      constructor: fieldValue,
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.constantFrom(...KEYS, '__proto__', 'constructor', 'prototype', 'toString'), fieldValue),
  fc.constantFrom<unknown>(
    null,
    undefined,
    42,
    'year=2018',
    Symbol('raw'),
    trapEverything(),
    Object.create(proto),
    JSON.parse('{"__proto__":{"year":"2018","lang":"en"},"constructor":{"prototype":{"year":2018}}}'),
    Object.defineProperty({}, 'year', { get: throwing, enumerable: true }),
    Object.defineProperty({}, 'lang', { get: () => 'en', enumerable: true }),
  ),
);

describe('parseConfig, given thousands of random and hostile option objects', () => {
  it('always returns a valid view and never throws', () => {
    fc.assert(
      fc.property(rawConfig, (raw) => {
        expectValid(parseConfig(raw as Parameters<typeof parseConfig>[0]));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every valid typed value it is given', () => {
    const valid = fc.record({
      year: fc.integer({ min: FIRST_YEAR, max: LAST_YEAR }),
      lang: fc.constantFrom(...LANGS),
      // Any subset in any order; it leaves in canonical order.
      kinds: fc.shuffledSubarray([...LINK_KINDS]),
      region: fc.constantFrom('RU-KRS', 'BY-HR', 'BY-HM', 'RU-ZZZ', 'gomel', 'velikiy-novgorod'),
    });
    fc.assert(
      fc.property(valid, (v) => {
        const c = parseConfig(v);
        expect(c).toEqual({ ...v, kinds: LINK_KINDS.filter((k) => v.kinds.includes(k)), debug: false });
      }),
      { numRuns: RUNS },
    );
  });

  it('ignores inherited values, so a polluted Object.prototype cannot choose the view', () => {
    const keys = [...KEYS];
    try {
      for (const key of keys) Object.defineProperty(Object.prototype, key, { value: proto[key], configurable: true });
      expect(parseConfig({})).toEqual(DEFAULT_CONFIG);
      expect(configFromSearch('')).toEqual(DEFAULT_CONFIG);
    } finally {
      for (const key of keys) delete (Object.prototype as Record<string, unknown>)[key];
    }
  });

  it('never writes to Object.prototype and returns a fresh kinds array each time', () => {
    fc.assert(
      fc.property(rawConfig, (raw) => {
        const c = parseConfig(raw as Parameters<typeof parseConfig>[0]);
        c.kinds.push('agreement');
        expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('year');
        expect(({} as Record<string, unknown>).year).toBeUndefined();
      }),
      { numRuns: 500 },
    );
    expect(DEFAULT_CONFIG.kinds).toEqual([...LINK_KINDS]);
  });
});

describe('ownDataOptions (what mount reads of its options), given the same hostile objects', () => {
  it('copies exactly the own data properties and runs no getter and no Proxy get or has trap', () => {
    fc.assert(
      fc.property(rawConfig, fc.constantFrom(...KEYS), (raw, accessorKey) => {
        const ran: string[] = [];
        let target = raw;
        try {
          if (typeof raw === 'object' && raw !== null && Object.isExtensible(raw) && !Object.hasOwn(raw, accessorKey))
            Object.defineProperty(raw, accessorKey, { get: () => ran.push(accessorKey), enumerable: true });
        } catch {
          // A Proxy that throws from every trap: it gets no getter, and still must not break the copy.
        }
        if (typeof raw === 'object' && raw !== null)
          target = new Proxy(raw, {
            get: (t, k, r) => (ran.push(`get ${String(k)}`), Reflect.get(t, k, r) as unknown),
            has: (t, k) => (ran.push(`has ${String(k)}`), Reflect.has(t, k)),
          });
        const copy = ownDataOptions(target);
        expect(ran).toEqual([]);
        expect(Object.getPrototypeOf(copy)).toBeNull();
        let expected: string[] = [];
        try {
          // A primitive (a string has index properties) is not an options object: nothing is read.
          const descriptors = typeof raw === 'object' && raw !== null ? Object.getOwnPropertyDescriptors(raw) : {};
          expected = Object.keys(descriptors).filter((k) => 'value' in (descriptors[k] ?? {}));
        } catch {
          expected = [];
        }
        expect(Object.keys(copy).sort()).toEqual(expected.sort());
      }),
      { numRuns: RUNS },
    );
  });
});

/** A query-string fragment; encodeURIComponent throws on lone surrogates, so those stay raw. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

const key = fc.oneof(
  fc.constantFrom(...KEYS, 'YEAR', 'year[]', 'year ', '__proto__', 'constructor', 'toString', 'hasOwnProperty'),
  fc.string({ maxLength: 8 }),
);
const queryValue = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 2000, max: 2030 }).map(String),
  fc.constantFrom(...LINK_KINDS, ...LANGS, 'RU-KRS', 'by-hr', 'gomel', 'none', '1'),
);
/** Whole query strings: key=value pairs (repeated keys too), raw or encoded, and pure noise. */
const search = fc.oneof(
  fc
    .array(fc.tuple(key, queryValue, fc.boolean()), { maxLength: 12 })
    .map((pairs) => `?${pairs.map(([k, v, enc]) => (enc ? `${encode(k)}=${encode(v)}` : `${k}=${v}`)).join('&')}`),
  fc.webQueryParameters().map((q) => `?${q}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('?', '??', '&&&', '?=', '?year', '?year=', '#year=2018', `?region=${'A'.repeat(20_000)}`),
);

/** The first value of `name`, as URLSearchParams decodes it (the spec: + is a space, bad % stays). */
const first = (q: string, name: string): string | null => new URLSearchParams(q).get(name);

describe('configFromSearch, given thousands of random and hostile query strings', () => {
  it('always returns a valid view and never throws', () => {
    fc.assert(
      fc.property(search, (q) => {
        expectValid(configFromSearch(q));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads the first year and lang and ignores anything not a valid value', () => {
    fc.assert(
      fc.property(search, (q) => {
        const c = configFromSearch(q);
        const year = first(q, 'year')?.trim() ?? '';
        const y = /^[0-9]{4}$/.test(year) ? Number(year) : NaN;
        expect(c.year).toBe(y >= FIRST_YEAR && y <= LAST_YEAR ? y : DEFAULT_CONFIG.year);
        const lang = first(q, 'lang')?.trim().toLowerCase() ?? '';
        expect(c.lang).toBe((LANGS as readonly string[]).includes(lang) ? lang : DEFAULT_CONFIG.lang);
      }),
      { numRuns: RUNS },
    );
  });

  it('writes a URL that reads back as the same view', () => {
    fc.assert(
      fc.property(search, (q) => {
        const c = configFromSearch(q);
        expect(configFromSearch(configToSearch(c))).toEqual(c);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same view when the parsed view is parsed again (the page hands it to mount)', () => {
    fc.assert(
      fc.property(search, (q) => {
        const c = configFromSearch(q);
        expect(parseConfig({ ...c })).toEqual(c);
      }),
      { numRuns: RUNS },
    );
  });

  it('never puts markup or a script URL into the view', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), fc.constantFrom(...HOSTILE_STRINGS), (k, v) => {
        const c = configFromSearch(`?${k}=${encode(v)}`);
        for (const value of [c.region, c.lang, ...c.kinds])
          expect(value ?? '').not.toMatch(/[<>"'`:(){}$%]|__proto__/i);
      }),
      { numRuns: 500 },
    );
  });
});

/** The display flags (embed, presenter, theme) come from the same URLs and options. */
function expectValidDisplay(d: DisplayConfig): void {
  expect(Object.keys(d).sort()).toEqual(['embed', 'plain', 'present', 'static', 'theme']);
  for (const flag of [d.embed, d.plain, d.present, d.static]) expect(typeof flag).toBe('boolean');
  expect(THEME_FLAGS).toContain(d.theme);
}

describe('parseDisplay and displayFromSearch, given the same hostile input', () => {
  const displayRaw = fc.oneof(
    rawConfig,
    fc.dictionary(fc.constantFrom('embed', 'plain', 'static', 'present', 'theme', '__proto__'), fieldValue),
  );

  it('always return valid display flags and never throw', () => {
    fc.assert(
      fc.property(displayRaw, search, (raw, q) => {
        expectValidDisplay(parseDisplay(raw as Parameters<typeof parseDisplay>[0]));
        expectValidDisplay(displayFromSearch(q));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the host resizer, given thousands of random and hostile messages and frames', () => {
  const SCRIPT = 'https://maps.example.org/by-ru/embed.js';
  const height = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.integer({ min: MIN_HEIGHT - 5, max: MAX_HEIGHT + 5 }),
    fc.constantFrom(0, -0, 1e-300, 20_000, 500.5, Number.NaN, Infinity, '640', 640n, null),
  );
  const message = fc.oneof(
    fc.record(
      {
        type: fc.constantFrom('byru:height', 'byru:request-height', 'other', '__proto__'),
        version: fc.oneof(fc.constantFrom(1, 2, 0, 1.5, '1', -1), fc.double()),
        height,
        id: fc.oneof(fc.string(), fc.constant(undefined), fc.integer()),
      },
      { requiredKeys: [] },
    ),
    fc.anything({ withBoxedValues: true, withNullPrototype: true }),
    fc.constantFrom<unknown>(...HOSTILE_VALUES),
  );
  const src = fc.oneof(
    fc.constantFrom(
      'https://maps.example.org/by-ru/?embed=1',
      'https://maps.example.org/by-ru/index.html?embed=1&year=2020',
      'https://ads.example.net/by-ru/?embed=1',
      'https://maps.example.org/by-ru-ads/',
      'http://maps.example.org/by-ru/',
      'javascript:alert(1)',
      'about:srcdoc',
      '',
    ),
    fc.webUrl(),
    fc.string(),
  );
  const origin = fc.constantFrom(undefined, 'null', 'https://maps.example.org', 'https://ads.example.net', '');

  it('resizes a frame only to a whole height in range, from a map of its folder, and never throws', () => {
    fc.assert(
      fc.property(message, src, origin, (data, frameSrc, from) => {
        const win = {};
        const frame = { contentWindow: win, style: { height: '' }, src: frameSrc };
        const hit = applyHeight(
          { data, source: win as never, ...(from === undefined ? {} : { origin: from }) },
          [frame],
          SCRIPT,
        );
        if (hit === null) {
          expect(frame.style.height).toBe('');
          return;
        }
        const h = (data as { height: number }).height;
        expect(Number.isInteger(h) && h >= MIN_HEIGHT && h <= MAX_HEIGHT).toBe(true);
        expect(frame.style.height).toBe(`${h}px`);
        expect(new URL(frameSrc).href.startsWith('https://maps.example.org/by-ru/')).toBe(true);
        expect([undefined, 'null', 'https://maps.example.org']).toContain(from);
      }),
      { numRuns: RUNS },
    );
  });
});
