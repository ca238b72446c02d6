#!/usr/bin/env node
// Finds a Chromium/Chrome executable for the browser tests (no dependencies).
//
// Order: $CHROME_PATH, $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser,
// /usr/bin/google-chrome, /usr/bin/google-chrome-stable, the macOS Chrome app.
// If none is found and this is Debian/Ubuntu running as root, it installs Debian's `chromium`
// with apt-get and looks again; anywhere else it throws a message saying what to install.
//
// CLI: `node scripts/find-chromium.mjs` prints the path on stdout (apt-get output goes to stderr),
// `--no-install` never runs apt-get.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Chromium flags verified on this kind of machine (shared/briefs/geodata-and-browser.md): WebGL2 runs
 *  on SwiftShader and no background request leaves the machine. Used by the browser tests, the bench
 *  and Lighthouse. Never add --disable-software-rasterizer: it kills WebGL under SwiftShader.
 *  --disable-gpu-rasterization: the page's own pixels (text, the SVG map) are rasterised by Skia on
 *  the CPU raster threads, as Chromium does on devices without GPU raster; left to SwiftShader (a GPU
 *  emulated on one core) the first paint of the SVG map took 1.8 s longer here, which no phone's
 *  GPU would. WebGL (MapLibre) still runs on SwiftShader. */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu-rasterization',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const CANDIDATE_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const NOT_FOUND_MESSAGE =
  'Chromium not found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH=/path/to/chrome';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fromEnv(env) {
  for (const name of ['CHROME_PATH', 'CHROMIUM_PATH']) {
    const value = env[name];
    if (!value) continue;
    if (isExecutable(value)) return value;
    // An explicit setting that points nowhere is a mistake: say so instead of silently using another browser.
    throw new Error(`${name}=${value} is not an executable file. ${NOT_FOUND_MESSAGE}`);
  }
  return undefined;
}

function fromKnownPaths() {
  return CANDIDATE_PATHS.find(isExecutable);
}

function canInstallWithApt() {
  return existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

function aptInstallChromium() {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // stdout of apt-get goes to our stderr so that the CLI's stdout stays just the path.
  const stdio = ['ignore', 2, 2];
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    console.error(`[find-chromium] Chromium not found; running: apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { env, stdio });
    if (result.error) throw new Error(`apt-get ${args.join(' ')} failed to start: ${result.error.message}`);
    if (result.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} exited with status ${result.status}. ${NOT_FOUND_MESSAGE}`);
    }
  }
}

/**
 * @param {{ install?: boolean, env?: NodeJS.ProcessEnv }} [options]
 * @returns {string} absolute path of a Chromium/Chrome executable
 */
export function findChromium({ install = true, env = process.env } = {}) {
  const found = fromEnv(env) ?? fromKnownPaths();
  if (found) return found;
  if (install && canInstallWithApt()) {
    aptInstallChromium();
    const installed = fromKnownPaths();
    if (installed) {
      console.error(`[find-chromium] installed ${installed}`);
      return installed;
    }
  }
  throw new Error(NOT_FOUND_MESSAGE);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(findChromium({ install: !process.argv.includes('--no-install') }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
