import { emptyInset } from './fakeMap';
import { describe, expect, it, vi } from 'vitest';
import type { MapOptions } from 'maplibre-gl';
import { yearCsv, yearFileName, yearRows } from '../../src/data/exportYear';
import { createMapAdapter, type MapLib } from '../../src/map/createMapAdapter';
import { project } from '../../src/data/projection';
import { PALETTES } from '../../src/scene/palette';
import { projectedBounds } from '../../src/scene/view/camera';
import { describeView } from '../../src/scene/view/describeView';
import { pngFileName, wrapText } from '../../src/ui/exportPng';
import { readCompleteDataset } from './compiledDataset';

const dataset = readCompleteDataset();

describe('the year CSV', () => {
  it('holds the links drawn by the year, its events and its figures, each with its source', () => {
    const { columns, rows } = yearRows(dataset, 2020);
    expect(columns.slice(0, 2)).toEqual(['record', 'id']);
    expect(columns).toContain('source_title');
    const ids = (record: string) => rows.filter((r) => r.record === record).map((r) => r.id);
    expect(ids('link')).toContain('gov-kursk'); // signed 2020
    expect(ids('link')).toContain('mogilev-oblast-tula-oblast'); // signed 2016, still drawn
    expect(ids('link')).not.toContain('vitebsk-oblast-volgograd-oblast'); // signed 2024
    expect(ids('event')).toEqual(['forum-2020']);
    expect(ids('figure')).toContain('trade-2020');
    expect(rows.every((r) => r.record !== 'figure' || r.year === 2020)).toBe(true);
    expect(rows.find((r) => r.id === 'gov-kursk')?.source_title).toBe(
      'Организация взаимовыгодного сотрудничества с регионами России',
    );
  });

  it('is RFC 4180 text with a BOM for Excel when asked, named after the year', () => {
    const csv = yearCsv(dataset, 2016, { bom: true });
    expect(csv.startsWith('\ufeffrecord,id,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(yearFileName(2016)).toBe('by-ru-regions-2016.csv');
    expect(pngFileName(2016)).toBe('by-ru-regions-2016.png');
  });
});

describe('wrapText (PNG legend and source line)', () => {
  const ctx = { measureText: (s: string) => ({ width: s.length * 10 }) as TextMetrics };
  it('breaks between words at the width and keeps over-long words whole', () => {
    expect(wrapText(ctx, 'one two three four', 90)).toEqual(['one two', 'three', 'four']);
    expect(wrapText(ctx, 'extraordinarily short', 50)).toEqual(['extraordinarily', 'short']);
    expect(wrapText(ctx, '   ', 50)).toEqual([]);
  });
});

/** A small fake of maplibre's Map recording options and the calls export and framing make. */
function createFake() {
  const calls: unknown[][] = [];
  let options: MapOptions | null = null;
  let idle: (() => void) | null = null;
  const canvas = { width: 800, height: 600, setAttribute: vi.fn(), style: {} };
  class FakeMap {
    constructor(o: MapOptions) {
      options = o;
    }
    on() {
      return this;
    }
    off() {
      return this;
    }
    once(type: string, fn: () => void) {
      if (type === 'idle') idle = fn;
      return this;
    }
    getCanvas() {
      return canvas;
    }
    setMissingStyleImageResolver() {}
    fitBounds(...a: unknown[]) {
      calls.push(['fitBounds', ...a]);
    }
    setPixelRatio(r: number) {
      calls.push(['setPixelRatio', r]);
    }
    triggerRepaint() {
      calls.push(['triggerRepaint']);
    }
    redraw() {
      calls.push(['redraw']);
    }
    remove() {}
  }
  return {
    lib: { Map: FakeMap as unknown as MapLib['Map'] },
    calls,
    options: () => options,
    fireIdle: () => idle?.(),
  };
}

const createAdapter = (fake: ReturnType<typeof createFake>, over: Record<string, unknown> = {}) =>
  createMapAdapter({
    lib: fake.lib,
    container: { dataset: {} } as unknown as HTMLElement,
    bounds: [
      [-10, 10],
      [10, 30],
    ],
    initial: describeView({
      scene: {
        base: {
          regions: { type: 'FeatureCollection', features: [] },
          neighbours: { type: 'FeatureCollection', features: [] },
          labels: { type: 'FeatureCollection', features: [] },
          borders: { type: 'FeatureCollection', features: [] },
          bounds: [
            [-10, 10],
            [10, 30],
          ],
        },
        links: {
          arcs: { type: 'FeatureCollection', features: [] },
          cities: { type: 'FeatureCollection', features: [] },
          forums: { type: 'FeatureCollection', features: [] },
        },
        inset: emptyInset,
        partners: { type: 'FeatureCollection', features: [] },
      },
      palette: PALETTES.light,
      lang: 'ru',
      year: 2024,
      kinds: ['agreement', 'sister', 'project', 'body'],
      selection: null,
      hover: null,
    }),
    ariaLabel: 'map',
    ...over,
  });

describe('map adapter: embed options, framing and snapshot', () => {
  it('is interactive without cooperative gestures by default', () => {
    const fake = createFake();
    createAdapter(fake);
    expect(fake.options()).toMatchObject({ interactive: true, cooperativeGestures: false });
  });

  it('passes static (not interactive), cooperative gestures and the UI strings for embeds', () => {
    const fake = createFake();
    const locale = { 'CooperativeGesturesHandler.MobileHelpText': 'Двумя пальцами' };
    createAdapter(fake, { interactive: false, cooperativeGestures: true, locale });
    expect(fake.options()).toMatchObject({ interactive: false, cooperativeGestures: true, locale });
  });

  it('frames projected geographic bounds, jumping when not animated, and the whole map for null', () => {
    const fake = createFake();
    const adapter = createAdapter(fake);
    adapter.fitView([20, 50, 40, 60], false);
    adapter.fitView(null, true);
    const [[, box, first], [, all, second]] = fake.calls as [unknown[], unknown[]];
    expect(box).toEqual(projectedBounds([20, 50, 40, 60]));
    expect(first).toMatchObject({ duration: 0 });
    expect(all).toEqual([
      [-10, 10],
      [10, 30],
    ]);
    expect(second).toMatchObject({ duration: 900 });
  });

  it('bounds a conic image of a box by its sampled edges (the top edge bulges past the corners)', () => {
    const [[w, s], [e, n]] = projectedBounds([20, 50, 40, 60]);
    for (const [lon, lat] of [
      [20, 50],
      [40, 60],
      [30, 60],
      [30, 50],
    ] as const) {
      const [x, y] = project(lon, lat);
      expect(x >= w && x <= e && y >= s && y <= n).toBe(true);
    }
  });
});
