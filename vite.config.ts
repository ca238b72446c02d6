import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Build for a sub-path with `npx vite build --base=/maps/by-ru/` (see README).
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
