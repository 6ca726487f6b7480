/**
 * `vite preview` (`npm start`) answering addresses as a host would (docs/deployment.md): an
 * address with a rendered page gets it, any other page address the shell; files are served as
 * they are, and what the preview proxies (the push service's /push/, docs/push.md) goes on to
 * its proxy untouched.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { isAppPage } from '../packages/core/src/paths';
import { SHELL } from './html';
import { renderedPage } from './pages';

/** Vite plugin: the preview server's address rules. */
export function previewPlugin(): Plugin {
  let distDir = 'dist';
  // Path prefixes `preview.proxy` forwards (the push service's /push/): never the app's page.
  let proxied: string[] = [];
  return {
    name: 'citylink-preview',
    apply: (_config, env) => env.isPreview === true,
    configResolved(config) {
      distDir = resolve(config.root, config.build.outDir);
      proxied = Object.keys(config.preview.proxy ?? {}).filter((key) => key.startsWith('/'));
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [path = '', query] = (req.url ?? '').split('?', 2);
        if (proxied.some((prefix) => path.startsWith(prefix))) return next();
        const page = renderedPage(distDir, path);
        if (page) req.url = page;
        else if (path !== '/' && isAppPage(path) && !existsSync(join(distDir, path))) req.url = `/${SHELL}`;
        if (query !== undefined) req.url += `?${query}`;
        next();
      });
    },
  };
}
