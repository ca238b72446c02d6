#!/usr/bin/env node
// Renders the favicon (scripts/dev/favicon.svg, the source) to public/favicon.png, 64×64, in headless
// Chromium. Run it after editing the SVG:   node scripts/dev/favicon.mjs
//
// The page names a PNG, not the SVG: Chromium fetches and decodes a page's icon again on every
// same-document navigation, i.e. on every year step (the address bar follows the year), and an SVG
// icon is a whole SVG document to parse each time (5–15 ms of the main thread per step on the
// bench's phone), a 64×64 PNG next to nothing.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SIZE = 64;
const svg = readFileSync(join(here, 'favicon.svg'), 'utf8').replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" `);
const browser = await chromium.launch({ executablePath: findChromium({ install: false }), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  await page.screenshot({
    path: join(here, '..', '..', 'public', 'favicon.png'),
    omitBackground: true,
    clip: { x: 0, y: 0, width: SIZE, height: SIZE },
  });
} finally {
  await browser.close();
}
