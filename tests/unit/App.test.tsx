// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type ViewConfig } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import { createAppStore, type LoadState } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import { App } from '../../src/ui/App';

/** The real compiled dataset and boundaries (`npm run data` writes them), decoded as the app does. */
const READY: LoadState = {
  status: 'ready',
  geo: decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8'))),
  dataset: decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8'))),
};

/** Renders the App with a stand-in for the map (a focusable box, like the map's canvas). */
function renderApp(view: Partial<ViewConfig> = {}, load: LoadState = READY) {
  const store = createAppStore({ ...DEFAULT_CONFIG, ...view });
  store.getState().setLoad(load);
  const onRetry = vi.fn();
  render(
    <StoreContext.Provider value={store}>
      <App map={<div data-testid="map" role="img" aria-label="Карта" tabIndex={0} />} onRetry={onRetry} />
    </StoreContext.Provider>,
  );
  return { store, onRetry };
}

describe('App', () => {
  it('shows the title, timeline, search, map and region panel once the data is ready', () => {
    renderApp({ year: 2020 });
    expect(screen.getByRole('heading', { level: 1, name: 'Регионы Беларуси и России: сотрудничество' })).toBeVisible();
    expect(screen.getByRole('slider', { name: 'Год' })).toHaveAttribute('aria-valuetext', '2020');
    expect(screen.getByRole('button', { name: /Воспроизвести/ })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Найти регион или город' })).toBeVisible();
    expect(screen.getByRole('img', { name: 'Карта' })).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'Регион' })).toHaveTextContent(/Выберите регион/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a loading message and no map while the data loads', () => {
    renderApp({}, { status: 'loading' });
    expect(screen.getByText('Загрузка карты…')).toBeVisible();
    expect(screen.queryByRole('img', { name: 'Карта' })).not.toBeInTheDocument();
    expect(screen.queryByRole('slider')).not.toBeInTheDocument();
  });

  it('offers a retry when the data fails to load', async () => {
    const { onRetry } = renderApp({}, { status: 'error', message: 'data/dataset.json: HTTP 404' });
    expect(screen.getByRole('alert')).toHaveTextContent('Не удалось загрузить данные: data/dataset.json: HTTP 404');
    expect(screen.queryByRole('img', { name: 'Карта' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('clears the selection with Escape', async () => {
    const { store } = renderApp({ region: 'RU-KRS' });
    expect(screen.getByRole('heading', { name: 'Курская область' })).toBeVisible();
    screen.getByRole('img', { name: 'Карта' }).focus();
    await userEvent.keyboard('{Escape}');
    expect(store.getState().selection).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Курская область' })).not.toBeInTheDocument();
  });

  it('steps the year with the arrow keys anywhere in the app outside a text field', async () => {
    const { store } = renderApp({ year: 2020 });
    screen.getByRole('button', { name: /Воспроизвести/ }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(store.getState().year).toBe(2021);
    expect(screen.getByRole('slider', { name: 'Год' })).toHaveAttribute('aria-valuetext', '2021');
    await userEvent.keyboard('{Home}');
    expect(store.getState().year).toBe(2016);
  });

  it('leaves the arrow keys on the map to the map (they pan it)', async () => {
    const { store } = renderApp({ year: 2020 });
    screen.getByRole('img', { name: 'Карта' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(store.getState().year).toBe(2020);
  });

  it('steps one year, not two, when the key is pressed on the slider itself', async () => {
    const { store } = renderApp({ year: 2020 });
    screen.getByRole('slider', { name: 'Год' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(store.getState().year).toBe(2021);
  });

  it('leaves the year alone while typing in the search box', async () => {
    const { store } = renderApp({ year: 2020 });
    await userEvent.type(
      screen.getByRole('combobox', { name: 'Найти регион или город' }),
      'Курск{ArrowLeft}{ArrowRight}{Home}{End}',
    );
    expect(store.getState().year).toBe(2020);
  });

  it('closes the search list on Escape without clearing the selection', async () => {
    const { store } = renderApp({ region: 'RU-KRS' });
    const search = screen.getByRole('combobox', { name: 'Найти регион или город' });
    await userEvent.type(search, 'Гродн');
    expect(search).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    expect(search).toHaveAttribute('aria-expanded', 'false');
    expect(store.getState().selection).toBe('RU-KRS');
  });
});
