// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ViewConfig } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import { createAppStore } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import { SearchBox } from '../../src/ui/SearchBox';

/** The real compiled dataset and boundaries (`npm run data` writes them), decoded as the app does. */
const READY = {
  status: 'ready' as const,
  geo: decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8'))),
  dataset: decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8'))),
};

function renderSearch(view: Partial<ViewConfig> = {}) {
  const store = createAppStore({ ...DEFAULT_CONFIG, ...view });
  store.getState().setLoad(READY);
  render(
    <StoreContext.Provider value={store}>
      <SearchBox />
    </StoreContext.Provider>,
  );
  return { store, input: screen.getByRole('combobox', { name: 'Найти регион или город' }) };
}

describe('SearchBox', () => {
  it('finds the city and the region of Grodno by their English name', async () => {
    const { input } = renderSearch();
    await userEvent.type(input, 'Grodno');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('option', { name: /^Гродно/ })).toHaveTextContent('Город · Гродненская область');
    expect(screen.getByRole('option', { name: /^Гродненская область/ })).toHaveTextContent('Беларусь');
  });

  it('finds Grodno by its Belarusian name', async () => {
    const { input } = renderSearch();
    await userEvent.type(input, 'Гродна');
    // Option names are the place's name followed by its kind and region («ГродноГород · …»).
    expect(screen.getAllByRole('option')[0]).toHaveAccessibleName(/^Гродно/);
  });

  it('selects the highlighted result with ArrowDown and Enter', async () => {
    const { store, input } = renderSearch();
    await userEvent.type(input, 'Grodno');
    expect(screen.queryByRole('option', { selected: true })).not.toBeInTheDocument();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { selected: true })).toHaveAccessibleName(/^Гродно/);
    await userEvent.keyboard('{ArrowDown}');
    const active = screen.getByRole('option', { selected: true });
    expect(active).toHaveAccessibleName(/^Гродненская область/);
    expect(input).toHaveAttribute('aria-activedescendant', active.id);
    await userEvent.keyboard('{Enter}');
    expect(store.getState().selection).toBe('BY-HR');
    expect(input).toHaveValue('Гродненская область');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('takes the best match on Enter when no option was highlighted', async () => {
    const { store, input } = renderSearch();
    await userEvent.type(input, 'Курская');
    await userEvent.keyboard('{Enter}');
    expect(store.getState().selection).toBe('RU-KRS');
  });

  it('closes the list with Escape and keeps the selection', async () => {
    const { store, input } = renderSearch({ region: 'RU-KRS' });
    await userEvent.type(input, 'Курс');
    expect(screen.getByRole('listbox')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(store.getState().selection).toBe('RU-KRS');
  });

  it('says so when nothing matches', async () => {
    const { store, input } = renderSearch();
    await userEvent.type(input, 'qwxzzy');
    expect(screen.getByRole('option', { name: 'Ничего не найдено' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.keyboard('{Enter}');
    expect(store.getState().selection).toBeNull();
  });
});
