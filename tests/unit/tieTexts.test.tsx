// @vitest-environment jsdom
// Issue 12 in the panels: a tie's status as the source says it, its documents, a joint body's co-chair
// and meetings, a region's assignment, what was signed in a year, "sourced here: N of 79", and our
// descriptions marked as ours beside verbatim titles, in Russian, Belarusian and English.
import { act, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../../scripts/data/fixtures';
import type { ViewConfig } from '../../src/config';
import type { Dataset, Link, RegionInfo } from '../../src/data/types';
import { FiguresPanel } from '../../src/ui/FiguresPanel';
import { Legend } from '../../src/ui/Legend';
import { RegionPanel } from '../../src/ui/RegionPanel';
import { YearSummary } from '../../src/ui/YearSummary';
import { NO_GEO, renderWithStore } from './renderWithStore';

const region = (code: string, ru: string, be: string, en: string): RegionInfo => ({
  code,
  country: code.startsWith('BY') ? 'BY' : 'RU',
  names: { ru, be, en },
  label: [0, 0],
});
const REGIONS = [
  region('RU-KRS', 'Курская область', 'Курская вобласць', 'Kursk Oblast'),
  region('RU-BA', 'Башкортостан', 'Башкартастан', 'Bashkortostan'),
  region('BY-HM', 'Минск', 'Мінск', 'Minsk'),
];

const TITLE = 'Соглашение между Правительством Республики Беларусь и Администрацией Курской области';

function createTieDataset(): Dataset {
  const base = createDataset();
  const [signed] = base.links as [Link];
  const body: Link = {
    ...signed,
    id: 'wg-kursk',
    kind: 'body',
    status: 'in_force',
    year: null,
    date: '',
    inForceBy: 2019,
    label: { ru: 'Рабочая группа', be: 'Рабочая група', en: 'Working group' },
    chair: { ru: 'Министр промышленности', be: 'Міністр прамысловасці', en: 'Minister of Industry' },
  };
  const intentions: Link = {
    ...signed,
    id: 'intent-ba',
    to: 'RU-BA',
    status: 'intentions',
    year: 2022,
    date: '2022',
    label: { ru: 'Протокол о намерениях', be: 'Пратакол аб намерах', en: 'Protocol of intentions' },
  };
  return {
    ...base,
    metrics: [
      ...base.metrics,
      {
        id: 'agreements_gov_regions',
        names: { ru: 'Регионы с соглашениями', be: 'Рэгіёны з пагадненнямі', en: 'Regions with agreements' },
        unit: 'count',
        order: 5,
      },
    ],
    figures: [
      ...base.figures,
      { ...base.figures[0]!, id: 'regions-79', metric: 'agreements_gov_regions', year: 2024, value: 79, quote: '79' },
    ],
    links: [
      {
        ...signed,
        title: TITLE,
        label: { ru: 'Соглашение о сотрудничестве', be: 'Пагадненне аб супрацоўніцтве', en: 'Cooperation agreement' },
      },
      body,
      intentions,
    ],
    meetings: base.meetings.map((m) => ({ ...m, link: 'wg-kursk' })),
    documents: base.documents.map((d) =>
      d.id === 'plan-2023'
        ? { ...d, label: { ru: 'План на 2023–2025', be: 'План на 2023–2025', en: 'Plan 2023–2025' } }
        : d,
    ),
    assignments: [
      {
        ...base.assignments[0]!,
        assignee: { ru: 'Министерство промышленности', be: 'Міністэрства прамысловасці', en: 'Ministry of Industry' },
      },
    ],
  };
}

function renderReady(ui: ReactElement, config: Partial<ViewConfig>, dataset = createTieDataset()) {
  const view = renderWithStore(ui, config);
  act(() => view.store.getState().setLoad({ status: 'ready', dataset, geo: { ...NO_GEO, regions: REGIONS } }));
  return view;
}

/** The list item of the tie whose meta line starts with this kind. */
function tie(panel: HTMLElement, kind: string): HTMLElement {
  const meta = new RegExp(`^${kind} ·`, 'u');
  const items = within(panel)
    .getAllByRole('listitem')
    .filter((li) => within(li).queryAllByText(meta, { selector: '.byru-link-meta' }).length > 0);
  expect(items, kind).toHaveLength(1);
  return items[0] as HTMLElement;
}

describe('the region panel shows what stands under each tie', () => {
  it("gives a tie's status, verbatim title and dated documents (in Russian, no translation needed)", () => {
    renderReady(<RegionPanel />, { region: 'RU-KRS', year: 2024, lang: 'ru' });
    const panel = screen.getByRole('complementary', { name: 'Регион' });
    const item = tie(panel, 'Соглашение');
    expect(item).toHaveTextContent('Соглашение · подписано · 2020');
    expect(within(item).getByText(TITLE)).toHaveAttribute('lang', 'ru');
    // Reader and source share the language: the title alone, without our description.
    expect(item).not.toHaveTextContent('Соглашение о сотрудничестве');
    const docs = within(item).getByRole('list', { name: 'Документы' });
    const [protocol, plan] = within(docs).getAllByRole('listitem');
    expect(protocol).toHaveTextContent('Протокол · 2021');
    expect(plan).toHaveTextContent(/^План мероприятий · 9 января 2023 г\. · на 2023–2025 годы/);
    expect(plan).toHaveTextContent('План на 2023–2025 (наше описание)');
  });

  it("gives a joint body's Belarusian co-chair and the years a source shows it meeting", () => {
    renderReady(<RegionPanel />, { region: 'RU-KRS', year: 2024, lang: 'ru' });
    const item = tie(screen.getByRole('complementary', { name: 'Регион' }), 'Совместный орган');
    expect(item).toHaveTextContent('Сопредседатель с белорусской стороны: Министр промышленности');
    expect(item).toHaveTextContent('Заседания по данным источников: 2019, 2022');
  });

  it('gives the Belarusian official or body the region is assigned to, since when', () => {
    renderReady(<RegionPanel />, { region: 'RU-KRS', year: 2024, lang: 'be' });
    const panel = screen.getByRole('complementary', { name: 'Рэгіён' });
    expect(panel).toHaveTextContent('Замацаваны ў Беларусі за: Міністэрства прамысловасці (з 20 сакавіка 2020 г.)');
  });

  it('says nothing of an assignment before the act that made it', () => {
    renderReady(<RegionPanel />, { region: 'RU-KRS', year: 2019, lang: 'en' });
    expect(screen.getByRole('complementary', { name: 'Region' })).not.toHaveTextContent('Assigned in Belarus');
  });

  it('keeps the title verbatim in Russian and adds our description, marked as ours, for an English reader', () => {
    renderReady(<RegionPanel />, { region: 'RU-KRS', year: 2024, lang: 'en' });
    const item = tie(screen.getByRole('complementary', { name: 'Region' }), 'Agreement');
    expect(within(item).getByText(TITLE)).toHaveAttribute('lang', 'ru');
    expect(item).toHaveTextContent('Cooperation agreement (our description)');
    expect(item).toHaveTextContent('Agreement · signed · 2020');
  });

  it('calls a protocol of intentions what it is, in Belarusian', () => {
    renderReady(<RegionPanel />, { region: 'RU-BA', year: 2024, lang: 'be' });
    const item = tie(screen.getByRole('complementary', { name: 'Рэгіён' }), 'Пагадненне');
    expect(item).toHaveTextContent('пратакол аб намерах (не пагадненне)');
    expect(item).toHaveTextContent('Пратакол аб намерах (наша апісанне)');
  });
});

describe('an undated tie', () => {
  it('says no source dates it, instead of "in force by —" and "after 2024"', () => {
    renderReady(<RegionPanel />, { region: 'ufa', year: 2024, lang: 'en' }, createDataset());
    const panel = screen.getByRole('complementary', { name: 'Region' });
    const undated = within(panel)
      .getAllByRole('listitem')
      .filter((li) => li.textContent?.includes('no source says from which year it is in force'));
    expect(undated).toHaveLength(1);
    expect(undated[0]).not.toHaveTextContent(/after 2024|in force by —/u);
  });
});

describe('the year summary lists what was signed that year', () => {
  it.each([
    [
      'ru',
      'Документы, подписанные в 2023 году',
      'Правительство Беларуси – Курская область: План мероприятий на 2023–2025 годы',
    ],
    ['en', 'Documents signed in 2023', 'Government of Belarus – Kursk Oblast: Plan of measures for 2023–2025'],
    [
      'be',
      'Дакументы, падпісаныя ў 2023 годзе',
      'Урад Беларусі – Курская вобласць: План мерапрыемстваў на 2023–2025 гады',
    ],
  ] as const)('in %s: the documents under its ties', (lang, heading, text) => {
    renderReady(<YearSummary />, { year: 2023, lang });
    expect(screen.getByRole('heading', { level: 3, name: heading })).toBeVisible();
    const items = screen.getAllByRole('listitem').filter((li) => li.textContent?.startsWith(text.split(':')[0]!));
    expect(items.map((li) => li.textContent)).toEqual([expect.stringContaining(text)]);
  });

  it("names a tie signed that year by its verbatim title and, for another language's reader, our description", () => {
    renderReady(<YearSummary />, { year: 2020, lang: 'en' });
    const section = screen.getByRole('region', { name: '2020 in brief' });
    expect(within(section).getByText(TITLE)).toHaveAttribute('lang', 'ru');
    expect(section).toHaveTextContent('Cooperation agreement (our description)');
  });

  it('has no documents heading in a year when none was signed', () => {
    renderReady(<YearSummary />, { year: 2019, lang: 'en' });
    expect(screen.queryByRole('heading', { name: /Documents signed/ })).not.toBeInTheDocument();
  });
});

describe('honest coverage beside an official count', () => {
  it.each([
    ['ru', 'с источником здесь: 1 из 79'],
    ['be', 'з крыніцай тут: 1 з 79'],
    ['en', 'sourced here: 1 of 79'],
  ] as const)('the figures panel says in %s how many the map sources: "%s"', (lang, text) => {
    renderReady(<FiguresPanel />, { year: 2024, lang });
    expect(screen.getByText(text)).toBeVisible();
  });

  it('the year summary says it too', () => {
    renderReady(<YearSummary />, { year: 2024, lang: 'en' });
    expect(screen.getByRole('region', { name: '2024 in brief' })).toHaveTextContent(
      'Regions with agreements: 79 (sourced here: 1 of 79)',
    );
  });

  it.each([
    ['ru', 'здесь нет связи с источником'],
    ['be', 'тут няма сувязі з крыніцай'],
    ['en', 'no tie sourced here'],
  ] as const)('the legend in %s says the gap is ours: "%s"', (lang, text) => {
    renderWithStore(<Legend />, { lang });
    expect(screen.getByText(text)).toBeVisible();
  });

  it.each([
    [2024, 'ru', 'Регионы с соглашениями: с источником здесь: 1 из 79'],
    [2023, 'ru', 'Регионы с соглашениями: официального числа за 2023 год нет'],
    [2023, 'be', 'Рэгіёны з пагадненнямі: афіцыйнай лічбы за 2023 год няма'],
    [2023, 'en', 'Regions with agreements: no official count for 2023'],
  ] as const)(
    'the legend in %s (%s) keeps its coverage line, also in a year without an official count',
    (year, lang, text) => {
      renderReady(<Legend />, { year, lang });
      // One line in every year: the legend, and the map above it, keep their height from year to year.
      expect(screen.getByTestId('legend-coverage')).toHaveTextContent(text);
    },
  );
});
