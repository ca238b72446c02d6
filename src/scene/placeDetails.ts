import { linkStartYear } from '../data/dataset';
import {
  BY_GOVERNMENT,
  type Dataset,
  type Link,
  type MapEvent,
  type Names,
  type RegionFact,
  type RegionInfo,
} from '../data/types';

/** The other end of a link, as the region panel lists it. */
export interface Partner {
  /** Region code, city id, or `BY-GOV`. */
  id: string;
  /** Names, or null for the Government of Belarus (the UI names it from its catalogue). */
  names: Names | null;
  /** Region the partner lies in (a city's region), or null for the Government of Belarus. */
  region: string | null;
}

export interface PlaceLink {
  link: Link;
  partner: Partner;
  /** First year the link is drawn, or null if no source dates it. */
  start: number | null;
  /** Drawn by the selected year. */
  inForce: boolean;
  /** Signed in the selected year. */
  isNew: boolean;
}

export interface PlaceDetails {
  id: string;
  kind: 'region' | 'city';
  names: Names;
  country: 'BY' | 'RU';
  /** A city's region (for a region: itself). */
  region: string;
  links: PlaceLink[];
  forums: MapEvent[];
  facts: RegionFact[];
}

/**
 * What the region panel shows for a region code or city id at `year`, or null if the id is unknown.
 * A region lists its own links and those of its cities; a city lists its own. Pure.
 */
export function placeDetails(
  dataset: Dataset,
  regions: readonly RegionInfo[],
  id: string,
  year: number,
): PlaceDetails | null {
  const regionIndex = new Map(regions.map((r) => [r.code, r]));
  const cityIndex = new Map(dataset.cities.map((c) => [c.id, c]));
  const region = regionIndex.get(id);
  const city = cityIndex.get(id);
  if (!region && !city) return null;

  const regionOf = (end: string): string | null => (end === BY_GOVERNMENT ? null : (cityIndex.get(end)?.region ?? end));
  const isHere = (end: string): boolean => end === id || (region !== undefined && regionOf(end) === id);
  const partnerOf = (end: string): Partner => {
    if (end === BY_GOVERNMENT) return { id: end, names: null, region: null };
    const c = cityIndex.get(end);
    if (c) return { id: end, names: c.names, region: c.region };
    return { id: end, names: regionIndex.get(end)?.names ?? null, region: end };
  };

  const links: PlaceLink[] = [];
  for (const link of dataset.links) {
    const here = isHere(link.from) ? link.to : isHere(link.to) ? link.from : null;
    if (here === null) continue;
    const start = linkStartYear(link);
    links.push({
      link,
      partner: partnerOf(here),
      start,
      inForce: start !== null && start <= year,
      isNew: link.year === year,
    });
  }
  links.sort((a, b) => Number(b.inForce) - Number(a.inForce) || (a.start ?? 9999) - (b.start ?? 9999));

  const regionCode = region ? region.code : (city?.region ?? '');
  const forums = dataset.events.filter(
    (e) => e.kind === 'forum' && (e.city === id || (region !== undefined && e.region === id)),
  );
  const facts = region ? dataset.regionFacts.filter((f) => f.region === id) : [];

  const names = region ? region.names : (city?.names as Names);
  const country = (regionIndex.get(regionCode)?.country ?? (regionCode.startsWith('BY') ? 'BY' : 'RU')) as 'BY' | 'RU';
  return { id, kind: region ? 'region' : 'city', names, country, region: regionCode, links, forums, facts };
}
