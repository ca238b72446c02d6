import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './createAppStore';
import { translator, type Translator } from '../i18n/translate';

export const StoreContext = createContext<AppStore | null>(null);

/** The store of the instance this component is mounted in. */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore: no StoreContext provider (mount the app with mount())');
  return store;
}

/** Subscribes a component to a slice of its instance's state. */
export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/** A translator for the instance's current language. */
export function useT(): Translator {
  const lang = useAppState((s) => s.lang);
  return translator(lang);
}
