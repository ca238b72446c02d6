/**
 * Build support for embedding (see EMBEDDING.md), used by vite.config.ts:
 *
 * - `byru-map.js`: a second entry next to index.html that exports `mount`. It shares its chunks with
 *   the app; chunk, worker and preload addresses are made relative to the importing module
 *   (`renderBuiltUrl`), so it works from any host page. A JS entry gets no <link> for its CSS from
 *   Vite, so the entry is prefixed with a few lines that add the stylesheets it needs, once.
 * - `embed.js`: the host page's resizer (src/embed/embedScript.ts) as one small dependency-free
 *   classic script (an IIFE), built after the app into the same folder.
 */
import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown, type UserConfig } from 'vite';
import { LIB_FILE, RESIZER_FILE } from '../src/embed/files.ts';

const LIB_ENTRY = LIB_FILE.replace(/\.js$/u, '');

/** Rolldown input and output options for the two entries (index.html and byru-map.js). */
export function embedEntries(root: string): NonNullable<UserConfig['build']>['rolldownOptions'] {
  return {
    input: { index: resolve(root, 'index.html'), [LIB_ENTRY]: resolve(root, 'src/embed/lib.ts') },
    // Keep the entry's exports (`mount`); index.html's entry exports nothing anyway.
    preserveEntrySignatures: 'exports-only',
    output: {
      entryFileNames: (chunk) => (chunk.name === LIB_ENTRY ? LIB_FILE : 'assets/[name]-[hash].js'),
    },
  };
}

/** Assets referenced from JS resolve against the importing module, not the page (any host works). */
export const relativeJsUrls: NonNullable<UserConfig['experimental']>['renderBuiltUrl'] = (_file, { hostType }) =>
  hostType === 'js' ? { relative: true } : undefined;

type ChunkMeta = Rolldown.OutputChunk & { viteMetadata?: { importedCss: Set<string> } };

/** The stylesheets a chunk and its static imports need, in import order. */
function cssOf(bundle: Rolldown.OutputBundle, file: string, seen = new Set<string>()): string[] {
  const chunk = bundle[file];
  if (!chunk || chunk.type !== 'chunk' || seen.has(file)) return [];
  seen.add(file);
  const own = [...((chunk as ChunkMeta).viteMetadata?.importedCss ?? [])];
  return [...chunk.imports.flatMap((f) => cssOf(bundle, f, seen)), ...own];
}

/** Adds the library entry's CSS links and builds the resizer script after the app. */
export function embedBuild(root: string): Plugin {
  let outDir = resolve(root, 'dist');
  let write = true;
  return {
    name: 'byru-embed-build',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      // An in-memory build (write: false, e.g. the bundle budget test) gets no embed.js on disk.
      write = config.build.write;
    },
    generateBundle(_options, bundle) {
      const entry = bundle[LIB_FILE];
      if (!entry || entry.type !== 'chunk') return;
      const css = [...new Set(cssOf(bundle, entry.fileName))];
      const inject =
        `for(const f of ${JSON.stringify(css)}){const h=new URL(f,import.meta.url).href;` +
        `if(!document.querySelector('link[rel="stylesheet"][href="'+h+'"]')){const l=document.createElement('link');` +
        `l.rel='stylesheet';l.href=h;document.head.append(l)}}\n`;
      entry.code = inject + entry.code;
    },
    async closeBundle() {
      if (!write) return;
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2017',
          minify: true,
          lib: {
            entry: resolve(root, 'src/embed/embedScript.ts'),
            formats: ['iife'],
            name: 'byruEmbed',
            fileName: () => RESIZER_FILE,
          },
        },
      });
    },
  };
}
