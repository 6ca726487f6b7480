/**
 * The demo feed is built from `content/` by `citylink-feed build`'s own code: before every
 * production build (before Vite copies `public/` into `dist/`), and in the dev server at start
 * and whenever a content file changes. It writes `public/feed.json` and `public/feed/`, which
 * are committed, so that a fresh clone serves the feed without a build and tests can read it;
 * `build/demo-feed.test.ts` fails when the committed files are not what `content/` builds to.
 * It also writes the calendar subscriptions, `public/calendars/`, which are not committed: they
 * leave out events that ended, so they change with the date of the build.
 */
import { join, relative, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { buildFeed, readPreviousFeed, writeFeed } from '../packages/feed/src/build';
import { problemLine } from '../packages/feed/src/cli';

export const DEMO_CONTENT = 'content';

/** Builds `<root>/content` into `<root>/public`; returns the problems as lines, errors first. */
function buildDemo(root: string): { ok: boolean; report: string } {
  const dir = join(root, DEMO_CONTENT);
  const out = join(root, 'public');
  const result = buildFeed(dir, { previous: readPreviousFeed(out) });
  const ok = !result.problems.some((p) => p.severity === 'error');
  if (ok) writeFeed(out, result.files, result.calendars);
  const lines = result.problems.map((p) => problemLine(relative(root, dir) || '.', p));
  return { ok, report: lines.join('\n') };
}

export function demoFeedPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'citylink-demo-feed',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      const { ok, report } = buildDemo(root);
      if (!ok) this.error(`The demo feed's content has errors (nothing was written):\n${report}`);
      if (report) this.warn(report);
    },
    configureServer(server: ViteDevServer) {
      const rebuild = () => {
        const { ok, report } = buildDemo(root);
        if (report) server.config.logger.warn(report);
        if (!ok) server.config.logger.error('The demo feed was not rebuilt: fix the errors above.');
        return ok;
      };
      rebuild();
      const content = join(root, DEMO_CONTENT) + sep;
      server.watcher.add(content);
      server.watcher.on('all', (_event, path) => {
        if (path.startsWith(content) && rebuild()) server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
