// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createDataset as createBaseDataset } from '../../scripts/data/fixtures';
import type { Dataset, Figure, Lang } from '../../src/data/types';
import { HeadlineCards } from '../../src/ui/HeadlineCards';
import { NO_GEO, renderWithStore } from './renderWithStore';

function createFigure(over: Partial<Figure>): Figure {
  return {
    id: `${over.metric}-${over.series}-${over.year}`,
    metric: 'trade_turnover',
    series: 'official',
    year: 2023,
    asOf: '',
    value: 1,
    valueMax: null,
    qualifier: 'exact',
    unit: 'usd_bn',
    scope: '',
    sourceId: 's-web',
    quote: 'q',
    certainty: 'certain',
    note: '',
    ...over,
  };
}

/**
 * Two headline metrics (trade, with two sources disagreeing in 2023 and a gap in 2022; the Government's
 * agreements, counted in 2021 only) and one metric that is not a headline.
 */
function createDataset(): Dataset {
  const base = createBaseDataset();
  const names = (en: string, ru: string) => ({ ru, be: ru, en });
  return {
    ...base,
    years: [2021, 2022, 2023],
    metrics: [
      { id: 'agreements_gov', names: names('Agreements', 'Соглашения'), unit: 'count', order: 20 },
      { id: 'trade_turnover', names: names('Trade turnover', 'Товарооборот'), unit: 'usd_bn', order: 10 },
      { id: 'belaz_shipments', names: names('BelAZ', 'БелАЗ'), unit: 'usd_bn', order: 30 },
    ],
    figures: [
      createFigure({ series: 'official', year: 2021, value: 38.5, quote: 'Turnover was 38.5 bn.' }),
      createFigure({ series: 'official', year: 2023, value: 53, quote: 'Turnover reached 53 bn.' }),
      createFigure({ series: 'press', year: 2023, value: 50, qualifier: 'about', sourceId: 's-seed', quote: 'q2' }),
      createFigure({ metric: 'agreements_gov', series: 'gov', year: 2021, value: 81, unit: 'count' }),
      createFigure({ metric: 'belaz_shipments', series: 'forum', year: 2023, value: 1 }),
    ],
  };
}

function renderCards(year: number, lang: Lang = 'ru') {
  const view = renderWithStore(<HeadlineCards />, { year, lang });
  act(() => view.store.getState().setLoad({ status: 'ready', dataset: createDataset(), geo: NO_GEO }));
  return view;
}

function cardOf(name: string): HTMLElement {
  return screen.getByRole('heading', { name, level: 3 }).closest('li')!;
}

describe('HeadlineCards', () => {
  it.each([
    ['ru', 'Главное за 2023 год'],
    ['be', 'Галоўнае за 2023 год'],
    ['en', 'Headline figures for 2023'],
  ] as const)('titles the cards with the year (%s)', (lang, title) => {
    renderCards(2023, lang);
    expect(screen.getByRole('region', { name: title })).toBeInTheDocument();
  });

  it('shows a card per headline metric, in the headline order, and no other metric', () => {
    renderCards(2023);
    const names = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(names).toEqual(['Соглашения', 'Товарооборот']);
  });

  it('says "нет данных" for a year without a value, never a zero, and offers no source', () => {
    renderCards(2023);
    const card = cardOf('Соглашения');
    expect(within(card).getByText('нет данных')).toBeInTheDocument();
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
    expect(within(card).queryByText(/^0/)).not.toBeInTheDocument();
  });

  it("gives the same series' previous value across a gap, and none to a series without one", () => {
    renderCards(2023);
    const card = cardOf('Товарооборот');
    expect(
      within(card)
        .getAllByText(/^в \d{4} году:/)
        .map((e) => e.textContent),
    ).toEqual(['в 2021 году: 38,5\u00a0млрд долл. США']);
  });

  it('shows sources that disagree side by side, each value with its own source', () => {
    renderCards(2023);
    const card = cardOf('Товарооборот');
    expect(within(card).getByText('Источники расходятся')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: /^53\s+млрд/ })).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: /^около 50\s+млрд/ })).toBeInTheDocument();
    expect(within(card).getByText('W')).toBeInTheDocument();
    expect(within(card).getByText('P')).toBeInTheDocument();
  });

  it('opens a value’s source and quote in one step', async () => {
    const user = userEvent.setup();
    renderCards(2023);
    const value = screen.getByRole('button', { name: /^53/ });
    await user.click(value);
    expect(value).toHaveAttribute('aria-expanded', 'true');
    const note = screen.getByRole('group', { name: 'Источник' });
    expect(within(note).getByRole('blockquote')).toHaveTextContent('Turnover reached 53 bn.');
  });

  it('draws a sparkline per card that names every year, gaps as "нет данных"', () => {
    renderCards(2023);
    const chart = within(cardOf('Товарооборот')).getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/2022: нет данных/);
  });
});
