/**
 * Ingest in Chromium: `ingest-page.ts` bundled with esbuild into a page served on loopback,
 * in an on-disk profile (IndexedDB commits to disk, as on a phone).
 */
import { build } from 'esbuild';
import { throttle, withProfile } from './browser';
import type { IngestRun } from './ingest-page';

export async function benchIngest(
  feed: string,
  runs: number,
  cpu: number,
  port: number,
): Promise<IngestRun[]> {
  const bundle = await build({
    entryPoints: [new URL('./ingest-page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    globalName: 'benchIngest',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const origin = `http://127.0.0.1:${port}`;
  return withProfile(async (context, page) => {
    // IndexedDB needs an origin of its own; the page is answered here and never leaves Node.
    await context.route(`${origin}/**`, (route) =>
      route.fulfill(
        new URL(route.request().url()).pathname === '/ingest.js'
          ? { contentType: 'text/javascript', body: bundle.outputFiles[0]!.text }
          : {
              contentType: 'text/html',
              body: '<!doctype html><title>ingest</title><script src="/ingest.js"></script>',
            },
      ),
    );
    // Before the navigation: the slowdown then holds for the page's whole life.
    await throttle(context, page, cpu);
    await page.goto(`${origin}/`);
    const results = await page.evaluate(
      ([text, n]) =>
        (
          window as unknown as { benchIngest: { run: (text: string, runs: number) => Promise<IngestRun[]> } }
        ).benchIngest.run(text, n),
      [feed, runs] as const,
    );
    for (const result of results) {
      if (result.syncStored !== result.perItemStored) {
        throw new Error(
          `ingest: sync stored ${result.syncStored} items, the baseline ${result.perItemStored}`,
        );
      }
    }
    return results;
  });
}
