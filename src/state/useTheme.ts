import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { resolveTheme, type Theme } from '../scene/palette';
import type { AppState, AppStore } from './createAppStore';

const DARK_QUERY = '(prefers-color-scheme: dark)';

// One query object for the page: React reads the snapshot on every render of every themed component,
// and matchMedia() builds a new MediaQueryList (and evaluates it) on each call.
let darkQuery: MediaQueryList | null | undefined;
const darkList = (): MediaQueryList | null =>
  darkQuery === undefined ? (darkQuery = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null) : darkQuery;

function subscribeDark(onChange: () => void): () => void {
  const mq = darkList();
  if (!mq) return () => {};
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

const prefersDark = (): boolean => darkList()?.matches === true;

/** The `data-theme` an instance asks for: the projector while presenting, else its `theme` flag. */
export function themeAttribute(s: AppState): Theme | undefined {
  if (s.presenting) return 'projector';
  return s.display.theme === 'auto' ? undefined : s.display.theme;
}

/** The theme in effect (flag, presenter, or the reader's colour scheme), so the map paints match the page. */
export function useTheme(store: AppStore): Theme {
  const attribute = useStore(store, themeAttribute);
  const dark = useSyncExternalStore(subscribeDark, prefersDark, () => false);
  return resolveTheme(attribute, dark);
}
