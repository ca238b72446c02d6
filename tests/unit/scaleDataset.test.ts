import { describe, expect, it } from 'vitest';
import { SCALED_TABLES, scaleDataset, type DetailsJson } from '../../bench/lib/scaleDataset.mjs';
import { createDataset } from '../../scripts/data/fixtures';
import { decodeDataset } from '../../src/data/dataset';
import { decodeDetails, mergeDetails, splitDataset } from '../../src/data/details';
import type { Link } from '../../src/data/types';

type Json = Record<string, unknown>;

/** The fixture dataset as `npm run data` writes it: the first-view file and the details file. */
function createFiles(): { first: Json; details: DetailsJson } {
  return splitDataset(JSON.parse(JSON.stringify(createDataset())) as Json);
}

const rowsOf = (d: Json, table: string): Json[] => (d[table] ?? []) as Json[];

describe('scaleDataset (bench fixture)', () => {
  it.each(SCALED_TABLES)('multiplies the %s by the factor', (table) => {
    const { first, details } = createFiles();
    const out = scaleDataset(first, details, 10);
    expect(rowsOf(out.first, table)).toHaveLength(rowsOf(first, table).length * 10);
  });

  it.each(['sources', 'metrics', 'cities', 'years'])('keeps the reference table %s as it is', (table) => {
    const { first, details } = createFiles();
    expect(scaleDataset(first, details, 10).first[table]).toEqual(first[table]);
  });

  it('gives every copy a new id, unique in its table, and keeps the real records first and unchanged', () => {
    const { first, details } = createFiles();
    const out = scaleDataset(first, details, 3);
    for (const table of SCALED_TABLES) {
      const ids = rowsOf(out.first, table).map((r) => r.id);
      expect(new Set(ids).size, table).toBe(ids.length);
      expect(rowsOf(out.first, table).slice(0, rowsOf(first, table).length)).toEqual(rowsOf(first, table));
    }
  });

  it('keeps each year’s share: every year has factor times its real records', () => {
    const { first, details } = createFiles();
    const out = scaleDataset(first, details, 4);
    const perYear = (rows: Json[]) =>
      rows.reduce<Record<string, number>>((a, r) => ({ ...a, [String(r.year)]: (a[String(r.year)] ?? 0) + 1 }), {});
    const real = perYear(rowsOf(first, 'links'));
    expect(perYear(rowsOf(out.first, 'links'))).toEqual(
      Object.fromEntries(Object.entries(real).map(([y, n]) => [y, n * 4])),
    );
  });

  it('joins copied links only between ends that real links of the same kind use', () => {
    const { first, details } = createFiles();
    const real = rowsOf(first, 'links') as unknown as Link[];
    const out = rowsOf(scaleDataset(first, details, 10).first, 'links') as unknown as Link[];
    const bad = out.filter(
      (l) =>
        !real.some((r) => r.kind === l.kind && r.from === l.from) ||
        !real.some((r) => r.kind === l.kind && r.to === l.to),
    );
    expect(bad).toEqual([]);
  });

  it('gives every copy its details, so the scaled files still merge into a dataset the app decodes', () => {
    const { first, details } = createFiles();
    const out = scaleDataset(first, details, 10);
    const merged = decodeDataset(mergeDetails(out.first, decodeDetails(out.details)));
    expect(merged.links).toHaveLength(rowsOf(first, 'links').length * 10);
    expect(merged.links.every((l) => typeof l.quote === 'string')).toBe(true);
  });

  it('puts copied figures in series of their own, never merged with the real ones', () => {
    const { first, details } = createFiles();
    const out = rowsOf(scaleDataset(first, details, 2).first, 'figures');
    const realSeries = new Set(rowsOf(first, 'figures').map((f) => f.series));
    expect(out.slice(rowsOf(first, 'figures').length).filter((f) => realSeries.has(f.series))).toEqual([]);
  });

  it('is deterministic, leaves its inputs alone, and with factor 1 gives equal files', () => {
    const { first, details } = createFiles();
    const before = JSON.stringify({ first, details });
    expect(scaleDataset(first, details, 5)).toEqual(scaleDataset(first, details, 5));
    expect(JSON.stringify({ first, details })).toBe(before);
    expect(scaleDataset(first, details, 1)).toEqual({ first, details });
  });

  it.each([0, -2, 1.5, Number.NaN])('refuses the factor %s', (factor) => {
    const { first, details } = createFiles();
    expect(() => scaleDataset(first, details, factor)).toThrow(/factor must be an integer ≥ 1/);
  });

  it('refuses details that lack a record of the first view', () => {
    const { first, details } = createFiles();
    const id = String(rowsOf(first, 'links')[0]?.id);
    delete details.fields.links?.[id];
    expect(() => scaleDataset(first, details, 2)).toThrow(`details.json has no links record ${id}`);
  });
});
