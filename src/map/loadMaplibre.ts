import 'maplibre-gl/dist/maplibre-gl.css';
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { assertWorkerStarts } from './assertWorkerStarts';
import { allowWorkerUrl } from './workerPolicy';
import type { MapLib } from './createMapAdapter';

// The worker is a separate same-origin file: no blob: worker, fine under a strict CSP.
setWorkerUrl(workerUrl);
// The page's Trusted Types policy (if any) passes this file; a page that may not start it keeps the SVG map.
allowWorkerUrl(workerUrl);
assertWorkerStarts(workerUrl);

/** The real map library, loaded on demand so the page's first paint does not wait for it. */
export const maplibreLib: MapLib = { Map };
