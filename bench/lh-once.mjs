// Dev helper (not part of the bench's report): one Lighthouse run of a preset against a served dist/,
// printing the scores and what blocks the main thread.   node bench/lh-once.mjs [mobile|desktop] [dist]
import { spawn } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { LIGHTHOUSE_CHROME_FLAGS } from './lib/lighthouse.mjs';
const [preset = 'mobile', dist = 'dist'] = process.argv.slice(2);
const port = 4900 + Math.floor(Math.random() * 90);
const server = spawn('node', ['scripts/serve.mjs', dist, String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: LIGHTHOUSE_CHROME_FLAGS });
try {
  const { lhr } = await lighthouse(
    `http://127.0.0.1:${port}/`,
    { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  const a = lhr.audits;
  console.log('score', lhr.categories.performance.score * 100);
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift', 'interactive'])
    console.log(id, a[id].displayValue, a[id].score);
  console.log('long tasks', JSON.stringify(a['long-tasks']?.details?.items?.map((i) => [i.url?.split('/').pop(), Math.round(i.startTime), Math.round(i.duration)])));
  console.log('bootup', JSON.stringify(a['bootup-time']?.details?.items?.map((i) => [i.url?.split('/').pop(), Math.round(i.total), Math.round(i.scripting), Math.round(i.scriptParseCompile)])));
  const m = a.metrics?.details?.items?.[0] ?? {};
  console.log('observed', JSON.stringify(Object.fromEntries(Object.entries(m).filter(([k]) => /^observed(FirstContentfulPaint|LargestContentfulPaint|DomContentLoaded|Load|SpeedIndex|FirstVisualChange|LastVisualChange)$/.test(k)))));
  console.log('main thread', JSON.stringify(a['mainthread-work-breakdown']?.details?.items?.map((i) => [i.group, Math.round(i.duration)])));
} finally {
  await chrome.kill();
  server.kill();
}
