import { defineConfig } from 'vitest/config';

// The push service on a real PostgreSQL server, started by scripts/pg-check.ts (`npm test`).
export default defineConfig({
  test: {
    include: ['server/**/*.pg.test.ts'],
    environment: 'node',
    passWithNoTests: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
