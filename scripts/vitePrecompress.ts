/**
 * Vite plugin: after a build, writes `<file>.gz` (gzip level 9) next to every compressible file of
 * the output folder, so that a web server sends the precompressed file as is (nginx: `gzip_static
 * on`, see deploy/nginx/). It runs last (`order: 'post'`), after the embed script is built into the
 * same folder. A file whose gzip is not smaller, or that is under 512 bytes, gets none.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** File types worth compressing: text (and SVG). PNG and fonts are compressed already. */
export const COMPRESSIBLE_EXTENSIONS = ['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.webmanifest'];
const MIN_BYTES = 512;

/** Writes `.gz` files for the compressible files under `dir`; returns their paths relative to `dir`. */
export function precompressFolder(dir: string): string[] {
  const written: string[] = [];
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      const path = join(dir, rel);
      if (statSync(path).isDirectory()) {
        walk(rel);
        continue;
      }
      if (!COMPRESSIBLE_EXTENSIONS.includes(extname(name).toLowerCase())) continue;
      const raw = readFileSync(path);
      if (raw.length < MIN_BYTES) continue;
      const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
      if (gz.length >= raw.length) continue;
      writeFileSync(`${path}.gz`, gz);
      written.push(`${rel}.gz`);
    }
  };
  walk('');
  return written.sort();
}

export function precompress(): Plugin {
  let outDir = '';
  let write = true;
  return {
    name: 'byru-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      write = config.build.write;
    },
    closeBundle: {
      order: 'post',
      handler() {
        if (write) precompressFolder(outDir);
      },
    },
  };
}
