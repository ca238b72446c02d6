import { LINK_KINDS, type LinkKind } from '../data/types';
import { LINK_LOOK } from './linkKinds';

/**
 * The one palette: the map paints (WebGL and SVG) read from here, and the interface's CSS variables
 * are generated from it into `src/ui/palette.css` (`paletteCss`; `tests/unit/contrast.test.ts` checks
 * the file is current, that text keeps a 4.5:1 contrast, and that the link kinds and ramp steps stay
 * apart under simulated protanopia, deuteranopia and tritanopia). Link colours come from the kinds
 * table (`linkKinds.ts`).
 *
 * Sequential fills are a single-hue ramp per country (Belarus green, Russia blue) that stays ordered
 * in lightness under the common colour-vision deficiencies; link kinds also differ by dash and width.
 */
export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

export interface Palette {
  water: string;
  land: string;
  landLine: string;
  byBase: string;
  ruBase: string;
  /** 5-step ramps, from few to many links, for counts 1, 2, 3–4, 5–9, 10+. */
  byRamp: readonly string[];
  ruRamp: readonly string[];
  /** "Nothing recorded" look (hatched in the legend, plain on the map). */
  none: string;
  border: string;
  countryBorder: string;
  selected: string;
  label: string;
  labelHalo: string;
  /** Line colour of each link kind (from `LINK_LOOK`). */
  link: Record<LinkKind, string>;
  forum: string;
  /** Interface text, secondary text, panels, page background, hairlines. */
  text: string;
  muted: string;
  surface: string;
  bg: string;
  line: string;
  /** Links, pressed buttons, the year; `onAccent` is text drawn on it. */
  accent: string;
  onAccent: string;
  /** Focus ring and the "new this year" marks (also used as text). */
  focus: string;
}

const linkColours = (theme: Theme): Record<LinkKind, string> =>
  Object.fromEntries(LINK_KINDS.map((k) => [k, LINK_LOOK[k].colour[theme]])) as Record<LinkKind, string>;

export const PALETTES: Record<Theme, Palette> = {
  light: {
    water: '#d7e6ef',
    land: '#efece6',
    landLine: '#c9c3b8',
    byBase: '#e3efdc',
    ruBase: '#e4e9f3',
    byRamp: ['#c7e3b8', '#98cc84', '#62ad57', '#2f8a3a', '#0f5e25'],
    ruRamp: ['#c6d6ee', '#95b4de', '#6391c9', '#3a6db0', '#1b4a8a'],
    none: '#f6f4f0',
    border: '#ffffff',
    countryBorder: '#6b5f50',
    selected: '#d1421b',
    label: '#2b2b2b',
    link: linkColours('light'),
    labelHalo: 'rgba(255,255,255,0.85)',
    // Maroon, not crimson: a crimson ring was too close to the orange sister-city arcs under tritanopia.
    forum: '#770011',
    text: '#1d1d1f',
    muted: '#5a5a60',
    surface: '#ffffff',
    bg: '#f6f5f2',
    line: '#dedad3',
    accent: '#1b4a8a',
    onAccent: '#ffffff',
    focus: '#c13b16',
  },
  dark: {
    water: '#16222c',
    land: '#2a2a2c',
    landLine: '#3c3c40',
    byBase: '#24342a',
    ruBase: '#243040',
    byRamp: ['#2e5134', '#3f7445', '#57a05c', '#84c77c', '#c2e8b4'],
    ruRamp: ['#2b4466', '#3a5f8f', '#4f7fbb', '#7fa6da', '#bcd2f2'],
    none: '#202022',
    border: '#121214',
    countryBorder: '#c8b89e',
    selected: '#ff8a5c',
    label: '#eeeeee',
    link: linkColours('dark'),
    labelHalo: 'rgba(0,0,0,0.8)',
    // Yellow, not pink: pink sat too close to the purple agreements under protanopia.
    forum: '#ffe066',
    text: '#f2f2f4',
    muted: '#b4b4bc',
    surface: '#1b1b1e',
    bg: '#111113',
    line: '#3a3a40',
    accent: '#9cc0f2',
    // White on the light accent was 1.9:1; dark text on it is 9:1.
    onAccent: '#111113',
    focus: '#ff8a5c',
  },
  /** A washed-out projector in a lit room: black on white, darker ramps, saturated lines. */
  projector: {
    water: '#c4dbea',
    land: '#ebe7df',
    landLine: '#8f877a',
    byBase: '#dcebd3',
    ruBase: '#dce4f2',
    byRamp: ['#b5dba3', '#7fbf68', '#45993f', '#1f7430', '#0a4a1c'],
    ruRamp: ['#b3c9ea', '#7ea3d6', '#4a7cc0', '#2a5aa0', '#0f3570'],
    none: '#ffffff',
    border: '#ffffff',
    countryBorder: '#3d3328',
    selected: '#c13b16',
    label: '#000000',
    link: linkColours('projector'),
    labelHalo: 'rgba(255,255,255,0.95)',
    forum: '#660011',
    text: '#000000',
    muted: '#333338',
    surface: '#ffffff',
    bg: '#ffffff',
    line: '#8a8a90',
    accent: '#0f3570',
    onAccent: '#ffffff',
    focus: '#b23a00',
  },
};

/** The interface colours that CSS reads, each as the variable `--byru-<name>`. */
const CSS_COLOURS = {
  text: 'text',
  muted: 'muted',
  surface: 'surface',
  bg: 'bg',
  line: 'line',
  accent: 'accent',
  'on-accent': 'onAccent',
  focus: 'focus',
  forum: 'forum',
  water: 'water',
} as const satisfies Record<string, Exclude<keyof Palette, 'link' | 'byRamp' | 'ruRamp'>>;

/** The CSS variables of a theme, name → value: interface colours, then `--byru-<kind>` per link kind. */
export function cssVariables(theme: Theme): Record<string, string> {
  const p = PALETTES[theme];
  const out: Record<string, string> = {};
  for (const [name, key] of Object.entries(CSS_COLOURS)) out[`--byru-${name}`] = p[key];
  for (const kind of LINK_KINDS) out[`--byru-${kind}`] = p.link[kind];
  return out;
}

/** The browser's own widgets (scroll bars, form controls) follow each theme's lightness. */
const COLOR_SCHEME: Record<Theme, 'light' | 'dark'> = { light: 'light', dark: 'dark', projector: 'light' };

function block(selector: string, theme: Theme, indent: string): string {
  const lines = Object.entries(cssVariables(theme)).map(([k, v]) => `${indent}  ${k}: ${v};`);
  lines.push(`${indent}  color-scheme: ${COLOR_SCHEME[theme]};`);
  return `${indent}${selector} {\n${lines.join('\n')}\n${indent}}`;
}

/**
 * `src/ui/palette.css`, generated from the palette (`npx tsx scripts/palette-css.ts`; a unit test
 * fails when the file is stale): light by default, dark when the reader's system prefers it and no
 * theme is set, or the theme named by `data-theme` on `.byru-app`.
 */
export function paletteCss(): string {
  return [
    '/* Generated from src/scene/palette.ts by scripts/palette-css.ts: do not edit by hand. */',
    block('.byru-app', 'light', ''),
    `@media (prefers-color-scheme: dark) {\n${block('.byru-app:not([data-theme])', 'dark', '  ')}\n}`,
    ...THEMES.filter((t) => t !== 'light').map((t) => block(`.byru-app[data-theme='${t}']`, t, '')),
    '',
  ].join('\n');
}

/** The theme a `data-theme` value asks for; anything else (or none) follows the reader's colour scheme. */
export function resolveTheme(attribute: string | null | undefined, prefersDark: boolean): Theme {
  if ((THEMES as readonly string[]).includes(attribute ?? '')) return attribute as Theme;
  return prefersDark ? 'dark' : 'light';
}
