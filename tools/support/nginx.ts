/**
 * Debian's nginx, run by a test in front of a build with exactly the configuration
 * docs/deployment.md gives (build/deploy-config.ts `nginxSite()`), on a free port of
 * 127.0.0.1, without root: as `nobody` when the test runs as root, with its pid file, logs and
 * temporary files in a folder of its own. Installs nginx with apt when it is missing and the
 * test may (root on Debian/Ubuntu, as CI runs); `NGINX_PATH` names another binary.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nginxSite } from '../../build/deploy-config';

/** One line of the access log. */
export interface LoggedRequest {
  status: number;
  method: string;
  /** Path and query, as sent. */
  uri: string;
  /** Bytes of the request line and headers (and body). */
  received: number;
  /** Bytes sent on the wire: headers and body, compressed as sent. */
  sent: number;
}

export interface Nginx {
  origin: string;
  /** The configuration it runs, as generated. */
  site: string;
  /** Its access log so far, oldest first. */
  requests(): LoggedRequest[];
  stop(): Promise<void>;
}

const NOBODY = 65534;

/** The nginx binary, installed with apt if it is missing and this process may install it. */
export function nginxBinary(): string {
  const named = process.env.NGINX_PATH;
  if (named) return named;
  for (const path of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) {
    if (existsSync(path)) return path;
  }
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'nginx'], { env, stdio: 'inherit' });
    if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  }
  throw new Error('nginx is not installed: `sudo apt-get install nginx`, or set NGINX_PATH.');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A copy of a build in a new temporary folder that the unprivileged server can read; tests
 * change the copy (a feed, extra files), never the build. `removeCopy` deletes it.
 */
export function copyBuild(dist: string): string {
  const parent = mkdtempSync(join(tmpdir(), 'citylink-site-'));
  chmodSync(parent, 0o755);
  const root = join(parent, 'site');
  cpSync(dist, root, { recursive: true });
  return root;
}

export function removeCopy(root: string): void {
  rmSync(dirname(root), { recursive: true, force: true });
}

/** Starts nginx serving `root` (a build, see `copyBuild`) with the documented site configuration. */
export async function startNginx(root: string): Promise<Nginx> {
  const binary = nginxBinary();
  const port = await freePort();
  const run = mkdtempSync(join(tmpdir(), 'citylink-nginx-'));
  for (const dir of ['', 'temp']) {
    mkdirSync(join(run, dir), { recursive: true });
    chmodSync(join(run, dir), 0o777);
  }
  // The site's `include mime.types` is relative to the configuration's folder, as in /etc/nginx.
  const confPath = /--conf-path=(\S+)/.exec(
    execFileSync(binary, ['-V'], { encoding: 'utf8', stdio: 'pipe' }),
  )?.[1];
  copyFileSync(join(dirname(confPath ?? '/etc/nginx/nginx.conf'), 'mime.types'), join(run, 'mime.types'));
  const site = nginxSite({ root, listen: `127.0.0.1:${port}` });
  writeFileSync(join(run, 'citylink.conf'), site);
  writeFileSync(
    join(run, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${run}/nginx.pid;`,
      `error_log ${run}/error.log warn;`,
      'events { worker_connections 128; }',
      'http {',
      `    log_format citylink '$status $request_method $request_uri $request_length $bytes_sent';`,
      `    access_log ${run}/access.log citylink;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `    ${kind}_temp_path ${run}/temp/${kind};`,
      ),
      `    include ${run}/citylink.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', `${run}/`, '-c', `${run}/nginx.conf`, '-e', `${run}/error.log`];
  const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
  // A configuration nginx refuses says why here, rather than as a server that never answers.
  execFileSync(binary, [...args, '-t', '-q'], { stdio: 'pipe', ...asNobody });
  const child: ChildProcess = spawn(binary, args, { stdio: 'ignore', ...asNobody });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`nginx exited: ${readFileSync(join(run, 'error.log'), 'utf8')}`);
    }
    try {
      await fetch(`${origin}/robots.txt`);
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    origin,
    site,
    requests: () =>
      (existsSync(join(run, 'access.log')) ? readFileSync(join(run, 'access.log'), 'utf8') : '')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [status, method, uri, received, sent] = line.split(' ');
          return {
            status: Number(status),
            method: method ?? '',
            uri: uri ?? '',
            received: Number(received),
            sent: Number(sent),
          };
        }),
    stop: async () => {
      // QUIT: a graceful stop, after the requests under way.
      child.kill('SIGQUIT');
      await exited;
      rmSync(run, { recursive: true, force: true });
    },
  };
}
