// @vitest-environment jsdom
// The year in words and the data table, as a person (or a screen reader) meets them.
import { readFileSync } from 'node:fs';
import type { ReactElement } from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeDataset, linkStartYear } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import type { ViewConfig } from '../../src/config';
import { DataTable } from '../../src/ui/DataTable';
import { ANNOUNCE_DELAY, YearSummary } from '../../src/ui/YearSummary';
import { renderWithStore } from './renderWithStore';

const geo = decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')));
const dataset = decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8')));

function renderReady(ui: ReactElement, config: Partial<ViewConfig> = {}) {
  const view = renderWithStore(ui, config);
  act(() => view.store.getState().setLoad({ status: 'ready', geo, dataset }));
  return view;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('YearSummary', () => {
  it('names what was signed in 2024, the forum and the figures, with sources, in Belarusian', () => {
    renderReady(<YearSummary />, { year: 2024, lang: 'be' });
    const section = screen.getByRole('region', { name: 'Коратка пра 2024 год' });
    expect(within(section).getByRole('heading', { level: 3, name: 'Падпісаныя ў 2024 годзе' })).toBeVisible();
    const signed = within(section).getAllByRole('list')[0] as HTMLElement;
    expect(within(signed).getAllByRole('listitem')).toHaveLength(25);
    expect(signed).toHaveTextContent('Урад Беларусі – Разанская вобласць: Пагадненне, 13 верасня 2024');
    expect(signed).toHaveTextContent('крыніца: ТКР (tkr-info.ru)');
    expect(section).toHaveTextContent('XI Форум рэгіёнаў Беларусі і Расіі — Віцебская вобласць');
  });

  it('announces a year change once it settles, and stays quiet on load and during playback', () => {
    vi.useFakeTimers();
    const { store } = renderReady(<YearSummary />, { year: 2024 });
    const announcer = screen.getByTestId('year-announcer');
    expect(announcer).toHaveAttribute('aria-live', 'polite');
    expect(announcer).toBeEmptyDOMElement();

    act(() => store.getState().setYear(2023));
    act(() => store.getState().setYear(2022));
    act(() => vi.advanceTimersByTime(ANNOUNCE_DELAY - 100));
    expect(announcer).toBeEmptyDOMElement();
    act(() => vi.advanceTimersByTime(200));
    expect(announcer).toHaveTextContent(/^2022 год: на карте \d+ связ(ь|и|ей), из них в этом году подписано 9\.$/);

    act(() => store.getState().setPlaying(true));
    act(() => store.getState().setYear(2023));
    act(() => vi.advanceTimersByTime(ANNOUNCE_DELAY * 3));
    expect(announcer).toHaveTextContent(/^2022 год/);
    act(() => store.getState().setPlaying(false));
    act(() => vi.advanceTimersByTime(ANNOUNCE_DELAY + 10));
    expect(announcer).toHaveTextContent(/^2023 год/);
  });
});

describe('DataTable', () => {
  it('lists the year’s links with column and row headers, and its region buttons select', async () => {
    const { store } = renderReady(<DataTable />, { year: 2020, lang: 'en' });
    await userEvent.click(screen.getByText('Table: links and figures for 2020'));
    const links = screen.getByRole('table', { name: /^Links on the map in 2020: \d+$/ });
    const headers = within(links)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Belarus', 'Russia', 'Kind', 'Status', 'Year', 'Source']);
    const rows = within(links).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(dataset.links.filter((l) => (linkStartYear(l) ?? 9999) <= 2020).length);
    // The links signed that year come first and say so; the Kursk agreement is among them.
    const kursk = rows.find((r) =>
      /Government of Belarus\s*Kursk Oblast\s*Agreement\s*signed\s*2020 new/.test(r.textContent ?? ''),
    );
    expect(rows.indexOf(kursk!)).toBeLessThan(dataset.links.filter((l) => l.year === 2020).length);
    await userEvent.click(within(kursk!).getByRole('button', { name: 'Kursk Oblast' }));
    expect(store.getState().selection).toBe('RU-KRS');
    const figures = screen.getByRole('table', { name: 'Figures for 2020' });
    expect(within(figures).getAllByRole('rowheader').length).toBe(
      dataset.figures.filter((f) => f.year === 2020).length,
    );
  });
});
