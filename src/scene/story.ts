/**
 * The presenter's story (`data/story.json`): a sequence of steps, each a year, a selection, a map
 * view and a caption in ru/be/en that cites its sources by id. Pure: decoding and checking only;
 * the JSON is bundled with the app (see storyData.ts), so a presentation needs no network.
 */
import { FIRST_YEAR, LANGS, LINK_KINDS, LAST_YEAR, type LinkKind, type Names } from '../data/types';

/** Geographic bounds in degrees: [west, south, east, north]. */
export type StoryView = [number, number, number, number];

export interface StoryStep {
  id: string;
  year: number;
  /** Region code or city id to select; null clears the selection. */
  selection: string | null;
  /** What the map frames; null: the whole map. */
  view: StoryView | null;
  /** Link kinds to show; null leaves them as they are. */
  kinds: LinkKind[] | null;
  caption: Names;
  /** Ids of the sources (data/sources.csv) the caption rests on; at least one. */
  sources: string[];
}

export interface Story {
  steps: StoryStep[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(where: string, message: string): never {
  throw new Error(`story ${where}: ${message}`);
}

function decodeStep(raw: unknown, i: number): StoryStep {
  const where = `step ${i + 1}`;
  if (!isObject(raw)) fail(where, 'not an object');
  const { id, year, selection, view, kinds, caption, sources } = raw;
  if (typeof id !== 'string' || !id) fail(where, 'id must be a non-empty string');
  const at = `${where} (${id})`;
  if (typeof year !== 'number' || !Number.isInteger(year)) fail(at, 'year must be an integer');
  if (selection !== null && (typeof selection !== 'string' || !selection))
    fail(at, 'selection must be a region code, a city id or null');
  if (
    view !== null &&
    !(Array.isArray(view) && view.length === 4 && view.every((n) => typeof n === 'number' && Number.isFinite(n)))
  )
    fail(at, 'view must be [west, south, east, north] in degrees, or null');
  if (kinds !== undefined && kinds !== null) {
    if (!Array.isArray(kinds) || !kinds.every((k) => (LINK_KINDS as readonly unknown[]).includes(k)))
      fail(at, `kinds must list some of ${LINK_KINDS.join(', ')}`);
  }
  if (!isObject(caption)) fail(at, 'caption must be an object with ru, be and en');
  for (const lang of LANGS)
    if (typeof caption[lang] !== 'string' || !(caption[lang] as string).trim()) fail(at, `caption.${lang} is missing`);
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === 'string' && s))
    fail(at, 'sources must list at least one source id');
  return {
    id,
    year,
    selection: selection as string | null,
    view: view as StoryView | null,
    kinds: (kinds as LinkKind[] | null | undefined) ?? null,
    caption: { ru: caption.ru as string, be: caption.be as string, en: caption.en as string },
    sources: sources as string[],
  };
}

/** Decodes the story file's JSON; throws a readable error naming the step and field. */
export function decodeStory(json: unknown): Story {
  if (!isObject(json) || !Array.isArray(json.steps) || json.steps.length === 0)
    fail('file', 'expected { "steps": [ … ] } with at least one step');
  return { steps: json.steps.map(decodeStep) };
}

/** What a story is checked against: the dataset's source ids and the places that can be selected. */
export interface StoryContext {
  sourceIds: ReadonlySet<string>;
  /** Region codes and city ids; omit to skip the selection check. */
  placeIds?: ReadonlySet<string>;
}

/**
 * Every problem of a decoded story, as readable lines (empty when it is sound): unknown sources or
 * places, years outside the timeline, steps going back in time, duplicate ids, inverted views.
 */
export function checkStory(story: Story, context: StoryContext): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  let lastYear = -Infinity;
  story.steps.forEach((s, i) => {
    const at = `step ${i + 1} (${s.id})`;
    if (ids.has(s.id)) problems.push(`${at}: duplicate id`);
    ids.add(s.id);
    if (s.year < FIRST_YEAR || s.year > LAST_YEAR)
      problems.push(`${at}: year ${s.year} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
    if (s.year < lastYear) problems.push(`${at}: year ${s.year} comes after ${lastYear} (the story runs forward)`);
    lastYear = Math.max(lastYear, s.year);
    for (const id of s.sources)
      if (!context.sourceIds.has(id)) problems.push(`${at}: source "${id}" is not in data/sources.csv`);
    if (s.selection && context.placeIds && !context.placeIds.has(s.selection))
      problems.push(`${at}: selection "${s.selection}" is neither a region code nor a city id`);
    if (s.view) {
      const [w, south, e, n] = s.view;
      if (!(w < e && south < n && south >= -90 && n <= 90))
        problems.push(`${at}: view [${s.view.join(', ')}] is not [west, south, east, north]`);
    }
  });
  return problems;
}
