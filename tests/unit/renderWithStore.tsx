import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { DEFAULT_CONFIG, type ViewConfig } from '../../src/config';
import type { Geography } from '../../src/data/load';
import { createAppStore } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';

/** Renders a component inside its own fresh store (as `mount` would). */
export function renderWithStore(ui: ReactElement, view: Partial<ViewConfig> = {}) {
  const store = createAppStore({ ...DEFAULT_CONFIG, ...view });
  const result = render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
  return { store, ...result };
}

/** An empty geography, for components that need a loaded dataset but no map. */
export const NO_GEO: Geography = {
  regions: [],
  regionShapes: { type: 'FeatureCollection', features: [] },
  neighbours: { type: 'FeatureCollection', features: [] },
  borders: {
    internal: { type: 'MultiLineString', coordinates: [] },
    byRu: { type: 'MultiLineString', coordinates: [] },
    international: { type: 'MultiLineString', coordinates: [] },
  },
};
