// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createDataset as createBaseDataset } from '../../scripts/data/fixtures';
import type { Dataset, Figure, Lang } from '../../src/data/types';
import { FiguresPanel } from '../../src/ui/FiguresPanel';
import { NO_GEO, renderWithStore } from './renderWithStore';

function createFigure(over: Partial<Figure>): Figure {
  return {
    id: `${over.metric}-${over.series}-${over.year}`,
    metric: 'trade',
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
 * Trade turnover with two sources disagreeing in 2023 and a gap in 2022; agreements counted in 2021
 * only.
 */
function createDataset(): Dataset {
  const base = createBaseDataset();
  const names = (en: string, ru: string) => ({ ru, be: ru, en });
  return {
    ...base,
    metrics: [
      { id: 'agreements', names: names('Agreements', 'Соглашения'), unit: 'count', order: 20 },
      { id: 'trade', names: names('Trade turnover', 'Товарооборот'), unit: 'usd_bn', order: 10 },
    ],
    figures: [
      createFigure({ series: 'official', year: 2021, value: 38.5, quote: 'Turnover was 38.5 bn.' }),
      createFigure({ series: 'official', year: 2023, value: 53, quote: 'Turnover reached 53 bn.' }),
      createFigure({
        series: 'press',
        year: 2023,
        value: 50,
        qualifier: 'about',
        sourceId: 's-seed',
        quote: 'примерно 50',
        certainty: 'uncertain',
      }),
      createFigure({ metric: 'agreements', series: 'gov', year: 2021, value: 81, unit: 'count', sourceId: 's-seed' }),
    ],
  };
}

function renderPanel(year: number, lang: Lang = 'ru') {
  const view = renderWithStore(<FiguresPanel />, { year, lang });
  act(() => view.store.getState().setLoad({ status: 'ready', dataset: createDataset(), geo: NO_GEO }));
  return view;
}

/** The panel row of a metric, found by the metric's name. */
function rowOf(name: string): HTMLElement {
  const row = screen.getAllByRole('listitem').find((li) => within(li).queryByText(name));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('FiguresPanel', () => {
  it('titles the panel with the year', () => {
    renderPanel(2023);
    expect(screen.getByRole('heading', { name: 'Показатели 2023 года' })).toBeInTheDocument();
  });

  it('says “нет данных” for a metric without a value in the year, never a zero', () => {
    renderPanel(2023);
    const row = rowOf('Соглашения');
    expect(within(row).getByText('нет данных')).toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('Показатели без данных за 2023 год (1)')).toBeInTheDocument();
  });

  it('lists metrics with a value for the year first', () => {
    renderPanel(2021);
    const names = screen.getAllByRole('listitem').map((li) => within(li).getByRole('img').getAttribute('aria-label'));
    expect(names.map((n) => n?.split(':')[0])).toEqual(['Товарооборот', 'Соглашения']);
  });

  it('shows both values of a metric whose sources disagree, each with its source, and says so', () => {
    renderPanel(2023);
    const row = rowOf('Товарооборот');
    expect(within(row).getByText('Источники расходятся')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /^53\s+млрд долл\. США/ })).toBeInTheDocument();
    expect(
      within(row).getByRole('button', { name: /^около 50\s+млрд долл\. США требует уточнения/ }),
    ).toBeInTheDocument();
    expect(within(row).getByText('W')).toBeInTheDocument();
    expect(within(row).getByText('P')).toBeInTheDocument();
  });

  it('opens a value’s source with its quote and document, and closes it with Esc', async () => {
    const user = userEvent.setup();
    renderPanel(2023);
    const value = screen.getByRole('button', { name: /^53/ });
    expect(value).toHaveAttribute('aria-expanded', 'false');
    await user.click(value);
    expect(value).toHaveAttribute('aria-expanded', 'true');
    const note = screen.getByRole('group', { name: 'Источник' });
    expect(within(note).getByRole('blockquote')).toHaveTextContent('Turnover reached 53 bn.');
    expect(within(note).getByText('Web')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(value).toHaveAttribute('aria-expanded', 'false');
    expect(value).toHaveFocus();
  });

  it('opens the source from the keyboard', async () => {
    const user = userEvent.setup();
    renderPanel(2023);
    screen.getByRole('button', { name: /^около 50/ }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('blockquote')).toHaveTextContent('примерно 50');
  });

  it('previews the source on hover and hides it when the pointer leaves', async () => {
    const user = userEvent.setup();
    renderPanel(2023);
    const value = screen.getByRole('button', { name: /^53/ });
    await user.hover(value);
    expect(value).toHaveAttribute('aria-expanded', 'true');
    await user.unhover(value);
    expect(value).toHaveAttribute('aria-expanded', 'false');
  });

  it('updates the values when the year changes', () => {
    const { store } = renderPanel(2023);
    act(() => store.getState().setYear(2021));
    expect(screen.getByRole('heading', { name: 'Показатели 2021 года' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^38,5/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^81/ })).toBeInTheDocument();
    expect(screen.queryByText('Источники расходятся')).not.toBeInTheDocument();
  });

  it('reads the chart year by year, with “no data” for a gap, in English', () => {
    renderPanel(2023, 'en');
    const chart = screen.getByRole('img', { name: /^Trade turnover: values by year/ });
    const label = chart.getAttribute('aria-label');
    expect(label).toContain('2021: 38.5\u00a0US$ bn');
    expect(label).toContain('2022: no data');
    expect(label).toContain('2023: 53\u00a0US$ bn / about 50\u00a0US$ bn (uncertain)');
  });

  it('shows nothing until the dataset is loaded', () => {
    const { container } = renderWithStore(<FiguresPanel />);
    expect(container).toBeEmptyDOMElement();
  });
});
