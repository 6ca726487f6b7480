/**
 * The push service against a real PostgreSQL server (Debian's `postgresql` package), as
 * `npm test` runs it: installs the package if the machine lacks it (as root), makes a throwaway
 * cluster in a temporary folder, starts it on a free port of 127.0.0.1, runs
 * server/push/*.pg.test.ts against it (the sending scenarios of the PGlite units, and the
 * service end to end), then stops and removes it. If PostgreSQL cannot be installed or started,
 * the check fails: it is never skipped.
 *
 * `npx tsx scripts/pg-check.ts`
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.getuid?.() === 0;

function binaries(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

function install(): void {
  if (!root)
    throw new Error('PostgreSQL is not installed, and only root can install it: apt-get install postgresql');
  console.log('pg-check: installing postgresql (apt-get)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool as the `postgres` user when we are root (the server refuses root). */
function asOwner(command: string, args: string[]): void {
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: 'inherit' });
}

async function main(): Promise<number> {
  let bin = binaries();
  if (!bin) {
    install();
    bin = binaries();
  }
  if (!bin) throw new Error('PostgreSQL is still not installed.');

  const dir = mkdtempSync(join(tmpdir(), 'citylink-pg-'));
  const data = join(dir, 'data');
  if (root)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  const port = await freePort();
  let started = false;
  try {
    asOwner(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    asOwner(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      'start',
    ]);
    started = true;
    console.log(`pg-check: PostgreSQL (${bin}) on 127.0.0.1:${port}`);
    const run = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.pg.config.ts'], {
      stdio: 'inherit',
      env: { ...process.env, CITYLINK_PG_URL: `postgres://postgres@127.0.0.1:${port}/postgres` },
    });
    return run.status ?? 1;
  } finally {
    if (started) asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`pg-check failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
