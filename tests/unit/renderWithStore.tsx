import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { DEFAULT_CONFIG, type ViewConfig } from '../../src/config';
import { createAppStore } from '../../src/state/createAppStore';
import { StoreContext } from '../../src/state/StoreContext';

/** Renders a component inside its own fresh store (as `mount` would). */
export function renderWithStore(ui: ReactElement, view: Partial<ViewConfig> = {}) {
  const store = createAppStore({ ...DEFAULT_CONFIG, ...view });
  const result = render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
  return { store, ...result };
}
