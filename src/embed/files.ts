/** Names of the embedding files the build writes next to index.html (see scripts/viteEmbed.ts). */

/** The host page's resizer script (a classic script, no dependencies). */
export const RESIZER_FILE = 'embed.js';
/** The `mount` API as an ES module. */
export const LIB_FILE = 'byru-map.js';
