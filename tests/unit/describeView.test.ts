// The view description: one pure function of the state, read by both renderers. A year step is a
// change of feature states only; the style (sources, layers, images) stays the same object's worth.
import { describe, expect, it } from 'vitest';
import { diffStates } from '../../src/map/applyView';
import { KIND_STRENGTH, LINK_LOOK, NEW_WIDTH_FACTOR } from '../../src/scene/linkKinds';
import { PALETTES } from '../../src/scene/palette';
import {
  createViewDescriber,
  describeView,
  type ViewDescription,
  type ViewInput,
} from '../../src/scene/view/describeView';
import { LAYER, SOURCE } from '../../src/scene/view/ids';
import { evaluate } from '../../src/svg/evaluate';
import { LINK_KINDS, type LinkKind } from '../../src/data/types';
import { createInput, linkedScene } from './fakeMap';

const scene = linkedScene();
const view = (over: Partial<ViewInput> = {}) => describeView(createInput({ scene, ...over }));
/** The style part of a description (everything but the feature states). */
const styleOf = (over: Partial<ViewInput>) => {
  const style: Partial<ReturnType<typeof view>> = { ...view(over) };
  delete style.states;
  return style;
};
const styleOf2024 = styleOf({});
/** The regions an outline source holds, as `code:role`. */
const outlined = (v: ViewDescription, source: string): string[] =>
  (v.sources[source]?.data.features ?? []).map((f) => {
    const p = f.properties as { code: string; role: string };
    return `${p.code}:${p.role}`;
  });
/**
 * The feature-state changes between two inputs, as `source id: {changes}`, then the outline sources
 * whose regions changed, as `source: [code:role …]`.
 */
const changes = (from: Partial<ViewInput>, to: Partial<ViewInput>) => {
  const [a, b] = [view(from), view(to)];
  return [
    ...diffStates(b.states, a.states).map((c) =>
      'set' in c ? `${c.source} ${c.id}: ${JSON.stringify(c.set)}` : `${c.source} ${c.id}: -${c.remove}`,
    ),
    ...[SOURCE.highlight, SOURCE.insetHighlight]
      .filter((id) => outlined(a, id).join() !== outlined(b, id).join())
      .map((id) => `${id}: [${outlined(b, id).join(' ')}]`),
  ];
};

describe('describeView', () => {
  it('keeps the style the same for every year: only feature states follow the year', () => {
    for (const year of [2015, 2016, 2017, 2018, 2019, 2020, 2024])
      expect(styleOf({ year }), `${year}`).toEqual(styleOf2024);
  });

  it.each<[number, number, string[]]>([
    [2024, 2023, []],
    [2019, 2020, ['forums f2019: {"current":false}']],
    [
      2017,
      2018,
      [
        'regions BY-HR: {"cls":2}',
        'inset BY-HR: {"cls":2}',
        'inset-targets BY-HR: {"cls":2}',
        'arcs s1: {"new":true}',
        'partners BY>RU-KRS: {"w":2.6}',
        'cities c2: {"shown":true}',
        'forums f2017: {"current":false}',
      ],
    ],
    [
      2016,
      2015,
      [
        'regions RU-KRS: {"cls":6}',
        'regions BY-HR: {"cls":6}',
        'inset BY-HR: {"cls":6}',
        'inset-targets BY-HR: {"cls":6}',
        'arcs a1: {"new":false}',
        'partners BY>RU-KRS: {"shown":false,"w":0,"k":-1}',
      ],
    ],
  ])('steps from %i to %i as these feature-state changes', (from, to, expected) => {
    expect(changes({ year: from }, { year: to })).toEqual(expected);
  });

  it('states every feature of the year: classes, shown, new, current, one partner arc from Belarus', () => {
    const grodno = { cls: 2, dim: false };
    expect(view({ year: 2018 }).states).toEqual({
      [SOURCE.regions]: {
        // Kursk: an agreement with a region is its strongest tie (class 4, see regionMeasure's table test).
        'RU-KRS': { cls: 4, dim: false },
        'BY-HR': grodno,
      },
      [SOURCE.inset]: { 'BY-HR': grodno },
      [SOURCE.insetTargets]: { 'BY-HR': grodno },
      // Single links wait for a hover or a selection; the partner arc stands for them.
      [SOURCE.arcs]: {
        a1: { shown: false, new: false, focus: 0 },
        a2: { shown: false, new: false, focus: 0 },
        s1: { shown: false, new: true, focus: 0 },
      },
      [SOURCE.partners]: {
        'BY>RU-KRS': { shown: true, w: 2.6, k: 0, focus: 0 },
        'BY-HR>RU-KRS': { shown: false, w: 0, k: -1, focus: 0 },
      },
      // Grodno region's city c1 is not marked (its links leave from the inset); Kursk region's c2 is.
      [SOURCE.cities]: { c1: { shown: false }, c2: { shown: true } },
      [SOURCE.forums]: { f2017: { shown: true, current: false }, f2019: { shown: false, current: false } },
    });
  });

  it.each<[string, Partial<ViewInput>, Partial<ViewInput>, string[]]>([
    [
      'a city’s selection isolates its links, keeping its partners’ regions bright',
      {},
      { selection: 'c1' },
      [
        'arcs a1: {"focus":-1}',
        'arcs a2: {"focus":-1}',
        'arcs s1: {"shown":true,"focus":1}',
        'partners BY>RU-KRS: {"focus":-1}',
        'partners BY-HR>RU-KRS: {"focus":-1}',
      ],
    ],
    [
      'a region’s selection outlines it and dims the regions it has no link with yet',
      { year: 2015 },
      { year: 2015, selection: 'RU-KRS' },
      [
        'regions BY-HR: {"dim":true}',
        'inset BY-HR: {"dim":true}',
        'inset-targets BY-HR: {"dim":true}',
        'arcs a1: {"focus":1}',
        'arcs a2: {"focus":1}',
        'arcs s1: {"focus":1}',
        'partners BY>RU-KRS: {"focus":1}',
        'partners BY-HR>RU-KRS: {"focus":1}',
        // Kursk region has no inset copy: only the main map outlines it.
        'highlight: [RU-KRS:selected]',
      ],
    ],
    [
      'a hover outlines the region and isolates its links, dimming nothing',
      {},
      { hover: 'BY-HR' },
      [
        'arcs a1: {"shown":true,"focus":1}',
        'arcs a2: {"shown":true,"focus":1}',
        'arcs s1: {"shown":true,"focus":1}',
        'partners BY>RU-KRS: {"focus":-1}',
        'partners BY-HR>RU-KRS: {"focus":1}',
        'highlight: [BY-HR:hover]',
        'inset-highlight: [BY-HR:hover]',
      ],
    ],
    [
      'selecting a Belarusian region draws the partner arcs from it, the single links on a hover',
      {},
      { selection: 'BY-HR' },
      [
        'arcs a1: {"focus":1}',
        'arcs a2: {"focus":1}',
        'arcs s1: {"focus":1}',
        'partners BY>RU-KRS: {"shown":false,"w":0,"k":-1}',
        'partners BY-HR>RU-KRS: {"shown":true,"w":3.6,"k":0}',
        'highlight: [BY-HR:selected]',
        'inset-highlight: [BY-HR:selected]',
      ],
    ],
    ['the selection wins the focus over the hover', { selection: 'RU-KRS' }, { selection: 'RU-KRS', hover: 'c1' }, []],
    [
      'switching sister cities off recounts the classes and hides the city only they reach',
      {},
      { kinds: ['agreement'] },
      [
        'regions BY-HR: {"cls":2}',
        'inset BY-HR: {"cls":2}',
        'inset-targets BY-HR: {"cls":2}',
        'partners BY>RU-KRS: {"w":2.6}',
        'cities c2: {"shown":false}',
      ],
    ],
  ])('%s', (_, from, to, expected) => {
    expect(changes({ year: 2024, ...from }, { year: 2024, ...to })).toEqual(expected);
  });

  it('hides the partner arcs and links of a kind switched off by their state, the style unchanged', () => {
    const kinds = ['agreement', 'body'] as const;
    expect(view({ kinds: [...kinds] }).layers).toEqual(view().layers);
    // Kursk's arc is drawn in the look of its strongest kind that is switched on, or not at all.
    const partner = (on: LinkKind[]) => view({ kinds: on }).states[SOURCE.partners]?.['BY>RU-KRS'];
    expect(partner(['agreement', 'sister'])).toMatchObject({ shown: true, k: KIND_STRENGTH.indexOf('agreement') });
    expect(partner(['sister'])).toMatchObject({ shown: true, k: KIND_STRENGTH.indexOf('sister') });
    expect(partner(['body', 'project'])).toMatchObject({ shown: false, k: -1 });
    // Hovering Grodno region shows its links; the sister-city link s1 only while sister cities are on.
    expect(view({ hover: 'BY-HR' }).states[SOURCE.arcs]?.s1?.shown).toBe(true);
    expect(view({ hover: 'BY-HR', kinds: [...kinds] }).states[SOURCE.arcs]?.s1?.shown).toBe(false);
    expect(view({ hover: 'BY-HR', kinds: [...kinds] }).states[SOURCE.arcs]?.a1?.shown).toBe(true);
  });

  it.each<LinkKind[]>([[...LINK_KINDS], ['sister'], ['project']])(
    'hatches exactly the regions of class 0 (nothing recorded), by a filter a year step keeps: kinds %j',
    (...kinds) => {
      for (const year of [2016, 2019, 2024]) {
        const v = view({ year, kinds });
        const classZero = Object.entries(v.states[SOURCE.regions] ?? {})
          .filter(([, s]) => s.cls === 0)
          .map(([code]) => code)
          .sort();
        for (const id of [LAYER.regionsNone, LAYER.insetNone]) {
          const filter = v.layers.find((l) => l.id === id)?.filter as [string, unknown, [string, string[]]];
          expect([...filter[2][1]].sort(), `${id} ${year}`).toEqual(classZero);
        }
        expect(v.layers, `${year}`).toEqual(view({ year: 2016, kinds }).layers);
      }
    },
  );

  it('draws every link in one layer, each with the look of its kind in the kinds table', () => {
    const arcs = view().layers.filter((l) => l.source === SOURCE.arcs);
    expect(arcs.map((l) => l.id)).toEqual([LAYER.arcs]);
    const [layer] = arcs;
    const at = (kind: string, isNew: boolean, expr: unknown) =>
      evaluate(expr, { properties: { kind }, state: { new: isNew }, zoom: 3 });
    for (const kind of LINK_KINDS) {
      const look = LINK_LOOK[kind];
      expect(at(kind, false, layer?.paint?.['line-color']), kind).toBe(PALETTES.light.link[kind]);
      expect(at(kind, false, layer?.paint?.['line-width']), kind).toBe(look.width);
      expect(at(kind, true, layer?.paint?.['line-width']), kind).toBe(look.width * NEW_WIDTH_FACTOR);
      // A solid kind is a dash with no gap (MapLibre's dash is all or nothing per layer).
      expect(at(kind, false, layer?.paint?.['line-dasharray']), kind).toEqual(look.dash ?? [1, 0]);
      expect(at(kind, false, layer?.layout?.['line-cap']), kind).toBe(look.cap);
    }
  });

  it('changes only colours with the theme, and only the label text with the language', () => {
    const light = view();
    const dark = view({ palette: PALETTES.dark });
    expect(dark.states).toEqual(light.states);
    expect(dark.layers.map((l) => l.layout)).toEqual(light.layers.map((l) => l.layout));
    expect(dark.layers.find((l) => l.id === LAYER.background)?.paint).toEqual({
      'background-color': PALETTES.dark.water,
    });
    const be = view({ lang: 'be' });
    expect(be.layers.find((l) => l.id === LAYER.labels)?.layout?.['text-field']).toEqual(['get', 'name_be']);
    expect(be.layers.map((l) => l.paint)).toEqual(light.layers.map((l) => l.paint));
  });

  it('matches the recorded style (layers in drawing order, with their paint, layout and filter)', () => {
    expect(styleOf2024.layers).toMatchSnapshot();
  });
});

describe('createViewDescriber', () => {
  it('gives the same description for the same input, and keeps the style across a year step', () => {
    const describe = createViewDescriber();
    const input = createInput({ scene });
    const first = describe(input);
    expect(describe({ ...input })).toBe(first);
    const next = describe({ ...input, year: 2017 });
    expect(next).not.toBe(first);
    expect(next.layers).toBe(first.layers);
    expect(next.sources).toBe(first.sources);
    expect(next.states).not.toEqual(first.states);
  });

  it('gives an outline source new data only when its outlined regions change', () => {
    const describe = createViewDescriber();
    const input = createInput({ scene, selection: 'RU-KRS' });
    const first = describe(input);
    // A year step under a selection keeps every source, the outlines' included.
    expect(describe({ ...input, year: 2017 }).sources).toBe(first.sources);
    // Hovering Grodno region: both outline sources change (it has an inset copy), no other source does.
    const hovered = describe({ ...input, hover: 'BY-HR' });
    for (const [id, source] of Object.entries(hovered.sources)) {
      const changed = id === SOURCE.highlight || id === SOURCE.insetHighlight;
      expect(source === first.sources[id], id).toBe(!changed);
    }
    expect(outlined(hovered, SOURCE.highlight)).toEqual(['BY-HR:hover', 'RU-KRS:selected']);
    // Hovering a city: no region outline changes, so the outline sources are the ones before it.
    const before = describe(input);
    const city = describe({ ...input, hover: 'c1' });
    expect(city.sources[SOURCE.highlight]).toBe(before.sources[SOURCE.highlight]);
    expect(city.sources[SOURCE.insetHighlight]).toBe(before.sources[SOURCE.insetHighlight]);
  });

  it.each<[string, Partial<ViewInput>, string[]]>([
    ['nothing in focus', {}, []],
    ['a hovered Russian region', { hover: 'RU-KRS' }, ['a1', 'a2', 's1']],
    ['a hovered Belarusian city', { hover: 'c1' }, ['s1']],
    ['a selected Russian region, whatever is hovered', { selection: 'RU-KRS', hover: 'c1' }, ['a1', 'a2', 's1']],
    ['a selected Belarusian region alone (its partners are the partner arcs)', { selection: 'BY-HR' }, []],
    ['a selected Belarusian region and a hovered partner city', { selection: 'BY-HR', hover: 'c2' }, ['s1']],
  ])('holds in the single links’ source the links of the place in focus, of every year: %s', (_, over, ids) => {
    const describe = createViewDescriber();
    const linkIds = (v: ViewDescription) =>
      (v.sources[SOURCE.arcs]?.data.features ?? []).map((f) => (f.properties as { id: string }).id);
    const early = describe(createInput({ scene, year: 2016, ...over }));
    expect(linkIds(early)).toEqual(ids);
    // A year step keeps the source: the year shows or hides its links by their state.
    const late = describe(createInput({ scene, year: 2024, ...over }));
    expect(late.sources[SOURCE.arcs]).toBe(early.sources[SOURCE.arcs]);
    for (const id of ids) expect(late.states[SOURCE.arcs]?.[id]?.shown, id).toBe(true);
  });

  it('filters the partner arcs to their origin: a Belarusian region selected changes it, a Russian one does not', () => {
    const describe = createViewDescriber();
    const input = createInput({ scene });
    const partners = (v: ViewDescription) => v.layers.filter((l) => l.source === SOURCE.partners);
    const all = describe(input);
    expect(partners(all).length).toBeGreaterThan(0);
    for (const l of partners(all)) expect(l.filter).toEqual(['==', ['get', 'origin'], 'BY']);
    const grodno = describe({ ...input, selection: 'BY-HR' });
    for (const l of partners(grodno)) expect(l.filter).toEqual(['==', ['get', 'origin'], 'BY-HR']);
    // A year step under that selection keeps its style.
    expect(describe({ ...input, selection: 'BY-HR', year: 2017 }).layers).toBe(
      describe({ ...input, selection: 'BY-HR' }).layers,
    );
    const kursk = describe({ ...input, selection: 'RU-KRS' });
    for (const l of partners(kursk)) expect(l.filter).toEqual(['==', ['get', 'origin'], 'BY']);
  });

  it('builds a new style when the language changes', () => {
    const describe = createViewDescriber();
    const input = createInput({ scene });
    expect(describe({ ...input, lang: 'en' }).layers).not.toBe(describe(input).layers);
  });
});
