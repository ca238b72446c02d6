// Colour: the CSS themes carry the one palette's values; text keeps WCAG AA contrast (4.5:1) in the
// light, dark and projector themes; and the link kinds and the choropleth ramps stay apart under
// simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINK_KINDS } from '../../src/data/types';
import { cssVariables, paletteCss, PALETTES, THEMES, type Palette, type Theme } from '../../src/scene/palette';

type RGB = [number, number, number];

/** sRGB components 0–1 of `#rrggbb` or `rgba(r,g,b,a)` (alpha returned apart). */
function parse(colour: string): { rgb: RGB; alpha: number } {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex?.[1]) {
    const n = parseInt(hex[1], 16);
    return { rgb: [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255], alpha: 1 };
  }
  const rgba = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(colour.replace(/\s+/g, ''));
  if (rgba)
    return { rgb: [Number(rgba[1]) / 255, Number(rgba[2]) / 255, Number(rgba[3]) / 255], alpha: Number(rgba[4] ?? 1) };
  throw new Error(`cannot parse colour ${colour}`);
}

const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const linear = (colour: string): RGB => parse(colour).rgb.map(toLinear) as RGB;

/** `top` (possibly translucent) laid over an opaque `bottom`, as sRGB hex. */
function over(top: string, bottom: string): string {
  const t = parse(top);
  const b = parse(bottom).rgb;
  const mix = t.rgb.map((c, i) => c * t.alpha + (b[i] ?? 0) * (1 - t.alpha));
  return `#${mix
    .map((c) =>
      Math.round(c * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(colour: string): number {
  const [r, g, b] = linear(colour);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Machado et al. (2009) simulation matrices, severity 1.0, applied to linear RGB. */
const CVD = {
  normal: null,
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
} as const;
type Vision = keyof typeof CVD;
const VISIONS = Object.keys(CVD) as Vision[];

function simulate(colour: string, vision: Vision): RGB {
  const l = linear(colour);
  const m = CVD[vision];
  if (!m) return l;
  return m.map((row) => Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2]))) as RGB;
}

/** CIE L*a*b* (D65) of linear RGB. */
function lab([r, g, b]: RGB): RGB {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference as a person with `vision` would see the two colours. */
function deltaE(a: string, b: string, vision: Vision): number {
  const [l1, a1, b1] = lab(simulate(a, vision));
  const [l2, a2, b2] = lab(simulate(b, vision));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
const lightness = (c: string, vision: Vision): number => lab(simulate(c, vision))[0];

describe('the colour-vision simulation itself', () => {
  it('keeps white and grey unchanged and merges a classic red–green pair for deuteranopes', () => {
    for (const v of VISIONS) expect(deltaE('#ffffff', '#ffffff', v)).toBe(0);
    expect(deltaE('#808080', '#808080', 'protanopia')).toBe(0);
    expect(lightness('#777777', 'deuteranopia')).toBeCloseTo(lightness('#777777', 'normal'), 0);
    // Red and green of the same lightness: far apart normally, close for a deuteranope.
    expect(deltaE('#b35a00', '#5d7f00', 'normal')).toBeGreaterThan(40);
    expect(deltaE('#b35a00', '#5d7f00', 'deuteranopia')).toBeLessThan(15);
  });
});

/** The CSS declarations of the first rule with exactly this selector in palette.css. */
function cssBlock(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`palette.css has no rule "${selector}"`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/(--byru-[\w-]+):\s*([^;]+);/g)) out[m[1] as string] = (m[2] as string).trim();
  return out;
}

const css = readFileSync('src/ui/palette.css', 'utf8');
const appCss = readFileSync('src/ui/app.css', 'utf8');
const THEME_RULES: [Theme, string][] = [
  ['light', '.byru-app'],
  ['dark', ".byru-app[data-theme='dark']"],
  ['dark', '.byru-app:not([data-theme])'],
  ['projector', ".byru-app[data-theme='projector']"],
];

describe('the CSS themes carry the palette', () => {
  it('palette.css is generated from the palette (run `npx tsx scripts/palette-css.ts` after a change)', () => {
    expect(css).toBe(paletteCss());
  });

  it('app.css imports palette.css and sets no colour variable of its own', () => {
    expect(appCss).toMatch(/@import '\.\/palette\.css';/);
    expect(appCss).not.toMatch(/--byru-[\w-]+:/);
  });

  it.each(THEME_RULES)('%s: %s sets every variable to the palette’s value', (theme, selector) => {
    const expected = Object.fromEntries(Object.entries(cssVariables(theme)).map(([v, c]) => [v, c.toLowerCase()]));
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(LINK_KINDS.map((k) => `--byru-${k}`)));
    const actual = Object.fromEntries(Object.entries(cssBlock(css, selector)).map(([k, v]) => [k, v.toLowerCase()]));
    expect(actual).toEqual(expected);
  });

  it('follows prefers-color-scheme only while no theme is set', () => {
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*\.byru-app:not\(\[data-theme\]\) \{/);
  });

  it('turns transitions and animations off for readers who prefer reduced motion', () => {
    const block = /@media \(prefers-reduced-motion: reduce\) \{([^@]*?)\n\}/.exec(appCss)?.[1] ?? '';
    expect(block).toMatch(/transition: none !important/);
    expect(block).toMatch(/animation: none !important/);
  });
});

/** Text colour on background, as the interface draws them (the search's active option is a tint). */
function textPairs(p: Palette): [string, string, string][] {
  const tint = over(
    `rgba(${parse(p.accent)
      .rgb.map((c) => Math.round(c * 255))
      .join(',')},0.14)`,
    p.surface,
  );
  return [
    ['text on page', p.text, p.bg],
    ['text on panel', p.text, p.surface],
    ['secondary text on page', p.muted, p.bg],
    ['secondary text on panel', p.muted, p.surface],
    ['links and the year on panel', p.accent, p.surface],
    ['links and the year on page', p.accent, p.bg],
    ['pressed button text', p.onAccent, p.accent],
    ['"new" badge on panel', p.focus, p.surface],
    ['text on the active search option', p.text, tint],
    ['map labels on their halo over the lightest fill', p.label, over(p.labelHalo, p.none)],
    ['map labels on their halo over the darkest fill', p.label, over(p.labelHalo, p.byRamp[4] ?? p.none)],
    ['map labels on their halo over the sea', p.label, over(p.labelHalo, p.water)],
  ];
}

describe.each(THEMES)('%s theme', (theme) => {
  const p = PALETTES[theme];

  it.each(textPairs(p))('%s has at least 4.5:1 (%s on %s)', (name, fg, bg) => {
    const ratio = contrast(fg, bg);
    expect(ratio, `${theme}: ${name} is ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
  });

  it('has a focus ring of at least 3:1 against the page and the panels', () => {
    expect(contrast(p.focus, p.bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(p.focus, p.surface)).toBeGreaterThanOrEqual(3);
  });

  it.each(VISIONS)('keeps the link kinds and the forum apart with %s (ΔE ≥ 20)', (vision) => {
    const colours: [string, string][] = [
      ...LINK_KINDS.map((k): [string, string] => [k, p.link[k]]),
      ['forum', p.forum],
    ];
    for (let i = 0; i < colours.length; i++)
      for (let j = i + 1; j < colours.length; j++) {
        const [[a, ca], [b, cb]] = [colours[i], colours[j]] as [[string, string], [string, string]];
        const d = deltaE(ca, cb, vision);
        expect(d, `${theme}, ${vision}: ${a} ${ca} vs ${b} ${cb} ΔE ${d.toFixed(1)}`).toBeGreaterThanOrEqual(20);
      }
  });

  it.each(VISIONS)('keeps each link kind off the sea with %s (ΔE ≥ 20)', (vision) => {
    for (const [k, c] of [...LINK_KINDS.map((k) => [k, p.link[k]] as const), ['forum', p.forum] as const])
      expect(deltaE(c, p.water, vision), `${theme}, ${vision}: ${k}`).toBeGreaterThanOrEqual(20);
  });

  it.each(VISIONS)('orders both ramps by lightness with distinct steps with %s', (vision) => {
    for (const [name, base, ramp] of [
      ['Belarus', p.byBase, p.byRamp],
      ['Russia', p.ruBase, p.ruRamp],
    ] as const) {
      const steps = [base, ...ramp];
      const l = steps.map((c) => lightness(c, vision));
      const direction = Math.sign((l[l.length - 1] ?? 0) - (l[0] ?? 0));
      for (let i = 1; i < steps.length; i++) {
        const prev = steps[i - 1] as string;
        const cur = steps[i] as string;
        const step = ((l[i] ?? 0) - (l[i - 1] ?? 0)) * direction;
        expect(step, `${theme} ${name} ${vision}: L* ${l.map((x) => x.toFixed(0)).join(' → ')}`).toBeGreaterThan(2);
        expect(deltaE(prev, cur, vision), `${theme} ${name} ${vision}: step ${i}`).toBeGreaterThanOrEqual(8);
      }
    }
  });
});

describe('summary', () => {
  it('reports the lowest text contrast of each theme', () => {
    const lows = THEMES.map((theme) => Math.min(...textPairs(PALETTES[theme]).map(([, fg, bg]) => contrast(fg, bg))));
    console.log(`lowest text contrast: ${THEMES.map((t, i) => `${t} ${lows[i]?.toFixed(2)}:1`).join(', ')}`);
    for (const low of lows) expect(low).toBeGreaterThanOrEqual(4.5);
  });
});
