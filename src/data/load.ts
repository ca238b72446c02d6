import type { Topology } from 'topojson-specification';
import { decodeTopology, type Geography } from './topology';
import { decodeDataset } from './dataset';
import type { Dataset } from './types';

export type { Geography } from './topology';

export interface Loaded {
  geo: Geography;
  dataset: Dataset;
}

async function fetchJson(url: string, fetchFn: typeof fetch): Promise<unknown> {
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/**
 * The app's only network access: the boundaries and the dataset, from the app's own origin.
 * @param baseUrl where the app is served (Vite's `import.meta.env.BASE_URL`), ending in `/`.
 */
export async function loadAll(baseUrl: string, fetchFn: typeof fetch = fetch): Promise<Loaded> {
  const [topo, data] = await Promise.all([
    fetchJson(`${baseUrl}data/regions.topo.json`, fetchFn),
    fetchJson(`${baseUrl}data/dataset.json`, fetchFn),
  ]);
  return { geo: decodeTopology(topo as Topology), dataset: decodeDataset(data) };
}
