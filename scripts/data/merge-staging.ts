/**
 * `npm run data:merge`: folds the research batches in data/staging/R*\/ into data/*.csv (see
 * mergeTables.ts for the rules), then compiles the result as `npm run data` does and prints every
 * problem as `data/file.csv:LINE: field: reason`.
 *
 *   --check    merge and compile in memory only; write nothing (a preview)
 *   --partial  merge even when a batch folder has no DONE file yet
 *
 * It never deletes data/staging: once the merge compiles, `git rm -r data/staging/R*` and commit.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileDataset } from './compile.ts';
import { formatError } from './csv.ts';
import { DONE_FILE, mergeTables, type Batch } from './mergeTables.ts';
import { TABLE_FILES, type TableFile } from './schemas.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = join(root, 'data');
const stagingDir = join(dataDir, 'staging');
const check = process.argv.includes('--check');
const partial = process.argv.includes('--partial');

const folders = existsSync(stagingDir)
  ? readdirSync(stagingDir)
      .filter((f) => /^R\d+$/u.test(f) && statSync(join(stagingDir, f)).isDirectory())
      .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
  : [];
if (!folders.length) {
  console.error('data/staging/ holds no batch folder (R1, R2 …): nothing to merge.');
  process.exit(1);
}
const notDone = folders.filter((f) => !existsSync(join(stagingDir, f, DONE_FILE)));
if (notDone.length && !partial && !check) {
  console.error(`Not finished (no ${DONE_FILE} file): ${notDone.join(', ')}. Run with --partial to merge anyway.`);
  process.exit(1);
}

const batches: Batch[] = folders.map((name) => ({
  name,
  files: Object.fromEntries(
    readdirSync(join(stagingDir, name))
      .filter((f) => statSync(join(stagingDir, name, f)).isFile())
      .map((f) => [f, readFileSync(join(stagingDir, name, f), 'utf8')]),
  ),
}));
const base: Partial<Record<TableFile, string>> = {};
for (const f of TABLE_FILES) {
  const p = join(dataDir, f);
  if (existsSync(p)) base[f] = readFileSync(p, 'utf8');
}

const merged = mergeTables(base, batches);
for (const f of merged.ignored) console.warn(`ignored (not a table of the data contract): data/staging/${f}`);
if (merged.errors.length) {
  for (const e of merged.errors) console.error(e);
  console.error(`\n${merged.errors.length} problem(s) in the batches: nothing was written.`);
  process.exit(1);
}
for (const [file, c] of Object.entries(merged.counts)) {
  console.log(
    `data/${file}: ${c.replaced} replaced, ${c.appended} appended, ${c.dropped} dropped, ${c.identical} already there`,
  );
}
if (!check) {
  for (const f of TABLE_FILES) {
    const text = merged.tables[f];
    if (text !== undefined && text !== base[f]) writeFileSync(join(dataDir, f), text);
  }
}

const seeds: Record<string, string> = {};
for (const f of readdirSync(join(root, 'seeds'))) {
  if (f.endsWith('.txt')) seeds[f] = readFileSync(join(root, 'seeds', f), 'utf8');
}
const result = compileDataset({ tables: merged.tables, seeds });
if (result.errors) {
  for (const e of result.errors) console.error(formatError(e));
  console.error(
    `\n${result.errors.length} problem(s) in the merged tables${check ? ' (nothing written: --check)' : ': fix them in data/ (git diff shows the merge)'}.`,
  );
  process.exit(1);
}
console.log(
  check ? 'The merged tables compile (nothing written: --check).' : 'Merged; the tables compile. Run `npm run data`.',
);
