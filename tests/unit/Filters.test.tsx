// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LINK_KINDS } from '../../src/data/types';
import { Filters } from '../../src/ui/Filters';
import { renderWithStore } from './renderWithStore';

const LABELS = {
  agreement: 'Соглашение',
  sister: 'Города-побратимы',
  project: 'Совместный проект',
  body: 'Совместный орган',
} as const;

/** The line sample drawn beside a kind's checkbox: decorative (aria-hidden), so it has no role to query by. */
function sampleOf(checkbox: HTMLElement): SVGPathElement | null {
  return checkbox.closest('label')?.querySelector('svg path') ?? null;
}

describe('Filters', () => {
  it('has every kind switched on by default', () => {
    renderWithStore(<Filters />);
    expect(screen.getByRole('group', { name: 'Виды связей' })).toBeInTheDocument();
    for (const kind of LINK_KINDS) expect(screen.getByRole('checkbox', { name: LABELS[kind] })).toBeChecked();
  });

  it('removes sister cities from the shown kinds when unchecked', async () => {
    const { store } = renderWithStore(<Filters />);
    const sister = screen.getByRole('checkbox', { name: 'Города-побратимы' });
    await userEvent.click(sister);
    expect(sister).not.toBeChecked();
    expect(store.getState().kinds).toEqual(['agreement', 'project', 'body']);
    await userEvent.click(sister);
    expect(store.getState().kinds).toEqual([...LINK_KINDS]);
  });

  it('reflects kinds given by the URL', () => {
    renderWithStore(<Filters />, { kinds: ['agreement', 'sister'] });
    expect(screen.getByRole('checkbox', { name: 'Совместный проект' })).not.toBeChecked();
  });

  it('shows a visible line sample beside each label, told apart by more than colour', () => {
    renderWithStore(<Filters />);
    const looks = LINK_KINDS.map((kind) => {
      const checkbox = screen.getByRole('checkbox', { name: LABELS[kind] });
      expect(screen.getByText(LABELS[kind])).toBeVisible();
      const sample = sampleOf(checkbox);
      expect(sample, `line sample of ${kind}`).not.toBeNull();
      expect(sample).toBeVisible();
      return `${sample?.getAttribute('stroke-dasharray')} ${sample?.getAttribute('stroke-width')}`;
    });
    expect(new Set(looks).size, looks.join(' | ')).toBe(LINK_KINDS.length);
  });
});
