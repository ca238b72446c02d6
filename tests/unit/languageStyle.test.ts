// The Russian and Belarusian a reader sees, held to the editor's review (issue 16): the errors it found
// must not come back. Every text we write (catalogues, region/city/metric/event names, region facts,
// story captions, our translated remarks) is checked per language against forbidden forms. Quotes are
// not checked: they are the sources' own words (DATA.md rule 3). DATA.md "Terms and style" says why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeTopology } from '../../src/data/topology';
import type { Lang } from '../../src/data/types';
import { CATALOGUES } from '../../src/i18n/translate';
import { STORY } from '../../src/scene/storyData';
import { readCompleteDataset } from './compiledDataset';

const dataset = readCompleteDataset();
const geo = decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')));

/** Every text of ours in a language, each named by where it comes from. */
function textsIn(lang: 'ru' | 'be'): [string, string][] {
  return [
    ...Object.entries(CATALOGUES[lang]).map(([k, v]): [string, string] => [`catalogue ${k}`, v]),
    ...geo.regions.map((r): [string, string] => [`region ${r.code}`, r.names[lang]]),
    ...dataset.cities.map((c): [string, string] => [`city ${c.id}`, c.names[lang]]),
    ...dataset.metrics.map((m): [string, string] => [`metric ${m.id}`, m.names[lang]]),
    ...dataset.events.map((e): [string, string] => [`event ${e.id}`, e.names[lang]]),
    ...dataset.regionFacts.map((f): [string, string] => [`fact ${f.id}`, f.text[lang]]),
    ...STORY.steps.map((s): [string, string] => [`story ${s.id}`, s.caption[lang]]),
    ...Object.entries(dataset.translations ?? {}).map(([key, t]): [string, string] => [
      `translation ${key}`,
      lang === 'ru' ? t[0] : t[1],
    ]),
  ];
}

/** [what was wrong, the pattern that finds it] per language. */
const FORBIDDEN: Record<'ru' | 'be', [string, RegExp][]> = {
  be: [
    ['«Коротка» is Russian spelling: «Коратка»', /Коротка/u],
    ['ў only after a vowel: «Міжурадавыя»', /(?<=\p{L})(?<![аеёіоуыэюяў’])ў/iu],
    ['ў after a word ending in a consonant', /(?<=[бвгджзйклмнпрстфхцчшьщ]) ў/iu],
    ['Гродна is neuter: «Гродна стала»', /Гродна стаў/u],
    ['city names are transcribed: «Южна-Сахалінск»', /Паўднёва-Сахалінск/u],
    ['«не пазней за {year}» reads as an expiry date', /не пазней за \{year\}/u],
    ['«подпіс» for the act of signing: «падпісанне»', /подпіс[ау ]|подпіс$/u],
    ['«млрд руб.» reads as Belarusian roubles: «млрд рас. руб.»', /млрд руб\./u],
    ['«новае ў {year}» does not agree with «сувязь»', /новае ў/u],
    ['«недакладна» says inaccurate: «патрабуе ўдакладнення»', /недакладна/u],
    ['«метрыкі»: «паказчыкі»', /метрык/iu],
    ['«з націснутай Ctrl»: «з націснутай клавішай Ctrl»', /націснутай (?:Ctrl|⌘)/u],
    ['one apostrophe in Belarusian: ’ (U+2019)', /(?<=\p{L})['ʼ](?=\p{L})/u],
    ['«ў Урада» after a consonant-ending word or in «з якімі ў Урада»: «ва Урада»', /якімі ў Урада/u],
    ["RU-CU's official long name: «Чувашская Рэспубліка — Чувашыя»", /Чувашская Рэспубліка(?! — Чувашыя)/u],
    ['«{count}» after a dash does not agree in number: use a plural block', /сувязей[^{}]*— \{count\}/u],
  ],
  ru: [
    ['Гродно is neuter: «Гродно стало»', /Гродно стал(?!о)/u],
    ['«не позднее {year}» reads as an expiry date: «не позднее чем с {year} года»', /не позднее \{year\}/u],
    ['«млрд руб.» reads as Belarusian roubles: «млрд рос. руб.»', /млрд руб\./u],
    ['«новое в {year}» does not agree with «связь»', /новое в/u],
    ['«неточно» says inaccurate: «требует уточнения»', /неточно/u],
    ['«метрики»: «показатели»', /метрик/iu],
    ['«с нажатой Ctrl»: «с нажатой клавишей Ctrl»', /нажатой (?:Ctrl|⌘)/u],
    ["RU-CU's official long name: «Чувашская Республика — Чувашия»", /Чувашская Республика(?! — Чувашия)/u],
    ['«{count}» after a dash does not agree in number: use a plural block', /связей[^{}]*— \{count\}/u],
  ],
};

describe.each(['ru', 'be'] as const)('%s texts', (lang) => {
  const texts = textsIn(lang);

  it('are all there to check (catalogue, names, facts, story, translations)', () => {
    const kinds = new Set(texts.map(([where]) => where.split(' ')[0]));
    expect([...kinds].sort()).toEqual([
      'catalogue',
      'city',
      'event',
      'fact',
      'metric',
      'region',
      'story',
      'translation',
    ]);
  });

  it.each(FORBIDDEN[lang])('have none of the old errors: %s', (_, pattern) => {
    const found = texts.filter(([, text]) => pattern.test(text)).map(([where, text]) => `${where}: ${text}`);
    expect(found).toEqual([]);
  });

  it('tell the region Minsk from the city in search (the region is «г. …»)', () => {
    const region = geo.regions.find((r) => r.code === 'BY-HM')?.names[lang];
    const city = dataset.cities.find((c) => c.id === 'minsk')?.names[lang];
    expect(region).not.toBe(city);
    expect(region).toBe(`г. ${city}`);
  });
});

describe('the forbidden forms', () => {
  it.each([
    ['be', 'Коротка пра {year} год'],
    ['be', 'Міжўрадавыя пагадненні'],
    ['be', "Прэм'ер-міністр"],
    ['be', 'а 8 снежня Гродна стаў пабрацімам Паўднёва-Сахалінска'],
    ['be', 'дата подпісу невядомая; дзейнічае не пазней за {year}'],
    ['be', 'ухвалена, подпіс не пацверджаны'],
    ['be', 'Рэгіёны Расіі, з якімі ў Урада Беларусі ёсць пагадненні'],
    ['be', 'Чувашская Рэспубліка'],
    ['be', '{year} год: сувязей з крыніцай на карце — {count}.'],
    ['ru', 'а 8 декабря Гродно стал побратимом'],
    ['ru', 'дата подписания неизвестна; действует не позднее {year}'],
    ['ru', '25 млрд руб.'],
    ['ru', 'Чтобы изменить масштаб, прокручивайте с нажатой Ctrl'],
    ['ru', 'Чувашская Республика'],
  ] as [Lang, string][])('in %s catch «%s»', (lang, text) => {
    const patterns = FORBIDDEN[lang as 'ru' | 'be'].map(([, p]) => p);
    expect(patterns.some((p) => p.test(text))).toBe(true);
  });

  it.each([
    ['be', 'Коратка пра {year} год'],
    ['be', 'Міжурадавыя пагадненні; у Мінску прайшоў; сувязі ўжо ёсць'],
    ['be', 'а 8 снежня Гродна стала пабрацімам Южна-Сахалінска'],
    ['be', 'дата падпісання невядомая; дзейнічае не пазней як з {year} года'],
    ['be', 'Прэм’ер-міністр, суб’ектамі'],
    ['be', 'Чувашская Рэспубліка — Чувашыя'],
    ['ru', 'Гродно стало побратимом; 25 млрд рос. руб.; с нажатой клавишей Ctrl'],
    ['ru', 'Чувашская Республика — Чувашия'],
  ] as [Lang, string][])('in %s pass the corrected «%s»', (lang, text) => {
    const hits = FORBIDDEN[lang as 'ru' | 'be'].filter(([, p]) => p.test(text)).map(([why]) => why);
    expect(hits).toEqual([]);
  });
});
