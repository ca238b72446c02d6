import type { City, Lang, Names, RegionInfo } from '../data/types';
import { compareNames } from '../i18n/translate';

export interface Place {
  /** Region code or city id. */
  id: string;
  kind: 'region' | 'city';
  names: Names;
  /** Region code the place lies in (itself for a region). */
  region: string;
}

export interface PlaceIndex {
  places: Place[];
  /** Normalised names per place, all three languages. */
  keys: string[][];
}

/**
 * Folds case and the letters that differ between Russian and Belarusian spellings or are often typed
 * loosely (ё/е, і/и, ў/у, ъ/'), so "Гродна", "гродно" and "Grodno" find the same region.
 */
export function normalise(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u0302\u0304-\u036f]/g, '')
    .normalize('NFC')
    .replace(/ё/g, 'е')
    .replace(/і/g, 'и')
    .replace(/ў/g, 'у')
    .replace(/[ъ'’ʼ]/g, '')
    .replace(/[\s\-–—.,()«»"]+/g, ' ')
    .trim();
}

/** Builds the search index of regions and cities. Pure. */
export function buildPlaceIndex(regions: readonly RegionInfo[], cities: readonly City[]): PlaceIndex {
  const places: Place[] = [
    ...regions.map((r) => ({ id: r.code, kind: 'region' as const, names: r.names, region: r.code })),
    ...cities.map((c) => ({ id: c.id, kind: 'city' as const, names: c.names, region: c.region })),
  ];
  return { places, keys: places.map((p) => [p.names.ru, p.names.be, p.names.en, p.id].map(normalise)) };
}

/**
 * Places whose name in any language (or code) contains the query; names starting with it first,
 * then cities before regions of equal rank, then alphabetically in `lang`.
 */
export function searchPlaces(index: PlaceIndex, query: string, lang: Lang, limit = 8): Place[] {
  const q = normalise(query);
  if (!q) return [];
  const scored: { place: Place; score: number }[] = [];
  index.places.forEach((place, i) => {
    const keys = index.keys[i] ?? [];
    let score = Infinity;
    for (const k of keys) {
      if (k === q) score = Math.min(score, 0);
      else if (k.startsWith(q)) score = Math.min(score, 1);
      else if (k.split(' ').some((w) => w.startsWith(q))) score = Math.min(score, 2);
      else if (k.includes(q)) score = Math.min(score, 3);
    }
    if (score < Infinity) scored.push({ place, score: score * 2 + (place.kind === 'city' ? 0 : 1) });
  });
  scored.sort((a, b) => a.score - b.score || compareNames(lang, a.place.names[lang], b.place.names[lang]));
  return scored.slice(0, limit).map((s) => s.place);
}
