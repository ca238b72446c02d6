// Presenter mode in a real browser (issue 5): a clicker's keys step the story and, with it, the year;
// the projector theme is on; the button enters full screen; nothing leaves the origin.
// Story steps come from data/story.json (12 steps, 2016 → 2024).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import story from '../../data/story.json';
import { type AppPage, NO_PROBLEMS, openApp, problemsOf, withGuardedPages } from './harness';

let app: AppPage;
withGuardedPages('presenter', (a) => (app = a), { viewport: { width: 1024, height: 700 } });

const presenter = (page: Page) => page.getByRole('region', { name: /^Presentation/u });
/** What the presenter shows: step id, step counter, the big year, and the year in the address bar. */
const shown = async (page: Page) => ({
  step: await presenter(page).getAttribute('data-step'),
  count: await presenter(page).locator('.byru-presenter-count').textContent(),
  year: await presenter(page).locator('.byru-presenter-year').textContent(),
  urlYear: new URL(page.url()).searchParams.get('year') ?? '2024',
});
const expected = (i: number) => {
  const step = story.steps[i];
  if (!step) throw new Error(`no step ${i}`);
  return {
    step: step.id,
    count: `Step ${i + 1} of ${story.steps.length}`,
    year: String(step.year),
    urlYear: String(step.year),
  };
};

describe('presenter mode', () => {
  test('clicker keys step the story and the year, captions cite sources, the projector theme is on', async () => {
    const { page } = app;
    await openApp(page, 'present=1&lang=en');
    await expect.poll(() => shown(page)).toEqual(expected(0));
    expect(await page.locator('.byru-app').getAttribute('data-theme')).toBe('projector');
    expect(await presenter(page).locator('.byru-presenter-text').textContent()).toBe(story.steps[0]?.caption.en);
    // The caption cites its sources by title, not by id.
    const sources = await presenter(page).locator('cite').allTextContents();
    expect(sources).toHaveLength(story.steps[0]?.sources.length ?? 0);
    // Cited by the page's own title, in its language (the publisher in the reader's).
    expect(sources.join(' ')).toContain('III Форум регионов Беларуси и России');

    // A clicker sends PageDown / PageUp; arrows and Space work too. Keys go to whatever has focus.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('PageDown');
    await expect.poll(() => shown(page)).toEqual(expected(1));
    await page.keyboard.press('PageDown');
    await expect.poll(() => shown(page)).toEqual(expected(2));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shown(page)).toEqual(expected(3));
    await page.keyboard.press('Space');
    await expect.poll(() => shown(page)).toEqual(expected(4));
    await page.keyboard.press('PageUp');
    await expect.poll(() => shown(page)).toEqual(expected(3));
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => shown(page)).toEqual(expected(2));
    // The step's selection is applied: Minsk (a city) in step 3.
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe(story.steps[2]?.selection);
    await page.keyboard.press('End');
    const last = story.steps.length - 1;
    await expect.poll(() => shown(page)).toEqual(expected(last));
    // Past the end it stays on the last step.
    await page.keyboard.press('PageDown');
    await expect.poll(() => shown(page)).toEqual(expected(last));

    // Autoplay toggles, and a key press pauses it.
    const autoplay = presenter(page).getByRole('button', { name: 'Autoplay' });
    await page.keyboard.press('Home');
    await expect.poll(() => shown(page)).toEqual(expected(0));
    await autoplay.click();
    await expect
      .poll(() => presenter(page).getByRole('button', { name: 'Pause' }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.keyboard.press('PageDown');
    await expect
      .poll(() => presenter(page).getByRole('button', { name: 'Autoplay' }).getAttribute('aria-pressed'))
      .toBe('false');

    // Exit leaves presenter mode and its theme.
    await presenter(page).getByRole('button', { name: 'Exit the presentation' }).click();
    await expect.poll(() => presenter(page).count()).toBe(0);
    expect(await page.locator('.byru-app').getAttribute('data-theme')).toBeNull();
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('the Present button enters full screen and the presenter; the map still draws', async () => {
    const { page } = app;
    await openApp(page, 'lang=en&year=2021');
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => shown(page)).toEqual(expected(0));
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.classList.contains('byru-app') ?? false))
      .toBe(true);
    // Minimal controls: no search, no timeline, no side panel while presenting.
    expect(await page.getByRole('combobox').isVisible()).toBe(false);
    expect(await page.getByRole('slider').isVisible()).toBe(false);
    await page.keyboard.press('PageDown');
    await expect.poll(() => shown(page)).toEqual(expected(1));
    await expect
      .poll(() => page.locator('[data-testid="map"]').getAttribute('data-map-state'), { timeout: 30_000 })
      .toBe('idle');
    await presenter(page).getByRole('button', { name: 'Exit the presentation' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });
});
