/**
 * The one palette: CSS variables (see `app.css` via `paletteCss`) and map paints read from here.
 * Sequential fills are a single-hue ramp per country (Belarus green, Russia blue) that stays ordered
 * in lightness under the common colour-vision deficiencies.
 */
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Palette {
  water: string;
  land: string;
  landLine: string;
  byBase: string;
  ruBase: string;
  /** 5-step ramps, light → dark (light theme) for counts 1, 2, 3–4, 5–9, 10+. */
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
  forum: string;
  text: string;
  muted: string;
  surface: string;
  accent: string;
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
    forum: '#b3002d',
    text: '#1d1d1f',
    muted: '#5a5a60',
    surface: '#ffffff',
    accent: '#1b4a8a',
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
    forum: '#ff6b8b',
    text: '#f2f2f4',
    muted: '#b4b4bc',
    surface: '#1b1b1e',
    accent: '#9cc0f2',
  },
};
