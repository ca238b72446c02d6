import { createContext, startTransition, useContext, useEffect, useState, type ReactNode } from 'react';
import { useAppState, useAppStore } from '../state/StoreContext';

const PanelYearContext = createContext<number | null>(null);

/**
 * The year the panels beside the map show (headline, legend, figures, the year's summary, the region
 * panel, the table), one step behind the store's: a step paints the new year on the timeline and the
 * map first, and the panels follow in a React transition, which a held key or autoplay may interrupt
 * (no queue of one panel render per year). Only the components that read the year re-render.
 */
export function PanelYearProvider({ children }: { children: ReactNode }) {
  const store = useAppStore();
  const [year, setYear] = useState(() => store.getState().year);
  useEffect(() => {
    // Subscribed in the first commit, before any parent's effect can change the year.
    let last = store.getState().year;
    return store.subscribe((s) => {
      if (s.year === last) return;
      last = s.year;
      startTransition(() => setYear(s.year));
    });
  }, [store]);
  return <PanelYearContext.Provider value={year}>{children}</PanelYearContext.Provider>;
}

/** The panels' year: the provider's, or the store's where a panel is mounted on its own. */
export function usePanelYear(): number {
  const provided = useContext(PanelYearContext);
  // Inside the provider the store's year is not read (a step does not re-render the panel twice).
  const own = useAppState((s) => (provided === null ? s.year : 0));
  return provided ?? own;
}
