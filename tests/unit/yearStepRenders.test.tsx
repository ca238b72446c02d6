// @vitest-environment jsdom
// A year step re-renders only the components whose inputs change with the year, counted with React's
// Profiler (one per component): the timeline, the legend's title, the year's panels and the SVG map;
// not the kind filters, the language switcher, the search box or the hover label.
import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Fragment, Profiler, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import { PALETTES } from '../../src/scene/palette';
import { createAppStore } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import { DataTable } from '../../src/ui/DataTable';
import { Filters } from '../../src/ui/Filters';
import { FiguresPanel } from '../../src/ui/FiguresPanel';
import { HoverLabel } from '../../src/ui/HoverLabel';
import { LanguageSwitcher } from '../../src/ui/LanguageSwitcher';
import { Legend } from '../../src/ui/Legend';
import { MapView } from '../../src/ui/MapView';
import { SearchBox } from '../../src/ui/SearchBox';
import { Timeline } from '../../src/ui/Timeline';
import { PanelYearProvider } from '../../src/ui/usePanelYear';
import { YearSummary } from '../../src/ui/YearSummary';

const geo = decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')));
const dataset = decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8')));

function renderCounted({ provider = false, onCommit = (_id: string): void => undefined } = {}) {
  const store = createAppStore({ ...DEFAULT_CONFIG, year: 2020 });
  store.getState().setLoad({ status: 'ready', geo, dataset });
  const updates = new Map<string, number>();
  /** Ids in the order their updates were committed. */
  const order: string[] = [];
  const counted = (id: string, node: ReactNode) => (
    <Profiler
      id={id}
      onRender={(_, phase) => {
        if (phase === 'mount') return;
        updates.set(id, (updates.get(id) ?? 0) + 1);
        order.push(id);
        onCommit(id);
      }}
    >
      {node}
    </Profiler>
  );
  const Wrap = provider ? PanelYearProvider : Fragment;
  render(
    <StoreContext.Provider value={store}>
      <Wrap>
        {counted('timeline', <Timeline years={dataset.years} />)}
        {counted('legend', <Legend />)}
        {counted('filters', <Filters />)}
        {counted('language', <LanguageSwitcher />)}
        {counted('search', <SearchBox />)}
        {counted('hover', <HoverLabel />)}
        {counted('summary', <YearSummary />)}
        {counted('figures', <FiguresPanel />)}
        {counted('table', <DataTable />)}
        {counted('map', <MapView store={store} palette={PALETTES.light} webgl={() => false} />)}
      </Wrap>
    </StoreContext.Provider>,
  );
  updates.clear();
  order.length = 0;
  return { store, updates, order };
}

describe('a year step', () => {
  it('re-renders the components that show the year, once each, and no other', () => {
    const { store, updates } = renderCounted();
    act(() => store.getState().setYear(2021));
    expect(Object.fromEntries(updates)).toEqual({
      timeline: 1,
      legend: 1,
      summary: 1,
      figures: 1,
      table: 1,
      map: 1,
    });
  });

  it('in the app (its panel-year provider), paints the timeline and the map first; the panels follow', async () => {
    const yearsShown = () =>
      new Set(
        [...screen.queryAllByRole('heading', { level: 2 }), ...screen.queryAllByText(/^Таблица/u)].map(
          (el) => el.textContent?.match(/20\d\d/u)?.[0],
        ),
      );
    // What the page shows when the key's own commit reaches the map (React's Profiler does not report
    // the panels' later commit: a context update reaches them past it).
    let atMapCommit: Set<string | undefined> | null = null;
    const { store, order } = renderCounted({
      provider: true,
      onCommit: (id) => {
        if (id === 'map' && atMapCommit === null) atMapCommit = yearsShown();
      },
    });
    expect(yearsShown()).toEqual(new Set(['2020']));
    // The reader's key on the slider: a discrete event, as in the browser.
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'ArrowRight' });
    await act(async () => undefined);
    expect(store.getState().year).toBe(2021);
    expect(order.slice(0, 2)).toEqual(['timeline', 'map']);
    expect(atMapCommit, 'the panels when the map shows 2021').toEqual(new Set(['2020']));
    expect(yearsShown(), 'the panels after their transition').toEqual(new Set(['2021']));
  });

  it('re-renders nothing for a year that is already shown', () => {
    const { store, updates } = renderCounted();
    act(() => store.getState().setYear(2020));
    expect(updates.size).toBe(0);
  });
});
