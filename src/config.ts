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

/** Input as a URL or an embedder gives it: strings, or already typed values. */
export type RawConfig = Partial<Record<keyof ViewConfig, unknown>>;

const MAX_LEN = 64;

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
  if (s === null) return null;
  const upper = s.toUpperCase();
  if (REGION_CODE.test(upper)) return upper;
  if (CITY_ID.test(s)) return s;
  return null;
}

/** Comma-separated link kinds; unknown entries are dropped; `none` means an empty set. */
export function parseKinds(v: unknown): LinkKind[] {
  if (Array.isArray(v)) v = v.join(',');
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

/** Forgiving parse: each bad value falls back to its default; never throws. */
export function parseConfig(raw: RawConfig): ViewConfig {
  return {
    year: parseYear(raw.year),
    region: parseRegion(raw.region),
    kinds: parseKinds(raw.kinds),
    lang: parseLang(raw.lang),
    debug: parseFlag(raw.debug),
  };
}

/** Reads a query string; a repeated key takes its first value. */
export function configFromSearch(search: string): ViewConfig {
  const params = new URLSearchParams(search);
  const raw: RawConfig = {};
  for (const key of ['year', 'region', 'kinds', 'lang', 'debug'] as const) {
    const v = params.get(key);
    if (v !== null) raw[key] = v;
  }
  return parseConfig(raw);
}

/** Writes the public parameters that differ from the defaults (stable order, for sharing). */
export function configToSearch(c: ViewConfig): string {
  const params = new URLSearchParams();
  if (c.year !== DEFAULT_CONFIG.year) params.set('year', String(c.year));
  if (c.region) params.set('region', c.region);
  const allKinds = c.kinds.length === LINK_KINDS.length;
  if (!allKinds) params.set('kinds', c.kinds.length === 0 ? 'none' : c.kinds.join(','));
  if (c.lang !== DEFAULT_CONFIG.lang) params.set('lang', c.lang);
  if (c.debug) params.set('debug', '1');
  const s = params.toString();
  return s ? `?${s}` : '';
}
