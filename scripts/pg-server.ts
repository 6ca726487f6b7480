/**
 * A throwaway PostgreSQL server (Debian's `postgresql` package) for the push service's checks
 * (scripts/pg-check.ts) and its benchmark (tools/bench-push.ts): installs the package if the
 * machine lacks it (as root), makes a cluster in a temporary folder and starts it on a free
 * port of 127.0.0.1. `stop()` stops it and removes the folder.
 */
import { execFileSync } from 'node:child_process';
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
  console.log('pg-server: installing postgresql (apt-get)');
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
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /** The server's binaries, e.g. `/usr/lib/postgresql/15/bin`. */
  bin: string;
  stop(): void;
}

/** Starts a new server; `settings` are extra `-c name=value` options. */
export async function startPostgres(settings: readonly string[] = []): Promise<PostgresServer> {
  let bin = binaries();
  if (!bin) {
    install();
    bin = binaries();
  }
  if (!bin) throw new Error('PostgreSQL is still not installed.');
  const server = bin;

  const dir = mkdtempSync(join(tmpdir(), 'citylink-pg-'));
  const data = join(dir, 'data');
  if (root)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  const port = await freePort();
  try {
    asOwner(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    const options = [
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      ...settings.map((s) => `-c ${s}`),
    ];
    asOwner(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      options.join(' '),
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    bin: server,
    stop() {
      try {
        asOwner(join(server, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
