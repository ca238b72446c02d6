/**
 * The PNG export: the map as drawn, framed by the title and year above and the legend and a source
 * line below, composed on a 2D canvas at the export scale. The map picture comes from the map
 * (a snapshot function handed over by the entry point); everything else is drawn here.
 */
import type { LineSample } from '../scene/linkKinds';
import type { Palette } from '../scene/palette';

/** One legend entry: a fill chip (one or two colours, optionally hatched) or a line sample (`lineSample`). */
export type LegendItem =
  | { kind: 'fill'; label: string; colours: string[]; hatched?: boolean }
  | { kind: 'line'; label: string; colour: string; sample: LineSample };

export interface ExportSpec {
  title: string;
  year: string;
  legendTitle: string;
  legend: LegendItem[];
  source: string;
  palette: Palette;
}

/** Layout in CSS px (multiplied by the scale when drawn). */
const PAD = 12;
const TITLE_FONT = 16;
const YEAR_FONT = 28;
const HEADER = 48;
const TEXT_FONT = 12;
const LINE = 18;
const CHIP = { w: 22, h: 12, gap: 6, after: 14 };
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

type Ctx = CanvasRenderingContext2D;

/** Splits text into lines no wider than `width` (CSS px) in the context's current font. */
export function wrapText(ctx: Pick<Ctx, 'measureText'>, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

interface Placed {
  item: LegendItem;
  x: number;
  row: number;
}

/** Flows the legend entries left to right, wrapping at `width`. */
function flowLegend(ctx: Ctx, items: LegendItem[], width: number): { placed: Placed[]; rows: number } {
  const placed: Placed[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = CHIP.w + CHIP.gap + ctx.measureText(item.label).width + CHIP.after;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    placed.push({ item, x, row });
    x += w;
  }
  return { placed, rows: items.length ? row + 1 : 0 };
}

function drawChip(ctx: Ctx, item: LegendItem, x: number, y: number, p: Palette): void {
  if (item.kind === 'line') {
    ctx.save();
    ctx.strokeStyle = item.colour;
    ctx.lineWidth = item.sample.width;
    ctx.lineCap = item.sample.cap;
    ctx.setLineDash(item.sample.dash ?? []);
    ctx.beginPath();
    ctx.moveTo(x, y + CHIP.h / 2);
    ctx.lineTo(x + CHIP.w, y + CHIP.h / 2);
    ctx.stroke();
    ctx.restore();
    return;
  }
  const part = CHIP.w / Math.max(1, item.colours.length);
  item.colours.forEach((c, i) => {
    ctx.fillStyle = c;
    ctx.fillRect(x + i * part, y, part, CHIP.h);
  });
  if (item.hatched) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, CHIP.w, CHIP.h);
    ctx.clip();
    ctx.strokeStyle = 'rgba(0,0,0,0.3)';
    ctx.lineWidth = 1;
    for (let d = -CHIP.h; d < CHIP.w; d += 4) {
      ctx.beginPath();
      ctx.moveTo(x + d, y + CHIP.h);
      ctx.lineTo(x + d + CHIP.h, y);
      ctx.stroke();
    }
    ctx.restore();
  }
  ctx.strokeStyle = p.landLine;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, CHIP.w - 1, CHIP.h - 1);
}

/**
 * Composes the export: `map` (already at `scale` device px per CSS px, e.g. a snapshot at 2×) with the
 * title and year above and legend and source below. The result is `scale` × the view's CSS width wide.
 */
export function composeExport(
  map: { width: number; height: number } & CanvasImageSource,
  spec: ExportSpec,
  scale: number,
  createCanvas: () => HTMLCanvasElement = () => document.createElement('canvas'),
): HTMLCanvasElement {
  const width = Math.round(map.width / scale);
  const mapHeight = Math.round(map.height / scale);
  const out = createCanvas();
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  const p = spec.palette;
  const inner = width - 2 * PAD;

  // Measure the footer first: its height depends on how the legend and source line wrap.
  ctx.font = `${TEXT_FONT}px ${FONT_FAMILY}`;
  const legend = flowLegend(ctx, spec.legend, inner);
  const sourceLines = wrapText(ctx, spec.source, inner);
  ctx.font = `600 ${TEXT_FONT}px ${FONT_FAMILY}`;
  const legendTitle = wrapText(ctx, spec.legendTitle, inner);
  const footer = PAD + (legendTitle.length + legend.rows) * LINE + 4 + sourceLines.length * LINE + PAD;

  out.width = Math.round(width * scale);
  out.height = Math.round((HEADER + mapHeight + footer) * scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = p.surface;
  ctx.fillRect(0, 0, width, HEADER + mapHeight + footer);
  ctx.textBaseline = 'middle';

  // Header: title left, year right.
  ctx.fillStyle = p.accent;
  ctx.font = `700 ${YEAR_FONT}px ${FONT_FAMILY}`;
  const yearWidth = ctx.measureText(spec.year).width;
  ctx.textAlign = 'right';
  ctx.fillText(spec.year, width - PAD, HEADER / 2);
  ctx.textAlign = 'left';
  ctx.fillStyle = p.text;
  ctx.font = `700 ${TITLE_FONT}px ${FONT_FAMILY}`;
  const titleRoom = Math.max(40, inner - yearWidth - PAD);
  let title = spec.title;
  while (title.length > 1 && ctx.measureText(title).width > titleRoom) title = `${title.slice(0, -2)}…`;
  ctx.fillText(title, PAD, HEADER / 2);

  // The map, at its full resolution.
  ctx.drawImage(map, 0, HEADER, width, mapHeight);

  // Footer: legend title, entries, source line.
  let y = HEADER + mapHeight + PAD + LINE / 2;
  ctx.fillStyle = p.text;
  ctx.font = `600 ${TEXT_FONT}px ${FONT_FAMILY}`;
  for (const line of legendTitle) {
    ctx.fillText(line, PAD, y);
    y += LINE;
  }
  ctx.font = `${TEXT_FONT}px ${FONT_FAMILY}`;
  for (const { item, x, row } of legend.placed) {
    const cy = y + row * LINE;
    drawChip(ctx, item, PAD + x, cy - CHIP.h / 2, p);
    ctx.fillStyle = p.text;
    ctx.fillText(item.label, PAD + x + CHIP.w + CHIP.gap, cy);
  }
  y += legend.rows * LINE + 4;
  ctx.fillStyle = p.muted;
  for (const line of sourceLines) {
    ctx.fillText(line, PAD, y);
    y += LINE;
  }
  return out;
}

/** A canvas as a PNG blob. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
  );
}

/** File name of an image export, e.g. `by-ru-regions-2020.png`. */
export function pngFileName(year: number): string {
  return `by-ru-regions-${year}.png`;
}
