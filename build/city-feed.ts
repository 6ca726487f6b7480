/**
 * A city's own content folder (citylink.config.ts, `feed: { from: 'content', folder }`),
 * built by `citylink-feed build`'s own code into the build's output: `feed.json`, its archive
 * pages and the calendar subscriptions, which the prerender then renders the pages from. Unlike
 * the demo (build/demo-feed.ts), nothing is written into the source tree. A folder with errors
 * stops the build with the CLI's own report.
 */
import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildFeed, type BuiltFile } from '../packages/feed/src/build';
import { problemLine } from '../packages/feed/src/cli';

export function contentFeedPlugin(folder: string): Plugin {
  let root = process.cwd();
  let built: BuiltFile[] = [];
  return {
    name: 'citylink-content-feed',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      const dir = resolve(root, folder);
      const result = buildFeed(dir);
      const report = result.problems.map((p) => problemLine(relative(root, dir) || '.', p)).join('\n');
      if (result.problems.some((p) => p.severity === 'error')) {
        this.error(`The city's content folder ${folder} has errors:\n${report}`);
      }
      if (report) this.warn(report);
      built = [...result.files, ...result.calendars];
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
