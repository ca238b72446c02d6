// Builds the bench's anchor page (bench/anchor/: bare MapLibre, feature-state only) with Vite into
// `outDir`, served beside the app from the bench's copy of dist/ at `/bench-anchor/`. Never part of
// the app's build.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ANCHOR_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'anchor');
/** Where the anchor is served in the bench's copy of dist/. */
export const ANCHOR_PATH = '/bench-anchor/';

/** Builds the anchor into `outDir` (emptied first). Takes a few seconds (MapLibre is bundled). */
export async function buildAnchor(outDir) {
  const { build } = await import('vite');
  await build({
    root: ANCHOR_DIR,
    base: ANCHOR_PATH,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000, reportCompressedSize: false },
  });
}
