/**
 * Production builds made by a test (two versions, a kill switch) and a tiny static server
 * whose folder can be swapped, so one origin can serve one build and then the next, as a
 * deploy does.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

/** Builds the app into a new temporary folder with the given environment; returns the folder. */
export function buildApp(env: Record<string, string>): string {
  const outDir = mkdtempSync(join(tmpdir(), 'citylink-build-'));
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A static server for one build at a time; `root` may be changed between requests. */
export interface BuildServer {
  origin: string;
  root: string;
  close(): Promise<void>;
}

/** Serves `root` on a free port of 127.0.0.1, with index.html for unknown app addresses (like vite preview). */
export async function serveBuild(root: string): Promise<BuildServer> {
  const state = { root };
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(state.root, path);
    const found = file.startsWith(state.root) && existsSync(file) && !statSync(file).isDirectory();
    if (!found && extname(path)) {
      response.writeHead(404).end();
      return;
    }
    if (!found) file = join(state.root, 'index.html');
    // Always revalidate, as a real deploy of these files should: a new build shows at once.
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get root() {
      return state.root;
    },
    set root(value: string) {
      state.root = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
