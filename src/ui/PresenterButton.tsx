import type { MouseEvent } from 'react';
import { useAppStore, useT } from '../state/StoreContext';

/** The instance's root element (what goes full screen), from any element inside it. */
export const appRoot = (el: Element | null): HTMLElement | null => el?.closest<HTMLElement>('.byru-app') ?? null;

/** Enters full screen with `root`, or leaves it. */
export function toggleFullscreen(root: HTMLElement | null): void {
  if (!root) return;
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
  // Refused without a user gesture or inside an iframe without allow="fullscreen": the presenter
  // still works, just not full screen.
  else void root.requestFullscreen?.().catch(() => undefined);
}

/** Starts presenter mode, full screen (the click is the user gesture the Fullscreen API needs). */
export function PresenterButton() {
  const t = useT();
  const store = useAppStore();
  const start = (e: MouseEvent<HTMLButtonElement>): void => {
    toggleFullscreen(appRoot(e.currentTarget));
    store.getState().setPresenting(true);
  };
  return (
    <button type="button" className="byru-present-button" onClick={start}>
      {t('present.start')}
    </button>
  );
}
