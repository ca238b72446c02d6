// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  configFromSearch,
  configToSearch,
  DEFAULT_CONFIG,
  DEFAULT_DISPLAY,
  displayFromSearch,
  parseDisplay,
} from '../../src/config';
import {
  appPageUrl,
  embedUrl,
  escapeHtml,
  iframeSnippet,
  scriptSnippet,
  shareLink,
  type EmbedChoice,
} from '../../src/embed/shareSnippets';

const PAGE = 'https://maps.example.org/by-ru/?year=2018&debug=1#top';
const VIEW = { ...DEFAULT_CONFIG, year: 2020, region: 'RU-KRS', kinds: ['agreement' as const], lang: 'en' as const };
const CHOICE: EmbedChoice = { theme: 'auto', plain: false, static: false };

describe('display flags in the URL', () => {
  it.each([
    ['', DEFAULT_DISPLAY],
    ['?embed=1', { ...DEFAULT_DISPLAY, embed: true }],
    [
      '?embed=true&plain=yes&static=1&present=1',
      { embed: true, plain: true, static: true, present: true, theme: 'auto' },
    ],
    ['?theme=dark', { ...DEFAULT_DISPLAY, theme: 'dark' }],
    ['?theme=LIGHT', { ...DEFAULT_DISPLAY, theme: 'light' }],
    ['?theme=projector', DEFAULT_DISPLAY],
    ['?theme=<b>', DEFAULT_DISPLAY],
    ['?embed=0&plain=no&static=2', DEFAULT_DISPLAY],
  ])('reads %s', (search, expected) => {
    expect(displayFromSearch(search)).toEqual(expected);
  });

  it('accepts typed mount options and ignores junk', () => {
    expect(parseDisplay({ embed: true, static: true, theme: 'dark' })).toEqual({
      ...DEFAULT_DISPLAY,
      embed: true,
      static: true,
      theme: 'dark',
    });
    expect(parseDisplay({ embed: {}, plain: [], theme: 7, present: Symbol('x') })).toEqual(DEFAULT_DISPLAY);
  });

  it('round-trips view and flags together, flags after the view', () => {
    const display = { ...DEFAULT_DISPLAY, embed: true, theme: 'dark' as const, static: true };
    const search = configToSearch(VIEW, display);
    expect(search).toBe('?year=2020&region=RU-KRS&kinds=agreement&lang=en&embed=1&theme=dark&static=1');
    expect(configFromSearch(search)).toEqual(VIEW);
    expect(displayFromSearch(search)).toEqual(display);
  });

  it('writes no flags for the default display', () => {
    expect(configToSearch(DEFAULT_CONFIG, DEFAULT_DISPLAY)).toBe('');
  });
});

describe('share snippets', () => {
  it('escapes everything that lands in HTML', () => {
    expect(escapeHtml(`a&b"c'd<e>f`)).toBe('a&amp;b&quot;c&#39;d&lt;e&gt;f');
  });

  it('builds the link from the current view, without query, hash or debug of the page', () => {
    expect(appPageUrl(PAGE)).toBe('https://maps.example.org/by-ru/');
    expect(shareLink(PAGE, { ...VIEW, debug: true })).toBe(
      'https://maps.example.org/by-ru/?year=2020&region=RU-KRS&kinds=agreement&lang=en',
    );
    expect(shareLink(PAGE, DEFAULT_CONFIG)).toBe('https://maps.example.org/by-ru/');
    expect(shareLink(PAGE, DEFAULT_CONFIG, 'dark')).toBe('https://maps.example.org/by-ru/?theme=dark');
  });

  it('builds the embed address with the chosen flags', () => {
    expect(embedUrl(PAGE, VIEW, CHOICE)).toBe(
      'https://maps.example.org/by-ru/?year=2020&region=RU-KRS&kinds=agreement&lang=en&embed=1',
    );
    expect(embedUrl(PAGE, DEFAULT_CONFIG, { theme: 'light', plain: true, static: true })).toBe(
      'https://maps.example.org/by-ru/?embed=1&theme=light&plain=1&static=1',
    );
  });

  it('writes an iframe whose attributes are escaped and that starts at a sensible height', () => {
    const src = embedUrl(PAGE, VIEW, CHOICE);
    const html = iframeSnippet(src, 'Карта "регионов" <2024>', CHOICE);
    expect(html).toBe(
      '<iframe src="https://maps.example.org/by-ru/?year=2020&amp;region=RU-KRS&amp;kinds=agreement&amp;lang=en&amp;embed=1" ' +
        'title="Карта &quot;регионов&quot; &lt;2024&gt;" name="byru-map" width="100%" height="640" loading="lazy" ' +
        'allow="fullscreen" style="display:block;width:100%;min-width:300px;border:0"></iframe>',
    );
    // Parsed back by a browser, the attributes are exactly the inputs.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const iframe = doc.querySelector('iframe');
    expect(iframe?.getAttribute('src')).toBe(src);
    expect(iframe?.getAttribute('title')).toBe('Карта "регионов" <2024>');
    expect(iframeSnippet(src, 't', { ...CHOICE, plain: true })).toContain('height="520"');
  });

  it('points the script tag at embed.js beside the app page', () => {
    expect(scriptSnippet(PAGE)).toBe('<script src="https://maps.example.org/by-ru/embed.js" async></script>');
  });
});
