// @vitest-environment jsdom
// Failure isolation: a panel that throws shows a short translated message in its place, and the rest
// of the app keeps working.
import { readFileSync } from 'node:fs';
import type { ReactNode } from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import { createAppStore, type LoadState } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import { App } from '../../src/ui/App';
import { ErrorBoundary, PanelBoundary } from '../../src/ui/ErrorBoundary';
import { renderWithStore } from './renderWithStore';

const READY: LoadState = {
  status: 'ready',
  geo: decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8'))),
  dataset: decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8'))),
};

/** A component that throws while rendering, while `failing.now` is true. */
function createFailing() {
  const failing = { now: true };
  function Failing({ label = 'работает' }: { label?: string }) {
    if (failing.now) throw new Error('injected failure');
    return <p>{label}</p>;
  }
  return { failing, Failing };
}

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  // React reports every caught error on the console; the tests check what the reader sees instead.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

describe('PanelBoundary', () => {
  it('shows a short message in place of a panel that throws, and the panel beside it keeps working', () => {
    const { Failing } = createFailing();
    renderWithStore(
      <>
        <section aria-label="первая">
          <PanelBoundary>
            <Failing />
          </PanelBoundary>
        </section>
        <section aria-label="вторая">
          <PanelBoundary>
            <p>соседняя панель</p>
          </PanelBoundary>
        </section>
      </>,
    );
    const first = screen.getByRole('region', { name: 'первая' });
    expect(within(first).getByRole('alert')).toHaveTextContent('Эту часть страницы не удалось показать.');
    expect(within(screen.getByRole('region', { name: 'вторая' })).getByText('соседняя панель')).toBeVisible();
    expect(consoleError).toHaveBeenCalled();
  });

  it.each([
    ['ru', 'Эту часть страницы не удалось показать.', 'Попробовать снова'],
    ['be', 'Гэтую частку старонкі не ўдалося паказаць.', 'Паспрабаваць зноў'],
    ['en', 'This part of the page could not be shown.', 'Try again'],
  ] as const)('says so in the reader’s language (%s)', (lang, message, retry) => {
    const { Failing } = createFailing();
    renderWithStore(
      <PanelBoundary>
        <Failing />
      </PanelBoundary>,
      { lang },
    );
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: retry })).toBeVisible();
  });

  it('follows a language change while the message is shown', () => {
    const { Failing } = createFailing();
    const { store } = renderWithStore(
      <PanelBoundary>
        <Failing />
      </PanelBoundary>,
    );
    act(() => store.getState().setLang('en'));
    expect(screen.getByRole('alert')).toHaveTextContent('This part of the page could not be shown.');
  });

  it('renders the panel again when the reader asks to try again', async () => {
    const { failing, Failing } = createFailing();
    renderWithStore(
      <PanelBoundary>
        <Failing />
      </PanelBoundary>,
    );
    failing.now = false;
    await userEvent.click(screen.getByRole('button', { name: 'Попробовать снова' }));
    expect(screen.getByText('работает')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('tries again by itself when the state it watches changes (a region panel and a new selection)', () => {
    const { failing, Failing } = createFailing();
    const { store } = renderWithStore(
      <PanelBoundary resetOn={(s) => s.selection}>
        <Failing />
      </PanelBoundary>,
      { region: 'RU-KRS' },
    );
    expect(screen.getByRole('alert')).toBeVisible();
    failing.now = false;
    act(() => store.getState().select('BY-HR'));
    expect(screen.getByText('работает')).toBeVisible();
  });
});

describe('ErrorBoundary', () => {
  it('hands each caught error to onError once and renders the fallback', () => {
    const { Failing } = createFailing();
    const onError = vi.fn();
    render(
      <ErrorBoundary fallback={() => <p>запасной вид</p>} onError={onError}>
        <Failing />
      </ErrorBoundary>,
    );
    expect(screen.getByText('запасной вид')).toBeVisible();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toEqual(new Error('injected failure'));
  });
});

describe('App with a failing panel', () => {
  function renderApp(map: ReactNode) {
    const store = createAppStore({ ...DEFAULT_CONFIG, year: 2020, region: 'RU-KRS' });
    store.getState().setLoad(READY);
    render(
      <StoreContext.Provider value={store}>
        <App map={map} onRetry={() => undefined} />
      </StoreContext.Provider>,
    );
    return { store };
  }

  it('keeps the timeline and the region panel working when the map throws', async () => {
    const { Failing } = createFailing();
    const { store } = renderApp(<Failing />);

    expect(screen.getByRole('alert')).toHaveTextContent('Эту часть страницы не удалось показать.');
    const slider = screen.getByRole('slider', { name: 'Год' });
    expect(slider).toHaveAttribute('aria-valuetext', '2020');
    slider.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(slider).toHaveAttribute('aria-valuetext', '2021');
    expect(store.getState().year).toBe(2021);
    expect(screen.getByRole('complementary', { name: 'Регион' })).toHaveTextContent(/Курская/);
  });
});
