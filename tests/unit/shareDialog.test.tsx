// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_DISPLAY } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { deferDetails } from '../../src/data/detailsLoader';
import { decodeTopology } from '../../src/data/topology';
import { createAppStore, type LoadState } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import { ShareButton } from '../../src/ui/ShareButton';
import { readCompleteDataset } from './compiledDataset';

// The first-view dataset, as the app loads it: its quotes come from details.json when asked for.
const firstView = decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8')));
deferDetails(firstView, async () => JSON.parse(readFileSync('public/data/details.json', 'utf8')));
const READY: LoadState = {
  status: 'ready',
  geo: decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8'))),
  dataset: firstView,
};
const APP = 'https://maps.example.org/by-ru/';

function renderShare(snapshot?: () => Promise<HTMLCanvasElement>) {
  const store = createAppStore(
    { ...DEFAULT_CONFIG, year: 2020, region: 'RU-KRS', lang: 'en' },
    { ...DEFAULT_DISPLAY, theme: 'dark' },
  );
  store.getState().setLoad(READY);
  const onAppKey = vi.fn();
  render(
    <StoreContext.Provider value={store}>
      {/* The app root listens for year keys and Esc; the dialog must keep its keys to itself. */}
      <div onKeyDown={onAppKey}>
        <ShareButton appUrl={APP} snapshot={snapshot} />
      </div>
    </StoreContext.Provider>,
  );
  return { store, onAppKey, user: userEvent.setup() };
}

afterEach(() => vi.restoreAllMocks());

// Renders the app with the real dataset: slow under a loaded machine, hence the longer timeout.
describe('the share dialog', { timeout: 20_000 }, () => {
  it('opens as a labelled modal with focus on the link to the current view', async () => {
    const { user } = renderShare();
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByRole('dialog', {}, { timeout: 10_000 });
    // The dialog is loaded on first use: the first import can take a moment.
    const dialog = await screen.findByRole('dialog', { name: 'Share, embed, download' }, { timeout: 10_000 });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const link = screen.getByRole('textbox', { name: 'Link to this view' });
    expect(link).toHaveFocus();
    expect(link).toHaveValue(`${APP}?year=2020&region=RU-KRS&lang=en&theme=dark`);
    expect(screen.getByRole('textbox', { name: 'Auto-height script (once per page)' })).toHaveValue(
      `<script src="${APP}embed.js" async></script>`,
    );
  });

  it('builds the iframe snippet from the state and the chosen options', async () => {
    const { user } = renderShare();
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByRole('dialog', {}, { timeout: 10_000 });
    const snippet = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Embed code (iframe)' });
    expect(snippet.value).toEqual(
      expect.stringContaining(`src="${APP}?year=2020&amp;region=RU-KRS&amp;lang=en&amp;embed=1&amp;theme=dark"`),
    );
    await user.click(screen.getByRole('checkbox', { name: 'No interaction (static)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Without title and footer' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'light');
    expect(snippet.value).toContain('embed=1&amp;theme=light&amp;plain=1&amp;static=1"');
  });

  it('keeps Tab inside the dialog, in both directions', async () => {
    const { user } = renderShare();
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByRole('dialog', {}, { timeout: 10_000 });
    const close = screen.getByRole('button', { name: 'Close' });
    const csv = screen.getByRole('button', { name: 'Data for 2020 (CSV)' });
    csv.focus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(csv).toHaveFocus();
  });

  it('closes on Esc without clearing the selection, and gives focus back to the Share button', async () => {
    const { user, store, onAppKey } = renderShare();
    const button = screen.getByRole('button', { name: 'Share' });
    await user.click(button);
    await screen.findByRole('dialog', {}, { timeout: 10_000 });
    await user.keyboard('{ArrowRight}{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(onAppKey).not.toHaveBeenCalled();
    expect(store.getState().selection).toBe('RU-KRS');
  });

  it('copies a snippet and says so', async () => {
    const { user } = renderShare();
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByRole('dialog', {}, { timeout: 10_000 });
    const write = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getAllByRole('button', { name: 'Copy' })[0] as HTMLElement);
    expect(write).toHaveBeenCalledWith(`${APP}?year=2020&region=RU-KRS&lang=en&theme=dark`);
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });

  it('downloads the year as CSV; offers the PNG only when the map can be drawn', async () => {
    const created = vi.fn((_b: Blob) => 'blob:csv');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderShare();
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByRole('dialog', {}, { timeout: 10_000 });
    expect(screen.queryByRole('button', { name: /PNG/u })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Data for 2020 (CSV)' }));
    // The rows carry their quotes, which come after the first view: the download waits for them.
    await vi.waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const blob = created.mock.calls[0]?.[0];
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    const text = await new Promise<string>((done) => {
      const reader = new FileReader();
      reader.onload = () => done(String(reader.result));
      reader.readAsText(blob as Blob);
    });
    expect(text).toContain('gov-kursk');
    const quote = readCompleteDataset().links.find((l) => l.id === 'gov-kursk')?.quote ?? '(no quote)';
    expect(text).toContain(quote.slice(0, 40));
  });

  it('reports a failed PNG export instead of throwing', async () => {
    const { user } = renderShare(() => Promise.reject(new Error('the map is not drawn yet')));
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByRole('dialog', {}, { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Image of this view (PNG, 2×)' }));
    expect(await screen.findByText('The image could not be made: the map is not drawn yet')).toBeInTheDocument();
  });
});
