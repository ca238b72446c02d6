// A smoke run of the bench's compare phase with the smallest settings (one round, one year step per
// page): the anchor page builds, draws the same boundaries and takes a year step; the app runs on the
// real and on the ten-times dataset; the report has the ratios. Timings are not asserted (the bench
// measures speed; a test never does), only that each figure was measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

interface CompareRound {
  target: string;
  url: string;
  steps: { eventMs: number | null; map: string }[];
  errors: string[];
}

const out = mkdtempSync(join(tmpdir(), 'byru-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench, compare phase, smallest settings', () => {
  test('measures the app, the bare-maplibre anchor and the app on ten times the data, and reports the ratios', () => {
    const args = ['bench/run.mjs', '--only', 'compare', '--compare-runs', '1', '--compare-steps', '1'];
    const run = spawnSync(process.execPath, [...args, '--time-limit', '60', '--out', out], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(run.status, `bench/run.mjs failed:\n${run.stderr}`).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'RESULTS.json'), 'utf8')) as {
      errors: string[];
      compare: CompareRound[];
      summary: { compare: { appVsAnchor: number | null; scaledVsAnchor: number | null; factor: number } };
    };
    expect(report.errors).toEqual([]);
    const byTarget = Object.fromEntries(report.compare.map((r) => [r.target, r]));
    expect(Object.keys(byTarget).sort()).toEqual(['anchor', 'app', 'scaled']);
    for (const r of report.compare) {
      expect(r.errors, `${r.target}: page errors`).toEqual([]);
      expect(
        r.steps.map((s) => s.map),
        `${r.target}: a step on the WebGL map`,
      ).toEqual(['webgl']);
    }
    // The anchor is the bench's own page, sized like the app's map; the scaled app is served apart.
    expect(byTarget.anchor?.url).toMatch(/\/bench-anchor\/\?w=\d+&h=\d+$/);
    expect(new URL(byTarget.scaled?.url ?? '').port).not.toBe(new URL(byTarget.app?.url ?? '').port);
    expect(report.summary.compare.factor).toBe(10);
    expect(report.summary.compare.appVsAnchor).toEqual(expect.any(Number));
    expect(report.summary.compare.scaledVsAnchor).toEqual(expect.any(Number));
    expect(readFileSync(join(out, 'RESULTS.md'), 'utf8')).toContain('## Year step beside the anchor');
  }, 180_000);
});
