import type { Topology } from 'topojson-specification';
import { decodeTopology, type Geography } from './topology';
import { decodeDataset } from './dataset';
import { deferDetails } from './detailsLoader';
import type { Dataset } from './types';

export type { Geography } from './topology';

export interface Loaded {
  geo: Geography;
  dataset: Dataset;
}

async function fetchJson(url: string, fetchFn: typeof fetch, signal: AbortSignal | undefined): Promise<unknown> {
  // Credentials only ever go to the page's own origin, even if an embedder puts the data elsewhere.
  const res = await fetchFn(url, { credentials: 'same-origin', ...(signal ? { signal } : {}) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // E.g. a host that answers a missing file with its HTML home page.
    throw new Error(`${url}: not JSON`);
  }
}

/**
 * The app's only network access: the boundaries and the first-view dataset, from the app's own origin
 * (and, later, the dataset's details: `requestDetails` of detailsLoader.ts).
 * @param baseUrl where the app is served (Vite's `import.meta.env.BASE_URL`), ending in `/`.
 * @param fetchFn the fetch to use (the page's by default; `mount` may be given another).
 * @param signal aborts the requests, the details' included (unmount).
 */
export async function loadAll(baseUrl: string, fetchFn: typeof fetch = fetch, signal?: AbortSignal): Promise<Loaded> {
  const [topo, data] = await Promise.all([
    fetchJson(`${baseUrl}data/regions.topo.json`, fetchFn, signal),
    fetchJson(`${baseUrl}data/dataset.json`, fetchFn, signal),
  ]);
  const dataset = decodeDataset(data);
  // Quotes and remarks (data/details.json) are fetched only when asked for: see detailsLoader.ts.
  deferDetails(dataset, () => fetchJson(`${baseUrl}data/details.json`, fetchFn, signal));
  return { geo: decodeTopology(topo as Topology), dataset };
}
