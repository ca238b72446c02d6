import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base` lets the build live under a sub-path: `vite build --base=/maps/by-ru/`.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
  },
});
