/**
 * What the benchmark serves, on loopback only, each with `vite preview` (the project's own
 * config, so item addresses reach their prerendered pages as in `npm start`):
 * - the app: `dist/` as built;
 * - the floor: a copy of `dist/` where the HTML of the measured addresses is the same first
 *   screen with no JavaScript (`floorHtml`), on its own origin so that no storage is shared;
 * - the large feed: a copy of `dist/` whose `feed.json` is a generated one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';

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

/**
 * The floor of a page: its own HTML with every script and modulepreload removed and its
 * stylesheets inlined, so it paints exactly the first screen the HTML holds, without JavaScript.
 */
export function floorHtml(dist: string, html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*\brel=["']?modulepreload\b[^>]*>/gi, '')
    .replace(/<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/gi, (tag) => {
      const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
      if (!href) return tag;
      const path = new URL(href, 'http://site/').pathname;
      const css = readFileSync(join(dist, path), 'utf8');
      // url(...) in the stylesheet is relative to the stylesheet, not to the page.
      const rebased = css.replace(
        /url\((["']?)(?!data:|\/|[a-z]+:)([^)"']+)\1\)/gi,
        (_m, quote: string, url: string) => {
          return `url(${quote}${new URL(url, `http://site${path}`).pathname}${quote})`;
        },
      );
      return `<style>${rebased}</style>`;
    });
}

/** The file holding the HTML of an address: `/` → `index.html`, `/news/x` → `news/x/index.html`. */
export function htmlFileOf(path: string): string {
  return path === '/' ? 'index.html' : join(path.replace(/^\//, ''), 'index.html');
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
