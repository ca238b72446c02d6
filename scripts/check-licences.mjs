// Checks the licence of every dependency the built app ships: the runtime `dependencies` of
// package.json and everything they depend on, resolved from package-lock.json as npm installed it.
// Fails on a licence outside the allow-list of permissive licences (or none at all), and prints the
// list either way. No network: it reads package-lock.json and, where the lock has no licence,
// node_modules/<pkg>/package.json.
//
// Usage: node scripts/check-licences.mjs [--json]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Permissive licences (SPDX ids) that ask at most for a notice: fine to ship in a public web app. */
export const ALLOWED = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'ISC',
  'MIT',
  'MIT-0',
  'Python-2.0',
  'Unlicense',
  'WTFPL',
  'Zlib',
]);

/** True if an SPDX expression is satisfied by allowed licences (OR: any side; AND: both sides). */
export function isAllowed(expression) {
  const tokens = String(expression).replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  // Without parentheses in practice (npm licences are flat): OR binds loosest.
  const alternatives = [];
  let current = [];
  for (const token of tokens) {
    if (token === 'OR') {
      alternatives.push(current);
      current = [];
    } else if (token !== 'AND') current.push(token.replace(/\+$/, ''));
  }
  alternatives.push(current);
  return alternatives.some((ids) => ids.length > 0 && ids.every((id) => ALLOWED.has(id)));
}

/** A package.json `license` field in any of its historic shapes, as an SPDX-ish string. */
function licenceOf(meta) {
  if (!meta) return null;
  if (typeof meta.license === 'string') return meta.license;
  if (meta.license && typeof meta.license.type === 'string') return meta.license.type;
  if (Array.isArray(meta.licenses)) return meta.licenses.map((l) => (typeof l === 'string' ? l : l?.type)).join(' OR ');
  return null;
}

/**
 * The shipped dependency closure: [{ name, version, licence, path }], sorted by name.
 * @param {string} root the project folder (with package.json and package-lock.json)
 */
export function shippedPackages(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const entries = lock.packages ?? {};

  /** Node's lookup: node_modules next to the requiring package, then each folder above it. */
  const locate = (fromPath, name) => {
    let base = fromPath;
    for (;;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (entries[candidate]) return candidate;
      if (!base) return null;
      const at = base.lastIndexOf('/node_modules/');
      base = at === -1 ? '' : base.slice(0, at);
    }
  };

  const found = new Map();
  const missing = [];
  const queue = Object.keys(pkg.dependencies ?? {}).map((name) => ['', name, false]);
  while (queue.length) {
    const [from, name, optional] = queue.shift();
    const path = locate(from, name);
    if (!path) {
      if (!optional) missing.push(`${name} (needed by ${from || 'package.json'})`);
      continue;
    }
    if (found.has(path)) continue;
    const entry = entries[path];
    let licence = entry.license ?? null;
    if (!licence) {
      const file = join(root, path, 'package.json');
      licence = existsSync(file) ? licenceOf(JSON.parse(readFileSync(file, 'utf8'))) : null;
    }
    found.set(path, { name, version: entry.version ?? '?', licence, path });
    for (const dep of Object.keys(entry.dependencies ?? {})) queue.push([path, dep, false]);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) queue.push([path, dep, true]);
    // Peers are installed by npm 7+ and end up in the bundle when they are used.
    for (const dep of Object.keys(entry.peerDependencies ?? {})) queue.push([path, dep, true]);
  }
  const packages = [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
  return { packages, missing };
}

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { packages, missing } = shippedPackages(root);
  const bad = packages.filter((p) => !p.licence || !isAllowed(p.licence));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ packages, missing, bad }, null, 2));
  } else {
    const width = Math.max(...packages.map((p) => `${p.name}@${p.version}`.length));
    for (const p of packages)
      console.log(
        `${`${p.name}@${p.version}`.padEnd(width)}  ${p.licence ?? '(no licence)'}${bad.includes(p) ? '  ✗ NOT ALLOWED' : ''}`,
      );
    const byLicence = new Map();
    for (const p of packages) byLicence.set(p.licence, (byLicence.get(p.licence) ?? 0) + 1);
    const summary = [...byLicence].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`);
    console.log(`\n${packages.length} shipped packages: ${summary.join(', ')}`);
  }
  if (missing.length) console.error(`Not installed (run npm ci): ${missing.join(', ')}`);
  if (bad.length) {
    console.error(`\n✗ ${bad.length} package(s) with a licence outside the allow-list (scripts/check-licences.mjs):`);
    for (const p of bad) console.error(`  ${p.name}@${p.version}: ${p.licence ?? 'no licence'}`);
  }
  if (bad.length || missing.length) process.exit(1);
  if (!process.argv.includes('--json')) console.log('✓ every shipped dependency has a permissive licence');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
