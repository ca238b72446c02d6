/**
 * The one palette: the map paints (WebGL and SVG) read from here, and the interface's CSS variables
 * in `src/ui/app.css` carry the same values (`tests/unit/contrast.test.ts` checks that they match,
 * that text keeps a 4.5:1 contrast, and that the link kinds and ramp steps stay apart under simulated
 * protanopia, deuteranopia and tritanopia).
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
  agreement: string;
  sister: string;
  project: string;
  /** Standing joint bodies share the agreements' colour; their dash tells them apart. */
  body: string;
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
    labelHalo: 'rgba(255,255,255,0.85)',
    agreement: '#7a2e8e',
    sister: '#c4461b',
    project: '#0a7f7a',
    body: '#7a2e8e',
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
    labelHalo: 'rgba(0,0,0,0.8)',
    agreement: '#d59bf0',
    sister: '#ff9b6a',
    project: '#4fd1c5',
    body: '#d59bf0',
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
    labelHalo: 'rgba(255,255,255,0.95)',
    agreement: '#5e1a78',
    sister: '#b23a00',
    project: '#00665e',
    body: '#5e1a78',
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

/**
 * The CSS variable of each interface colour. `app.css` sets them per theme on `.byru-app`
 * (`data-theme="light" | "dark" | "projector"`, or `prefers-color-scheme` when the attribute is absent).
 */
export const CSS_VARS = {
  '--byru-text': 'text',
  '--byru-muted': 'muted',
  '--byru-surface': 'surface',
  '--byru-bg': 'bg',
  '--byru-line': 'line',
  '--byru-accent': 'accent',
  '--byru-on-accent': 'onAccent',
  '--byru-focus': 'focus',
  '--byru-agreement': 'agreement',
  '--byru-sister': 'sister',
  '--byru-project': 'project',
  '--byru-forum': 'forum',
  '--byru-water': 'water',
} as const satisfies Record<string, keyof Palette>;

/** The theme a `data-theme` value asks for; anything else (or none) follows the reader's colour scheme. */
export function resolveTheme(attribute: string | null | undefined, prefersDark: boolean): Theme {
  if ((THEMES as readonly string[]).includes(attribute ?? '')) return attribute as Theme;
  return prefersDark ? 'dark' : 'light';
}
