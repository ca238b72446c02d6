/**
 * `npm run data`: compiles the CSV tables in data/ into public/data/dataset.json (the first view) and
 * public/data/details.json (loaded after it), or prints every
 * problem as `data/file.csv:LINE: field: reason` and exits 1. The logic lives in scripts/data/ (pure).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDataset } from './data/compile.ts';
import { compileTranslations } from './data/translations.ts';
import { formatError } from './data/csv.ts';
import { TABLE_FILES, type TableFile } from './data/schemas.ts';
import { checkStory, decodeStory } from '../src/scene/story.ts';
import { splitDataset } from '../src/data/details.ts';
import { textKey } from '../src/i18n/dataText.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'data');
const seedsDir = join(root, 'seeds');
const outFile = join(root, 'public', 'data', 'dataset.json');
const detailsFile = join(root, 'public', 'data', 'details.json');

const tables: Partial<Record<TableFile, string>> = {};
for (const f of TABLE_FILES) {
  const p = join(dataDir, f);
  if (existsSync(p)) tables[f] = readFileSync(p, 'utf8');
}
const seeds: Record<string, string> = {};
for (const f of readdirSync(seedsDir)) {
  if (f.endsWith('.txt')) seeds[f] = readFileSync(join(seedsDir, f), 'utf8');
}

const result = compileDataset({ tables, seeds });
if (result.errors) {
  for (const e of result.errors) console.error(formatError(e));
  console.error(`\n${result.errors.length} problem(s) in data/: dataset.json was not written.`);
  process.exit(1);
}
// The data's prose in each language (data/translations.csv), kept beside the tables, not in them.
const translationsFile = join(dataDir, 'translations.csv');
const compiled = compileTranslations('data/translations.csv', readFileSync(translationsFile, 'utf8'));
if (compiled.errors.length) {
  for (const e of compiled.errors) console.error(formatError(e));
  console.error(`\n${compiled.errors.length} problem(s) in data/translations.csv: dataset.json was not written.`);
  process.exit(1);
}
const dataset = { ...result.dataset, translations: compiled.packed };
mkdirSync(dirname(outFile), { recursive: true });
// What the first view does not show (quotes, remarks, later tables) goes to details.json: src/data/details.ts.
const { first, details } = splitDataset(dataset as unknown as Record<string, unknown>, textKey);
writeFileSync(outFile, JSON.stringify(first));
writeFileSync(detailsFile, JSON.stringify(details));
const counts = (['sources', 'metrics', 'figures', 'cities', 'links', 'events', 'regionFacts'] as const)
  .map((k) => `${dataset[k].length} ${k}`)
  .join(', ');
console.log(`public/data/dataset.json: ${counts}, ${compiled.rows.length} translations.`);

// A separate check of the presenter's story (data/story.json, bundled into the app): its steps must
// cite sources that exist and select places that exist.
{
  const storyFile = join(dataDir, 'story.json');
  const regionCodes = readFileSync(join(dataDir, 'regions.csv'), 'utf8')
    .split(/\r?\n/u)
    .slice(1)
    .map((line) => line.split(',')[0] ?? '')
    .filter(Boolean);
  let problems: string[];
  try {
    const story = decodeStory(JSON.parse(readFileSync(storyFile, 'utf8')));
    problems = checkStory(story, {
      sourceIds: new Set(dataset.sources.map((s) => s.id)),
      placeIds: new Set([...regionCodes, ...dataset.cities.map((c) => c.id)]),
    });
    if (!problems.length) console.log(`data/story.json: ${story.steps.length} steps.`);
  } catch (e) {
    problems = [e instanceof Error ? e.message : String(e)];
  }
  if (problems.length) {
    for (const p of problems) console.error(`data/story.json: ${p}`);
    process.exit(1);
  }
}
