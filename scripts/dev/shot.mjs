import { chromium } from 'playwright-core';
import { startServer } from '../serve.mjs';
const srv = await startServer({ root: new URL('../../dist', import.meta.url).pathname, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
const q = process.argv[2] ?? '';
await page.goto(srv.url + '/' + q);
await page
  .waitForSelector('[data-map-state="idle"]', { timeout: 30000 })
  .catch((e) => console.log('no idle', e.message));
await page.waitForTimeout(500);
await page.screenshot({ path: process.argv[3] ?? '/tmp/shot.png' });
await browser.close();
await srv.close();
