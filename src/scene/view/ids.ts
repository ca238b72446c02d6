/** Source ids of the view description (both renderers draw these sources). */
export const SOURCE = {
  neighbours: 'neighbours',
  regions: 'regions',
  labels: 'region-labels',
  borders: 'borders',
  /** The single links of the place in focus, for all years (only those: see `describeHighlight`). */
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

/** Layer ids of the view description. */
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
  /** All partner arcs (every kind; see `PartnerProps`). */
  partners: 'partners',
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
  /**
   * Partner arcs: index in `KIND_STRENGTH` of the pair's strongest kind shown by the year (the
   * pair's feature of that kind is the one drawn).
   */
  strongest: 'k',
} as const;
