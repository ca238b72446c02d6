/**
 * The presenter's offline copy (issue 15): vite-plugin-pwa (Workbox) writes `sw.js`, a service worker
 * that precaches the app shell, both data files and the map engine with its worker. Nothing registers
 * it on its own (`injectRegister: false`, no web manifest, which the strict CSP would refuse anyway):
 * only the presenter's "Make available offline" button does (src/ui/offlineCopy.ts), so a reader who
 * never asks, and every embed, stores nothing. A new release is installed in the background when the
 * browser sees a new sw.js and taken when the presenter reloads (`skipWaiting: false`).
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

/** The service worker's file name, relative to the base (the app registers `<base>sw.js`). */
export const SERVICE_WORKER_FILE = 'sw.js';

export function offlineCopy(): Plugin[] {
  const plugins = VitePWA({
    injectRegister: false,
    manifest: false,
    registerType: 'prompt',
    strategies: 'generateSW',
    filename: SERVICE_WORKER_FILE,
    workbox: {
      // What presenting needs: the page, every chunk (MapLibre and its worker included), the data.
      // Not the host-page scripts (byru-map.js, embed.js: they run on other sites) nor the .gz copies.
      globPatterns: ['**/*.{html,js,mjs,css,json,png,ico}'],
      globIgnores: ['**/*.gz', 'byru-map.js', 'embed.js', SERVICE_WORKER_FILE],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      // Any view of the app (`?present=1&lang=be` …) is the one page.
      navigateFallback: 'index.html',
      navigateFallbackAllowlist: [/\/(?:index\.html)?(?:\?.*)?$/u],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
      inlineWorkboxRuntime: true,
      sourcemap: false,
    },
  });
  return skipWithoutWrite(plugins);
}

type Hook = { handler: (this: unknown, ...args: unknown[]) => unknown };

/**
 * An in-memory build (`build.write: false`, e.g. the bundle budget test) writes no files for Workbox
 * to list, and vite-plugin-pwa would fail on the empty folder: its worker is then simply not made.
 */
function skipWithoutWrite(plugins: Plugin[]): Plugin[] {
  let write = true;
  const watch: Plugin = {
    name: 'byru-offline-write',
    apply: 'build',
    configResolved(config) {
      write = config.build.write;
    },
  };
  for (const plugin of plugins) {
    const hook = plugin.closeBundle as Hook | undefined;
    if (!hook || typeof hook !== 'object') continue;
    const original = hook.handler;
    hook.handler = function (this: unknown, ...args: unknown[]) {
      return write ? original.apply(this, args) : undefined;
    };
  }
  return [watch, ...plugins];
}
