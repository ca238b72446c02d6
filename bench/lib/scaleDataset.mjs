// A bench fixture, never shipped: the compiled dataset made `factor` times larger, to show how the
// cost of a year step grows with the data. It works on the two files `npm run data` writes
// (dataset.json, the first view, and details.json: see src/data/details.ts) as plain JSON.
//
// The tables that hold records per year (links, figures, events, region facts) get `factor − 1` copies
// of every record with new ids; the reference tables (sources, metrics, cities) stay as they are, so
// every copy still cites a real source and names real places. Copies keep their year, so each year
// grows by the same factor. The copies are not data: they exist only on the bench's local server.

/** Tables whose records are multiplied; any other table is copied unchanged. */
export const SCALED_TABLES = ['links', 'figures', 'events', 'regionFacts'];

const sortedUnique = (values) => [...new Set(values)].sort();

/** From each link kind, the Belarusian and Russian ends its real links use (copies draw from these). */
function linkEnds(links) {
  const ends = new Map();
  for (const kind of sortedUnique(links.map((l) => l.kind))) {
    const ofKind = links.filter((l) => l.kind === kind);
    ends.set(kind, { from: sortedUnique(ofKind.map((l) => l.from)), to: sortedUnique(ofKind.map((l) => l.to)) });
  }
  return ends;
}

/** The fields in which copy `k` of a record differs from the record, beyond its id. */
function variation(table, row, k, ends) {
  if (table === 'links') {
    // Other pairs of the same kind, so the copies spread over the map as new links would.
    const { from, to } = ends.get(row.kind);
    return {
      from: from[(from.indexOf(row.from) + k) % from.length],
      to: to[(to.indexOf(row.to) + 3 * k) % to.length],
    };
  }
  // A series of its own per copy: the panel lists them as separate lines, never merged with the real one.
  if (table === 'figures') return { series: `${row.series}~x${k}` };
  return {};
}

/**
 * Scales a first-view dataset and its details by an integer `factor` (1 gives equal copies). Pure: the
 * inputs are not changed.
 * @param {Record<string, unknown>} first the parsed dataset.json
 * @param {{ fields: Record<string, Record<string, Record<string, unknown>>>, tables: Record<string, unknown[]> }} details the parsed details.json
 * @param {number} factor
 * @returns {{ first: Record<string, unknown>, details: typeof details }}
 */
export function scaleDataset(first, details, factor) {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`scaleDataset: factor must be an integer ≥ 1 (got ${factor})`);
  const ends = linkEnds(Array.isArray(first.links) ? first.links : []);
  const outFirst = { ...first };
  const outFields = { ...details.fields };
  for (const table of SCALED_TABLES) {
    const rows = first[table];
    if (!Array.isArray(rows)) continue;
    const extra = details.fields[table];
    const scaled = [...rows];
    const scaledExtra = extra ? { ...extra } : undefined;
    for (let k = 1; k < factor; k++) {
      for (const row of rows) {
        const id = `${row.id}~x${k}`;
        scaled.push({ ...row, ...variation(table, row, k, ends), id });
        if (scaledExtra) {
          if (!Object.hasOwn(extra, row.id)) throw new Error(`scaleDataset: details.json has no ${table} record ${row.id}`);
          scaledExtra[id] = { ...extra[row.id] };
        }
      }
    }
    outFirst[table] = scaled;
    if (scaledExtra) outFields[table] = scaledExtra;
  }
  return { first: outFirst, details: { ...details, fields: outFields } };
}
