/**
 * The real dataset: every table in data/ and every seed in seeds/ (read from disk), checked record by
 * record, so a failure names the record.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../scripts/data/compile';
import { formatError, readCsv } from '../../scripts/data/csv';
import { COLUMNS, TABLE_FILES, type TableFile } from '../../scripts/data/schemas';
import {
  VERIFIED_NOTE,
  normaliseWhitespace,
  paraphraseSigns,
  partsStandInOrder,
  quoteStandsIn,
  quoteStatesNumber,
} from '../../scripts/data/text';
import { decodeDataset } from '../../src/data/dataset';
import { BY_GOVERNMENT, FIRST_YEAR, LAST_YEAR, type Dataset } from '../../src/data/types';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tables = Object.fromEntries(TABLE_FILES.map((f) => [f, readFileSync(join(root, 'data', f), 'utf8')])) as Record<
  TableFile,
  string
>;
const seeds = Object.fromEntries(
  readdirSync(join(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, readFileSync(join(root, 'seeds', f), 'utf8')]),
);
const result = compileDataset({ tables, seeds });

function dataset(): Dataset {
  if (!result.dataset) throw new Error(`data/ does not compile:\n${result.errors.map(formatError).join('\n')}`);
  return result.dataset;
}

type Quoted = { table: string; id: string; sourceId: string; quote: string; note: string };
const ds = result.dataset;
const quoted: Quoted[] = ds
  ? [
      ...ds.figures.map((r) => ({ table: 'figures', ...r })),
      ...ds.links.map((r) => ({ table: 'links', ...r })),
      ...ds.events.map((r) => ({ table: 'events', ...r })),
      ...ds.regionFacts.map((r) => ({ table: 'regionFacts', ...r })),
      ...ds.documents.map((r) => ({ table: 'documents', ...r })),
      ...ds.meetings.map((r) => ({ table: 'meetings', ...r })),
      ...ds.assignments.map((r) => ({ table: 'assignments', ...r })),
    ]
  : [];
const sourceOf = (id: string) => ds?.sources.find((s) => s.id === id);
const seedQuoted = quoted.filter((q) => sourceOf(q.sourceId)?.kind === 'seed');
const webQuoted = quoted.filter((q) => sourceOf(q.sourceId)?.kind === 'web');
const label = (q: Quoted) => `${q.table}/${q.id}`;
/** A seed quote stands in its seed whole, or (cut with "…") part by part in order. */
const standsIn = (quote: string, doc: string) =>
  quoteStandsIn(quote, doc) || (quote.includes('…') && partsStandInOrder(quote, doc));

describe('the data files', () => {
  it('compile without a single problem', () => {
    expect(result.errors?.map(formatError) ?? []).toEqual([]);
  });

  it('compile into a dataset that the app decodes', () => {
    expect(() => decodeDataset(JSON.parse(JSON.stringify(dataset())))).not.toThrow();
  });

  it('hold every kind of record', () => {
    const d = dataset();
    for (const t of ['sources', 'metrics', 'figures', 'cities', 'links', 'events', 'regionFacts'] as const) {
      expect(d[t].length, t).toBeGreaterThan(0);
    }
  });
});

describe('seed quotes', () => {
  it('cite all five seed documents', () => {
    expect(new Set(seedQuoted.map((q) => sourceOf(q.sourceId)?.file)).size).toBe(5);
  });

  it.each(seedQuoted.map((q) => [label(q), q] as const))('%s stands verbatim in its seed file', (_l, q) => {
    const file = sourceOf(q.sourceId)!.file;
    expect(standsIn(q.quote, seeds[file]!)).toBe(true);
  });

  it.each(seedQuoted.map((q) => [label(q), q] as const))('%s no longer matches once one word is changed', (_l, q) => {
    const file = sourceOf(q.sourceId)!.file;
    const words = normaliseWhitespace(q.quote).split(' ');
    const i = words.findIndex((w) => /\p{L}{3,}/u.test(w));
    words[i] = `${words[i]}x`;
    expect(standsIn(words.join(' '), seeds[file]!)).toBe(false);
  });

  it('fails the build, naming file and line, when one word of a quote in figures.csv is changed', () => {
    const lines = tables['figures.csv'].split('\n');
    const line = lines.findIndex((l) => l.includes('148 visits'));
    lines[line] = lines[line]!.replace('148 visits to Russian regions', '148 trips to Russian regions');
    const broken = compileDataset({ tables: { ...tables, 'figures.csv': lines.join('\n') }, seeds });
    expect(broken.errors?.map(formatError)).toEqual([
      expect.stringMatching(new RegExp(`^data/figures\\.csv:${line + 1}: quote: not found verbatim in seeds/004_`)),
    ]);
  });
});

describe('figures', () => {
  it.each((ds?.figures ?? []).map((f) => [f.id, f] as const))('%s states its number in its quote', (_id, f) => {
    expect(quoteStatesNumber(f.quote, f.value)).toBe(true);
    if (f.valueMax !== null) expect(quoteStatesNumber(f.quote, f.valueMax)).toBe(true);
  });

  it('keep conflicting sources of one metric and year in separate series', () => {
    const seen = new Map<string, string>();
    for (const f of dataset().figures) {
      const key = `${f.metric}/${f.year}/${f.series}`;
      expect(seen.has(key), `${f.id} shares ${key} with ${seen.get(key)}`).toBe(false);
      seen.set(key, f.id);
    }
  });

  it('give each metric names in Russian, Belarusian and English', () => {
    for (const m of dataset().metrics) {
      expect(
        [m.names.ru, m.names.be, m.names.en].every((n) => n.length > 0),
        m.id,
      ).toBe(true);
    }
  });
});

describe('references', () => {
  const regionCodes = new Set(
    readCsv('data/regions.csv', tables['regions.csv'], COLUMNS['regions.csv']).rows.map((r) => r.cells.code),
  );

  it('every record cites a source that exists', () => {
    const ids = new Set(dataset().sources.map((s) => s.id));
    const missing = [
      ...quoted,
      ...dataset().cities.map((c) => ({ table: 'cities', ...c, quote: '', note: '' })),
    ].filter((q) => !ids.has(q.sourceId));
    expect(missing.map(label)).toEqual([]);
  });

  it('every region code exists in data/regions.csv (or is BY-GOV on the Belarusian side)', () => {
    const d = dataset();
    const cityIds = new Set(d.cities.map((c) => c.id));
    const bad = [
      ...d.cities.filter((c) => !regionCodes.has(c.region)).map((c) => `cities/${c.id}`),
      ...d.regionFacts.filter((f) => !regionCodes.has(f.region)).map((f) => `regionFacts/${f.id}`),
      ...d.events.filter((e) => e.region && !regionCodes.has(e.region)).map((e) => `events/${e.id}`),
      ...d.links
        .filter((l) => !(regionCodes.has(l.from) || cityIds.has(l.from) || l.from === BY_GOVERNMENT))
        .map((l) => `links/${l.id}.from`),
      ...d.links.filter((l) => !(regionCodes.has(l.to) || cityIds.has(l.to))).map((l) => `links/${l.id}.to`),
    ];
    expect(bad).toEqual([]);
  });

  it('every city an event or a sister-city link names exists; a sister link between regions names its places', () => {
    const d = dataset();
    const cityIds = new Set(d.cities.map((c) => c.id));
    const place = (id: string) => cityIds.has(id) || regionCodes.has(id);
    const bad = [
      ...d.events.filter((e) => e.city && !cityIds.has(e.city)).map((e) => `events/${e.id}`),
      ...d.links.filter((l) => l.kind === 'sister' && !(place(l.from) && place(l.to))).map((l) => `links/${l.id}`),
      ...d.links
        .filter((l) => l.kind === 'sister' && !(cityIds.has(l.from) && cityIds.has(l.to)) && !l.label.en)
        .map((l) => `links/${l.id} (no label naming the places)`),
    ];
    expect(bad).toEqual([]);
  });

  // Tables keyed by id; that every kind of record is present at all is checked above.
  const idTables = TABLE_FILES.filter((f) => f !== 'regions.csv' && (COLUMNS[f] as readonly string[]).includes('id'));
  it.each(idTables)('ids in %s are unique', (file) => {
    const ids = readCsv(`data/${file}`, tables[file], COLUMNS[file]).rows.map((r) => r.cells.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('each seed source names a file that exists in seeds/', () => {
    const seedSources = dataset().sources.filter((s) => s.kind === 'seed');
    expect(seedSources).toHaveLength(5);
    for (const s of seedSources) expect(existsSync(join(root, 'seeds', s.file)), s.file).toBe(true);
  });

  it('each web source has an address (as the stored page gives it), and says so when it is incomplete', () => {
    for (const s of dataset().sources.filter((x) => x.kind === 'web')) {
      expect(s.url, s.id).toMatch(/^https?:\/\/\S+$/u);
      if (s.url.includes('…')) expect(s.note, s.id).toMatch(/…/u);
    }
  });
});

describe('years', () => {
  const flagged = (file: TableFile) =>
    new Map(
      readCsv(`data/${file}`, tables[file], COLUMNS[file]).rows.map((r) => [
        r.cells.id!,
        r.cells.outsideTimeline === 'yes',
      ]),
    );
  const inside = (y: number) => y >= FIRST_YEAR && y <= LAST_YEAR;
  const rows: Array<[string, number | null, boolean | undefined]> = ds
    ? [
        ...ds.figures.map(
          (f) => [`figures/${f.id}`, f.year, flagged('figures.csv').get(f.id)] as [string, number, boolean],
        ),
        ...ds.links.map(
          (l) =>
            [`links/${l.id}`, l.year ?? l.inForceBy, flagged('links.csv').get(l.id)] as [
              string,
              number | null,
              boolean,
            ],
        ),
        ...ds.events.map(
          (e) => [`events/${e.id}`, e.year, flagged('events.csv').get(e.id)] as [string, number, boolean],
        ),
        ...ds.regionFacts.map(
          (r) => [`regionFacts/${r.id}`, r.year, flagged('regionFacts.csv').get(r.id)] as [string, number, boolean],
        ),
      ]
    : [];

  it.each(rows)('%s (year %s) lies in the timeline or is flagged outside it', (_id, year, isFlagged) => {
    if (year === null) expect(isFlagged).toBe(false);
    else expect(isFlagged).toBe(!inside(year));
  });

  // Sources that disagree on a Forum's dates give two rows of the same Forum (same number).
  it('has one Forum of Regions in each year of the timeline', () => {
    const forums = dataset().events.filter((e) => e.kind === 'forum' && inside(e.year));
    expect([...new Set(forums.map((e) => e.year))].sort()).toEqual(dataset().years);
    for (const y of dataset().years) {
      expect(new Set(forums.filter((e) => e.year === y).map((e) => e.number)).size, String(y)).toBe(1);
    }
  });
});

describe('certainty', () => {
  it('stores every record marked ⚠ as uncertain', () => {
    const marked = quoted.filter((q) => q.quote.includes('⚠') || q.note.includes('⚠'));
    expect(marked.length).toBeGreaterThan(0);
    for (const q of marked) expect((q as { certainty?: string }).certainty, label(q)).toBe('uncertain');
  });
});

// Research batches not yet merged replace today's paraphrased rows (same ids): until `npm run
// data:merge` has folded them in, data/ still holds the paraphrases they replace.
const stagingDir = join(root, 'data', 'staging');
const unmerged = existsSync(stagingDir)
  ? readdirSync(stagingDir).filter(
      (f) => /^R\d+$/u.test(f) && readdirSync(join(stagingDir, f)).some((x) => x.endsWith('.csv')),
    )
  : [];
if (unmerged.length) {
  console.warn(
    `dataContent: skipping the paraphrase and brief-coverage checks: data/staging/${unmerged.join(', ')} not merged yet (npm run data:merge).`,
  );
}

describe.skipIf(unmerged.length > 0)('quotes that are quotes', () => {
  it.each(quoted.map((q) => [label(q), q] as const))('%s shows no sign of a paraphrase', (_l, q) => {
    expect(paraphraseSigns(q.quote, q.note, sourceOf(q.sourceId)?.lang ?? '')).toEqual([]);
  });
});

// The research briefs live beside the repository (../shared), not in it: check against them when present.
const briefsDir = join(root, '..', 'shared', 'briefs');
const briefPath = join(briefsDir, 'facts-beyond-seeds.md');
const researchPath = join(briefsDir, 'facts-research.md');
const briefsThere = existsSync(briefPath) && existsSync(researchPath);
if (!briefsThere) console.warn(`dataContent: skipping the checks against the research briefs: ${briefsDir} not found.`);

describe.skipIf(!briefsThere)('web quotes against the research briefs', () => {
  const briefs = briefsThere
    ? normaliseWhitespace(`${readFileSync(briefPath, 'utf8')}\n${readFileSync(researchPath, 'utf8')}`)
    : '';
  it.each(webQuoted.filter((q) => !q.sourceId.startsWith('geonames-')).map((q) => [label(q), q] as const))(
    '%s stands in a brief (each part between "…") or was verified in the stored page',
    (_l, q) => {
      if (q.note.toLowerCase().includes(VERIFIED_NOTE)) return;
      for (const part of q.quote.split('…').map(normaliseWhitespace).filter(Boolean)) {
        expect(briefs.includes(part), part).toBe(true);
      }
    },
  );
});

/** The entry ids of facts-research.md: "A1. **…**" at the start of a line. */
function researchEntryIds(text: string): string[] {
  return [...text.matchAll(/^([A-H]\d+)\. /gmu)].map((m) => m[1]!);
}

describe.skipIf(!briefsThere || unmerged.length > 0)('every brief entry accounted for', () => {
  const entries = (file: 'accounted.csv' | 'excluded.csv') =>
    readCsv(`data/${file}`, tables[file], COLUMNS[file]).rows.map((r) => r.cells.entry!);
  const listed = [...entries('accounted.csv'), ...entries('excluded.csv')];
  const ids = briefsThere ? researchEntryIds(readFileSync(researchPath, 'utf8')) : [];

  it('finds the entries of facts-research.md', () => {
    expect(ids.length).toBeGreaterThan(200);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ids)('%s is in accounted.csv or excluded.csv, exactly once', (id) => {
    expect(listed.filter((e) => e === id)).toHaveLength(1);
  });

  it('names no entry that facts-research.md does not have', () => {
    const known = new Set(ids);
    expect(listed.filter((e) => !e.startsWith('FBS:') && !known.has(e))).toEqual([]);
  });

  it('accounts for entries of facts-beyond-seeds.md too', () => {
    expect(listed.filter((e) => e.startsWith('FBS:')).length).toBeGreaterThan(0);
  });
});
