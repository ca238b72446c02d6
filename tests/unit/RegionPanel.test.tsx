// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ViewConfig } from '../../src/config';
import { decodeTopology } from '../../src/data/topology';
import { createAppStore } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import { RegionPanel } from '../../src/ui/RegionPanel';
import { readCompleteDataset } from './compiledDataset';

/** The real compiled dataset and boundaries (`npm run data` writes them), decoded as the app does. */
const READY = {
  status: 'ready' as const,
  geo: decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8'))),
  dataset: readCompleteDataset(),
};

/** The Belarusian oblasts and Minsk with ties to Kursk oblast in force by 2023 (seed 001: kursk-oblast-*). */
const KURSK_OBLAST_PARTNERS = [
  'Гомельская область',
  'Могилёвская область',
  'Гродненская область',
  'Витебская область',
  'г. Минск',
];
const KURSK_PARTNERS = ['Правительство Беларуси', ...KURSK_OBLAST_PARTNERS];

function renderPanel(view: Partial<ViewConfig>) {
  const store = createAppStore({ ...DEFAULT_CONFIG, ...view });
  store.getState().setLoad(READY);
  render(
    <StoreContext.Provider value={store}>
      <RegionPanel />
    </StoreContext.Provider>,
  );
  return { store, panel: screen.getByRole('complementary', { name: 'Регион' }) };
}

/** The panel's list items of the ties with this partner (the partner's name is an item's heading line). */
function linkItems(panel: HTMLElement, partner: string): HTMLElement[] {
  const items = within(panel)
    .getAllByRole('listitem')
    .filter((li) => within(li).queryByText(partner, { selector: 'strong' }) !== null);
  expect(items.length, `ties with ${partner}`).toBeGreaterThan(0);
  return items;
}

describe('RegionPanel', () => {
  it('lists the Belarusian partners of Kursk oblast in 2024', () => {
    const { panel } = renderPanel({ region: 'RU-KRS', year: 2024 });
    expect(within(panel).getByRole('heading', { name: 'Курская область' })).toBeInTheDocument();
    expect(within(panel).getByRole('heading', { name: 'Партнёры в Беларуси' })).toBeInTheDocument();
    for (const partner of KURSK_PARTNERS) {
      for (const item of linkItems(panel, partner)) expect(within(item).queryByText(/позже/)).not.toBeInTheDocument();
    }
  });

  it('marks the links not yet in force in 2019 as later', () => {
    const { panel } = renderPanel({ region: 'RU-KRS', year: 2019 });
    // Gomel oblast is left out: its renewed agreement with Kursk oblast was first signed in 1997.
    for (const partner of KURSK_OBLAST_PARTNERS.filter((p) => p !== 'Гомельская область')) {
      for (const item of linkItems(panel, partner))
        expect(within(item).getByText(/позже 2019 года/)).toBeInTheDocument();
    }
    // Gomel–Kursk (sister cities since 2004), the 2002 agreement, the working group (2017) and Gomel oblast's
    // renewed agreement (first signed 1997) are in force, and the count says so.
    for (const item of linkItems(panel, 'Гомель')) expect(within(item).queryByText(/позже/)).not.toBeInTheDocument();
    expect(within(panel).getByText('Связей к 2019 году: 4')).toBeInTheDocument();
  });

  /** Russian name of a region of the map. */
  const regionName = (code: string): string => READY.geo.regions.find((r) => r.code === code)?.names.ru ?? code;
  /** A tie between an oblast (or Minsk) and a Russian subject that `pick` chooses, from the real data. */
  const oblastTie = (pick: (l: (typeof READY.dataset.links)[number]) => boolean) => {
    const link = READY.dataset.links.find(
      (l) => l.from.startsWith('BY-') && l.from !== 'BY-GOV' && l.to.startsWith('RU-') && pick(l),
    );
    if (!link) throw new Error('the dataset has no such tie');
    return link;
  };

  it("says a link is in force by its source's year, not that it expires then", () => {
    const link = oblastTie((l) => l.status === 'in_force' && l.year === null && (l.inForceBy ?? 0) >= 2016);
    const { panel } = renderPanel({ region: link.to, year: 2024 });
    const texts = linkItems(panel, regionName(link.from)).map((item) => item.textContent ?? '');
    expect(texts.join('\n')).toContain(`дата подписания неизвестна; действует не позднее чем с ${link.inForceBy} года`);
  });

  it('says of an undated link that no source dates it, and not that it is later than the year', () => {
    const link = oblastTie((l) => l.year === null && l.inForceBy === null && l.status === 'signed');
    const { panel } = renderPanel({ region: link.to, year: 2024 });
    const undated = linkItems(panel, regionName(link.from)).filter((item) =>
      item.textContent?.includes('дата подписания неизвестна; источники не указывают, с какого года действует'),
    );
    expect(undated.length).toBeGreaterThan(0);
    for (const item of undated) expect(item).not.toHaveTextContent(/не позднее|позже/);
  });

  it('shows a city with its region', () => {
    const { panel } = renderPanel({ region: 'kursk', year: 2024 });
    expect(within(panel).getByRole('heading', { name: 'Курск' })).toBeInTheDocument();
    expect(within(panel).getByText('Город · Регион: Курская область')).toBeInTheDocument();
    expect(linkItems(panel, 'Гомель')[0]).toHaveTextContent('Города-побратимы');
  });

  it('says "not found" for an id the data does not know', () => {
    const { panel } = renderPanel({ region: 'RU-ZZZ' });
    expect(within(panel).getByRole('status')).toHaveTextContent('Регион или город «RU-ZZZ» не найден.');
    expect(within(panel).queryByRole('heading')).not.toBeInTheDocument();
  });

  it('clears the selection with the close button', async () => {
    const { store, panel } = renderPanel({ region: 'RU-KRS' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Закрыть' }));
    expect(store.getState().selection).toBeNull();
    expect(within(panel).queryByRole('heading', { name: 'Курская область' })).not.toBeInTheDocument();
    expect(within(panel).getByText(/Выберите регион на карте/)).toBeInTheDocument();
  });

  it("reveals a link's quote under its source disclosure", async () => {
    const { panel } = renderPanel({ region: 'RU-KRS', year: 2024 });
    const words = /9 января текущего года подписан План мероприятий/;
    const item = linkItems(panel, 'Правительство Беларуси').find((li) => within(li).queryAllByText(words).length)!;
    // The tie's own source closes its item, after the documents under it (which have theirs).
    const quote = within(item).getAllByText(words).at(-1);
    expect(quote).not.toBeVisible();
    await userEvent.click(within(item).getAllByText('Источник').at(-1)!);
    expect(quote).toBeVisible();
  });
});
