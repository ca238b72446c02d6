/** The subset of a link the anchor reads. */
export interface AnchorLink {
  from: string;
  to: string;
  status: string;
  year: number | null;
  inForceBy: number | null;
}

/**
 * Per year, per region code: the number of links in force by that year with an end in the region
 * (directly, or through one of its cities). The anchor shows it as a colour, the way the app colours
 * its regions; the quantity only has to change from year to year like the app's.
 */
export function anchorCounts(
  dataset: { links: AnchorLink[]; cities: { id: string; region: string }[] },
  years: number[],
  regions: string[],
): Map<number, Map<string, number>> {
  const regionOf = new Map(dataset.cities.map((c) => [c.id, c.region]));
  const known = new Set(regions);
  const out = new Map<number, Map<string, number>>();
  for (const year of years) {
    const n = new Map(regions.map((r) => [r, 0]));
    for (const l of dataset.links) {
      const start = l.year ?? l.inForceBy;
      if (start === null || start > year || (l.status !== 'signed' && l.status !== 'in_force')) continue;
      for (const end of [l.from, l.to]) {
        const region = known.has(end) ? end : regionOf.get(end);
        if (region !== undefined && n.has(region)) n.set(region, (n.get(region) ?? 0) + 1);
      }
    }
    out.set(year, n);
  }
  return out;
}
