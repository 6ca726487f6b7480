import { defineConfig } from 'vitest/config';
import { checkCity, cityDefines } from './build/city';
import jiangmen from './citylink.config';

// The constants a build defines from its city (build/city.ts), as Jiangmen's build has them;
// src/data's `import.meta.env` settings are left to each test's vi.stubEnv.
const defines = Object.entries(cityDefines(checkCity(jiangmen, 'citylink.config.ts'))).filter(
  ([name]) => !name.startsWith('import.meta.env.'),
);

// Units run in Node without the PWA plugin: the data layer has no DOM and gets IndexedDB
// from fake-indexeddb; tests that need a DOM opt in with a `@vitest-environment jsdom` comment.
export default defineConfig({
  define: Object.fromEntries(defines),
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'scripts/**/*.test.ts',
      'build/**/*.test.ts',
      'tools/**/*.test.ts',
      'server/**/*.test.ts',
    ],
    // A real PostgreSQL server's run: scripts/pg-check.ts starts one and runs these itself.
    exclude: ['**/node_modules/**', '**/*.pg.test.ts'],
    environment: 'node',
    passWithNoTests: false,
    // The property-based ics/vcard tests (300 runs each) took over the default 5 s on a
    // loaded 2-core machine; a timeout is a hang guard here, not a speed check.
    testTimeout: 30_000,
  },
});
