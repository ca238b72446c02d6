// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_DISPLAY } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { decodeDetails, mergeDetails } from '../../src/data/details';
import { decodeTopology } from '../../src/data/topology';
import { createAppStore, type LoadState } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import { STORY } from '../../src/scene/storyData';
import { citeSource, Presenter, STEP_MS, stepForKey } from '../../src/ui/Presenter';

const READY: LoadState = {
  status: 'ready',
  geo: decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8'))),
  // The dataset once its details are there (sources' titles come with them).
  dataset: decodeDataset(
    mergeDetails(
      JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as object,
      decodeDetails(JSON.parse(readFileSync('public/data/details.json', 'utf8'))),
    ),
  ),
};
const steps = STORY.steps;
const step = (i: number) => {
  const s = steps[i];
  if (!s) throw new Error(`no step ${i}`);
  return s;
};

function renderPresenter(lang: 'ru' | 'be' | 'en' = 'en') {
  const store = createAppStore({ ...DEFAULT_CONFIG, lang }, { ...DEFAULT_DISPLAY, present: true });
  store.getState().setLoad(READY);
  render(
    <StoreContext.Provider value={store}>
      <input aria-label="Other field" />
      <Presenter />
    </StoreContext.Provider>,
  );
  return { store };
}

const press = (key: string, target: Element = document.body) => act(() => void fireEvent.keyDown(target, { key }));
const counter = () => screen.getByText(/^Step \d+ of \d+$/u).textContent;

afterEach(() => {
  vi.useRealTimers();
});

describe('stepForKey', () => {
  it.each([
    ['PageDown', 3, 4],
    ['ArrowRight', 3, 4],
    [' ', 3, 4],
    ['PageUp', 3, 2],
    ['ArrowLeft', 0, 0],
    ['PageDown', 11, 11],
    ['Home', 5, 0],
    ['End', 5, 11],
    ['x', 5, null],
  ])('%j from step %i of 12 goes to %j', (key, from, to) => {
    expect(stepForKey(12, from, key)).toBe(to);
  });
});

// Renders the app with the real dataset: slow under a loaded machine, hence the longer timeout.
describe('Presenter', { timeout: 20_000 }, () => {
  it('shows the first step: year, caption in the interface language and its sources by title', () => {
    const { store } = renderPresenter('be');
    expect(screen.getByRole('region', { name: /^Прэзентацыя/u })).toBeVisible();
    expect(screen.getByText(step(0).caption.be)).toBeVisible();
    expect(store.getState()).toMatchObject({ year: step(0).year, selection: step(0).selection });
    expect(store.getState().fit).toEqual({ bounds: step(0).view });
    const cites = screen.getAllByText((_, el) => el?.tagName === 'CITE').map((c) => c.textContent);
    expect(cites).toEqual(
      step(0).sources.map((id) => citeSource(READY.status === 'ready' ? READY.dataset : null, id, 'be')),
    );
    expect(cites.join()).not.toContain('web-mosty-zara-forum-2016');
    // The page's own title in its language, then the publisher in the reader's.
    expect(cites[0]).toMatch(/^III Форум регионов Беларуси и России проходит в Минске — Мастоўская раённая газета/u);
  });

  it('steps the story and the year with a clicker’s keys, wherever focus is', () => {
    const { store } = renderPresenter();
    press('PageDown');
    expect(counter()).toBe(`Step 2 of ${steps.length}`);
    press('ArrowRight', screen.getByRole('button', { name: 'Autoplay' }));
    press(' ');
    expect(store.getState().year).toBe(step(3).year);
    expect(screen.getByText(step(3).caption.en)).toBeVisible();
    press('PageUp');
    press('ArrowLeft');
    expect(store.getState()).toMatchObject({ year: step(1).year, selection: step(1).selection });
    press('End');
    expect(store.getState().year).toBe(2024);
    press('Home');
    expect(store.getState().year).toBe(2016);
  });

  it('leaves keys typed into a field alone', () => {
    const { store } = renderPresenter();
    press('PageDown', screen.getByRole('textbox', { name: 'Other field' }));
    expect(counter()).toBe(`Step 1 of ${steps.length}`);
    expect(store.getState().year).toBe(step(0).year);
  });

  it('has previous and next buttons, disabled at the ends', async () => {
    const user = userEvent.setup();
    renderPresenter();
    expect(screen.getByRole('button', { name: /Previous/u })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /Next/u }));
    expect(counter()).toBe(`Step 2 of ${steps.length}`);
  });

  it('plays the steps on a timer, pauses, and stops at the last step', () => {
    vi.useFakeTimers();
    const { store } = renderPresenter();
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Autoplay' })));
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
    act(() => void vi.advanceTimersByTime(STEP_MS));
    expect(counter()).toBe(`Step 2 of ${steps.length}`);
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Pause' })));
    act(() => void vi.advanceTimersByTime(STEP_MS * 3));
    expect(counter()).toBe(`Step 2 of ${steps.length}`);
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Autoplay' })));
    for (let i = 0; i < steps.length + 2; i++) act(() => void vi.advanceTimersByTime(STEP_MS));
    expect(counter()).toBe(`Step ${steps.length} of ${steps.length}`);
    expect(store.getState().year).toBe(2024);
    expect(screen.getByRole('button', { name: 'Autoplay' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('a key press pauses autoplay', () => {
    vi.useFakeTimers();
    renderPresenter();
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Autoplay' })));
    press('PageDown');
    expect(screen.getByRole('button', { name: 'Autoplay' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('Esc and the exit button leave presenter mode', () => {
    const { store } = renderPresenter();
    press('Escape');
    expect(store.getState().presenting).toBe(false);
    act(() => store.getState().setPresenting(true));
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Exit the presentation' })));
    expect(store.getState().presenting).toBe(false);
  });
});
