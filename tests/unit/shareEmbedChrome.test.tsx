// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_DISPLAY, type DisplayConfig } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import { createAppStore, type LoadState } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import { App } from '../../src/ui/App';

const READY: LoadState = {
  status: 'ready',
  geo: decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8'))),
  dataset: decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8'))),
};
const APP = 'https://maps.example.org/by-ru/';

function renderApp(display: Partial<DisplayConfig>) {
  const store = createAppStore({ ...DEFAULT_CONFIG, year: 2019, lang: 'en' }, { ...DEFAULT_DISPLAY, ...display });
  store.getState().setLoad(READY);
  render(
    <StoreContext.Provider value={store}>
      <App map={<div data-testid="map" role="img" aria-label="Map" />} onRetry={() => undefined} appUrl={APP} />
    </StoreContext.Provider>,
  );
  // The modes and the theme live on the app root, which has no role to query it by.
  return { store, root: document.querySelector('.byru-app') };
}

// Renders the app with the real dataset: slow under a loaded machine, hence the longer timeout.
describe('embed chrome and flags', { timeout: 20_000 }, () => {
  it('the full page has Share and Present in its header and the downloads in its footer', () => {
    const { root } = renderApp({});
    expect(screen.getByRole('button', { name: 'Share' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Present' })).toBeVisible();
    expect(screen.getByText('Download the data')).toBeInTheDocument();
    expect(root).not.toHaveAttribute('data-theme');
  });

  it('an embed keeps title, year, legend and sources, with Share and a link to the full map at the same view', () => {
    const { root } = renderApp({ embed: true });
    expect(root).toHaveClass('is-embed');
    expect(screen.getByRole('heading', { level: 1 })).toBeVisible();
    expect(screen.getByRole('slider', { name: 'Year' })).toHaveAttribute('aria-valuetext', '2019');
    expect(screen.getByText(/^Russia's regions: closest tie with Belarus sourced here by 2019/u)).toBeVisible();
    expect(screen.getByText(/^Sources:/u)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Open the full map' })).toHaveAttribute('href', `${APP}?year=2019&lang=en`);
    expect(screen.getByRole('button', { name: 'Share' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Present' })).not.toBeInTheDocument();
    expect(screen.queryByText('Download the data')).not.toBeInTheDocument();
  });

  it('plain drops header and footer; theme sets data-theme', () => {
    const { root } = renderApp({ embed: true, plain: true, theme: 'dark' });
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(screen.queryByText(/^Sources:/u)).not.toBeInTheDocument();
    expect(root).toHaveAttribute('data-theme', 'dark');
  });

  it('static has no timeline controls but still shows the year, and ignores year keys', () => {
    const { store } = renderApp({ embed: true, static: true });
    expect(screen.queryByRole('slider')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Play/u })).not.toBeInTheDocument();
    expect(screen.getByText('2019', { selector: '.byru-static-year' })).toBeVisible();
    fireEvent.keyDown(screen.getByRole('heading', { level: 1 }), { key: 'ArrowRight' });
    expect(store.getState().year).toBe(2019);
  });

  it('presenting switches to the projector theme and shows the story', async () => {
    const { root } = renderApp({ present: true, theme: 'dark' });
    expect(root).toHaveAttribute('data-theme', 'projector');
    expect(root).toHaveClass('is-presenting');
    expect(await screen.findByRole('region', { name: /^Presentation/u }, { timeout: 10_000 })).toBeVisible();
  });
});
