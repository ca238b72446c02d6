/** Tables whose records are multiplied; any other table is copied unchanged. */
export declare const SCALED_TABLES: readonly string[];

export interface DetailsJson {
  fields: Record<string, Record<string, Record<string, unknown>>>;
  tables: Record<string, unknown[]>;
}

/** A first-view dataset and its details scaled by an integer `factor` (a bench fixture, never shipped). */
export declare function scaleDataset(
  first: Record<string, unknown>,
  details: DetailsJson,
  factor: number,
): { first: Record<string, unknown>; details: DetailsJson };
