import type { SvgCircle, SvgLabel, SvgMapModel, SvgPath } from './buildSvgMap';
import { LINE_EM } from './labels';

/** Font stack of the SVG labels (the WebGL map's LABEL_FONT, as CSS families). */
export const SVG_LABEL_FONT = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/** Baseline (y) of a label's line `i`, from the top of its box. */
export function lineBaseline(label: SvgLabel, i: number): number {
  const lh = label.size * LINE_EM;
  return Math.round((label.y + lh * i + lh / 2 + label.size * 0.35) * 10) / 10;
}

/** The 8 px diagonal hatch, the SVG twin of the WebGL map's generated `hatch` image. */
export const HATCH_SIZE = 8;
export const HATCH_PATH = 'M-1 1L1 -1M0 8L8 0M7 9L9 7';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
}

function path(p: SvgPath, idPrefix: string): string {
  const hatchId = `${idPrefix}-hatch`;
  return `<${p.href ? 'use' : 'path'}${attrs({
    d: p.href ? undefined : p.d,
    href: p.href ? `#${idPrefix}-${p.href}` : undefined,
    fill: p.hatch ? `url(#${hatchId})` : (p.fill ?? 'none'),
    'fill-opacity': p.fillOpacity,
    stroke: p.stroke,
    'stroke-width': p.strokeWidth,
    'stroke-opacity': p.strokeOpacity,
    'stroke-dasharray': p.dash?.join(' '),
    'stroke-linecap': p.cap,
    'stroke-linejoin': p.join,
    'data-region': p.region,
    'data-link': p.link,
  })}/>`;
}

function circle(c: SvgCircle): string {
  return `<circle${attrs({
    cx: c.cx,
    cy: c.cy,
    r: c.r,
    fill: c.fill,
    stroke: c.stroke,
    'stroke-width': c.strokeWidth,
    'data-city': c.city,
    'data-forum': c.forum,
  })}/>`;
}

function label(l: SvgLabel): string {
  const lines = l.lines.map((line, i) => `<tspan${attrs({ x: l.x, y: lineBaseline(l, i) })}>${esc(line)}</tspan>`);
  return `<text${attrs({
    'font-size': l.size,
    fill: l.fill,
    stroke: l.halo,
    'stroke-width': l.haloWidth * 2,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
    'data-label': l.id,
  })}>${lines.join('')}</text>`;
}

/**
 * The map as a standalone SVG document (for an image export or a first paint before any script
 * runs). `title` becomes the document's accessible name.
 */
export function svgMarkup(model: SvgMapModel, title: string, idPrefix = 'byru'): string {
  const hatchId = `${idPrefix}-hatch`;
  const body = model.layers
    .map(
      (l) =>
        `<g${attrs({ 'data-layer': l.id })}>${l.paths.map((p) => path(p, idPrefix)).join('')}${l.circles
          .map(circle)
          .join('')}${l.labels.map(label).join('')}</g>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      width: model.width,
      height: model.height,
      viewBox: `0 0 ${model.width} ${model.height}`,
      role: 'img',
      'aria-label': title,
    })}>` +
    `<title>${esc(title)}</title>` +
    `<defs><pattern${attrs({ id: hatchId, width: HATCH_SIZE, height: HATCH_SIZE, patternUnits: 'userSpaceOnUse' })}>` +
    `<path${attrs({ d: HATCH_PATH, stroke: model.hatch.colour, 'stroke-opacity': model.hatch.opacity.toFixed(3), 'stroke-width': 1.2 })}/>` +
    `</pattern>${model.shapes.map((s) => `<path${attrs({ id: `${idPrefix}-${s.id}`, d: s.d })}/>`).join('')}</defs>` +
    `<rect${attrs({ width: model.width, height: model.height, fill: model.background })}/>` +
    `<g${attrs({ 'font-family': SVG_LABEL_FONT, 'text-anchor': 'middle' })}>${body}</g>` +
    `</svg>`
  );
}
