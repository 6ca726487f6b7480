/**
 * The push service against a real PostgreSQL server (Debian's `postgresql` package), as
 * `npm test` runs it: a throwaway server (scripts/pg-server.ts: installed if the machine lacks
 * it, as root), server/push/*.pg.test.ts run against it, then the server stopped and removed.
 * If PostgreSQL cannot be installed or started, the check fails: it is never skipped.
 *
 * `npx tsx scripts/pg-check.ts`
 */
import { spawnSync } from 'node:child_process';
import { startPostgres } from './pg-server';

async function main(): Promise<number> {
  const server = await startPostgres();
  try {
    console.log(`pg-check: PostgreSQL (${server.bin}) at ${server.url}`);
    const run = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.pg.config.ts'], {
      stdio: 'inherit',
      env: { ...process.env, CITYLINK_PG_URL: server.url },
    });
    return run.status ?? 1;
  } finally {
    server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`pg-check failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
