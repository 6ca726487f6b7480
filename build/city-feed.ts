/**
 * A city's own content folder (citylink.config.ts, `feed: { from: 'content', folder }`),
 * built by `citylink-feed build`'s own code into the build's output: `feed.json`, its archive
 * pages and the calendar subscriptions, which the prerender then renders the pages from. Unlike
 * the demo (build/demo-feed.ts), nothing is written into the source tree. A folder with errors
 * stops the build with the CLI's own report. The dev server serves the same files from memory,
 * built again whenever a file of the folder changes.
 */
import { extname, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { buildFeed, type BuiltFile } from '../packages/feed/src/build';
import { problemLine } from '../packages/feed/src/cli';

/** The types docs/deployment.md has a server give these files. */
const TYPES: Record<string, string> = {
  '.json': 'application/feed+json; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
};

export function contentFeedPlugin(folder: string): Plugin {
  let root = process.cwd();
  let serving = false;
  let built: BuiltFile[] = [];
  /** Builds the folder; says whether it could, with the errors and warnings as the CLI words them. */
  const build = () => {
    const dir = resolve(root, folder);
    const result = buildFeed(dir);
    const report = result.problems.map((p) => problemLine(relative(root, dir) || '.', p)).join('\n');
    const ok = !result.problems.some((p) => p.severity === 'error');
    // A folder with errors keeps what it last built: the app in the dev server goes on working.
    if (ok) built = [...result.files, ...result.calendars];
    return { ok, report };
  };
  return {
    name: 'citylink-content-feed',
    configResolved(config) {
      root = config.root;
      serving = config.command === 'serve';
    },
    buildStart() {
      // The dev server builds the folder itself, and reports its errors without stopping.
      if (serving) return;
      const { ok, report } = build();
      if (!ok) this.error(`The city's content folder ${folder} has errors:\n${report}`);
      if (report) this.warn(report);
    },
    configureServer(server) {
      const logger = server.config.logger;
      const rebuild = () => {
        const { ok, report } = build();
        if (report) logger.warn(report);
        if (!ok)
          logger.error(`The city's content folder ${folder} was not built again: fix the errors above.`);
        return ok;
      };
      rebuild();
      const dir = resolve(root, folder) + sep;
      server.watcher.add(dir);
      server.watcher.on('all', (_event, path) => {
        if (path.startsWith(dir) && rebuild()) server.ws.send({ type: 'full-reload' });
      });
      server.middlewares.use((request, response, next) => {
        const path = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname).slice(1);
        const file = built.find((candidate) => candidate.path === path);
        if (!file) return next();
        response.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
        response.setHeader('Cache-Control', 'no-cache');
        response.end(file.text);
      });
    },
    // Post: by then the site's bundle has its index.html; the worker's own build has none, and
    // the feed belongs to the site's.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (!bundle['index.html']) return;
        for (const file of built) this.emitFile({ type: 'asset', fileName: file.path, source: file.text });
      },
    },
  };
}
