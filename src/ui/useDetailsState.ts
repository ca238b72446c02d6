import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { detailsState, requestDetails, subscribeDetails, type DetailsState } from '../data/detailsLoader';
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
