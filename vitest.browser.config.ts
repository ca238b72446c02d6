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
    // What a poll waits for in a real page (the address written after the next paint, a step drawn)
    // can take more than vitest's default second on two shared cores: a presenter test once saw the
    // address bar follow only after it (CI, 2026-12-03). The assertions are unchanged.
    expect: { poll: { timeout: 5_000 } },
  },
});
