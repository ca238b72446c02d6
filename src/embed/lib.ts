// Entry of `byru-map.js`: the `mount` API as an ES module a plain host page can import,
//   import { mount } from 'https://maps.example.org/by-ru/byru-map.js';
// It shares its chunks with the app (one download, one cache) and finds the app's data next to
// itself, wherever the host page lives.
import { ownDataOptions } from '../config';
import { mount as mountApp, type MountHandle, type MountOptions } from '../mount';

export type { MountHandle, MountOptions };

/** Where this module was served from: the data and chunks sit beside it. */
const HERE = new URL(/* @vite-ignore */ './', import.meta.url).href;

/**
 * Mounts one independent map into `container` (see src/mount.tsx); `baseUrl` defaults to the folder
 * this script was loaded from. Returns the unmount function (with `.store`).
 */
export function mount(container: HTMLElement, options: MountOptions = {}): MountHandle {
  // Copied without running the embedder's getters or Proxy traps (a spread would run them).
  return mountApp(container, { baseUrl: HERE, ...ownDataOptions(options) });
}
