import { useCallback, useEffect, useSyncExternalStore } from 'react';
import {
  completeDataset,
  detailsState,
  requestDetails,
  subscribeDetails,
  type DetailsState,
} from '../data/detailsLoader';
import type { Dataset } from '../data/types';

const COMPLETE: DetailsState = { status: 'complete' };

/**
 * Where the details (quotes, remarks) of the instance's dataset stand, re-rendering when they change.
 * A component that shows them asks for them: the first one mounted starts the fetch, if the idle-time
 * prefetch after the first view has not already.
 */
export function useDetailsState(dataset: Dataset | null): DetailsState {
  const subscribe = useCallback((cb: () => void) => (dataset ? subscribeDetails(dataset, cb) : () => {}), [dataset]);
  const state = useSyncExternalStore(subscribe, () => (dataset ? detailsState(dataset) : COMPLETE));
  useEffect(() => {
    // A failure is shown (with a retry button), not retried in a loop.
    if (dataset && state.status === 'idle') requestDetails(dataset).catch(() => {});
  }, [dataset, state.status]);
  return state;
}

/**
 * The complete dataset (quotes, remarks and the deferred tables included) for components that show
 * them, or null while the details load (they are asked for here): show a loading state then.
 */
export function useCompleteDataset(dataset: Dataset | null): Dataset | null {
  useDetailsState(dataset);
  return dataset ? completeDataset(dataset) : null;
}

/**
 * The complete dataset once the details are there, else null, re-rendering when they arrive; unlike
 * {@link useCompleteDataset} it never asks for them (for what the first view shows: the idle-time
 * prefetch brings them).
 */
export function useLoadedDataset(dataset: Dataset | null): Dataset | null {
  const subscribe = useCallback((cb: () => void) => (dataset ? subscribeDetails(dataset, cb) : () => {}), [dataset]);
  useSyncExternalStore(subscribe, () => (dataset ? detailsState(dataset) : COMPLETE));
  return dataset ? completeDataset(dataset) : null;
}
