import { useEffect, useRef, useState } from 'react';
import { useAppState, useT } from '../state/StoreContext';
import {
  browserEnv,
  canKeepCopy,
  currentState,
  dropCopy,
  keepCopy,
  offlineTarget,
  takeUpdate,
  watchUpdates,
  type OfflineEnv,
  type OfflineState,
} from './offlineCopy';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The presenter's "Make available offline": saves the app, its data and the map engine in the
 * browser (a service worker), so the presentation reloads and runs with the network cut; shows
 * when a newer release is ready, and removes the copy on request. Not shown in an embed or where
 * the browser cannot keep a copy.
 */
export function OfflineControl({
  env: givenEnv,
  baseUrl = import.meta.env.BASE_URL,
  reload = () => location.reload(),
}: {
  env?: OfflineEnv;
  baseUrl?: string;
  reload?: () => void;
}) {
  const t = useT();
  const embedded = useAppState((s) => s.display.embed);
  // Read once: the effect below depends on it and must not run again on every render.
  const [env] = useState(() => givenEnv ?? browserEnv());
  const [target] = useState(() => offlineTarget(baseUrl, env.documentUrl));
  const available = canKeepCopy(env, target, embedded);
  const [state, setState] = useState<OfflineState>({ kind: available ? 'off' : 'unavailable' });
  const registration = useRef<ServiceWorkerRegistration | null>(null);

  useEffect(() => {
    if (!available) return;
    let live = true;
    let unwatch = (): void => undefined;
    void (async () => {
      const found = (await env.serviceWorker?.getRegistration(target.scope)) ?? null;
      const now = await currentState(env, target);
      if (!live) return;
      registration.current = found;
      setState(now);
      if (found) unwatch = watchUpdates(found, () => live && setState({ kind: 'update' }));
    })().catch((error: unknown) => live && setState({ kind: 'error', message: messageOf(error) }));
    return () => {
      live = false;
      unwatch();
    };
  }, [available, env, target]);

  if (state.kind === 'unavailable') return null;

  const save = async (): Promise<void> => {
    setState({ kind: 'saving' });
    try {
      registration.current = await keepCopy(env, target);
      setState({ kind: 'ready' });
    } catch (error) {
      setState({ kind: 'error', message: messageOf(error) });
    }
  };
  const remove = async (): Promise<void> => {
    try {
      await dropCopy(env, target);
      registration.current = null;
      setState({ kind: 'off' });
    } catch (error) {
      setState({ kind: 'error', message: messageOf(error) });
    }
  };

  return (
    <span className="byru-offline">
      <span
        role="status"
        className="byru-offline-status"
        data-error={state.kind === 'error' ? state.message : undefined}
      >
        {state.kind === 'saving' && t('offline.saving')}
        {state.kind === 'ready' && t('offline.ready')}
        {state.kind === 'update' && t('offline.update')}
        {state.kind === 'error' && t('offline.error')}
      </span>
      {(state.kind === 'off' || state.kind === 'error') && (
        <button type="button" onClick={() => void save()}>
          {t('offline.save')}
        </button>
      )}
      {state.kind === 'update' && (
        <button type="button" onClick={() => registration.current && takeUpdate(env, registration.current, reload)}>
          {t('offline.reload')}
        </button>
      )}
      {(state.kind === 'ready' || state.kind === 'update') && (
        <button type="button" onClick={() => void remove()}>
          {t('offline.remove')}
        </button>
      )}
    </span>
  );
}
