// Runs once in vitest's main process: finds Chromium (installing it with apt-get on Debian as root
// if missing) and serves dist/ on 127.0.0.1 for every browser test file.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the static server, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseURL: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = findChromium();
  const root = resolve(process.env.BROWSER_TEST_ROOT ?? 'dist');
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html not found: build the app first (npm run test:browser builds it).`);
  }
  const server = await startServer({ root });
  console.log(`[browser tests] serving ${root} at ${server.url}/ with ${chromiumPath}`);
  project.provide('baseURL', server.url);
  project.provide('chromiumPath', chromiumPath);
  return () => server.close();
}
