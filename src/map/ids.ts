/** Source and layer ids of the map style, in one place. */
export const SOURCE = {
  neighbours: 'neighbours',
  regions: 'regions',
  labels: 'region-labels',
  borders: 'borders',
  arcs: 'arcs',
  cities: 'cities',
  forums: 'forums',
} as const;

export const LAYER = {
  background: 'water',
  neighboursFill: 'neighbours-fill',
  neighboursLine: 'neighbours-line',
  regionsFill: 'regions-fill',
  regionsNone: 'regions-none',
  bordersInternal: 'borders-internal',
  bordersCountry: 'borders-country',
  regionsHover: 'regions-hover',
  regionsSelected: 'regions-selected',
  labels: 'region-labels',
  arcsAgreement: 'arcs-agreement',
  arcsSister: 'arcs-sister',
  arcsProject: 'arcs-project',
  arcsBody: 'arcs-body',
  cities: 'cities',
  cityLabels: 'city-labels',
  forums: 'forums',
  forumLabels: 'forum-labels',
} as const;

/** The arc layer of each link kind. */
export const ARC_LAYER = {
  agreement: LAYER.arcsAgreement,
  sister: LAYER.arcsSister,
  project: LAYER.arcsProject,
  body: LAYER.arcsBody,
} as const;
