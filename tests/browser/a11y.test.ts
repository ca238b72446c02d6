// Accessibility in real Chromium (issue 6): axe-core finds no serious or critical violation on each
// view; a keyboard-only walk goes through the app in order with visible focus, selects a region by the
// search box and by the data table, steps years (announced politely), opens the share dialog and
// reaches the downloads; without WebGL the SVG map shows all 90 regions and exactly the year's links;
// switching language changes region names and number formats. One browser for the file.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { decodeDataset } from '../../src/data/dataset';
import { LINK_KINDS } from '../../src/data/types';
import { decodeTopology } from '../../src/data/topology';
import { buildLinkScene } from '../../src/scene/linkScene';
import {
  type AppPage,
  axeViolations,
  baseURL,
  launchBrowser,
  newGuardedPage,
  NO_PROBLEMS,
  problemsOf,
  refuseWebGL,
  recordAttribute,
  saveScreenshot,
} from './harness';

// The data as served (dist/ is built from public/).
const geo = decodeTopology(JSON.parse(readFileSync('dist/data/regions.topo.json', 'utf8')));
const dataset = decodeDataset(JSON.parse(readFileSync('dist/data/dataset.json', 'utf8')));
const arcs = buildLinkScene(dataset, geo.regions).arcs.features.map((f) => f.properties);
/** The single links drawn while a Russian place is selected: the year's links of the shown kinds touching it. */
const linksDrawn = (year: number, kinds: readonly string[], focus: string) =>
  arcs
    .filter(
      (a) => a.start <= year && kinds.includes(a.kind) && [a.from, a.to, a.fromRegion, a.toRegion].includes(focus),
    )
    .map((a) => a.id)
    .sort();
/** The partner arcs drawn from all of Belarus: one per Russian subject with a tie of a shown kind by the year. */
const partnersDrawn = (year: number, kinds: readonly string[]) =>
  [...new Set(arcs.filter((a) => a.start <= year && kinds.includes(a.kind)).map((a) => `BY>${a.toRegion}`))].sort();

let browser: Browser;
const open: AppPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async ({ task }) => {
  const app = open[open.length - 1];
  if (task.result?.state === 'fail' && app) {
    const path = await saveScreenshot(app.page, `a11y ${task.name}`).catch(() => null);
    if (path) console.log(`[browser tests] screenshot of the failed test: ${path}`);
  }
  for (const a of open.splice(0)) await a.context.close();
});

/** A fresh guarded page; `webgl: false` makes every canvas refuse WebGL, as a locked-down browser does. */
async function newPage(options: { webgl?: boolean } = {}): Promise<AppPage> {
  const app = await newGuardedPage(browser);
  if (options.webgl === false) await refuseWebGL(app.context);
  open.push(app);
  return app;
}

/**
 * Opens the app at `/?query` and waits until the map is in the page (the labelled canvas, or the SVG
 * map) — not until the WebGL map has finished drawing, which SwiftShader makes slow and axe does not need.
 */
async function openView(page: Page, query: string): Promise<void> {
  const response = await page.goto(`${baseURL()}/${query ? `?${query}` : ''}`, { waitUntil: 'load' });
  expect(response?.ok(), `GET /?${query}`).toBe(true);
  await page
    .locator('[data-testid="map"] canvas[role="img"], [data-testid="map"][data-renderer="svg"] svg[role="img"]')
    .first()
    .waitFor({ state: 'attached', timeout: 30_000 });
}

describe('axe-core finds no serious or critical violation', () => {
  // (The SVG map, with links after the year listed, is checked in "without WebGL" below.)
  test.each([
    { view: 'the main view, data table open', query: '', table: true },
    { view: 'a selected region', query: 'region=RU-KRS' },
    { view: 'the embed view, dark theme', query: 'embed=1&year=2020&theme=dark' },
    { view: 'presenter mode', query: 'present=1' },
  ])('on $view', async ({ query, table }) => {
    const app = await newPage();
    await openView(app.page, query);
    if (table) await app.page.locator('.byru-table > summary').click();
    const { all, severe } = await axeViolations(app.page);
    if (all.length) console.log(`[a11y] ${query}: ${all.map((v) => `${v.impact} ${v.id}`).join(', ')}`);
    expect(severe).toEqual([]);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });
});

/** What has the focus: role-ish tag and accessible text, and whether a focus ring is drawn. */
async function focused(page: Page): Promise<{ what: string; ring: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', ring: false };
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
    const label =
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      (el.tagName === 'INPUT' && el.getAttribute('type') === 'checkbox' ? el.closest('label')?.textContent : null) ??
      '';
    return {
      what: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''} ${label || name}`,
      ring,
    };
  });
}

/** Presses Tab until `match` has the focus (at most `max` times); returns the stops passed. */
async function tabTo(page: Page, match: RegExp, max = 60): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    seen.push(f.what);
    expect(f.ring, `no visible focus ring on ${f.what}`).toBe(true);
    if (match.test(f.what)) return seen;
  }
  throw new Error(`Tab never reached ${match}; stops: ${seen.join(' | ')}`);
}

describe('keyboard only', () => {
  test('walks the app in order with visible focus: search, share, years, map, table, panels, downloads', async () => {
    const app = await newPage();
    const { page } = app;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openView(page, 'year=2024');
    const heading = page.getByTestId('region-panel').getByRole('heading', { level: 2 });

    // The first stop is the search box: a region by name.
    expect(await tabTo(page, /^input\[combobox\]/)).toHaveLength(1);
    await page.keyboard.type('Курская');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).toBe('Курская область');

    // The header: languages, then the share dialog, which Esc closes, giving the focus back.
    const toShare = await tabTo(page, /^button Поделиться/);
    expect(toShare.slice(0, 3).map((s) => s.replace(/^button /, ''))).toEqual(['Русский', 'Беларуская', 'English']);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused(page)).what).toMatch(/Поделиться/);

    // The timeline: play, then the slider; keys step the year, announced politely once it settles.
    const toSlider = await tabTo(page, /^input Год$/);
    expect(toSlider.some((s) => /Воспроизвести/.test(s))).toBe(true);
    const slider = page.getByRole('slider', { name: 'Год', exact: true });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('PageDown');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('2020');
    const announcer = page.getByTestId('year-announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => announcer.textContent(), { timeout: 5_000 }).toMatch(/^2020 год: на карте \d+ связ/);

    // The map's controls, the filters, then the data table: a keyboard user's way to any region.
    const toTable = await tabTo(page, /^summary Таблица/);
    const zoom = toTable.findIndex((s) => /Приблизить/.test(s));
    const filter = toTable.findIndex((s) => /Соглашение/.test(s));
    expect(zoom).toBeGreaterThanOrEqual(0);
    expect(filter).toBeGreaterThan(zoom);
    await page.keyboard.press('Enter');
    await page.locator('.byru-table-body').waitFor();
    const toPlace = await tabTo(page, /^button /, 3);
    const place = toPlace[toPlace.length - 1]?.replace(/^button /, '') ?? '';
    await page.keyboard.press('Enter');
    await expect.poll(() => heading.textContent()).toBe(place);
    // Close the table again and clear the selection with Esc.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).what).toMatch(/^summary Таблица/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => heading.count()).toBe(0);

    // On through the side panels (the figures' sources) to the downloads in the footer.
    const toDownloads = await tabTo(page, /^summary Скачать данные/);
    // The stop's name is cut at 50 characters: a figure marked ⚠ leaves only the start of its hint.
    expect(
      toDownloads.some((s) => /\(источник/u.test(s)),
      toDownloads.join(' | '),
    ).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.byru-downloads ul').waitFor();
    await tabTo(page, /^button Таблица: /, 2);

    // Reduced motion: no transitions, and playback still steps year by year.
    expect(await page.locator('.byru-play').evaluate((b) => getComputedStyle(b).transitionDuration)).toBe('0s');
    await slider.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('combobox', { name: 'Скорость' }).selectOption('4');
    const years = await recordAttribute(slider, 'aria-valuetext');
    await page.getByRole('button', { name: /Воспроизвести/ }).press('Enter');
    await expect.poll(years, { timeout: 10_000 }).toEqual(['2023', '2024']);
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  }, 120_000);
});

describe('without WebGL', () => {
  test('the SVG map shows all 90 regions, Belarus’s seven in the inset, and exactly the year’s arcs; follows filters and clicks; passes axe', async () => {
    const app = await newPage({ webgl: false });
    const { page } = app;
    await openView(page, 'year=2023&region=RU-KRS');
    const map = page.locator('[data-testid="map"][data-renderer="svg"]');
    await map.waitFor();
    const regions = await map
      .locator('[data-layer="regions-fill"] [data-region]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-region')));
    expect(new Set(regions).size).toBe(90);
    const inset = await map
      .locator('[data-layer="inset-fill"] [data-region]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-region')));
    expect(new Set(inset)).toEqual(new Set(['BY-BR', 'BY-HM', 'BY-HO', 'BY-HR', 'BY-MA', 'BY-MI', 'BY-VI']));
    const attr = (name: string) => () =>
      map
        .locator(`[data-${name}]`)
        .evaluateAll((els, n) => [...new Set(els.map((e) => e.getAttribute(`data-${n}`) ?? ''))].sort(), name);
    const shown = attr('link');
    const partners = attr('partner');
    // Kursk oblast selected: its own links, and one arc per partner subject of all of Belarus.
    expect(await shown()).toEqual(linksDrawn(2023, LINK_KINDS, 'RU-KRS'));
    expect(await partners()).toEqual(partnersDrawn(2023, LINK_KINDS));
    expect(await map.getByRole('img').getAttribute('aria-label')).toMatch(/2023/);
    // axe on this view too: Kursk oblast in 2023 also lists a link signed later.
    const { all, severe } = await axeViolations(page);
    if (all.length) console.log(`[a11y] no WebGL: ${all.map((v) => `${v.impact} ${v.id}`).join(', ')}`);
    expect(severe).toEqual([]);

    await page.getByRole('checkbox', { name: 'Города-побратимы' }).uncheck();
    const noSister = LINK_KINDS.filter((k) => k !== 'sister');
    await expect.poll(shown).toEqual(linksDrawn(2023, noSister, 'RU-KRS'));
    await expect.poll(partners).toEqual(partnersDrawn(2023, noSister));
    await page.getByRole('slider', { name: 'Год', exact: true }).press('End');
    await expect.poll(shown).toEqual(linksDrawn(2024, noSister, 'RU-KRS'));
    await expect.poll(partners).toEqual(partnersDrawn(2024, noSister));

    // A click on a region selects it, as on the WebGL map.
    await map.locator('[data-region="RU-VGG"]').click({ force: true });
    await expect
      .poll(() => page.getByTestId('region-panel').getByRole('heading', { level: 2 }).textContent())
      .toBe('Волгоградская область');
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });
});

describe('language', () => {
  test('switching language changes region names, number formats, <html lang> and the page title', async () => {
    // The panels are the same whichever renderer draws the map; the SVG map opens fastest.
    const app = await newPage({ webgl: false });
    const { page } = app;
    await openView(page, 'year=2023&region=RU-KRS');
    const heading = page.getByTestId('region-panel').getByRole('heading', { level: 2 });
    const figures = page.locator('.byru-figures');
    const htmlLang = () => page.evaluate(() => document.documentElement.lang);
    expect(await heading.textContent()).toBe('Курская область');
    expect(await htmlLang()).toBe('ru');
    expect(await page.title()).toBe('Регионы Беларуси и России: сотрудничество');
    expect(await figures.textContent()).toContain('более 3\u00a0000');

    for (const [button, name, lang, number, title] of [
      ['English', 'Kursk Oblast', 'en', 'more than 3,000', 'Regions of Belarus and Russia: cooperation'],
      ['Беларуская', 'Курская вобласць', 'be', 'больш за 3\u00a0000', 'Рэгіёны Беларусі і Расіі: супрацоўніцтва'],
    ] as const) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await expect.poll(() => heading.textContent()).toBe(name);
      expect(await htmlLang()).toBe(lang);
      expect(await page.title()).toBe(title);
      expect(await figures.textContent()).toContain(number);
      await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe(lang);
      // The map's labels follow too: the inset names Belarus's regions short.
      const label = page.locator('[data-layer="inset-labels"] [data-label="BY-BR"]');
      const words = () => label.evaluate((t) => t.textContent);
      await expect.poll(words).toBe(lang === 'en' ? 'Brest' : 'Брэсцкая');
    }
    expect(problemsOf(app)).toEqual(NO_PROBLEMS);
  });
});
