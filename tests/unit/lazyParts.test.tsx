// @vitest-environment jsdom
// Parts loaded on first use (the Share dialog, presenter mode) whose code does not arrive: the part
// shows a message with a retry in its own place; the map and the timeline stay. The chunk download
// is the outer boundary, so the module import is what fails here.
import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import { createAppStore, type LoadState } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import { App } from '../../src/ui/App';
import { PanelBoundary } from '../../src/ui/ErrorBoundary';

/** While true, the two lazily loaded modules fail to load, as a chunk would when the network drops. */
const network = vi.hoisted(() => ({ down: true, imports: 0 }));
const chunkError = () => new TypeError('Failed to fetch dynamically imported module');
vi.mock('../../src/ui/ShareDialog', async (importOriginal) => {
  network.imports++;
  if (network.down) throw chunkError();
  return importOriginal();
});
vi.mock('../../src/ui/Presenter', async (importOriginal) => {
  network.imports++;
  if (network.down) throw chunkError();
  return importOriginal();
});

// Rendering the whole app in jsdom takes seconds on a busy machine.
const SLOW = 30_000;
const WAIT = { timeout: 10_000 };

const READY: LoadState = {
  status: 'ready',
  geo: decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8'))),
  dataset: decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8'))),
};

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  network.down = true;
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

/** The app as mount renders it (with its outer boundary), a stand-in map, data loaded. */
function showApp() {
  const store = createAppStore({ ...DEFAULT_CONFIG, year: 2020 });
  store.getState().setLoad(READY);
  render(
    <StoreContext.Provider value={store}>
      <PanelBoundary>
        <App map={<p>карта</p>} onRetry={() => undefined} />
      </PanelBoundary>
    </StoreContext.Provider>,
  );
  return store;
}

/** The map and the timeline are still there and the timeline still works. */
async function expectMapAndTimelineStay(): Promise<void> {
  expect(screen.getByText('карта')).toBeVisible();
  const slider = screen.getByRole('slider', { name: 'Год' });
  expect(slider).toHaveAttribute('aria-valuetext', '2020');
}

// A module, once downloaded, stays downloaded for the rest of this file: each part's test that
// needs it to fail comes before the one that downloads it.
describe('a lazily loaded part that fails to load', () => {
  it(
    'Share: a message with a retry in its place; the map and the timeline stay; retry opens the dialog',
    async () => {
      showApp();
      await userEvent.click(screen.getByRole('button', { name: 'Поделиться' }));
      const alert = await screen.findByRole('alert', undefined, WAIT);
      expect(alert).toHaveTextContent('Эту часть страницы не удалось показать.');
      await expectMapAndTimelineStay();
      network.down = false;
      await userEvent.click(within(alert).getByRole('button', { name: 'Попробовать снова' }));
      expect(await screen.findByRole('dialog', { name: 'Поделиться, встроить, скачать' }, WAIT)).toBeVisible();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    },
    SLOW,
  );

  it(
    'Present: the way out leaves presenter mode, and the next Present downloads the code again',
    async () => {
      const store = showApp();
      await userEvent.click(screen.getByRole('button', { name: 'Презентация' }));
      const alert = await screen.findByRole('alert', undefined, WAIT);
      const tried = network.imports;
      await userEvent.click(within(alert).getByRole('button', { name: 'Выйти из презентации' }));
      expect(store.getState().presenting).toBe(false);
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      await expectMapAndTimelineStay();
      // (Still offline: what matters is that the failed download is not kept and is tried again.)
      await userEvent.click(screen.getByRole('button', { name: 'Презентация' }));
      expect(await screen.findByRole('alert', undefined, WAIT)).toBeVisible();
      expect(network.imports).toBe(tried + 1);
    },
    SLOW,
  );
  it(
    'Present: a message with a retry and a way out; the map and the timeline stay; retry starts the presentation',
    async () => {
      const store = showApp();
      await userEvent.click(screen.getByRole('button', { name: 'Презентация' }));
      const alert = await screen.findByRole('alert', undefined, WAIT);
      await expectMapAndTimelineStay();
      network.down = false;
      await userEvent.click(within(alert).getByRole('button', { name: 'Попробовать снова' }));
      expect(
        await screen.findByRole('region', { name: 'Презентация: сотрудничество регионов, 2016–2024' }, WAIT),
      ).toBeVisible();
      expect(store.getState().presenting).toBe(true);
    },
    SLOW,
  );
});
