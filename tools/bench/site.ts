/**
 * What the benchmark serves, on loopback only, each with `vite preview` (the project's own
 * config, so item addresses reach their prerendered pages as in `npm start`):
 * - the app: `dist/` as built;
 * - the floor: a copy of `dist/` where the HTML of the measured addresses is the same first
 *   screen with no JavaScript (`floor.ts`), on its own origin so that no storage is shared;
 * - the large feed: a copy of `dist/` whose `feed.json` is a generated one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import { floorHtml, htmlFileOf } from './floor';

export interface Site {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Bytes the server has sent and requests it has answered since the last `reset()`. */
  traffic: Traffic;
  close(): Promise<void>;
}

export interface Traffic {
  reset(): void;
  bytes(): number;
  requests(): string[];
  /** Milliseconds since the last request ended, or 0 while one is open. */
  idleFor(): number;
}

/** Serves `dir` with `vite preview` on 127.0.0.1:`port`. */
export async function serve(dir: string, port: number): Promise<Site> {
  const server = await preview({
    logLevel: 'warn',
    // The config as `vite preview` reads it (bundled), not Node's native loader.
    configLoader: 'bundle',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  // Counted on the sockets: headers and bodies as sent (gzip, as vite preview compresses).
  const sockets = new Set<Socket>();
  let base = 0;
  let urls: string[] = [];
  let open = 0;
  let lastEnd = performance.now();
  server.httpServer.on('connection', (socket: Socket) => sockets.add(socket));
  server.httpServer.on('request', (req: { url?: string }, res: NodeJS.EventEmitter) => {
    urls.push(req.url ?? '');
    open++;
    res.once('close', () => {
      open--;
      lastEnd = performance.now();
    });
  });
  const written = () => [...sockets].reduce((total, socket) => total + socket.bytesWritten, 0);
  return {
    origin: `http://127.0.0.1:${port}`,
    traffic: {
      reset() {
        base = written();
        urls = [];
      },
      bytes: () => written() - base,
      requests: () => [...urls],
      idleFor: () => (open > 0 ? 0 : performance.now() - lastEnd),
    },
    close: () => server.close(),
  };
}

/** A scratch copy of `dist`, removed by `dispose()`. */
export function copyOf(dist: string, name: string): { dir: string; dispose(): void } {
  const root = mkdtempSync(join(tmpdir(), `citylink-bench-${name}-`));
  const dir = join(root, 'dist');
  cpSync(dist, dir, { recursive: true });
  return { dir, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** A copy of `dist` where each of `paths` serves its floor page. */
export function floorSite(dist: string, paths: string[]): { dir: string; dispose(): void } {
  const copy = copyOf(dist, 'floor');
  for (const path of paths) {
    const file = join(copy.dir, htmlFileOf(path));
    writeFileSync(file, floorHtml(dist, readFileSync(join(dist, htmlFileOf(path)), 'utf8')));
  }
  return copy;
}

/** A copy of `dist` that serves `feed` as its `/feed.json`. */
export function largeFeedSite(dist: string, feed: string): { dir: string; dispose(): void } {
  const copy = copyOf(dist, 'large');
  writeFileSync(join(copy.dir, 'feed.json'), feed);
  return copy;
}
