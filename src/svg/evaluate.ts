/**
 * A small evaluator for the MapLibre style expressions of the view description
 * (`src/scene/view/viewStyle.ts`), so the SVG renderer reads the very same filters and paints as the
 * WebGL map instead of restating them. It knows only the operators the description uses; an unknown
 * one throws (a unit test draws the real description, so a new operator fails there, not on a
 * reader's screen).
 */

/** What an expression may look at for one feature. */
export interface EvalContext {
  properties: Readonly<Record<string, unknown>>;
  /** The feature's state (the map's `feature-state`): `cls`, `dim`, `shown` … */
  state: Readonly<Record<string, unknown>>;
  zoom: number;
}

const isExpression = (v: unknown): v is [string, ...unknown[]] => Array.isArray(v) && typeof v[0] === 'string';

function interpolate(args: unknown[], ctx: EvalContext): number {
  const [type, input, ...stops] = args;
  if (!Array.isArray(type) || type[0] !== 'linear') throw new Error(`interpolate: only linear, got ${String(type)}`);
  const x = Number(evaluate(input, ctx));
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < stops.length; i += 2) pairs.push([Number(stops[i]), Number(evaluate(stops[i + 1], ctx))]);
  const first = pairs[0];
  const last = pairs[pairs.length - 1];
  if (!first || !last) throw new Error('interpolate: no stops');
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < pairs.length; i++) {
    const [x1, y1] = pairs[i] as [number, number];
    const [x0, y0] = pairs[i - 1] as [number, number];
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return last[1];
}

/** Evaluates an expression (or returns a literal value as is) for one feature. */
export function evaluate(expr: unknown, ctx: EvalContext): unknown {
  if (!isExpression(expr)) return expr;
  const [op, ...args] = expr;
  const ev = (i: number): unknown => evaluate(args[i], ctx);
  switch (op) {
    case 'literal':
      return args[0];
    case 'get':
      return ctx.properties[String(args[0])] ?? null;
    case 'feature-state':
      return ctx.state[String(args[0])] ?? null;
    case 'zoom':
      return ctx.zoom;
    case '==':
      return ev(0) === ev(1);
    case '!=':
      return ev(0) !== ev(1);
    case '<':
      return Number(ev(0)) < Number(ev(1));
    case '<=':
      return Number(ev(0)) <= Number(ev(1));
    case '>':
      return Number(ev(0)) > Number(ev(1));
    case '>=':
      return Number(ev(0)) >= Number(ev(1));
    case '!':
      return !ev(0);
    case 'all':
      return args.every((_, i) => ev(i) === true);
    case 'any':
      return args.some((_, i) => ev(i) === true);
    case 'in': {
      const haystack = ev(1);
      const needle = ev(0);
      return Array.isArray(haystack)
        ? haystack.includes(needle)
        : typeof haystack === 'string' && haystack.includes(String(needle));
    }
    case 'case': {
      for (let i = 0; i + 1 < args.length; i += 2) if (ev(i) === true) return ev(i + 1);
      return ev(args.length - 1);
    }
    case 'match': {
      const input = ev(0);
      for (let i = 1; i + 1 < args.length; i += 2) {
        const label = args[i];
        if (Array.isArray(label) ? label.includes(input) : label === input) return ev(i + 1);
      }
      return ev(args.length - 1);
    }
    case 'coalesce': {
      for (let i = 0; i < args.length; i++) {
        const v = ev(i);
        if (v !== null && v !== undefined) return v;
      }
      return null;
    }
    case 'boolean':
    case 'number':
    case 'string': {
      for (let i = 0; i < args.length; i++) {
        const v = ev(i);
        if (typeof v === op) return v;
      }
      throw new Error(`${op}: no argument of that type`);
    }
    case 'array': {
      // ['array', type, length, value]: MapLibre's assertion; the value is used as it is.
      const v = ev(args.length - 1);
      if (!Array.isArray(v)) throw new Error('array: the value is not an array');
      return v;
    }
    case '*':
      return args.reduce<number>((product, _, i) => product * Number(ev(i)), 1);
    case 'interpolate':
      return interpolate(args, ctx);
    default:
      throw new Error(`SVG map: style expression "${op}" is not supported (src/svg/evaluate.ts)`);
  }
}

/** A layer filter: no filter passes everything. */
export function passes(filter: unknown, ctx: EvalContext): boolean {
  return filter === undefined || evaluate(filter, ctx) === true;
}
