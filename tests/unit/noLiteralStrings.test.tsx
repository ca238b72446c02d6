// @vitest-environment jsdom
// No UI string is typed outside the catalogues: the whole App (ready, with the real dataset and
// boundaries, the SVG map included) is rendered in each language and walked through its states, and
// every visible text node and accessible-name attribute must be made of (a) the catalogue of that
// language, (b) data — names in that language, titles, quotes, publishers, addresses and dates
// formatted for the locale — or (c) numbers, punctuation and symbols. A word typed into a component
// (or a message from another language's catalogue) is left over and fails the test.
// This test walks every text node and attribute of the rendered app: direct DOM access is its point.
/* eslint-disable testing-library/no-node-access, testing-library/no-container */
import { readFileSync } from 'node:fs';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config';
import { decodeTopology } from '../../src/data/topology';
import { LANGS, type Dataset, type Lang } from '../../src/data/types';
import { formatPartialDate } from '../../src/i18n/formatValue';
import { noteRemark } from '../../src/i18n/dataText';
import { CATALOGUES, translate } from '../../src/i18n/translate';
import { MapView } from '../../src/ui/MapView';
import { PALETTES } from '../../src/scene/palette';
import { STORY } from '../../src/scene/storyData';
import { createAppStore, type AppStore, type LoadState } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';
import type { Geography } from '../../src/data/load';
import { App } from '../../src/ui/App';
import { readCompleteDataset } from './compiledDataset';

const geo: Geography = decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')));
const dataset: Dataset = readCompleteDataset();
const READY: LoadState = { status: 'ready', geo, dataset };

/** Attributes that are read out or shown as text. */
const TEXT_ATTRIBUTES = [
  'aria-label',
  'aria-valuetext',
  'aria-description',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
];
/** Elements whose content is a value or code, not interface text (snippets, addresses in fields). */
const VALUE_ELEMENTS = 'textarea, input, code, pre, script, style';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern that matches `piece` only as whole words: an edge that is a letter has no letter glued to it. */
function wordPattern(piece: string): RegExp {
  const before = /^\p{L}/u.test(piece) ? '(?<!\\p{L})' : '';
  const after = /\p{L}$/u.test(piece) ? '(?!\\p{L})' : '';
  return new RegExp(`${before}${escape(piece)}${after}`, 'gu');
}

/**
 * Whole data strings and the literal parts of the language's messages (around their placeholders),
 * longest first, so that a message quoting a data name, or a quote holding a message's word, is
 * taken out whole; with a memo of texts already checked.
 */
interface Allowed {
  pieces: { piece: string; pattern: RegExp }[];
  memo: Map<string, string>;
}

/**
 * A publisher named by a description in English ("Grodno oblast executive committee (…)"), not by a
 * name or an address alone ("n71.ru", "PenzaNews (penzanews.ru)" is a name): it needs a translation.
 */
function isEnglishProse(text: string): boolean {
  const words = text
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((w) => /[A-Za-z]/.test(w) && !w.includes('.'));
  return words.length > 1;
}

/**
 * Data a reader sees: names in `lang`, quotes and document titles in their own language, dates
 * formatted for `lang`, and our own prose (remarks, descriptions, what is counted, publishers) in
 * `lang` from data/translations.csv: in a ru or be view, English prose of ours is a leftover.
 */
function dataStrings(lang: Lang): string[] {
  const out: string[] = [];
  const add = (...values: (string | null | undefined)[]): void => {
    for (const v of values) if (v && /\p{L}/u.test(v)) out.push(v.trim());
  };
  // Our prose as written (English) is allowed in the English view only; every view has its translations.
  const ours = (...values: string[]): void => {
    if (lang === 'en') add(...values);
  };
  for (const [ru, be, en] of Object.values(dataset.translations ?? {}))
    add(lang === 'ru' ? ru : lang === 'be' ? be : en);
  // Our remarks are shown without the "paraphrase" marker (it becomes a label) and the verification
  // mark, first letter raised (noteRemark).
  const remark = (note: string): void => ours(note, noteRemark(note));
  const date = (iso: string): void => add(iso && formatPartialDate(lang, iso));
  for (const r of geo.regions) add(r.names[lang]);
  for (const c of dataset.cities) add(c.names[lang]);
  for (const m of dataset.metrics) add(m.names[lang]);
  for (const s of dataset.sources) {
    add(s.url, s.file);
    if (s.title.startsWith('[')) ours(s.title);
    else add(s.title);
    if (isEnglishProse(s.publisher)) ours(s.publisher);
    else add(s.publisher);
    remark(s.note);
    if (/^https?:\/\//.test(s.url)) {
      try {
        add(new URL(s.url).hostname);
      } catch {
        // an elided address is shown as given
      }
    }
    date(s.date);
  }
  for (const f of dataset.figures) {
    add(f.quote);
    ours(f.scope);
    remark(f.note);
    date(f.asOf);
  }
  for (const l of dataset.links) {
    add(l.quote);
    // A document's own title stays in its language; a description (lower case) is translated.
    if (/^\p{Lu}/u.test(l.title)) add(l.title);
    else ours(l.title);
    add(l.label[lang], l.chair[lang]);
    remark(l.note);
    date(l.date);
  }
  for (const d of dataset.documents) {
    add(d.title, d.quote, d.label[lang]);
    remark(d.note);
    date(d.date);
  }
  for (const m of dataset.meetings) {
    add(m.quote, m.city);
    remark(m.note);
  }
  for (const a of dataset.assignments) {
    add(a.assignee[lang], a.quote);
    remark(a.note);
    date(a.since);
  }
  for (const e of dataset.events) {
    add(e.names[lang], e.quote);
    remark(e.note);
    date(e.dateStart);
    date(e.dateEnd);
  }
  for (const f of dataset.regionFacts) {
    add(f.text[lang], f.quote);
    remark(f.note);
  }
  for (const step of STORY.steps) add(step.caption[lang]);
  return out;
}

function allowedFor(lang: Lang): Allowed {
  const byLength = (a: string, b: string): number => b.length - a.length;
  // A plural block (`{n, plural, one {# связь} …}`) is a placeholder, and each of its forms a fragment.
  const plural = /\{\w+, plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;
  const forms = Object.values(CATALOGUES[lang]).flatMap((message) =>
    [...message.matchAll(plural)].flatMap((m) => [...(m[1] ?? '').matchAll(/\{([^{}]*)\}/g)].map((f) => f[1] ?? '')),
  );
  const fragments = [...Object.values(CATALOGUES[lang]), ...forms]
    .flatMap((message) => message.split(plural).filter((_, i) => i % 2 === 0))
    .flatMap((message) => message.split(/\{\w+\}|#/))
    .map((f) => f.trim())
    .filter((f) => /\p{L}/u.test(f));
  const pieces = [...new Set([...dataStrings(lang), ...fragments])].sort(byLength);
  return { pieces: pieces.map((piece) => ({ piece, pattern: wordPattern(piece) })), memo: new Map() };
}

/** What is left of a text once data, catalogue pieces and numerals (Arabic and Roman) are taken out. */
function leftover(text: string, allowed: Allowed): string {
  const known = allowed.memo.get(text);
  if (known !== undefined) return known;
  let rest = text.normalize('NFC');
  for (const { piece, pattern } of allowed.pieces) if (rest.includes(piece)) rest = rest.replace(pattern, ' ');
  rest = rest.replace(/(?<!\p{L})[IVXLCDM]+(?!\p{L})/gu, ' ');
  allowed.memo.set(text, rest);
  return rest;
}

/** Every text node and text attribute under `root` that holds a word from neither catalogue nor data. */
const ALLOWED = new Map<Lang, Allowed>();
const allowedOf = (lang: Lang): Allowed => {
  let a = ALLOWED.get(lang);
  if (!a) ALLOWED.set(lang, (a = allowedFor(lang)));
  return a;
};

function literalStrings(root: Element, lang: Lang, allowed: Allowed = allowedOf(lang)): string[] {
  const found = new Set<string>();
  const check = (text: string, where: string): void => {
    const t = text.trim();
    if (t && /\p{L}/u.test(leftover(t, allowed))) found.add(`${where}: ${JSON.stringify(t)}`);
  };
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest(VALUE_ELEMENTS)) continue;
    // A map label is wrapped into lines (<tspan>s): read the label whole.
    if (parent.tagName.toLowerCase() === 'tspan') {
      if (parent.previousElementSibling === null)
        check([...(parent.parentElement?.children ?? [])].map((l) => l.textContent).join(' '), '<text>');
      continue;
    }
    check(n.textContent ?? '', `<${parent.tagName.toLowerCase()}>`);
  }
  for (const el of [root, ...root.querySelectorAll('*')])
    for (const name of TEXT_ATTRIBUTES) {
      const v = el.getAttribute(name);
      if (v !== null) check(v, `${el.tagName.toLowerCase()}[${name}]`);
    }
  return [...found].sort();
}

function renderApp(lang: Lang): { store: AppStore; container: HTMLElement } {
  const store = createAppStore({ ...DEFAULT_CONFIG, lang });
  store.getState().setLoad(READY);
  const { container } = render(
    <StoreContext.Provider value={store}>
      <App
        map={<MapView store={store} palette={PALETTES.light} webgl={() => false} />}
        onRetry={() => undefined}
        appUrl="https://example.org/map/"
      />
    </StoreContext.Provider>,
  );
  return { store, container };
}

/** Opens every disclosure, so the text inside is rendered (the data table renders when opened). */
function openAllDetails(container: HTMLElement): void {
  for (const d of container.querySelectorAll('details')) {
    if (d.open) continue;
    d.open = true;
    fireEvent(d, new Event('toggle'));
  }
}

describe('the checker', () => {
  it('flags a word typed into a component, and a message of another language', () => {
    const allowed = allowedFor('ru');
    const div = document.createElement('div');
    div.innerHTML =
      '<p>Таблица</p><button aria-label="Close">×</button><p>Курская область</p><p>1 234,5</p><p>XI</p>' +
      `<p>${translate('ru', 'summary.title', { year: 2024 })}</p>`;
    expect(literalStrings(div, 'ru', allowed)).toEqual(['<p>: "Таблица"', 'button[aria-label]: "Close"']);
  });
});

describe.each(LANGS)('the whole app in %s', (lang) => {
  it('renders no string from outside the catalogue or the data, in any state', async () => {
    const { store, container } = renderApp(lang);
    const problems = new Set<string>();
    const collect = (state: string): void => {
      for (const p of literalStrings(container, lang)) problems.add(`${state} → ${p}`);
    };

    collect('first view, 2024');
    openAllDetails(container);
    collect('disclosures open');

    // Every figure's source note, one after the other.
    const figureButtons = container.querySelectorAll<HTMLButtonElement>('.byru-fig-button');
    expect(figureButtons.length).toBeGreaterThan(5);
    for (const b of figureButtons) {
      fireEvent.click(b);
      collect('a figure’s source note');
      fireEvent.click(b);
    }

    for (const selection of ['RU-KRS', 'gomel', 'BY-VI']) {
      act(() => store.getState().select(selection));
      openAllDetails(container);
      collect(`selected ${selection}`);
    }
    for (const year of [2016, 2020, 2021]) {
      act(() => store.getState().setYear(year));
      openAllDetails(container);
      collect(`year ${year}`);
    }
    act(() => store.getState().setKinds([]));
    collect('no link kinds');
    act(() => store.getState().setKinds(['sister']));

    const search = screen.getByRole('combobox', { name: translate(lang, 'search.label') });
    await userEvent.type(search, lang === 'en' ? 'Gom' : 'Гом');
    collect('search results');
    await userEvent.clear(search);

    const share = within(container).queryByRole('button', { name: translate(lang, 'share.open') });
    if (share) {
      await userEvent.click(share);
      collect('share dialog');
      await userEvent.keyboard('{Escape}');
    }
    if ('setPresenting' in store.getState()) {
      act(() => store.getState().setPresenting(true));
      collect('presenter');
    }

    expect([...problems]).toEqual([]);
  }, 60_000);
});

describe('loading and failure', () => {
  it.each(LANGS)('in %s say so from the catalogue', (lang) => {
    const store = createAppStore({ ...DEFAULT_CONFIG, lang });
    const { container } = render(
      <StoreContext.Provider value={store}>
        <App map={<div />} onRetry={() => undefined} />
      </StoreContext.Provider>,
    );
    expect(literalStrings(container, lang)).toEqual([]);
    act(() => store.getState().setLoad({ status: 'error', message: 'HTTP 404' }));
    expect(literalStrings(container, lang).filter((p) => !p.includes('HTTP'))).toEqual([]);
  });
});
