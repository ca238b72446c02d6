import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';

/**
 * What each part of src/ may import from the others (a `src/` folder, or a root module such as
 * `config.ts`). The order of the floors: data ← i18n ← config ← scene ← state ← map | svg ← ui ←
 * mount ← embed, main. An import against it (a back-edge) fails the lint.
 */
export const LAYERS = {
  data: [],
  i18n: ['data'],
  config: ['data', 'i18n'],
  scene: ['data', 'i18n', 'config'],
  state: ['data', 'i18n', 'config', 'scene'],
  map: ['data', 'i18n', 'config', 'scene', 'state'],
  svg: ['data', 'i18n', 'config', 'scene', 'state'],
  // The share dialog builds its snippets with the embed's pure helper, and the app wears the embed's
  // styles; nothing else of the embed entry.
  ui: ['data', 'i18n', 'config', 'scene', 'state', 'map', 'svg', 'embed/shareSnippets', 'embed/embed.css'],
  mount: ['data', 'i18n', 'config', 'scene', 'state', 'map', 'svg', 'ui'],
  embed: ['data', 'i18n', 'config', 'scene', 'state', 'map', 'svg', 'ui', 'mount', 'embed'],
  main: ['data', 'i18n', 'config', 'scene', 'state', 'map', 'svg', 'ui', 'mount', 'embed'],
};

/** Layers whose code stays pure: no React, no store library, no map library. */
const PURE = ['data', 'i18n', 'config', 'scene'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One no-restricted-imports rule per layer: the other layers it may not reach, and the libraries. */
function layerRules() {
  const parts = Object.keys(LAYERS);
  return parts.map((part) => {
    const allowed = LAYERS[part];
    const whole = parts.filter(
      (p) => p !== part && !allowed.includes(p) && !allowed.some((a) => a.startsWith(`${p}/`)),
    );
    // A part allowed only in one module (ui → embed/shareSnippets) forbids the rest of its folder.
    const modules = new Map();
    for (const [folder, module] of allowed.filter((a) => a.includes('/')).map((a) => a.split('/')))
      modules.set(folder, [...(modules.get(folder) ?? []), escape(module)]);
    const partly = [...modules].map(([folder, names]) => `${escape(folder)}/(?!(${names.join('|')})$)`);
    const alternatives = [...(whole.length ? [`(${whole.join('|')})(/|$)`] : []), ...partly];
    const folder = ['config', 'mount', 'main'].includes(part) ? null : part;
    const patterns = alternatives.length
      ? [
          {
            // './x' from a root module, '../x' or '../../x' from a folder (scene/view is two deep).
            regex: `^(\\./|(\\.\\./)+)(${alternatives.join('|')})`,
            message: `${part} may import only ${allowed.length ? allowed.join(', ') : 'nothing else in src'} (layers in eslint.config.js).`,
          },
        ]
      : [];
    if (part !== 'map')
      patterns.push({ group: ['maplibre-gl', 'maplibre-gl/*'], message: 'maplibre-gl lives only in src/map/.' });
    if (PURE.includes(part))
      patterns.push({
        group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'],
        message: 'data, i18n, config and scene are pure: no React or store.',
      });
    return {
      files: folder ? [`src/${folder}/**/*.{ts,tsx}`] : [`src/${part}.{ts,tsx}`],
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    };
  });
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'scripts/geo/node_modules/', 'coverage/', 'bench/*.json', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  // Layers, from the bottom up: data ← i18n ← config ← scene ← state ← map | svg ← ui ← mount, embed, main.
  // Each folder may import only the floors below it (map and svg not each other); see LAYERS.
  ...layerRules(),
  {
    files: ['tests/unit/**/*.test.tsx'],
    ...testingLibrary.configs['flat/react'],
  },
);
