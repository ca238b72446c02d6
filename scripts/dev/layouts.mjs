// Dev helper: screenshots of the four layouts of the built app (dist/) into a folder.
// Usage: node scripts/dev/layouts.mjs [outDir] [extra query, e.g. "year=2020"]
import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';
import { CHROMIUM_ARGS } from '../find-chromium.mjs';
const out = process.argv[2] ?? '/tmp/shots';
const extra = process.argv[3] ? '&' + process.argv[3] : '';
const srv = await startServer({ root: new URL('../../dist', import.meta.url).pathname, port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const layouts = [
  ['desktop', { viewport: { width: 1280, height: 800 } }, 'debug=1'],
  ['phone', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, 'debug=1'],
  ['embed', { viewport: { width: 640, height: 480 } }, 'embed=1&debug=1'],
  ['projector', { viewport: { width: 1920, height: 1080 } }, 'present=1&debug=1'],
];
for (const [name, opts, q] of layouts) {
  if (process.env.ONLY && !process.env.ONLY.split(',').includes(name)) continue;
  const page = await browser.newPage(opts);
  page.on('pageerror', (e) => console.log(name, 'pageerror', e.message));
  await page.goto(srv.url + '/?' + q + extra);
  await page.waitForSelector('[data-map-state="idle"]', { timeout: 30000 }).catch(() => console.log(name, 'no idle'));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
}
await browser.close();
await srv.close();
