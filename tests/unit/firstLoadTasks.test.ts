// The first load's work split into tasks (issue 13): each piece gives the same result as the work done
// in one go, and `nextTask` really ends the current task.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Topology } from 'topojson-specification';
import { inTasks, nextTask } from '../../src/data/nextTask';
import { decodeTopology, decodeTopologyInSteps } from '../../src/data/topology';
import { buildBaseScene } from '../../src/scene/baseScene';
import {
  buildInset,
  chooseInsetPlacement,
  INSET_PLACEMENTS,
  insetWork,
  type InsetPlacement,
} from '../../src/scene/inset';
import { warmUpFormats } from '../../src/i18n/formatValue';
import { LANGS } from '../../src/data/types';

const topology = (): Topology => JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')) as Topology;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('nextTask', () => {
  it('resolves only after the current task: queued microtasks run first', async () => {
    const order: string[] = [];
    const done = nextTask().then(() => order.push('next task'));
    void Promise.resolve().then(() => order.push('microtask'));
    queueMicrotask(() => order.push('queued microtask'));
    await done;
    expect(order).toEqual(['microtask', 'queued microtask', 'next task']);
  });

  it('uses scheduler.yield() where the browser has it', async () => {
    const yieldFn = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yieldFn });
    await nextTask();
    expect(yieldFn).toHaveBeenCalledTimes(1);
  });

  it('is not held back by fake timers (a message, not a timer)', async () => {
    vi.useFakeTimers();
    try {
      await expect(nextTask()).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('inTasks', () => {
  it('runs each step in a task of its own, in order', async () => {
    const order: string[] = [];
    const all = inTasks([() => order.push('a'), () => order.push('b')]);
    queueMicrotask(() => order.push('microtask'));
    await expect(all).resolves.toBe(true);
    expect(order).toEqual(['microtask', 'a', 'b']);
  });

  it('stops before the first step its stop condition forbids, and says so', async () => {
    const ran: number[] = [];
    const done = await inTasks(
      [1, 2, 3].map((n) => () => ran.push(n)),
      () => ran.length === 2,
    );
    expect(done).toBe(false);
    expect(ran).toEqual([1, 2]);
  });
});

describe('decodeTopologyInSteps', () => {
  it('gives the same geography as decodeTopology, the borders only when finished', () => {
    const steps = decodeTopologyInSteps(topology());
    expect(steps.finish()).toEqual(decodeTopology(topology()));
  });

  it('checks the shapes in its first step', () => {
    const bad = topology() as Topology & { space: string };
    bad.space = 'elsewhere';
    expect(() => decodeTopologyInSteps(bad)).toThrow(/map's plane/);
  });
});

describe('insetWork', () => {
  const base = buildBaseScene(decodeTopology(topology()));
  const placements = Object.keys(INSET_PLACEMENTS) as InsetPlacement[];

  it('builds, piece by piece, the very insets buildInset then returns (nothing is built twice)', () => {
    const steps = insetWork(base);
    // Belarus's tap targets, then one inset per placement.
    expect(steps).toHaveLength(1 + placements.length);
    const [targets, ...insets] = steps.map((step) => step());
    expect(targets).toBeInstanceOf(Map);
    expect(insets).toHaveLength(placements.length);
    placements.forEach((p, i) => expect(buildInset(base, p)).toBe(insets[i]));
  });

  it.each([
    [1280, 600],
    [390, 700],
  ])('leaves the choice of placement as it was (%i × %i)', (width, height) => {
    const fresh = buildBaseScene(decodeTopology(topology()));
    const expected = chooseInsetPlacement(fresh, { width, height });
    for (const step of insetWork(base)) step();
    expect(chooseInsetPlacement(base, { width, height })).toBe(expected);
  });
});

describe('warmUpFormats', () => {
  it.each(LANGS)('builds the formats of %s over several tasks, letting other tasks run between', async (lang) => {
    const order: string[] = [];
    const warm = warmUpFormats(lang).then(() => order.push('formats built'));
    const other = (async () => {
      for (let i = 0; i < 2; i++) {
        await nextTask();
        order.push(`other task ${i}`);
      }
    })();
    await Promise.all([warm, other]);
    // Built in one go, the formats would be done before any other task ran.
    expect(order.indexOf('formats built')).toBeGreaterThan(order.indexOf('other task 1'));
  });
});
