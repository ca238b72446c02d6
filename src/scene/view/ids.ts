import type { LinkKind } from '../../data/types';

/** Source ids of the view description (both renderers draw these sources). */
export const SOURCE = {
  neighbours: 'neighbours',
  regions: 'regions',
  labels: 'region-labels',
  borders: 'borders',
  arcs: 'arcs',
  cities: 'cities',
  forums: 'forums',
  inset: 'inset',
  insetTargets: 'inset-targets',
  insetFrame: 'inset-frame',
  partners: 'partners',
  /** The hovered and the selected region on the main map (only those: see `describeHighlight`). */
  highlight: 'highlight',
  /** The same in the inset. */
  insetHighlight: 'inset-highlight',
} as const;

/** Layer ids of the view description, except the partner arcs' (one per kind: {@link partnerLayerId}). */
export const LAYER = {
  background: 'water',
  neighboursFill: 'neighbours-fill',
  regionsFill: 'regions-fill',
  regionsNone: 'regions-none',
  bordersInternal: 'borders-internal',
  bordersCountry: 'borders-country',
  regionsHover: 'regions-hover',
  regionsSelected: 'regions-selected',
  labels: 'region-labels',
  cities: 'cities',
  cityLabels: 'city-labels',
  forums: 'forums',
  /** All single links (every kind). */
  arcs: 'arcs',
  insetFrameFill: 'inset-frame-fill',
  insetFrameLine: 'inset-frame-line',
  insetFill: 'inset-fill',
  insetNone: 'inset-none',
  insetBorders: 'inset-borders',
  insetHover: 'inset-hover',
  insetSelected: 'inset-selected',
  insetTargets: 'inset-targets',
  insetLabels: 'inset-labels',
} as const;

/** The partner-arc layer of a link kind (the partner's strongest kind picks the layer). */
export const partnerLayerId = (kind: LinkKind): string => `partners-${kind}`;

/** Name of the generated hatch image that marks regions with nothing recorded. */
export const HATCH_IMAGE = 'hatch';

/**
 * Feature-state keys of the description. `shown`: drawn in the shown year (arcs, cities, forums);
 * a feature whose `shown` is false is not on the map (opacity 0) and is no click target.
 */
export const STATE = {
  shown: 'shown',
  isNew: 'new',
  current: 'current',
  focus: 'focus',
  cls: 'cls',
  dim: 'dim',
  /** Partner arcs: line width (CSS px) from the number of ties. */
  width: 'w',
  /** Partner arcs: index of the strongest kind in `KIND_STRENGTH`. */
  strongest: 'k',
} as const;
