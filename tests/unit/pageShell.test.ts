// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configFromSearch, DEFAULT_CONFIG } from '../../src/config';
import { LANGS } from '../../src/data/types';
import { createAppStore } from '../../src/state/createAppStore';
import { applyPageShell, pageShell, syncPageShell } from '../../src/state/pageShell';

/** A fresh document shaped like index.html's head. */
function createDoc(): Document {
  return new DOMParser().parseFromString(readFileSync('index.html', 'utf8'), 'text/html');
}

const shellOf = (doc: Document) => ({
  lang: doc.documentElement.lang,
  title: doc.title,
  description: doc.head.querySelector('meta[name="description"]')?.getAttribute('content'),
});

describe('page shell', () => {
  it('index.html carries the Russian shell, which the app shows before it starts', () => {
    expect(shellOf(createDoc())).toEqual(pageShell('ru'));
  });

  it.each([
    ['be', 'Рэгіёны Беларусі і Расіі: супрацоўніцтва', /^Карта супрацоўніцтва рэгіёнаў/],
    ['en', 'Regions of Belarus and Russia: cooperation', /^A map of cooperation/],
    ['ru', 'Регионы Беларуси и России: сотрудничество', /^Карта сотрудничества регионов/],
  ] as const)('writes lang, title and description for %s', (lang, title, description) => {
    const doc = createDoc();
    applyPageShell(doc, lang);
    const shell = shellOf(doc);
    expect([shell.lang, shell.title]).toEqual([lang, title]);
    expect(shell.description).toMatch(description);
  });

  it('adds the description meta when the page has none', () => {
    const doc = document.implementation.createHTMLDocument('x');
    applyPageShell(doc, 'be');
    expect(shellOf(doc)).toEqual(pageShell('be'));
  });

  it('follows ?lang= at start and every language switch, until stopped', () => {
    const doc = createDoc();
    const store = createAppStore({ ...DEFAULT_CONFIG, ...configFromSearch('?lang=be') });
    const stop = syncPageShell(store, doc);
    expect(shellOf(doc)).toEqual(pageShell('be'));
    store.getState().setLang('en');
    expect(shellOf(doc)).toEqual(pageShell('en'));
    stop();
    store.getState().setLang('ru');
    expect(shellOf(doc).lang).toBe('en');
  });

  it.each(LANGS)('has a distinct title and description in %s', (lang) => {
    const others = LANGS.filter((l) => l !== lang).map(pageShell);
    for (const o of others) {
      expect(pageShell(lang).title).not.toBe(o.title);
      expect(pageShell(lang).description).not.toBe(o.description);
    }
  });
});
