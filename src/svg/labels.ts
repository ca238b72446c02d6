/**
 * Label placement for the SVG map, after MapLibre's symbol rules as the style sets them: text wrapped
 * at `text-max-width` ems, placed in `symbol-sort-key` order (largest regions first, Belarus's always),
 * and a label that would overlap one already placed (with `text-padding`) or leave the picture is
 * dropped. Widths are estimated from the character count: no DOM, so it runs in node too.
 */

/** Average advance of a character, in ems, for the sans-serif label fonts (Cyrillic and Latin). */
export const CHAR_EM = 0.58;
/** MapLibre's default `text-line-height`, in ems. */
export const LINE_EM = 1.2;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Characters (code points) of a text, as `[...text].length` counts them, without building the array. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The second half of a surrogate pair is the same character as the first.
    const low = c >= 0xdc00 && c <= 0xdfff;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (!low || prev < 0xd800 || prev > 0xdbff) n++;
  }
  return n;
}

/** Estimated width (px) of a text at a font size (labels are placed at every year step on the SVG map). */
export function textWidth(text: string, size: number): number {
  return codePoints(text) * size * CHAR_EM;
}

/**
 * Splits a label into lines no wider than `maxWidth` px where it can (words are never broken),
 * with lines of similar length, as MapLibre balances them.
 */
export function wrapLabel(text: string, size: number, maxWidth: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const total = textWidth(text, size);
  if (total <= maxWidth || words.length < 2) return [text];
  const count = Math.ceil(total / maxWidth);
  const longest = Math.max(...words.map((w) => textWidth(w, size)));
  const target = Math.max(total / count, longest);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    // Break before a word that would take the line past the target by more than half the word.
    if (line && textWidth(next, size) > target + textWidth(w, size) / 2) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Box of a block of lines anchored at (x, y): `center` (the middle) or `top` (top edge centred). */
export function labelBox(
  x: number,
  y: number,
  lines: readonly string[],
  size: number,
  anchor: 'center' | 'top',
  padding: number,
): Box {
  const w = Math.max(...lines.map((l) => textWidth(l, size)));
  const h = lines.length * size * LINE_EM;
  const top = anchor === 'top' ? y : y - h / 2;
  return { x0: x - w / 2 - padding, y0: top - padding, x1: x + w / 2 + padding, y1: top + h + padding };
}

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** A collision index: boxes placed so far, and the area they must stay inside. */
export class Placement {
  private readonly boxes: Box[] = [];
  constructor(private readonly bounds: Box) {}

  /** Places the box if it fits inside the picture and overlaps nothing placed; true when placed. */
  place(box: Box): boolean {
    const b = this.bounds;
    if (box.x0 < b.x0 || box.y0 < b.y0 || box.x1 > b.x1 || box.y1 > b.y1) return false;
    if (this.boxes.some((o) => overlaps(o, box))) return false;
    this.boxes.push(box);
    return true;
  }
}

/** Font stack of the SVG labels (the WebGL map's LABEL_FONT, as CSS families). */
export const SVG_LABEL_FONT = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

/** Baseline (y) of line `i` of a label whose box starts at `top`, at font size `size`. */
export function lineBaseline(label: { y: number; size: number }, i: number): number {
  const lh = label.size * LINE_EM;
  return Math.round((label.y + lh * i + lh / 2 + label.size * 0.35) * 10) / 10;
}
