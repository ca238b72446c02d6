import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { embedBuild, embedEntries, relativeJsUrls } from './scripts/viteEmbed.ts';
import { precompress } from './scripts/vitePrecompress.ts';
import { offlineCopy } from './scripts/viteOffline.ts';

// Build for a sub-path with `npx vite build --base=/maps/by-ru/` (see README).
export default defineConfig({
  // embedBuild: dist/byru-map.js (the mount API for host pages) and dist/embed.js (the resizer);
  // offlineCopy: dist/sw.js, registered only when a presenter asks for an offline copy;
  // precompress: a .gz beside every text file, for servers that send it as is (deploy/nginx/).
  plugins: [react(), embedBuild(import.meta.dirname), offlineCopy(), precompress()],
  experimental: { renderBuiltUrl: relativeJsUrls },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: embedEntries(import.meta.dirname),
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
  },
});
