/**
 * What a year looks like in words and tables, from the data alone: the links on the map, which of them
 * were signed that year, the year's Forum of Regions and its figures, each with its source. The year
 * summary (for screen readers and everyone) and the data table read this; pure, no React.
 */
import { linkStartYear, sourceById } from '../data/dataset';
import {
  BY_GOVERNMENT,
  type City,
  type Dataset,
  type Figure,
  type Lang,
  type Link,
  type LinkKind,
  type MapEvent,
  type Metric,
  type Names,
  type RegionInfo,
  type Source,
} from '../data/types';
import { linkTitle, sourceLabel } from '../i18n/dataText';
import { formatFigureValue, formatPartialDate } from '../i18n/formatValue';
import { compareNames, translate } from '../i18n/translate';
import { figureRows } from './figureRows';

/** One end of a link as a reader sees it. */
export interface Party {
  /** Region code, city id, or `BY-GOV`. */
  id: string;
  kind: 'region' | 'city' | 'government';
  /** Null for the Government of Belarus (named from the catalogue). */
  names: Names | null;
  /** The region a city lies in (its code), the region itself, or null for the government. */
  region: string | null;
}

export interface YearLink {
  link: Link;
  /** Belarusian side, Russian side. */
  from: Party;
  to: Party;
  /** First year the link is on the map. */
  start: number;
  /** Signed in the year (a source gives that year as the signing year). */
  isNew: boolean;
  source: Source | undefined;
}

export interface YearForum {
  event: MapEvent;
  city: City | undefined;
  region: RegionInfo | undefined;
  source: Source | undefined;
}

export interface YearFigure {
  metric: Metric;
  figure: Figure;
  source: Source | undefined;
}

export interface YearSummary {
  year: number;
  /** The links on the map for the year and the shown kinds, as the map draws them. */
  links: YearLink[];
  /** Distinct regions of each country at an end of those links (a city counts for its region). */
  byRegions: number;
  ruRegions: number;
  /** The Government of Belarus is a party to one of them. */
  government: boolean;
  /** Links signed in the year, among `links`. */
  newLinks: YearLink[];
  forums: YearForum[];
  figures: YearFigure[];
}

function partyOf(id: string, regions: ReadonlyMap<string, RegionInfo>, cities: ReadonlyMap<string, City>): Party {
  if (id === BY_GOVERNMENT) return { id, kind: 'government', names: null, region: null };
  const city = cities.get(id);
  if (city) return { id, kind: 'city', names: city.names, region: city.region };
  return { id, kind: 'region', names: regions.get(id)?.names ?? null, region: id };
}

/**
 * The links on the map in `year` for the shown `kinds`: every link whose first year (signing year,
 * else the year a source shows it in force) is not after `year`. Newest first, then by Belarusian side.
 */
export function yearLinks(
  dataset: Dataset,
  regionList: readonly RegionInfo[],
  year: number,
  kinds: readonly LinkKind[],
  lang: Lang = 'ru',
): YearLink[] {
  const regions = new Map(regionList.map((r) => [r.code, r]));
  const cities = new Map(dataset.cities.map((c) => [c.id, c]));
  const out: YearLink[] = [];
  for (const link of dataset.links) {
    const start = linkStartYear(link);
    if (start === null || start > year || !kinds.includes(link.kind)) continue;
    out.push({
      link,
      from: partyOf(link.from, regions, cities),
      to: partyOf(link.to, regions, cities),
      start,
      isNew: link.year === year,
      source: sourceById(dataset, link.sourceId),
    });
  }
  const name = (p: Party): string => p.names?.[lang] ?? '';
  return out.sort(
    (a, b) =>
      Number(b.isNew) - Number(a.isNew) ||
      b.start - a.start ||
      compareNames(lang, name(a.from), name(b.from)) ||
      compareNames(lang, name(a.to), name(b.to)),
  );
}

/** Everything the year summary says about `year`, for the shown link kinds. Pure. */
export function yearSummary(
  dataset: Dataset,
  regionList: readonly RegionInfo[],
  year: number,
  kinds: readonly LinkKind[],
  lang: Lang = 'ru',
): YearSummary {
  const links = yearLinks(dataset, regionList, year, kinds, lang);
  const by = new Set<string>();
  const ru = new Set<string>();
  for (const l of links)
    for (const p of [l.from, l.to]) {
      if (p.region?.startsWith('BY-')) by.add(p.region);
      else if (p.region?.startsWith('RU-')) ru.add(p.region);
    }
  const regions = new Map(regionList.map((r) => [r.code, r]));
  const cities = new Map(dataset.cities.map((c) => [c.id, c]));
  const forums = dataset.events
    .filter((e) => e.kind === 'forum' && e.year === year)
    .map((event) => ({
      event,
      city: cities.get(event.city),
      region: regions.get(event.region),
      source: sourceById(dataset, event.sourceId),
    }));
  const figures = figureRows(dataset, year).withData.flatMap((row) =>
    row.values.map((v) => ({ metric: row.metric, figure: v.figure, source: sourceById(dataset, v.figure.sourceId) })),
  );
  return {
    year,
    links,
    byRegions: by.size,
    ruRegions: ru.size,
    government: links.some((l) => l.from.kind === 'government' || l.to.kind === 'government'),
    newLinks: links.filter((l) => l.isNew),
    forums,
    figures,
  };
}

/** A party's name in a language (the government from the catalogue). */
export function partyName(lang: Lang, p: Party): string {
  return p.names ? p.names[lang] : translate(lang, 'panel.government');
}

/** How a source is named in running text, in the reader's language: its publisher, else its title. */
export function sourceName(dataset: Dataset, lang: Lang, source: Source | undefined): string {
  return sourceLabel(dataset, lang, source)?.text ?? '';
}

/** The date a link was signed, for the locale: its ISO date, else its year. */
export function linkDate(lang: Lang, link: Link): string {
  return link.date ? formatPartialDate(lang, link.date) : link.year !== null ? String(link.year) : '';
}

/** Where a forum was held, for the locale: city (region), the region, or "online". */
export function forumPlace(lang: Lang, f: YearForum): string {
  if (f.city && f.region) return `${f.city.names[lang]} (${f.region.names[lang]})`;
  if (f.city) return f.city.names[lang];
  if (f.region) return f.region.names[lang];
  return translate(lang, 'summary.forumOnline');
}

/** The short sentence announced when the year changes (a polite live region reads it). */
export function announcement(lang: Lang, s: YearSummary): string {
  return translate(lang, 'summary.announce', { year: s.year, count: s.links.length, new: s.newLinks.length });
}

/**
 * The whole summary as plain sentences in a language (what `YearSummary` shows, without markup):
 * counts, the year's new links with kind, date and source, the forum, the figures with sources.
 */
export function summaryText(lang: Lang, s: YearSummary, dataset: Dataset): string[] {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]): string =>
    translate(lang, key, params);
  const source = (x: Source | undefined): string => t('summary.source', { source: sourceName(dataset, lang, x) });
  // A document's own title is quoted; our description of it is not (it is no title).
  const titleOf = (l: YearLink): string => {
    const title = linkTitle(dataset, lang, l.link.title, l.source?.lang ?? 'ru');
    return !title ? '' : title.isTitle ? `, «${title.text}»` : `, ${title.text}`;
  };
  const out = [t('summary.links', { year: s.year, count: s.links.length, by: s.byRegions, ru: s.ruRegions })];
  if (s.government) out.push(t('summary.government'));
  if (s.newLinks.length === 0) out.push(t('summary.noNew', { year: s.year }));
  else
    out.push(
      `${t('summary.newTitle', { year: s.year })}: ${s.newLinks
        .map(
          (l) =>
            `${partyName(lang, l.from)} – ${partyName(lang, l.to)} (${t(`kind.${l.link.kind}`)}, ${linkDate(lang, l.link)}${titleOf(
              l,
            )}; ${source(l.source)})`,
        )
        .join('; ')}.`,
    );
  if (s.forums.length === 0) out.push(t('summary.noForum', { year: s.year }));
  for (const f of s.forums)
    out.push(`${t('summary.forumTitle')}: ${f.event.names[lang]} — ${forumPlace(lang, f)} (${source(f.source)}).`);
  if (s.figures.length === 0) out.push(t('figures.noneThisYear', { year: s.year }));
  else
    out.push(
      `${t('summary.figuresTitle')}: ${s.figures
        .map((f) => `${f.metric.names[lang]} — ${formatFigureValue(lang, f.figure)} (${source(f.source)})`)
        .join('; ')}.`,
    );
  return out;
}
