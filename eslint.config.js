// Lint with type information. Folder layers and import loops are checked by dependency-cruiser
// (.dependency-cruiser.cjs), which `npm run lint` runs after this.
import js from '@eslint/js';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'packages/feed/dist',
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
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...solid,
  },
  {
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      'tests/**',
      'scripts/**',
      'build/**',
      'tools/**',
      'packages/feed/**',
      'server/**',
      '*.config.{js,ts}',
      '.dependency-cruiser.cjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Plain JavaScript outside every tsconfig: linted without type information.
    files: ['eslint.config.js', 'packages/feed/bin/*.js', '.dependency-cruiser.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
