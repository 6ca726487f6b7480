// Lint with type information; folder boundaries (see ARCHITECTURE.md) are enforced here.
import js from '@eslint/js';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dev-dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'coverage',
      '.push-data',
      // The baseline sender bench:push writes while it runs (tools/bench-push.ts).
      'server/push/.bench-baseline-send.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': restrict([
        { group: ['idb'], message: 'IndexedDB is reached through src/data/db.ts only.' },
      ]),
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...solid,
  },
  {
    // Shared by page and worker: no UI framework, no DOM-only libraries.
    files: ['src/data/**/*.ts'],
    ignores: ['src/data/db.ts', 'src/data/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['idb'], message: 'IndexedDB is reached through src/data/db.ts only.' },
        {
          group: ['solid-js', 'solid-js/*', '@solidjs/*', '@solid-primitives/*'],
          message: 'src/data runs in the worker too.',
        },
        { group: ['dompurify', 'workbox-*'], message: 'src/data runs in both page and worker.' },
        { group: ['../*'], message: 'src/data imports nothing outside itself.' },
      ]),
    },
  },
  {
    // The one module that may use idb.
    files: ['src/data/db.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/sw/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['idb'], message: 'IndexedDB is reached through src/data/db.ts only.' },
        {
          group: [
            'solid-js',
            'solid-js/*',
            '@solidjs/*',
            '@solid-primitives/*',
            'dompurify',
            'workbox-window',
          ],
          message: 'Not in the worker.',
        },
        {
          group: ['../app/*', '../features/*', '../ui/*', '../pwa/*', '../i18n/*', '../lib/*'],
          message: 'The worker uses src/data only.',
        },
      ]),
    },
  },
  {
    // Presentational components take props; they do not read data.
    files: ['src/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['idb'], message: 'IndexedDB is reached through src/data/db.ts only.' },
        { group: ['../data/db', '../data/sync', '../app/data'], message: 'src/ui has no data access.' },
      ]),
    },
  },
  {
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      'tests/**',
      'scripts/**',
      'build/**',
      'tools/**',
      'bin/**',
      'server/**',
      '*.config.{js,ts}',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': 'off',
    },
  },
  {
    // Plain JavaScript outside every tsconfig: linted without type information.
    files: ['eslint.config.js', 'bin/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
