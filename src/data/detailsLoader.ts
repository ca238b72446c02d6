/**
 * The details of one loaded dataset (quotes, remarks, later tables: see `details.ts`), fetched once,
 * after the first view or when something needs them first. Kept beside the dataset object it
 * completes (a WeakMap, like the indexes in `dataset.ts`), so two maps on one page never share them.
 */
import { decodeDetails, mergeDetails, type Details } from './details';
import type { Dataset } from './types';

/**
 * `complete`: nothing was deferred (a dataset decoded from a complete file, as in tests);
 * `idle`: not asked for yet; `loading`; `ready`; `error` (asking again retries).
 */
export type DetailsState =
  | { status: 'complete' }
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'error'; message: string };

interface Entry {
  fetchDetails: () => Promise<unknown>;
  state: DetailsState;
  pending: Promise<Dataset> | null;
  full: Dataset | null;
  /** A first-view record → its deferred fields. */
  byRecord: WeakMap<object, Record<string, unknown>>;
  listeners: Set<() => void>;
}

const COMPLETE: DetailsState = { status: 'complete' };
const entries = new WeakMap<Dataset, Entry>();

function setState(entry: Entry, state: DetailsState): void {
  entry.state = state;
  for (const listener of [...entry.listeners]) listener();
}

/**
 * Says that `dataset` is a first view whose details `fetchDetails` gets (as parsed JSON). Nothing is
 * fetched until {@link requestDetails}.
 */
export function deferDetails(dataset: Dataset, fetchDetails: () => Promise<unknown>): void {
  entries.set(dataset, {
    fetchDetails,
    state: { status: 'idle' },
    pending: null,
    full: null,
    byRecord: new WeakMap(),
    listeners: new Set(),
  });
}

function attach(dataset: Dataset, entry: Entry, details: Details): Dataset {
  const full = mergeDetails(dataset, details);
  for (const [table, byId] of Object.entries(details.fields)) {
    for (const row of (dataset as unknown as Record<string, { id: string }[]>)[table] ?? []) {
      const extra = byId[row.id];
      if (extra) entry.byRecord.set(row, extra);
    }
  }
  entry.full = full;
  return full;
}

/**
 * Fetches the details once (again after a failure) and resolves to the complete dataset: the first
 * view's records completed with their details, and the deferred tables. A complete dataset resolves
 * to itself.
 */
export function requestDetails(dataset: Dataset): Promise<Dataset> {
  const entry = entries.get(dataset);
  if (!entry) return Promise.resolve(dataset);
  if (entry.full) return Promise.resolve(entry.full);
  if (entry.pending) return entry.pending;
  setState(entry, { status: 'loading' });
  entry.pending = entry
    .fetchDetails()
    .then((json) => {
      const full = attach(dataset, entry, decodeDetails(json));
      setState(entry, { status: 'ready' });
      return full;
    })
    .catch((e: unknown) => {
      entry.pending = null;
      setState(entry, { status: 'error', message: e instanceof Error ? e.message : String(e) });
      throw e;
    });
  return entry.pending;
}

/**
 * The complete dataset (deferred fields and tables included) once the details are there, the dataset
 * itself when nothing was deferred, null until then. See {@link requestDetails} to ask for it.
 */
export function completeDataset(dataset: Dataset): Dataset | null {
  const entry = entries.get(dataset);
  return entry ? entry.full : dataset;
}

/** Where the details of `dataset` stand; the same object until they change (for useSyncExternalStore). */
export function detailsState(dataset: Dataset): DetailsState {
  return entries.get(dataset)?.state ?? COMPLETE;
}

/** Calls `listener` whenever {@link detailsState} changes; returns the unsubscribe function. */
export function subscribeDetails(dataset: Dataset, listener: () => void): () => void {
  const entry = entries.get(dataset);
  if (!entry) return () => {};
  entry.listeners.add(listener);
  return () => entry.listeners.delete(listener);
}

/** A record with the fields the first view leaves out: quote and note for all, scope for figures. */
export interface RecordDetails {
  quote?: string;
  note?: string;
  scope?: string;
  /** A source's address and date. */
  url?: string;
  date?: string;
}

/**
 * The deferred fields of `record`, a record of `dataset` (by identity), or null while they are not
 * loaded. For a complete dataset, the record itself.
 */
export function recordDetails(dataset: Dataset, record: object): RecordDetails | null {
  const entry = entries.get(dataset);
  if (!entry) return record as RecordDetails;
  const extra = entry.byRecord.get(record) as RecordDetails | undefined;
  if (extra) return extra;
  // A record of a deferred table (a document, a meeting) arrives whole, its quote included.
  return typeof (record as RecordDetails).quote === 'string' ? (record as RecordDetails) : null;
}
