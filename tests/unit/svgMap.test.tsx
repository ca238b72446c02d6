// @vitest-environment jsdom
// The SVG map: the style expression evaluator, the geometry, label placement, the model built from the
// real scene (same classes, arcs, dashes and widths as the WebGL style), and the React component.
// The map's paths, circles and labels have no roles (the picture is one labelled image), so they are
// inspected as DOM nodes here.
/* eslint-disable testing-library/no-node-access */
import { readFileSync } from 'node:fs';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type ViewConfig } from '../../src/config';
import { decodeDataset } from '../../src/data/dataset';
import { decodeTopology } from '../../src/data/topology';
import { LINK_KINDS } from '../../src/data/types';
import { project } from '../../src/data/projection';
import { LINK_LOOK, NEW_WIDTH_FACTOR, partnerWidth, strongestKind } from '../../src/scene/linkKinds';
import { LAYER, SOURCE } from '../../src/scene/view/ids';
import { MapView } from '../../src/ui/MapView';
import { PALETTES } from '../../src/scene/palette';
import { createAppStore } from '../../src/state/createAppStore';
import { buildSvgMap, type SvgMapModel } from '../../src/svg/buildSvgMap';
import { evaluate } from '../../src/svg/evaluate';
import { fitCamera, pathData, sceneAt, screenOf, zoomCamera } from '../../src/svg/geometry';
import { labelBox, Placement, textWidth, wrapLabel } from '../../src/svg/labels';
import { SvgMap } from '../../src/svg/SvgMap';

const geo = decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')));
const dataset = decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8')));
const SIZE = { width: 960, height: 600 };

function storeFor(view: Partial<ViewConfig> = {}) {
  const store = createAppStore({ ...DEFAULT_CONFIG, ...view });
  store.getState().setLoad({ status: 'ready', geo, dataset });
  return store;
}

/** The view description (light theme) and the default bounds of a store's state. */
function viewFor(view: Partial<ViewConfig> = {}, hover: string | null = null) {
  const store = storeFor(view);
  if (hover) store.getState().setHover(hover);
  const s = store.getState();
  const description = store.derived.view(s, PALETTES.light);
  const scene = store.derived.scene(s);
  if (!description || !scene) throw new Error('scene not ready');
  return { view: description, bounds: scene.base.bounds };
}

function modelFor(view: Partial<ViewConfig> = {}, hover: string | null = null): SvgMapModel {
  return buildSvgMap({ ...viewFor(view, hover), size: SIZE });
}

const layer = (m: SvgMapModel, id: string) => m.layers.find((l) => l.id === id);
const arcsOf = (m: SvgMapModel) => layer(m, LAYER.arcs)?.paths ?? [];
const linkScene = (() => {
  const store = storeFor();
  return store.derived.linkScene(store.getState());
})();
const arcProps = linkScene?.arcs.features.map((f) => f.properties) ?? [];
const partnersOf = (m: SvgMapModel) => layer(m, LAYER.partners)?.paths ?? [];
/** Russian subjects with a link by `year` (of the kinds), as partner-arc ids from all of Belarus. */
const partnerIds = (year: number, kinds: readonly string[] = LINK_KINDS) =>
  [...new Set(arcProps.filter((a) => a.start <= year && kinds.includes(a.kind)).map((a) => `BY>${a.toRegion}`))].sort();

describe('evaluate (MapLibre expressions)', () => {
  const ctx = { properties: { kind: 'sister', start: 2020, code: 'RU-KRS' }, state: { cls: 3, dim: true }, zoom: 3 };
  it.each([
    [['get', 'kind'], 'sister'],
    [['==', ['get', 'kind'], 'sister'], true],
    [['all', ['==', ['get', 'kind'], 'sister'], ['<=', ['get', 'start'], 2019]], false],
    [['any', ['==', ['get', 'kind'], 'x'], ['<=', ['get', 'start'], 2020]], true],
    [['in', ['get', 'code'], ['literal', ['RU-KRS', 'BY-HR']]], true],
    [['case', ['boolean', ['feature-state', 'dim'], false], 0.45, 1], 0.45],
    [['match', ['coalesce', ['feature-state', 'cls'], -1], 0, 'none', 3, 'three', 'base'], 'three'],
    [['match', ['coalesce', ['feature-state', 'missing'], -1], 0, 'none', 'base'], 'base'],
    [['interpolate', ['linear'], ['zoom'], 1, 10, 5, 18], 14],
    [['interpolate', ['linear'], ['zoom'], 4, 13, 7, 15], 13],
    [
      [3, 2],
      [3, 2],
    ],
  ])('%j → %j', (expr, expected) => {
    expect(evaluate(expr, ctx)).toEqual(expected);
  });

  it('throws on an operator it does not know, naming it', () => {
    expect(() => evaluate(['heatmap-density'], ctx)).toThrow(/heatmap-density/);
  });
});

describe('geometry', () => {
  const bounds: [[number, number], [number, number]] = [
    [-72, -31],
    [57, 35],
  ];

  it('frames the bounds inside the padded size, centred, as fitBounds does', () => {
    const cam = fitCamera(bounds, SIZE);
    const [x0, y1] = screenOf(cam, bounds[0]);
    const [x1, y0] = screenOf(cam, bounds[1]);
    expect(x0).toBeGreaterThanOrEqual(28 - 1e-6);
    expect(x1).toBeLessThanOrEqual(SIZE.width - 20 + 1e-6);
    expect(y0).toBeGreaterThanOrEqual(16 - 1e-6);
    expect(y1).toBeLessThanOrEqual(SIZE.height - 16 + 1e-6);
    // One axis fills the padded box exactly.
    expect(Math.min(Math.abs(x1 - x0 - (SIZE.width - 48)), Math.abs(y1 - y0 - (SIZE.height - 32)))).toBeLessThan(1e-6);
  });

  it('turns a screen point back into the scene coordinate under it', () => {
    const cam = fitCamera(bounds, SIZE);
    const [x, y] = screenOf(cam, [10, 20]);
    const [lng, lat] = sceneAt(cam, x, y);
    expect(lng).toBeCloseTo(10, 6);
    expect(lat).toBeCloseTo(20, 6);
  });

  it('zooms about a point that stays where it is', () => {
    const cam = fitCamera(bounds, SIZE);
    const at: [number, number] = [300, 200];
    const before = sceneAt(cam, ...at);
    const after = sceneAt(zoomCamera(cam, 2, at), ...at);
    expect(after[0]).toBeCloseTo(before[0], 6);
    expect(after[1]).toBeCloseTo(before[1], 6);
  });

  it('writes path data with an absolute start and relative steps that add up to the vertices', () => {
    const cam = { k: 1000, tx: 0, ty: 0 };
    const coords = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 0],
    ];
    const d = pathData({ type: 'Polygon', coordinates: [coords] }, cam, 0);
    expect(d).toMatch(/^M[\d.]+ [\d.]+l.*z$/);
    const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    const xs = [nums[0] ?? 0];
    const ys = [nums[1] ?? 0];
    for (let i = 2; i + 1 < nums.length; i += 2) {
      xs.push((xs[xs.length - 1] ?? 0) + (nums[i] ?? 0));
      ys.push((ys[ys.length - 1] ?? 0) + (nums[i + 1] ?? 0));
    }
    coords.forEach((c, i) => {
      const [x, y] = screenOf(cam, c);
      expect(xs[i]).toBeCloseTo(x, 0);
      expect(ys[i]).toBeCloseTo(y, 0);
    });
  });
});

describe('labels', () => {
  it('wraps a long name into lines within the width, never breaking a word', () => {
    const lines = wrapLabel('Ханты-Мансийский автономный округ — Югра', 12, 7 * 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Ханты-Мансийский автономный округ — Югра');
    for (const l of lines.slice(1)) expect(textWidth(l, 12)).toBeLessThanOrEqual(7 * 12 * 1.5);
  });

  it('measures a text by its characters (code points), astral and lone surrogates as the spread counts them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.double({ min: 1, max: 40, noNaN: true }), (text, size) => {
        expect(textWidth(text, size)).toBeCloseTo([...text].length * size * 0.58, 9);
      }),
    );
    expect(textWidth('Гомель 🇧🇾', 10)).toBeCloseTo(9 * 10 * 0.58, 9);
  });

  it('keeps a short name on one line', () => {
    expect(wrapLabel('Тверь', 12, 84)).toEqual(['Тверь']);
  });

  it('drops a label that overlaps one already placed or leaves the picture', () => {
    const placement = new Placement({ x0: 0, y0: 0, x1: 200, y1: 100 });
    expect(placement.place(labelBox(50, 50, ['Курская'], 12, 'center', 3))).toBe(true);
    expect(placement.place(labelBox(60, 52, ['Брянская'], 12, 'center', 3))).toBe(false);
    expect(placement.place(labelBox(150, 50, ['Орёл'], 12, 'center', 3))).toBe(true);
    expect(placement.place(labelBox(195, 20, ['Тула'], 12, 'center', 3))).toBe(false);
  });
});

describe('buildSvgMap (the real scene, the view description)', () => {
  it('draws all 90 regions as click targets, over the neighbours and under the borders', () => {
    const m = modelFor();
    const regions = layer(m, LAYER.regionsFill)?.paths ?? [];
    expect(regions).toHaveLength(90);
    expect(new Set(regions.map((p) => p.region)).size).toBe(90);
    const order = m.layers.map((l) => l.id);
    expect(order.indexOf(LAYER.neighboursFill)).toBeLessThan(order.indexOf(LAYER.regionsFill));
    expect(order.indexOf(LAYER.regionsFill)).toBeLessThan(order.indexOf(LAYER.bordersCountry));
    expect(order.indexOf(LAYER.bordersCountry)).toBeLessThan(order.indexOf(LAYER.arcs));
  });

  it('fills each region with its class colour and hatches those with nothing recorded', () => {
    const states = viewFor({ year: 2024 }).view.states[SOURCE.regions] ?? {};
    const clsOf = (code: string) => Number(states[code]?.cls ?? -1);
    const noRecord = Object.keys(states).filter((code) => clsOf(code) === 0);
    expect(noRecord.length).toBeGreaterThan(0);
    const m = modelFor({ year: 2024 });
    const p = PALETTES.light;
    for (const path of layer(m, LAYER.regionsFill)?.paths ?? []) {
      const cls = clsOf(path.region ?? '');
      const ramp = path.region?.startsWith('BY') ? p.byRamp : p.ruRamp;
      const base = path.region?.startsWith('BY') ? p.byBase : p.ruBase;
      const expected = cls === 0 ? p.none : cls >= 1 && cls <= 5 ? ramp[cls - 1] : base;
      expect(path.fill, path.region).toBe(expected);
    }
    const hatched = layer(m, LAYER.regionsNone)?.paths ?? [];
    expect(hatched).toHaveLength(noRecord.length);
    expect(hatched.every((h) => h.hatch)).toBe(true);
  });

  it.each([2016, 2020, 2023, 2024])(
    'draws one arc per Russian partner by %i, in its strongest kind’s look, as wide as its ties say',
    (year) => {
      const m = modelFor({ year });
      expect(arcsOf(m), 'single links wait for a hover or a selection').toEqual([]);
      const drawn = partnersOf(m);
      expect(drawn.map((p) => p.partner).sort()).toEqual(partnerIds(year));
      for (const p of drawn) {
        const ties = arcProps.filter((a) => a.start <= year && `BY>${a.toRegion}` === p.partner);
        const kind = strongestKind(ties.map((a) => a.kind)) ?? 'agreement';
        expect(p.stroke, p.partner).toBe(PALETTES.light.link[kind]);
        expect(p.strokeWidth, p.partner).toBeCloseTo(Math.round(partnerWidth(ties.length) * 10) / 10, 6);
      }
    },
  );

  it.each([2016, 2020, 2023, 2024])(
    'draws exactly the links of %i of a hovered Belarusian region, with the kinds table’s dash and width',
    (year) => {
      const m = modelFor({ year }, 'BY-HO');
      const expected = arcProps.filter((a) => a.start <= year && (a.fromRegion === 'BY-HO' || a.toRegion === 'BY-HO'));
      expect(
        arcsOf(m)
          .map((a) => a.link)
          .sort(),
      ).toEqual(expected.map((a) => a.id).sort());
      for (const a of expected) {
        const path = arcsOf(m).find((p) => p.link === a.id);
        const style = LINK_LOOK[a.kind];
        const width = a.signed === year ? style.width * NEW_WIDTH_FACTOR : style.width;
        expect(path?.strokeWidth, a.id).toBeCloseTo(width, 6);
        expect(path?.stroke).toBe(PALETTES.light.link[a.kind]);
        expect(path?.dash ?? null).toEqual(
          style.dash ? style.dash.map((d) => Math.round(d * width * 100) / 100) : null,
        );
      }
    },
  );

  it.each<[number, (typeof LINK_KINDS)[number][]]>([
    [2024, ['agreement']],
    [2024, ['sister']],
    [2018, [...LINK_KINDS]],
  ])(
    'in %i with %j, leaves out the kinds switched off and draws only the cities a shown link reaches',
    (year, kinds) => {
      const m = modelFor({ year, kinds });
      expect(arcsOf(m).every((a) => kinds.includes(arcProps.find((p) => p.id === a.link)?.kind ?? 'agreement'))).toBe(
        true,
      );
      const reached = new Set(
        arcProps.filter((a) => a.start <= year && kinds.includes(a.kind)).flatMap((a) => [a.from, a.to]),
      );
      const cities = (layer(m, LAYER.cities)?.circles ?? []).map((c) => c.city);
      // Belarus's cities are not marked: their links leave from the inset.
      expect(cities.sort()).toEqual(
        linkScene?.cities.features
          .filter((f) => !f.properties.region.startsWith('BY'))
          .map((f) => f.properties.id)
          .filter((id) => reached.has(id))
          .sort(),
      );
    },
  );

  it('draws sister-city links and their cities when sister cities are shown', () => {
    const m = modelFor({ year: 2024 });
    expect(layer(m, LAYER.cities)?.circles.length).toBeGreaterThan(0);
  });

  it('isolates the selected region’s links and outlines it, dimming unrelated regions', () => {
    const m = modelFor({ year: 2024, region: 'RU-KRS' });
    /** The opacity a link's arc should have: drawn when it touches the selection (lighter when uncertain). */
    const expected = (id: string) => {
      const a = arcProps.find((p) => p.id === id);
      if (!a || ![a.fromRegion, a.toRegion, a.from, a.to].includes('RU-KRS')) return 0.08;
      return a.uncertain ? 0.65 : 1;
    };
    for (const arc of arcsOf(m)) expect(arc.strokeOpacity ?? 1, arc.link).toBe(expected(arc.link ?? ''));
    expect(layer(m, LAYER.regionsSelected)?.paths).toHaveLength(1);
    const dimmed = (layer(m, LAYER.regionsFill)?.paths ?? []).filter((p) => p.fillOpacity === 0.45);
    expect(dimmed.length).toBeGreaterThan(50);
    expect(dimmed.some((p) => p.region === 'RU-KRS')).toBe(false);
  });

  it('outlines the region under the pointer', () => {
    expect(layer(modelFor({}, 'RU-MOW'), LAYER.regionsHover)?.paths).toHaveLength(1);
    expect(layer(modelFor(), LAYER.regionsHover)?.paths).toHaveLength(0);
  });

  it('draws the year’s forum large and earlier ones small', () => {
    const m = modelFor({ year: 2022 });
    const forums = layer(m, LAYER.forums)?.circles ?? [];
    expect(forums).toHaveLength(
      dataset.events.filter((e) => e.kind === 'forum' && e.year <= 2022 && e.mode !== 'online').length,
    );
    expect(forums.filter((c) => c.r === 9).map((c) => c.forum)).toEqual(['forum-2022']);
  });

  it('names all seven Belarusian regions in the inset, short, and places Russia’s labels without overlaps', () => {
    const m = modelFor({ lang: 'en' });
    expect((layer(m, LAYER.insetLabels)?.labels ?? []).map((l) => l.lines.join(' ')).sort()).toEqual(
      ['Brest', 'Gomel', 'Grodno', 'Minsk', 'Minsk City', 'Mogilev', 'Vitebsk'].sort(),
    );
    const labels = layer(m, LAYER.labels)?.labels ?? [];
    expect(labels.length).toBeGreaterThan(15);
    expect(labels.length).toBeLessThan(83);
    expect(
      labels.every((l) => l.id.startsWith('RU-')),
      'Belarus is named in the inset only',
    ).toBe(true);
    const boxes = labels.map((l) => labelBox(l.x, l.y, l.lines, l.size, 'center', 0));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b) continue;
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `${labels[i]?.id} / ${labels[j]?.id}`).toBe(
          false,
        );
      }
  });
});

describe('SvgMap', () => {
  function drawMap(onSelect = vi.fn(), view: Partial<ViewConfig> = {}) {
    render(<SvgMap {...viewFor(view)} label="Карта, 2024" onSelect={onSelect} />);
    return onSelect;
  }

  it('is one labelled picture with the 90 regions and the year’s links', () => {
    drawMap();
    const map = screen.getByRole('img', { name: 'Карта, 2024' });
    // 90 regions, then Belarus's 7 again in the inset, and a tap disc for Minsk City (too small for a finger).
    expect(map.querySelectorAll('[data-region]')).toHaveLength(90 + 7 + 1);
    expect(map.querySelectorAll('[data-link]')).toHaveLength(0);
    expect(new Set([...map.querySelectorAll<SVGElement>('[data-partner]')].map((p) => p.dataset.partner)).size).toBe(
      partnerIds(2024).length,
    );
  });

  it('selects a region clicked with the mouse, and nothing on the sea', async () => {
    const onSelect = drawMap();
    const map = screen.getByRole('img', { name: 'Карта, 2024' });
    const kursk = map.querySelector('[data-region="RU-KRS"]');
    if (!kursk) throw new Error('no Kursk path');
    await userEvent.click(kursk);
    expect(onSelect).toHaveBeenLastCalledWith('RU-KRS');
    const sea = map.querySelector('rect');
    if (!sea) throw new Error('no background');
    await userEvent.click(sea);
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });
});

describe('SvgMap framing', () => {
  it('frames the bounds a story step asks for, and the whole map again for null', () => {
    const props = { ...viewFor(), label: 'Карта' };
    const { rerender } = render(<SvgMap {...props} />);
    const zoom = () => Number(screen.getByRole('img', { name: 'Карта' }).getAttribute('data-zoom'));
    const whole = zoom();
    rerender(<SvgMap {...props} frame={{ bounds: [project(23, 51), project(33, 56.5)] }} />);
    expect(zoom()).toBeGreaterThan(whole + 1);
    rerender(<SvgMap {...props} frame={{ bounds: null }} />);
    expect(zoom()).toBeCloseTo(whole, 6);
  });
});

describe('SvgMap wheel zoom', () => {
  const props = { ...viewFor(), label: 'Карта' };
  const zoom = () => Number(screen.getByRole('img', { name: 'Карта' }).getAttribute('data-zoom'));
  const wheel = (init: WheelEventInit) =>
    fireEvent(screen.getByRole('img', { name: 'Карта' }), new WheelEvent('wheel', { cancelable: true, ...init }));

  it.each<[string, Partial<Parameters<typeof SvgMap>[0]>, WheelEventInit, number]>([
    ['zooms in one level for 300 px of wheel up, instead of scrolling the page', {}, { deltaY: -300 }, 1],
    ['zooms out for wheel down', {}, { deltaY: -300 * -1 }, -1],
    ['counts wheel lines as 16 px', {}, { deltaY: -300 / 16, deltaMode: 1 }, 1],
    ['in an embed, leaves a plain wheel to the page', { cooperative: true }, { deltaY: -300 }, 0],
    ['in an embed, zooms with Ctrl + wheel', { cooperative: true }, { deltaY: -300, ctrlKey: true }, 1],
    ['never zooms a static picture', { interactive: false }, { deltaY: -300 }, 0],
  ])('%s', (_, extra, init, levels) => {
    render(<SvgMap {...props} {...extra} />);
    const before = zoom();
    const notPrevented = wheel(init);
    expect(zoom()).toBeCloseTo(before + levels, 1);
    expect(notPrevented).toBe(levels === 0);
  });
});

describe('MapView without WebGL', () => {
  it('draws the SVG map from the store, never loading maplibre', async () => {
    const store = storeFor({ year: 2020 });
    const loadLib = vi.fn(() => new Promise<never>(() => undefined));
    render(<MapView store={store} palette={PALETTES.light} loadLib={loadLib} webgl={() => false} />);
    const holder = screen.getByTestId('map');
    expect(holder).toHaveAttribute('data-renderer', 'svg');
    expect(holder).toHaveAttribute('data-map-state', 'idle');
    expect(loadLib).not.toHaveBeenCalled();
    const map = screen.getByRole('img', { name: /2020/ });
    expect(new Set([...map.querySelectorAll<SVGElement>('[data-partner]')].map((p) => p.dataset.partner)).size).toBe(
      partnerIds(2020).length,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Приблизить' }));
    expect(Number(map.getAttribute('data-zoom'))).toBeGreaterThan(0);
    await userEvent.click(map.querySelector('[data-region="BY-HR"]') as Element);
    expect(store.getState().selection).toBe('BY-HR');
  });
});
