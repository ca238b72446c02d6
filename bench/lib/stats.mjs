// Small statistics helpers for the bench (no dependencies).

/** Value at quantile q (0–1) of the numbers, linear interpolation between ranks; null when empty. */
export function quantile(values, q) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

/** { median, min, max, n } of the finite numbers among `values`. */
export function summarize(values) {
  const finite = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : null,
    max: finite.length ? Math.max(...finite) : null,
    n: finite.length,
  };
}

export const sum = (values) => values.reduce((a, b) => a + b, 0);

/** Rounds to `digits` decimals, keeping null. */
export function round(value, digits = 0) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
