// The story in a real browser (issue 4): keyboard and playback drive the year and the URL follows,
// the search selects a region and the panel lists its partners, the map draws each year's links,
// and the public URL parameters reopen a view or fall back to defaults. Tests of the interface alone
// open the app with `until: 'ready'` (not waiting seconds for the map to draw), to keep the file fast.
// Link ids come from data/links.csv; region names from data/regions.csv.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  type AppPage,
  baseURL,
  linksShown,
  NO_PROBLEMS,
  partnersShown,
  openApp,
  problemsOf,
  recordAttribute,
  waitForMapRedraw,
  withGuardedPages,
} from './harness';

/** Vitebsk oblast – Volgograd oblast road map, signed 16 Feb 2024. */
const SIGNED_2024 = 'vitebsk-oblast-volgograd-oblast';
/** Government of Belarus – Kursk oblast agreement, signed 29 Sep 2020. */
const SIGNED_2020 = 'gov-kursk';
/** Mogilev oblast – Tula oblast agreement, signed 2016. */
const SIGNED_2016 = 'mogilev-oblast-tula-oblast';

let app: AppPage;
withGuardedPages('story', (a) => (app = a));

const param = (page: Page, name: string): string | null => new URL(page.url()).searchParams.get(name);
const yearSlider = (page: Page, name = 'Год') => page.getByRole('slider', { name, exact: true });
const regionPanel = (page: Page) => page.getByTestId('region-panel');

describe('the story in a real browser', () => {
  test('the keyboard steps the year, the URL follows, and Back returns to the previous year', async () => {
    const { page } = app;
    await openApp(page, 'debug=1&year=2020', { until: 'ready' });
    const slider = yearSlider(page);
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('2020');
    await slider.focus();

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => param(page, 'year'), { timeout: 5_000 }).toBe('2021');
    expect(await slider.getAttribute('aria-valuetext')).toBe('2021');

    await page.keyboard.press('Home');
    await expect.poll(() => param(page, 'year'), { timeout: 5_000 }).toBe('2016');
    expect(await slider.getAttribute('aria-valuetext')).toBe('2016');

    // 2024 is the default year, which configToSearch leaves out of the URL.
    await page.keyboard.press('End');
    await expect.poll(() => slider.getAttribute('aria-valuetext'), { timeout: 5_000 }).toBe('2024');
    // The address follows once the step is painted.
    await expect.poll(() => param(page, 'year'), { timeout: 5_000 }).toBeNull();
    expect(param(page, 'debug'), 'debug=1 is kept').toBe('1');

    await page.goBack();
    await expect.poll(() => param(page, 'year'), { timeout: 5_000 }).toBe('2016');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('2016');
    await page.goBack();
    await expect.poll(() => param(page, 'year'), { timeout: 5_000 }).toBe('2021');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('2021');
    await page.goForward();
    await expect.poll(() => slider.getAttribute('aria-valuetext'), { timeout: 5_000 }).toBe('2016');

    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('on a freshly opened page with nothing focused, the arrow keys and Esc still work', async () => {
    const { page } = app;
    await openApp(page, 'year=2020&region=RU-KRS', { until: 'ready' });
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => param(page, 'year'), { timeout: 5_000 }).toBe('2019');
    await page.keyboard.press('Escape');
    await expect.poll(() => param(page, 'region'), { timeout: 5_000 }).toBeNull();
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('choosing Kursk oblast in the search lists its Belarusian partner regions; Esc clears it', async () => {
    const { page } = app;
    await openApp(page, 'debug=1', { until: 'ready' });
    const search = page.getByRole('combobox', { name: 'Найти регион или город' });
    await search.fill('Курская');
    await page.getByRole('option', { name: /^Курская область/ }).waitFor({ timeout: 5_000 });
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect.poll(() => param(page, 'region'), { timeout: 5_000 }).toBe('RU-KRS');

    const panel = regionPanel(page);
    await panel.getByRole('heading', { name: 'Курская область' }).waitFor({ timeout: 5_000 });
    const partners = [
      'Гомельская область',
      'Могилёвская область',
      'Гродненская область',
      'Витебская область',
      'г. Минск',
      'Правительство Беларуси',
    ];
    const shown = await panel.locator('strong').allInnerTexts();
    for (const partner of partners) expect(shown, `partners in the panel`).toContain(partner);

    await page.keyboard.press('Escape');
    await expect.poll(() => param(page, 'region'), { timeout: 5_000 }).toBeNull();
    await panel.getByRole('heading', { name: 'Курская область' }).waitFor({ state: 'detached', timeout: 5_000 });

    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('a link signed in 2024 is not drawn at 2023 and is drawn at 2024', async () => {
    // By default one arc per partner subject; a selected subject shows its own links.
    const { page } = app;
    await openApp(page, 'debug=1&year=2023&region=RU-VGG');
    const partners = await partnersShown(page);
    expect(partners, 'partner arcs drawn at 2023').toEqual(expect.arrayContaining(['BY>RU-TUL', 'BY>RU-KRS']));
    expect(await linksShown(page), 'Volgograd oblast’s links drawn at 2023').not.toContain(SIGNED_2024);

    await yearSlider(page).focus();
    await waitForMapRedraw(page, () => page.keyboard.press('ArrowRight'));
    await expect.poll(() => param(page, 'year'), { timeout: 5_000 }).toBeNull();
    expect(await linksShown(page), 'Volgograd oblast’s links drawn at 2024').toContain(SIGNED_2024);

    // Selecting the partners of the older links shows them too.
    await openApp(page, 'debug=1&year=2023&region=RU-TUL');
    expect(await linksShown(page)).toContain(SIGNED_2016);
    await openApp(page, 'debug=1&year=2023&region=RU-KRS');
    expect(await linksShown(page)).toContain(SIGNED_2020);

    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('with kinds=sister the map draws sister cities and no agreement', async () => {
    const { page } = app;
    await openApp(page, 'debug=1&year=2024&kinds=sister&region=RU-BA');
    const shown = await linksShown(page);
    expect(shown, 'sister-city arcs drawn').toContain('minsk-ufa');
    // Every agreement in the dataset the page was served, not a hand-picked few.
    const dataset = (await (await fetch(`${baseURL()}/data/dataset.json`)).json()) as {
      links: { id: string; kind: string }[];
    };
    const agreements = dataset.links.filter((l) => l.kind === 'agreement').map((l) => l.id);
    expect(agreements).toContain(SIGNED_2024);
    expect(shown.filter((id) => agreements.includes(id))).toEqual([]);

    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('play advances year by year and stops at the last year', async () => {
    const { page } = app;
    await openApp(page, 'debug=1&year=2022', { until: 'ready' });
    const slider = yearSlider(page);
    await page.getByRole('combobox', { name: /Скорость/ }).selectOption('4');
    const play = page.getByRole('button', { name: 'Воспроизвести' });
    const years = await recordAttribute(slider, 'aria-valuetext');
    // At 4× a year lasts 375 ms: too short to catch «Пауза» by polling, so record the button's state.
    const pressed = await recordAttribute(play, 'aria-pressed');
    const historyLength = await page.evaluate(() => history.length);

    await play.click();
    await expect.poll(pressed, { timeout: 10_000 }).toEqual(['true', 'false']);
    expect(await years()).toEqual(['2023', '2024']);
    expect(await play.getAttribute('aria-pressed'), 'the button reads «Воспроизвести» again').toBe('false');

    await page.waitForTimeout(3_000);
    expect(await years(), 'the year after stopping').toEqual(['2023', '2024']);
    expect(await slider.getAttribute('aria-valuetext')).toBe('2024');
    expect(param(page, 'year'), page.url()).toBeNull();
    // Playback replaces the history entry instead of adding one per year.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('a shared link reopens the same view', async () => {
    const { page } = app;
    await openApp(page, 'year=2019&region=BY-HR&kinds=agreement,sister&lang=en', { until: 'ready' });
    expect(await yearSlider(page, 'Year').getAttribute('aria-valuetext')).toBe('2019');
    await regionPanel(page).getByRole('heading', { name: 'Grodno Oblast', exact: true }).waitFor({ timeout: 5_000 });
    expect(await page.getByRole('checkbox', { name: 'Agreement' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Sister cities' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Joint project' }).isChecked()).toBe(false);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('invalid URL values fall back to the default view', async () => {
    const { page } = app;
    await openApp(page, 'year=1999&region=%3Cscript%3E&kinds=bogus&lang=xx');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await yearSlider(page).getAttribute('aria-valuetext')).toBe('2024');
    for (const kind of ['Соглашение', 'Города-побратимы', 'Совместный проект']) {
      expect(await page.getByRole('checkbox', { name: kind }).isChecked(), kind).toBe(true);
    }
    const panel = regionPanel(page);
    expect(await panel.innerText()).toMatch(/Выберите регион на карте/);
    expect(await panel.getByRole('status').count(), 'a "not found" message').toBe(0);
    expect(await page.getByRole('alert').count(), 'an error message').toBe(0);
    expect(await page.locator('script:not([src]), script[src*="script"]').count()).toBe(0);

    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });

  test('an unknown but well-formed region says "not found" in the panel', async () => {
    const { page } = app;
    await openApp(page, 'region=RU-ZZZ', { until: 'ready' });
    const status = regionPanel(page).getByRole('status');
    await status.waitFor({ timeout: 5_000 });
    expect(await status.innerText()).toMatch(/«RU-ZZZ» не найден/);

    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });
});
