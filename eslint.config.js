import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'scripts/geo/node_modules/', 'coverage/', 'bench/*.json'] },
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
  // Layers: data → state → map/ui. Only src/map may import maplibre-gl; data stays pure.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/map/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['maplibre-gl', 'maplibre-gl/*'], message: 'maplibre-gl lives only in src/map/.' }] },
      ],
    },
  },
  {
    files: ['src/data/**', 'src/scene/**', 'src/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'zustand', 'maplibre-gl'],
              message: 'data, scene and i18n are pure: no React, store or map.',
            },
            { group: ['../ui/*', '../map/*', '../state/*'], message: 'Pure layers must not import UI, map or state.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../map/createMapAdapter', 'maplibre-gl'],
              message: 'UI talks to the map only through the store.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/unit/**/*.test.tsx'],
    ...testingLibrary.configs['flat/react'],
  },
);
