// Real-browser tests: vitest (node environment) drives Debian Chromium through playwright-core
// against the built app (dist/) served on 127.0.0.1 by scripts/serve.mjs.
// Run: npm run test:browser (builds first). BROWSER_TEST_ROOT=<dir> serves another directory.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
