import { geoContains } from 'd3-geo';
// The composition of the map (issue 14): Belarus's inset, one partner arc per Russian subject, the
// choropleth by the strongest tie, and where the camera goes for a selection. Pure functions on the
// real geography and dataset.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../src/data/dataset';
import { mercatorLngLatToWorld } from '../../src/data/projection';
import { decodeTopology } from '../../src/data/topology';
import { LINK_KINDS, type LinkKind } from '../../src/data/types';
import { buildBaseScene } from '../../src/scene/baseScene';
import { ALL_BELARUS, composeScene, exitPoint } from '../../src/scene/composeScene';
import {
  buildInset,
  chooseInsetPlacement,
  INSET_CENTRE,
  INSET_PLACEMENTS,
  INSET_SCALE,
  insetTransform,
  toInset,
  type InsetPlacement,
} from '../../src/scene/inset';
import { KIND_STRENGTH, partnerWidth, strongestKind } from '../../src/scene/linkKinds';
import { buildLinkScene } from '../../src/scene/linkScene';
import { regionClasses, tieClass, tieRank, type TieRank } from '../../src/scene/regionMeasure';
import { focusBounds, positionsOf } from '../../src/scene/view/camera';
import { describeStates } from '../../src/scene/view/describeStates';
import { SOURCE } from '../../src/scene/view/ids';
import type { ArcProps } from '../../src/scene/linkScene';

const geo = decodeTopology(JSON.parse(readFileSync('public/data/regions.topo.json', 'utf8')));
const dataset = decodeDataset(JSON.parse(readFileSync('public/data/dataset.json', 'utf8')));
const base = buildBaseScene(geo);
const links = buildLinkScene(dataset, geo.regions);
const scene = composeScene(base, links);
const kinds = [...LINK_KINDS];

type Box = [number, number, number, number];
const worldBoxOf = (positions: Iterable<number[]>): Box => {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng = 0, lat = 0] of positions) {
    const [x, y] = mercatorLngLatToWorld(lng, lat);
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }
  return b;
};
const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const inside = (p: [number, number], b: Box, slack = 1e-9): boolean =>
  p[0] >= b[0] - slack && p[0] <= b[2] + slack && p[1] >= b[1] - slack && p[1] <= b[3] + slack;

describe('the inset of Belarus', () => {
  const t = insetTransform(base.regions);
  const inset = buildInset(base);

  it('moves Belarus’s centre to the inset’s centre and scales distances by the inset’s factor', () => {
    const c = toInset(t, [0, 0]);
    expect(t.k).toBe(INSET_SCALE);
    const centre = mercatorLngLatToWorld(...toInsetOfWorld(t.from));
    expect(centre[0]).toBeCloseTo(INSET_CENTRE[0], 6);
    expect(centre[1]).toBeCloseTo(INSET_CENTRE[1], 6);
    const a = mercatorLngLatToWorld(...toInset(t, [27, 53]));
    const b = mercatorLngLatToWorld(...toInset(t, [30, 54]));
    const [a0, b0] = [mercatorLngLatToWorld(27, 53), mercatorLngLatToWorld(30, 54)];
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeCloseTo(INSET_SCALE * Math.hypot(a0[0] - b0[0], a0[1] - b0[1]), 6);
    expect(c).toHaveLength(2);
  });

  it('copies the seven regions of Belarus, each with a tap target inside the frame', () => {
    expect(inset.regions.features.map((f) => f.properties.code).sort()).toEqual([
      'BY-BR',
      'BY-HM',
      'BY-HO',
      'BY-HR',
      'BY-MA',
      'BY-MI',
      'BY-VI',
    ]);
    expect(inset.targets.features.map((f) => f.properties.code).sort()).toEqual(
      inset.regions.features.map((f) => f.properties.code).sort(),
    );
    for (const f of [...inset.regions.features, ...inset.targets.features])
      expect(inside(worldBoxOf(positionsOf(f.geometry)).slice(0, 2) as [number, number], inset.box)).toBe(true);
  });

  it.each(Object.keys(INSET_PLACEMENTS) as InsetPlacement[])(
    'placed %s, covers no Russian subject and not the real Belarus (it hides nothing essential)',
    (placement) => {
      const frame = buildInset(base, placement).box;
      for (const f of base.regions.features)
        expect(overlaps(worldBoxOf(positionsOf(f.geometry)), frame), f.properties.code).toBe(false);
    },
  );

  it.each<[number, number, InsetPlacement]>([
    [1240, 330, 'wide'],
    [900, 330, 'wide'],
    [600, 260, 'wide'],
    [342, 400, 'tall'],
    [342, 700, 'tall'],
  ])('in a map of %i×%i px goes %s, where it is drawn largest', (width, height, placement) =>
    expect(chooseInsetPlacement(base, { width, height })).toBe(placement),
  );

  it('moves Minsk region’s name and target clear of Minsk City’s tap disc, still inside the region', () => {
    const target = (code: string) => inset.targets.features.find((f) => f.properties.code === code);
    const world = (code: string) => mercatorLngLatToWorld(...(target(code)?.geometry.coordinates as [number, number]));
    const label = (code: string) =>
      mercatorLngLatToWorld(
        ...toInset(
          insetTransform(base.regions),
          base.labels.features.find((f) => f.properties.code === code)?.geometry.coordinates ?? [],
        ),
      );
    const gap = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    expect(target('BY-HM')?.properties.tap).toBe(true);
    expect(target('BY-MI')?.properties.tap).toBe(false);
    // Farther from Minsk City than the region's own label point was.
    expect(gap(world('BY-MI'), world('BY-HM'))).toBeGreaterThan(1.2 * gap(label('BY-MI'), world('BY-HM')));
    const shape = inset.regions.features.find((f) => f.properties.code === 'BY-MI');
    expect(shape && geoContains(shape, target('BY-MI')?.geometry.coordinates as [number, number])).toBe(true);
    // A region with no small one inside keeps its label point.
    expect(world('BY-BR')[0]).toBeCloseTo(label('BY-BR')[0], 9);
  });
});

/** The scene position whose world point is `w`, moved into the inset. */
function toInsetOfWorld(w: [number, number]): [number, number] {
  const t = insetTransform(base.regions);
  const lng = w[0] * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * w[1]))) * 180) / Math.PI;
  return toInset(t, [lng, lat]);
}

describe('kinds by strength, widths by ties', () => {
  it.each<[LinkKind[], LinkKind | null]>([
    [[], null],
    [['sister'], 'sister'],
    [['sister', 'project'], 'project'],
    [['project', 'body', 'sister'], 'body'],
    [['sister', 'agreement', 'body'], 'agreement'],
  ])('the strongest of %j is %s', (ks, expected) => expect(strongestKind(ks)).toBe(expected));

  it('orders every kind once', () => expect([...KIND_STRENGTH].sort()).toEqual([...LINK_KINDS].sort()));

  it.each([
    [1, 1.6],
    [2, 2.6],
    [3, 3.6],
    [4, 3.6],
    [5, 5],
    [9, 5],
    [10, 6.5],
    [250, 6.5],
  ])('a partner with %i ties is drawn %f px wide', (n, w) => expect(partnerWidth(n)).toBe(w));

  it.each<[Pick<ArcProps, 'kind' | 'from'>, TieRank, number]>([
    [{ kind: 'agreement', from: 'BY-GOV' }, 'government', 5],
    [{ kind: 'agreement', from: 'BY-HO' }, 'agreement', 4],
    [{ kind: 'body', from: 'BY-GOV' }, 'body', 3],
    [{ kind: 'project', from: 'BY-MI' }, 'project', 2],
    [{ kind: 'sister', from: 'gomel' }, 'sister', 1],
  ])('a link %j ranks as %s, class %i', (a, rank, cls) => {
    expect(tieRank(a)).toBe(rank);
    expect(tieClass(rank)).toBe(cls);
  });

  it('colours a Russian subject by its strongest tie by the year, Belarus’s regions by their count', () => {
    const arc = (id: string, kind: LinkKind, from: string, fromRegion: string, start: number): ArcProps => ({
      id,
      kind,
      status: 'signed',
      start,
      dateUnknown: false,
      signed: start,
      uncertain: false,
      from,
      to: 'RU-KRS',
      fromRegion,
      toRegion: 'RU-KRS',
    });
    const arcs = [arc('s', 'sister', 'c1', 'BY-HR', 2016), arc('g', 'agreement', 'BY-GOV', 'BY-GOV', 2020)];
    const codes = ['RU-KRS', 'BY-HR', 'RU-MOS'];
    expect(regionClasses(codes, arcs, 2015, kinds)).toEqual({ 'RU-KRS': 6, 'BY-HR': 6, 'RU-MOS': 0 });
    expect(regionClasses(codes, arcs, 2018, kinds)).toEqual({ 'RU-KRS': 1, 'BY-HR': 1, 'RU-MOS': 0 });
    expect(regionClasses(codes, arcs, 2020, kinds)).toEqual({ 'RU-KRS': 5, 'BY-HR': 1, 'RU-MOS': 0 });
    expect(regionClasses(codes, arcs, 2020, ['sister'])).toEqual({ 'RU-KRS': 1, 'BY-HR': 1, 'RU-MOS': 0 });
  });
});

describe('composeScene (the real geography and dataset)', () => {
  it('draws every link from the inset: Belarus’s end lies in the frame', () => {
    for (const f of scene.links.arcs.features) {
      const start = f.geometry.coordinates[0] ?? [0, 0];
      expect(inside(mercatorLngLatToWorld(start[0] ?? 0, start[1] ?? 0), scene.inset.box, 1e-6), f.properties.id).toBe(
        true,
      );
    }
  });

  it('has one partner arc per Russian subject from all of Belarus, and per region from each Belarusian region', () => {
    // Expected: per origin and subject, the kinds of tie the dataset has between them in any year.
    const expected = new Set<string>();
    for (const { properties: a } of links.arcs.features) {
      expected.add(`BY>${a.toRegion} ${a.kind}`);
      if (a.fromRegion.startsWith('BY-') && a.fromRegion !== 'BY-GOV')
        expected.add(`${a.fromRegion}>${a.toRegion} ${a.kind}`);
    }
    const drawn = scene.partners.features.map((f) => `${f.properties.id} ${f.properties.kind}`);
    expect(drawn.sort()).toEqual([...expected].sort());
    // The features of one pair are one line (one arc, whichever kind is drawn), and share its ids.
    const lineOf = new Map<string, unknown>();
    for (const f of scene.partners.features) {
      expect(f.properties.id).toBe(`${f.properties.origin}>${f.properties.partner}`);
      const line = lineOf.get(f.properties.id) ?? f.geometry.coordinates;
      lineOf.set(f.properties.id, line);
      expect(f.geometry.coordinates, f.properties.id).toEqual(line);
    }
    // The weakest kind first, so the strongest arcs are drawn on top.
    const strength = scene.partners.features.map((f) => KIND_STRENGTH.indexOf(f.properties.kind));
    expect(strength).toEqual([...strength].sort((a, b) => b - a));
  });

  it('starts the arcs from all of Belarus on the frame, so they cross none of its regions', () => {
    for (const f of scene.partners.features.filter((p) => p.properties.origin === ALL_BELARUS)) {
      const [x, y] = mercatorLngLatToWorld(...(f.geometry.coordinates[0] as [number, number]));
      const [x0, y0, x1, y1] = scene.inset.box;
      const onEdge = [x - x0, x1 - x, y - y0, y1 - y].some((d) => Math.abs(d) < 1e-6);
      expect(onEdge, f.properties.id).toBe(true);
    }
  });

  it.each<[[number, number, number, number], [number, number], [number, number]]>([
    [
      [0, 0, 2, 2],
      [5, 1],
      [2, 1],
    ],
    [
      [0, 0, 2, 2],
      [1, -3],
      [1, 0],
    ],
    [
      [0, 0, 2, 2],
      [4, 4],
      [2, 2],
    ],
    [
      [0, 0, 2, 2],
      [1.5, 1],
      [1.5, 1],
    ],
  ])('leaves the box %j towards %j at %j', (box, p, expected) => expect(exitPoint(box, p)).toEqual(expected));

  it('widens the default framing to hold the inset', () => {
    const [[w, s], [e, n]] = scene.base.bounds;
    const [[iw, is], [ie, inn]] = scene.inset.bounds;
    expect(w <= iw && s <= is && e >= ie && n >= inn).toBe(true);
  });
});

describe('states of the composition, by year', () => {
  it.each([2016, 2019, 2024])(
    'in %i draws one arc per partner subject and no single link until something is in focus',
    (year) => {
      const states = describeStates(scene, { year, kinds, selection: null, hover: null });
      const partners = Object.entries(states[SOURCE.partners] ?? {}).filter(([, s]) => s.shown);
      const subjects = new Set(
        links.arcs.features.filter((f) => f.properties.start <= year).map((f) => f.properties.toRegion),
      );
      expect(partners.map(([id]) => id).sort()).toEqual([...subjects].map((s) => `BY>${s}`).sort());
      expect(Object.values(states[SOURCE.arcs] ?? {}).filter((s) => s.shown)).toEqual([]);
    },
  );

  it('with a Belarusian region selected, draws the arcs from it alone', () => {
    const states = describeStates(scene, { year: 2024, kinds, selection: 'BY-HO', hover: null });
    const shown = Object.entries(states[SOURCE.partners] ?? {})
      .filter(([, s]) => s.shown)
      .map(([id]) => id);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((id) => id.startsWith('BY-HO>'))).toBe(true);
  });
});

describe('focusBounds (where the camera goes for a selection)', () => {
  const within = (b: ReturnType<typeof focusBounds>, p: number[]) =>
    b !== null && (p[0] ?? 0) >= b[0][0] && (p[0] ?? 0) <= b[1][0] && (p[1] ?? 0) >= b[0][1] && (p[1] ?? 0) <= b[1][1];

  it.each([null, 'XX-NONE'])('frames nothing for %s', (sel) => expect(focusBounds(scene, sel, 2024, kinds)).toBeNull());

  it.each(['BY-VI', 'BY-HO', 'RU-KRS'])('frames %s (and its inset copy) with the far ends of its links', (code) => {
    const b = focusBounds(scene, code, 2024, kinds);
    expect(b).not.toBeNull();
    for (const fc of [scene.base.regions, scene.inset.regions])
      for (const f of fc.features)
        if (f.properties.code === code) for (const p of positionsOf(f.geometry)) expect(within(b, p)).toBe(true);
    for (const f of scene.links.arcs.features) {
      const a = f.properties;
      if (a.start > 2024 || (a.fromRegion !== code && a.toRegion !== code)) continue;
      const end = f.geometry.coordinates[f.geometry.coordinates.length - 1] ?? [];
      expect(within(b, end), a.id).toBe(true);
    }
  });

  it('is at least a dozen degrees wide, so a small place is not blown up', () => {
    const b = focusBounds(scene, 'BY-HM', 2015, kinds);
    expect(b && b[1][0] - b[0][0]).toBeGreaterThanOrEqual(12 - 1e-9);
  });
});
