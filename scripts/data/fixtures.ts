/**
 * Tiny, valid fixtures for tests: `createTables()` gives the CSV text of every table (one row or two
 * each) and `createSeeds()` a one-sentence seed document, so a test can break one cell and check the
 * message. `createDataset()` gives a small compiled Dataset for the browser-side helpers.
 */
import type { Dataset } from '../../src/data/types.ts';
import type { TableFile } from './schemas.ts';

export const FIXTURE_SEED_FILE = '000_fixture.txt';
export const FIXTURE_SEED_TEXT =
  'Заголовок.\n\nНа сегодняшний день действует 191 соглашение с участием 77-ми российских\nсубъектов. Товарооборот составил 26,1 млрд долларов.\n';

export function createSeeds(): Record<string, string> {
  return { [FIXTURE_SEED_FILE]: FIXTURE_SEED_TEXT };
}

/** Rows of one table as CSV lines; row 0 is the header, so the first data row is on line 2. */
function csv(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export type FixtureTables = Record<TableFile, string>;

export function createTables(overrides: Partial<FixtureTables> = {}): FixtureTables {
  return {
    'regions.csv': csv([
      'code,country,name_en,name_ru,name_be',
      'BY-HM,BY,Minsk,Минск,Мінск',
      'BY-HR,BY,Grodno Oblast,Гродненская область,Гродзенская вобласць',
      'RU-KRS,RU,Kursk Oblast,Курская область,Курская вобласць',
      'RU-BA,RU,Republic of Bashkortostan,Республика Башкортостан,Рэспубліка Башкартастан',
    ]),
    'sources.csv': csv([
      'id,kind,title,publisher,date,lang,url,file,note',
      `seed-000,seed,Seed,Publisher,2023-06,ru,,${FIXTURE_SEED_FILE},`,
      'web-a,web,[A page],Site,2020,en,https://example.org/a,,',
      'geo-minsk,web,GeoNames: Minsk,GeoNames,,en,https://www.geonames.org/625144,,',
    ]),
    'metrics.csv': csv([
      'id,unit,order,name_ru,name_be,name_en',
      'agreements_all,count,10,Соглашения,Пагадненні,Agreements',
      'trade_turnover,usd_bn,20,Товарооборот,Тавараабарот,Trade turnover',
    ]),
    'figures.csv': csv([
      'id,metric,series,year,asOf,value,valueMax,qualifier,unit,scope,sourceId,certainty,outsideTimeline,note,quote',
      'agreements-2023,agreements_all,ru-minec,2023,2023-06,191,,exact,count,agreements in force,seed-000,certain,no,,"действует 191 соглашение с участием 77-ми российских субъектов."',
      'trade-2023,trade_turnover,by,2023,,26.1,,exact,usd_bn,turnover,seed-000,certain,no,,"Товарооборот составил 26,1 млрд долларов."',
    ]),
    'cities.csv': csv([
      'id,region,lat,lon,name_ru,name_be,name_en,sourceId',
      'minsk,BY-HM,53.90,27.57,Минск,Мінск,Minsk,geo-minsk',
      'ufa,RU-BA,54.74,55.97,Уфа,Уфа,Ufa,geo-minsk',
    ]),
    'links.csv': csv([
      'id,kind,status,from,to,year,date,inForceBy,firstYear,title,label_ru,label_be,label_en,chair_ru,chair_be,chair_en,sourceId,certainty,outsideTimeline,note,quote',
      'gov-kursk,agreement,signed,BY-GOV,RU-KRS,2020,2020-09-29,,,,,,,,,,web-a,certain,no,paraphrase from research brief,Government – Kursk: 29 Sep 2020',
      'minsk-ufa,sister,in_force,minsk,ufa,,,2023,,,,,,,,,web-a,certain,no,,Minsk–Ufa',
    ]),
    'events.csv': csv([
      'id,kind,number,year,dateStart,dateEnd,city,region,mode,name_ru,name_be,name_en,sourceId,certainty,outsideTimeline,note,quote',
      'forum-2023,forum,10,2023,2023-06-26,2023-06-28,ufa,RU-BA,in_person,X Форум,X Форум,10th Forum,web-a,certain,no,,X Forum in Ufa',
    ]),
    'regionFacts.csv': csv([
      'id,region,year,sinceYear,text_ru,text_be,text_en,sourceId,certainty,outsideTimeline,note,quote',
      'kursk-2023,RU-KRS,2023,no,Факт,Факт,Fact,seed-000,certain,no,,Заголовок.',
    ]),
    'documents.csv': csv([
      'id,link,kind,date,year,periodStart,periodEnd,title,label_ru,label_be,label_en,sourceId,certainty,note,quote',
      'kursk-plan-2023,gov-kursk,plan,2023-01-09,2023,2023,2025,,План,План,Plan,seed-000,certain,,Заголовок.',
    ]),
    'meetings.csv': csv([
      'id,link,date,year,city,sourceId,certainty,note,quote',
      'kursk-wg-2023,gov-kursk,,2023,Курск,seed-000,certain,,Заголовок.',
    ]),
    'assignments.csv': csv([
      'id,region,assignee_ru,assignee_be,assignee_en,since,until,sourceId,certainty,note,quote',
      'kursk-assigned,RU-KRS,Министерство,Міністэрства,Ministry,2020-03-20,,seed-000,certain,,Заголовок.',
    ]),
    'excluded.csv': csv(['entry,brief,reason,detail', 'A2,facts-research,not_confirmed,']),
    'accounted.csv': csv(['entry,brief,rows', 'A1,facts-research,gov-kursk kursk-plan-2023']),
    ...overrides,
  };
}

/** Replaces one line (1-based, header = line 1) of a table's CSV text. */
export function withLine(tableText: string, line: number, newLine: string): string {
  const lines = tableText.split('\n');
  lines[line - 1] = newLine;
  return lines.join('\n');
}

/** Appends a data row to a table's CSV text. */
export function withRow(tableText: string, row: string): string {
  return `${tableText}${row}\n`;
}

/** A small compiled dataset for the browser-side helpers and the exports. */
export function createDataset(): Dataset {
  const names = (en: string) => ({ ru: `${en} ru`, be: `${en} be`, en });
  return {
    years: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
    sources: [
      {
        id: 's-seed',
        kind: 'seed',
        title: 'Seed, "quoted"',
        publisher: 'P',
        date: '2023',
        lang: 'ru',
        url: '',
        file: '000.txt',
        note: '',
      },
      {
        id: 's-web',
        kind: 'web',
        title: 'Web',
        publisher: 'W',
        date: '2024-06-21',
        lang: 'en',
        url: 'https://example.org/x',
        file: '',
        note: '',
      },
    ],
    metrics: [
      { id: 'b_metric', names: names('B'), unit: 'count', order: 20 },
      { id: 'a_metric', names: names('A'), unit: 'usd_bn', order: 10 },
    ],
    figures: [
      {
        id: 'f1',
        metric: 'b_metric',
        series: 'one',
        year: 2023,
        asOf: '',
        value: 81,
        valueMax: null,
        qualifier: 'exact',
        unit: 'count',
        scope: 's',
        sourceId: 's-seed',
        quote: '81 соглашение, с 73',
        certainty: 'certain',
        note: '',
      },
      {
        id: 'f2',
        metric: 'a_metric',
        series: 'ru',
        year: 2023,
        asOf: '',
        value: 53,
        valueMax: null,
        qualifier: 'exact',
        unit: 'usd_bn',
        scope: 's',
        sourceId: 's-web',
        quote: '53',
        certainty: 'certain',
        note: '',
      },
      {
        id: 'f3',
        metric: 'a_metric',
        series: 'ru',
        year: 2021,
        asOf: '',
        value: 38.5,
        valueMax: null,
        qualifier: 'exact',
        unit: 'usd_bn',
        scope: 's',
        sourceId: 's-web',
        quote: '38.5',
        certainty: 'certain',
        note: '',
      },
      {
        id: 'f4',
        metric: 'a_metric',
        series: 'by',
        year: 2023,
        asOf: '',
        value: 50,
        valueMax: null,
        qualifier: 'about',
        unit: 'usd_bn',
        scope: 's',
        sourceId: 's-web',
        quote: 'about 50',
        certainty: 'uncertain',
        note: '',
      },
    ],
    cities: [
      { id: 'minsk', names: names('Minsk'), region: 'BY-HM', lon: 27.57, lat: 53.9, sourceId: 's-web' },
      { id: 'ufa', names: names('Ufa'), region: 'RU-BA', lon: 55.97, lat: 54.74, sourceId: 's-web' },
    ],
    links: [
      {
        id: 'signed-2020',
        kind: 'agreement',
        status: 'signed',
        from: 'BY-GOV',
        to: 'RU-KRS',
        year: 2020,
        date: '2020-09-29',
        inForceBy: null,
        firstYear: null,
        title: '',
        label: names(''),
        chair: names(''),
        sourceId: 's-seed',
        quote: 'q',
        certainty: 'certain',
        note: '',
      },
      {
        id: 'shown-2023',
        kind: 'sister',
        status: 'in_force',
        from: 'minsk',
        to: 'ufa',
        year: null,
        date: '',
        inForceBy: 2023,
        firstYear: null,
        title: '',
        label: names(''),
        chair: names(''),
        sourceId: 's-web',
        quote: 'q',
        certainty: 'certain',
        note: '',
      },
      {
        id: 'authorised-2020',
        kind: 'agreement',
        status: 'authorised',
        from: 'BY-GOV',
        to: 'RU-BA',
        year: null,
        date: '',
        inForceBy: 2020,
        firstYear: null,
        title: '',
        label: names(''),
        chair: names(''),
        sourceId: 's-web',
        quote: 'q',
        certainty: 'uncertain',
        note: '',
      },
      {
        id: 'before-2015',
        kind: 'agreement',
        status: 'signed',
        from: 'BY-GOV',
        to: 'RU-SAK',
        year: 2015,
        date: '2015',
        inForceBy: null,
        firstYear: null,
        title: '',
        label: names(''),
        chair: names(''),
        sourceId: 's-web',
        quote: 'q',
        certainty: 'certain',
        note: '',
      },
      {
        id: 'undated',
        kind: 'sister',
        status: 'in_force',
        from: 'minsk',
        to: 'ufa',
        year: null,
        date: '',
        inForceBy: null,
        firstYear: null,
        title: '',
        label: names(''),
        chair: names(''),
        sourceId: 's-web',
        quote: 'q',
        certainty: 'certain',
        note: 'undated',
      },
    ],
    events: [
      {
        id: 'forum-2023',
        kind: 'forum',
        number: 10,
        year: 2023,
        dateStart: '2023-06-26',
        dateEnd: '2023-06-28',
        city: 'ufa',
        region: 'RU-BA',
        mode: 'in_person',
        names: names('X Forum'),
        sourceId: 's-seed',
        quote: 'q',
        certainty: 'certain',
        note: '',
      },
    ],
    regionFacts: [
      {
        id: 'rf',
        region: 'RU-KRS',
        year: 2009,
        sinceYear: true,
        text: names('Assigned'),
        sourceId: 's-seed',
        quote: 'line one\nline two',
        certainty: 'certain',
        note: '',
      },
    ],
    documents: [
      {
        id: 'plan-2023',
        link: 'signed-2020',
        kind: 'plan',
        date: '2023-01-09',
        year: 2023,
        periodStart: 2023,
        periodEnd: 2025,
        title: '',
        label: names('Plan'),
        sourceId: 's-seed',
        quote: 'q',
        certainty: 'certain',
        note: '',
      },
      {
        id: 'protocol-2021',
        link: 'signed-2020',
        kind: 'protocol',
        date: '',
        year: 2021,
        periodStart: null,
        periodEnd: null,
        title: '',
        label: names('Protocol'),
        sourceId: 's-web',
        quote: 'q',
        certainty: 'certain',
        note: '',
      },
    ],
    meetings: [
      {
        id: 'm-2022',
        link: 'signed-2020',
        date: '',
        year: 2022,
        city: 'Курск',
        sourceId: 's-web',
        quote: 'q',
        certainty: 'certain',
        note: '',
      },
      {
        id: 'm-2019',
        link: 'signed-2020',
        date: '2019-05',
        year: 2019,
        city: '',
        sourceId: 's-web',
        quote: 'q',
        certainty: 'certain',
        note: '',
      },
    ],
    assignments: [
      {
        id: 'a-kursk',
        region: 'RU-KRS',
        assignee: names('Ministry of Industry'),
        since: '2020-03-20',
        until: '',
        sourceId: 's-seed',
        quote: 'q',
        certainty: 'certain',
        note: '',
      },
    ],
  };
}
