// Lighthouse 12 against the served build, mobile (default config) and desktop presets, each run in a
// fresh Chromium started by chrome-launcher with the flags below.
import { CHROMIUM_ARGS } from '../../scripts/find-chromium.mjs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { round } from './stats.mjs';
import { withTimeout } from './timeout.mjs';

/** Verified here: with these flags WebGL2 runs on SwiftShader and the map reaches idle. `--disable-gpu`
 *  also worked with Chromium 156 (it falls back to SwiftShader), but we keep one set of flags for both
 *  the bench's own runs and Lighthouse. */
export const LIGHTHOUSE_CHROME_FLAGS = ['--headless=new', '--no-sandbox', ...CHROMIUM_ARGS];

const METRICS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  siMs: 'speed-index',
};

/** Runs `fn(chrome)` with a fresh chrome-launcher Chromium and always kills it. */
async function withChrome(chromePath, fn, live) {
  const chrome = await withTimeout(
    chromeLauncher.launch({ chromePath, chromeFlags: LIGHTHOUSE_CHROME_FLAGS, logLevel: 'silent' }),
    30_000,
    'launch Chromium for Lighthouse',
  );
  live.add(chrome);
  try {
    return await fn(chrome);
  } finally {
    live.delete(chrome);
    await Promise.resolve(chrome.kill()).catch(() => {});
  }
}

/** Opens the app in a Chromium started with Lighthouse's flags and checks that the first view shows and
 *  that the WebGL map then draws and takes over. */
export async function checkLighthouseFlags(chromePath, url, live) {
  return withChrome(
    chromePath,
    async (chrome) => {
      const browser = await withTimeout(
        chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`),
        15_000,
        'connect over CDP',
      );
      try {
        const page = await browser.contexts()[0].newPage();
        await page.goto(url, { timeout: 30_000 });
        const idle = await page
          .locator('[data-testid="map"][data-map-state="idle"]')
          .waitFor({ state: 'attached', timeout: 60_000 })
          .then(
            () => true,
            () => false,
          );
        const renderer = await page.evaluate(() => {
          const gl = document.createElement('canvas').getContext('webgl2');
          if (!gl) return null;
          const info = gl.getExtension('WEBGL_debug_renderer_info');
          return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'WebGL2';
        });
        // A desktop-like page here (no touch emulation): the WebGL map is fetched when the browser is
        // idle and takes over at its first idle frame.
        const takeover = await page
          .locator('[data-testid="map"][data-renderer="webgl"][data-map-state="idle"]')
          .waitFor({ state: 'attached', timeout: 60_000 })
          .then(
            () => true,
            () => false,
          );
        const alerts = await page.locator('[role="alert"]').allTextContents();
        await page.close();
        return { mapIdle: idle, takeover, webgl2Renderer: renderer, alerts };
      } finally {
        await browser.close().catch(() => {});
      }
    },
    live,
  );
}

/** One Lighthouse run; `preset` is 'mobile' or 'desktop'. */
export async function runLighthouse(chromePath, url, preset, live) {
  return withChrome(
    chromePath,
    async (chrome) => {
      const result = await withTimeout(
        lighthouse(
          url,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
          preset === 'desktop' ? desktopConfig : undefined,
        ),
        120_000,
        `Lighthouse ${preset}`,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse ${preset} returned no report`);
      if (lhr.runtimeError)
        throw new Error(`Lighthouse ${preset}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const out = {
        preset,
        performance: round((lhr.categories.performance?.score ?? NaN) * 100),
        accessibility: round((lhr.categories.accessibility?.score ?? NaN) * 100),
      };
      for (const [key, id] of Object.entries(METRICS))
        out[key] = round(lhr.audits[id]?.numericValue, key === 'cls' ? 3 : 0);
      out.totalBytes = round(lhr.audits['total-byte-weight']?.numericValue);
      out.mainThreadWorkMs = round(lhr.audits['mainthread-work-breakdown']?.numericValue);
      out.bootupMs = round(lhr.audits['bootup-time']?.numericValue);
      // Did this run fetch the WebGL engine (mobile emulation has a touch screen: it should not)?
      const urls = (lhr.audits['network-requests']?.details?.items ?? []).map((i) => String(i.url ?? ''));
      out.engineFetched = urls.length ? urls.some((u) => /loadMaplibre|maplibre-gl-worker/.test(u)) : null;
      const lcpNode = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
      out.lcpElement = lcpNode
        ? `${lcpNode.selector ?? lcpNode.snippet} “${String(lcpNode.nodeLabel ?? '').slice(0, 80)}”`
        : null;
      const shifts = lhr.audits['layout-shifts']?.details?.items ?? [];
      out.layoutShifts = shifts
        .slice(0, 3)
        .map((i) => `${i.node?.selector ?? i.node?.snippet ?? '?'} (${round(i.score, 3)})`);
      out.failedA11yAudits = Object.values(lhr.audits)
        .filter(
          (a) =>
            lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id && r.weight > 0) &&
            a.score !== null &&
            a.score < 1,
        )
        .map((a) => a.id);
      out.warnings = lhr.runWarnings ?? [];
      return out;
    },
    live,
  );
}
