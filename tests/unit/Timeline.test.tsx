// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Timeline } from '../../src/ui/Timeline';
import { usePlayback } from '../../src/ui/usePlayback';
import { useAppStore } from '../../src/state/StoreContext';
import { renderWithStore } from './renderWithStore';

const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

function Player() {
  usePlayback(useAppStore(), YEARS);
  return <Timeline years={YEARS} />;
}

afterEach(() => vi.useRealTimers());

describe('Timeline', () => {
  it('shows the year on a slider indexed by year', () => {
    renderWithStore(<Timeline years={YEARS} />, { year: 2019 });
    const slider = screen.getByRole('slider', { name: 'Год' });
    expect(slider).toHaveValue('3');
    expect(slider).toHaveAttribute('aria-valuetext', '2019');
  });

  it.each([
    ['{ArrowRight}', 2020],
    ['{ArrowLeft}', 2018],
    ['{Home}', 2016],
    ['{End}', 2024],
    ['{PageUp}', 2022],
    ['{PageDown}', 2016],
  ])('steps the year with %s', async (keys, expected) => {
    const { store } = renderWithStore(<Timeline years={YEARS} />, { year: 2019 });
    screen.getByRole('slider').focus();
    await userEvent.keyboard(keys);
    expect(store.getState().year).toBe(expected);
  });

  it('sets the year when the slider is dragged', () => {
    const { store } = renderWithStore(<Timeline years={YEARS} />, { year: 2019 });
    fireEvent.change(screen.getByRole('slider'), { target: { value: '1' } });
    expect(store.getState().year).toBe(2017);
  });

  it('plays year by year and stops at the last year', async () => {
    vi.useFakeTimers();
    const { store } = renderWithStore(<Player />, { year: 2022 });
    fireEvent.click(screen.getByRole('button', { name: /Воспроизвести/ }));
    expect(store.getState().playing).toBe(true);
    await act(async () => void vi.advanceTimersByTime(1500));
    expect(store.getState().year).toBe(2023);
    await act(async () => void vi.advanceTimersByTime(1500));
    expect(store.getState().year).toBe(2024);
    expect(store.getState().playing).toBe(false);
    await act(async () => void vi.advanceTimersByTime(5000));
    expect(store.getState().year).toBe(2024);
    expect(screen.getByRole('button', { name: /Воспроизвести/ })).toBeInTheDocument();
  });

  it('restarts from the first year when play is pressed at the end', () => {
    const { store } = renderWithStore(<Timeline years={YEARS} />, { year: 2024 });
    fireEvent.click(screen.getByRole('button', { name: /Воспроизвести/ }));
    expect(store.getState().year).toBe(2016);
  });

  it('plays twice as fast at speed 2', async () => {
    vi.useFakeTimers();
    const { store } = renderWithStore(<Player />, { year: 2016 });
    fireEvent.change(screen.getByRole('combobox', { name: /Скорость/ }), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: /Воспроизвести/ }));
    await act(async () => void vi.advanceTimersByTime(750));
    expect(store.getState().year).toBe(2017);
  });

  it('leaves loop off by default', () => {
    renderWithStore(<Timeline years={YEARS} />);
    expect(screen.getByRole('checkbox', { name: /Повтор/ })).not.toBeChecked();
  });
});
