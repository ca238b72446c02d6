// The year in words and as table rows, from the real compiled dataset (`npm run data` writes it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import { LANGS, LINK_KINDS, type LinkKind } from '../../src/data/types';
import { buildLinkScene } from '../../src/scene/linkScene';
import { announcement, summaryText, yearLinks, yearSummary } from '../../src/scene/summary';

const geo = decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')));
const dataset = decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8')));
const arcs = buildLinkScene(dataset, geo.regions).arcs.features.map((f) => f.properties);
const ALL = [...LINK_KINDS];

/** What the map draws for a year and kinds: the arcs whose first year is not after it. */
const drawn = (year: number, kinds: readonly LinkKind[]) =>
  arcs
    .filter((a) => a.start <= year && kinds.includes(a.kind))
    .map((a) => a.id)
    .sort();

describe('yearLinks', () => {
  it.each([2016, 2020, 2023, 2024])('lists exactly the links the map draws in %i', (year) => {
    expect(
      yearLinks(dataset, geo.regions, year, ALL)
        .map((l) => l.link.id)
        .sort(),
    ).toEqual(drawn(year, ALL));
  });

  it('follows the kind filter, as the map does', () => {
    const rows = yearLinks(dataset, geo.regions, 2024, ['sister']);
    expect(rows.map((l) => l.link.id).sort()).toEqual(drawn(2024, ['sister']));
    expect(rows.every((l) => l.link.kind === 'sister')).toBe(true);
  });

  it('puts the links signed in the year first', () => {
    const rows = yearLinks(dataset, geo.regions, 2024, ALL);
    const firstOld = rows.findIndex((r) => !r.isNew);
    expect(firstOld).toBeGreaterThan(0);
    expect(rows.slice(firstOld).some((r) => r.isNew)).toBe(false);
  });

  it('names both sides: the Government of Belarus, oblasts and cities', () => {
    const rows = yearLinks(dataset, geo.regions, 2024, ALL);
    const gov = rows.find((r) => r.link.id === 'gov-kursk');
    expect(gov?.from).toMatchObject({ kind: 'government', names: null });
    expect(gov?.to).toMatchObject({ kind: 'region', region: 'RU-KRS' });
    const city = rows.find((r) => r.link.id === 'gomel-oryol');
    expect(city?.from).toMatchObject({ kind: 'city', region: 'BY-HO' });
  });
});

describe('yearSummary', () => {
  const s2024 = yearSummary(dataset, geo.regions, 2024, ALL, 'en');

  it('counts the links and the regions of each country at their ends', () => {
    expect(s2024.links).toHaveLength(drawn(2024, ALL).length);
    const ends = new Set(arcs.filter((a) => a.start <= 2024).flatMap((a) => [a.fromRegion, a.toRegion]));
    expect(s2024.byRegions).toBe([...ends].filter((r) => r.startsWith('BY-') && r !== 'BY-GOV').length);
    expect(s2024.ruRegions).toBe([...ends].filter((r) => r.startsWith('RU-')).length);
    expect(s2024.government).toBe(true);
  });

  it('lists as new exactly the links a source says were signed that year', () => {
    expect(s2024.newLinks.map((l) => l.link.id).sort()).toEqual(
      dataset.links
        .filter((l) => l.year === 2024)
        .map((l) => l.id)
        .sort(),
    );
  });

  it('finds the year’s Forum of Regions and its host', () => {
    // Two rows of the XI Forum: the sources give 27–28 and 26–28 June (DATA.md: disagreeing sources stay apart).
    expect(s2024.forums.map((f) => [f.event.id, f.region?.code])).toEqual([
      ['forum-2024', 'BY-VI'],
      ['forum-2024-dates-26-28', 'BY-VI'],
    ]);
  });

  it('gives every figure of the year with its source', () => {
    expect(s2024.figures).toHaveLength(dataset.figures.filter((f) => f.year === 2024).length);
    expect(s2024.figures.every((f) => f.source !== undefined)).toBe(true);
  });
});

describe('summaryText', () => {
  it('says what changed in 2024 in English, with dates, titles and sources', () => {
    const text = summaryText('en', yearSummary(dataset, geo.regions, 2024, ALL, 'en'), dataset).join('\n');
    expect(text).toContain(`2024: sourced links on the map: ${drawn(2024, ALL).length}.`);
    expect(text).toContain(
      'Government of Belarus – Ryazan Oblast (Agreement, 13 September 2024; source: ТКР (tkr-info.ru))',
    );
    expect(text).toContain('Forum of Regions: 11th Forum of Regions of Belarus and Russia — Vitebsk (Vitebsk Oblast)');
    expect(text).toMatch(/Belarus–Russia trade turnover — 59–60\u00a0US\$ bn \(source: [^)]+\)/);
  });

  it('says it in Russian and Belarusian with the names and number formats of the language', () => {
    const ru = summaryText('ru', yearSummary(dataset, geo.regions, 2023, ALL, 'ru'), dataset).join('\n');
    expect(ru).toContain('Брестская область – Удмуртская Республика (Соглашение, 1 ноября 2023 г.');
    expect(ru).toContain('более 3\u00a0000');
    const be = summaryText('be', yearSummary(dataset, geo.regions, 2024, ALL, 'be'), dataset).join('\n');
    expect(be).toContain('Урад Беларусі – Разанская вобласць (Пагадненне, 13 верасня 2024 г.');
  });

  it.each(LANGS)('in %s leaves no placeholder unfilled in any year', (lang) => {
    for (const year of dataset.years) {
      const text = summaryText(lang, yearSummary(dataset, geo.regions, year, ALL, lang), dataset).join('\n');
      expect(text, `${lang} ${year}`).not.toMatch(/\{\w+\}|\{\w+, plural,|#/);
    }
  });

  it('says so when nothing was signed in a year, and names an online forum', () => {
    const text = summaryText('en', yearSummary(dataset, geo.regions, 2021, ALL, 'en'), dataset).join('\n');
    expect(text).toContain('No link in the data was signed in 2021.');
    const online = summaryText('ru', yearSummary(dataset, geo.regions, 2020, ALL, 'ru'), dataset).join('\n');
    expect(online).toContain('VII Форум регионов Беларуси и России — онлайн');
  });

  it('announces a year change in one short sentence', () => {
    expect(announcement('en', yearSummary(dataset, geo.regions, 2024, ALL, 'en'))).toBe(
      `2024: links on the map: ${drawn(2024, ALL).length}; signed that year: 25.`,
    );
  });
});
