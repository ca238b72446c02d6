import { FIRST_YEAR, LAST_YEAR, LANGS, LINK_KINDS, type Lang, type LinkKind } from './data/types';

/** The view a URL or `mount` options describe. Every field always holds a valid value. */
export interface ViewConfig {
  year: number;
  /** ISO 3166-2 region code (`RU-KRS`, `BY-HR`) or a city id; syntax-checked only. */
  region: string | null;
  kinds: LinkKind[];
  lang: Lang;
  /** Diagnostics for tests: keeps the WebGL drawing buffer and exposes `window.byruDebug`. */
  debug: boolean;
}

export const DEFAULT_CONFIG: ViewConfig = {
  year: LAST_YEAR,
  region: null,
  kinds: [...LINK_KINDS],
  lang: 'ru',
  debug: false,
};

/** Theme flag: `auto` follows the reader's `prefers-color-scheme`. */
export const THEME_FLAGS = ['auto', 'light', 'dark'] as const;
export type ThemeFlag = (typeof THEME_FLAGS)[number];

/**
 * How an instance is presented (embeds, presenter). Fixed for the life of an instance, kept apart
 * from {@link ViewConfig}, which the reader changes. Every field always holds a valid value.
 */
export interface DisplayConfig {
  /** Compact chrome for an iframe in an article; the page posts its height to the parent. */
  embed: boolean;
  theme: ThemeFlag;
  /** No header and no footer (the host page gives title and source). */
  plain: boolean;
  /** No interaction: the map does not pan or zoom, no timeline controls. */
  static: boolean;
  /** Open in presenter mode (large type, projector theme, the story). */
  present: boolean;
}

export const DEFAULT_DISPLAY: DisplayConfig = {
  embed: false,
  theme: 'auto',
  plain: false,
  static: false,
  present: false,
};

/** Input as a URL or an embedder gives it: strings, or already typed values. */
export type RawConfig = Partial<Record<keyof ViewConfig | keyof DisplayConfig, unknown>>;

const MAX_LEN = 64;

/**
 * Reads `raw[key]` from input nobody vouches for (an embedder's options object): only an own data
 * property counts, so getters are never run, a Proxy that throws and an inherited (polluted)
 * `Object.prototype` property both read as `undefined`.
 */
export function readOption(raw: unknown, key: string): unknown {
  if (raw === null || (typeof raw !== 'object' && typeof raw !== 'function')) return undefined;
  try {
    const d = Object.getOwnPropertyDescriptor(raw, key);
    return d && 'value' in d ? d.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A plain copy of the own data properties of `raw` (an embedder's options object), taken once:
 * no getter runs (an accessor's `get` is never called, its key is left out), a Proxy answers its
 * `ownKeys` and `getOwnPropertyDescriptor` traps once and never its `get` or `has`, and later reads
 * cannot see a value that changes between them. Anything that throws gives an empty copy.
 */
export function ownDataOptions(raw: unknown): Record<string, unknown> {
  const copy = Object.create(null) as Record<string, unknown>;
  if (raw === null || (typeof raw !== 'object' && typeof raw !== 'function')) return copy;
  try {
    const descriptors = Object.getOwnPropertyDescriptors(raw) as Record<string, PropertyDescriptor>;
    for (const key of Object.keys(descriptors)) {
      const d = descriptors[key];
      if (d && Object.prototype.hasOwnProperty.call(d, 'value')) copy[key] = d.value;
    }
  } catch {
    return Object.create(null) as Record<string, unknown>;
  }
  return copy;
}

/** Runs one field's parser; whatever it meets, a failure means the default. */
function guarded<T>(parse: () => T, fallback: T): T {
  try {
    return parse();
  } catch {
    return fallback;
  }
}

function str(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s.length > 0 && s.length <= MAX_LEN ? s : null;
}

/** Year within the timeline; anything else → default. */
export function parseYear(v: unknown, fallback = DEFAULT_CONFIG.year): number {
  const s = str(v);
  if (s === null || !/^\d{4}$/.test(s)) return fallback;
  const y = Number(s);
  return y >= FIRST_YEAR && y <= LAST_YEAR ? y : fallback;
}

const REGION_CODE = /^(BY|RU)-[A-Z0-9]{2,3}$/;
const CITY_ID = /^[a-z][a-z0-9-]{1,40}$/;

/** Region code (case-insensitive) or city id; anything else → null (no selection). */
export function parseRegion(v: unknown): string | null {
  const s = str(v);
  // ASCII only: toUpperCase would turn 'ſ' or 'ı' into S and I and make odd aliases of real codes.
  if (s === null || !/^[\x21-\x7e]+$/.test(s)) return null;
  const upper = s.toUpperCase();
  if (REGION_CODE.test(upper)) return upper;
  if (CITY_ID.test(s)) return s;
  return null;
}

/**
 * Comma-separated link kinds (or an array of them); unknown entries are dropped; `none` and an empty
 * array mean an empty set (the app writes `none` itself, and its own parsed view comes back as `[]`).
 */
export function parseKinds(v: unknown): LinkKind[] {
  if (Array.isArray(v) && v.length === 0) return [];
  // Only strings are joined: a Symbol or an object whose toString throws never reaches join().
  if (Array.isArray(v)) v = v.length <= LINK_KINDS.length * 4 ? v.filter((k) => typeof k === 'string').join(',') : null;
  const s = typeof v === 'string' ? v.trim().toLowerCase() : null;
  if (s === null || s.length > 200) return [...DEFAULT_CONFIG.kinds];
  if (s === 'none') return [];
  const wanted = new Set(s.split(',').map((k) => k.trim()));
  const kinds = LINK_KINDS.filter((k) => wanted.has(k));
  return kinds.length > 0 ? kinds : [...DEFAULT_CONFIG.kinds];
}

export function parseLang(v: unknown): Lang {
  const s = str(v)?.toLowerCase();
  return (LANGS as readonly string[]).includes(s ?? '') ? (s as Lang) : DEFAULT_CONFIG.lang;
}

function parseFlag(v: unknown): boolean {
  if (v === true) return true;
  const s = str(v)?.toLowerCase();
  return s === '1' || s === 'true' || s === 'yes';
}

/**
 * Forgiving parse: each bad value falls back to its default; never throws, whatever `raw` is
 * (`null`, a Proxy, an object with `__proto__` keys or throwing getters: see readOption).
 */
export function parseConfig(raw: RawConfig): ViewConfig {
  const d = DEFAULT_CONFIG;
  return {
    year: guarded(() => parseYear(readOption(raw, 'year')), d.year),
    region: guarded(() => parseRegion(readOption(raw, 'region')), d.region),
    kinds: guarded(() => parseKinds(readOption(raw, 'kinds')), [...d.kinds]),
    lang: guarded(() => parseLang(readOption(raw, 'lang')), d.lang),
    debug: guarded(() => parseFlag(readOption(raw, 'debug')), false),
  };
}

/** Reads a query string; a repeated key takes its first value; unknown keys are ignored. */
export function configFromSearch(search: string): ViewConfig {
  const params = new URLSearchParams(typeof search === 'string' ? search : '');
  const raw: RawConfig = {};
  for (const key of ['year', 'region', 'kinds', 'lang', 'debug'] as const) {
    const v = params.get(key);
    if (v !== null) raw[key] = v;
  }
  return parseConfig(raw);
}

/** Writes the public parameters that differ from the defaults (stable order, for sharing); with
 *  `display`, its flags that differ from theirs follow. */
export function configToSearch(c: ViewConfig, display?: DisplayConfig): string {
  const params = new URLSearchParams();
  if (c.year !== DEFAULT_CONFIG.year) params.set('year', String(c.year));
  if (c.region) params.set('region', c.region);
  const allKinds = c.kinds.length === LINK_KINDS.length;
  if (!allKinds) params.set('kinds', c.kinds.length === 0 ? 'none' : c.kinds.join(','));
  if (c.lang !== DEFAULT_CONFIG.lang) params.set('lang', c.lang);
  if (c.debug) params.set('debug', '1');
  for (const [key, value] of display ? displayParams(display) : []) params.set(key, value);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function parseTheme(v: unknown): ThemeFlag {
  const s = str(v)?.toLowerCase();
  return (THEME_FLAGS as readonly string[]).includes(s ?? '') ? (s as ThemeFlag) : DEFAULT_DISPLAY.theme;
}

/** Forgiving parse of the display flags; never throws. */
export function parseDisplay(raw: RawConfig): DisplayConfig {
  const flag = (key: keyof DisplayConfig): boolean => guarded(() => parseFlag(readOption(raw, key)), false);
  return {
    embed: flag('embed'),
    theme: guarded(() => parseTheme(readOption(raw, 'theme')), DEFAULT_DISPLAY.theme),
    plain: flag('plain'),
    static: flag('static'),
    present: flag('present'),
  };
}

const DISPLAY_FLAGS = ['embed', 'plain', 'static', 'present'] as const;

/** Reads the display flags from a query string; a repeated key takes its first value. */
export function displayFromSearch(search: string): DisplayConfig {
  const params = new URLSearchParams(typeof search === 'string' ? search : '');
  const raw: RawConfig = {};
  for (const key of [...DISPLAY_FLAGS, 'theme'] as const) {
    const v = params.get(key);
    if (v !== null) raw[key] = v;
  }
  return parseDisplay(raw);
}

/** The display flags that differ from the defaults, as query parameters (stable order). */
export function displayParams(d: DisplayConfig): [string, string][] {
  const out: [string, string][] = [];
  if (d.embed) out.push(['embed', '1']);
  if (d.theme !== DEFAULT_DISPLAY.theme) out.push(['theme', d.theme]);
  if (d.plain) out.push(['plain', '1']);
  if (d.static) out.push(['static', '1']);
  if (d.present) out.push(['present', '1']);
  return out;
}
