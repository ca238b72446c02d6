import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';
import { CHROMIUM_ARGS } from '../find-chromium.mjs';
const srv = await startServer({ root: new URL('../../dist', import.meta.url).pathname, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
// PHONE=1: a 412×823 touch screen (the SVG map stays until a touch).
const page = await browser.newPage(
  process.env.PHONE
    ? { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true }
    : { viewport: { width: 1400, height: 900 } },
);
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
const q = process.argv[2] ?? '';
await page.goto(srv.url + '/' + q);
await page
  .waitForSelector('[data-map-state="idle"]', { timeout: 30000 })
  .catch((e) => console.log('no idle', e.message));
await page.waitForTimeout(500);
await page.screenshot({ path: process.argv[3] ?? '/tmp/shot.png', fullPage: Boolean(process.env.FULL) });
await browser.close();
await srv.close();
