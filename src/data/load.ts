import type { Topology } from 'topojson-specification';
import { decodeTopologyInSteps, type Geography } from './topology';
import { decodeDataset } from './dataset';
import { deferDetails } from './detailsLoader';
import { nextTask } from './nextTask';
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
 * Longest wait (ms) for the two data files. A server or proxy that accepts the connection and
 * never answers would otherwise leave the reader on "loading" for ever; after this the reader gets
 * the message and the Retry button. Generous: the two files are about 200 kB gzip, which even a
 * slow 3G line brings within a few seconds.
 */
export const LOAD_TIMEOUT_MS = 30_000;

/**
 * The app's only network access: the boundaries and the first-view dataset, from the app's own origin
 * (and, later, the dataset's details: `requestDetails` of detailsLoader.ts).
 * @param baseUrl where the app is served (Vite's `import.meta.env.BASE_URL`), ending in `/`.
 * @param fetchFn the fetch to use (the page's by default; `mount` may be given another).
 * @param signal aborts the requests, the details' included (unmount).
 * @param timeoutMs rejects, and aborts both requests, when they have not both answered by then.
 */
export async function loadAll(
  baseUrl: string,
  fetchFn: typeof fetch = fetch,
  signal?: AbortSignal,
  timeoutMs = LOAD_TIMEOUT_MS,
): Promise<Loaded> {
  const requests = new AbortController();
  const onAbort = (): void => requests.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A race, not only an abort: an injected fetch may ignore its signal.
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const e = new Error(`no answer from the server within ${Math.round(timeoutMs / 1000)} s`);
      requests.abort(e);
      reject(e);
    }, timeoutMs);
  });
  const stopped = new Promise<never>((_resolve, reject) => {
    requests.signal.addEventListener('abort', () => reject(requests.signal.reason as Error), { once: true });
  });
  try {
    const [topo, data] = await Promise.race([
      Promise.all([
        fetchJson(`${baseUrl}data/regions.topo.json`, fetchFn, requests.signal),
        fetchJson(`${baseUrl}data/dataset.json`, fetchFn, requests.signal),
      ]),
      deadline,
      stopped,
    ]);
    const dataset = decodeDataset(data);
    // Quotes and remarks (data/details.json) are fetched only when asked for: see detailsLoader.ts.
    deferDetails(dataset, () => fetchJson(`${baseUrl}data/details.json`, fetchFn, signal));
    // Each decoding in its own task: the main thread stays free for input in between.
    await nextTask();
    const shapes = decodeTopologyInSteps(topo as Topology);
    await nextTask();
    return { geo: shapes.finish(), dataset };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
