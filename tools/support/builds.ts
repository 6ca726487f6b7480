/**
 * Production builds made by a test (two versions, a kill switch) and a tiny static server
 * whose folder can be swapped, so one origin can serve one build and then the next, as a
 * deploy does. The server follows docs/deployment.md, so tests also check those rules.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { isAppPage } from '@citylink/core/paths';

/**
 * Builds the app into a new temporary folder with the given environment; returns the folder.
 * With `feed`, the build's own `feed.json` is that text (written over the one `public/` gave,
 * before the build renders its pages), so the pages the build renders are that feed's, as a
 * deploy of it would be.
 */
export function buildApp(env: Record<string, string>, options: { feed?: string } = {}): string {
  const outDir = mkdtempSync(join(tmpdir(), 'citylink-build-'));
  const args = ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'];
  if (options.feed !== undefined) {
    const feedFile = join(mkdtempSync(join(tmpdir(), 'citylink-feed-')), 'feed.json');
    writeFileSync(feedFile, options.feed);
    // The project's config and one plugin more, written inside the project (test-results/, not
    // committed) so that its imports resolve as the project's own. Vite has copied public/ by
    // the time files are written; the pages are rendered after (closeBundle).
    const configDir = resolve('test-results', 'builds');
    mkdirSync(configDir, { recursive: true });
    const config = join(configDir, `vite.${basename(outDir)}.config.ts`);
    writeFileSync(
      config,
      [
        `import { copyFileSync } from 'node:fs';`,
        `import { join } from 'node:path';`,
        `import { mergeConfig } from 'vite';`,
        `import base from '../../vite.config';`,
        `export default mergeConfig(base, {`,
        `  plugins: [{ name: 'test-feed', writeBundle: (out: { dir?: string }) => out.dir && copyFileSync(${JSON.stringify(feedFile)}, join(out.dir, 'feed.json')) }],`,
        `});`,
        '',
      ].join('\n'),
    );
    args.push('--config', config);
  }
  execFileSync('npx', args, {
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
  /** Answers the feed's address instead of the build's `feed.json` while set. */
  feed?: () => string;
  /** Every request's path and query, in order: a test counts these instead of waiting. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * Serves `root` on a free port of 127.0.0.1 by the rules docs/deployment.md gives any host:
 * a file as itself, an item address by its rendered page, any other app page by
 * `shell.html`, and a missing file (decided by the app's own `isAppPage`) by a 404.
 */
export async function serveBuild(root: string): Promise<BuildServer> {
  const state: { root: string; feed?: () => string } = { root };
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    requests.push(url.pathname + url.search);
    // Always revalidate, as a real deploy of these files should: a new build shows at once.
    const headers = { 'cache-control': 'no-cache' };
    if (url.pathname === '/feed.json' && state.feed) {
      response.writeHead(200, { ...headers, 'content-type': 'application/feed+json' }).end(state.feed());
      return;
    }
    const file = existing(state.root, url.pathname) ?? existing(state.root, `${url.pathname}/index.html`);
    if (!file && !isAppPage(url.pathname)) {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const served = file ?? join(state.root, 'shell.html');
    response.writeHead(200, {
      ...headers,
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
    });
    createReadStream(served).pipe(response);
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
    get feed() {
      return state.feed;
    },
    set feed(value: (() => string) | undefined) {
      state.feed = value;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The file a (percent-encoded) path names inside `root`, if there is one. */
function existing(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const file = join(root, normalize(decoded));
  return file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}
