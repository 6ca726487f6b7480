/**
 * What this device keeps of a screen for its next visit (src/data/snapshots.ts), read from the
 * page's Cache Storage as the worker reads it: shared by the e2e tests and the benchmark.
 */
import type { Page } from '@playwright/test';

/** The markup kept for `path` in any build's snapshot cache; '' when there is none. */
export function keptMarkup(page: Page, path: string): Promise<string> {
  return page.evaluate(async (at) => {
    for (const name of await caches.keys()) {
      // The cache names of src/data/snapshots.ts (not importable into a page's evaluate).
      if (!name.startsWith('citylink-snapshots-')) continue;
      const response = await (await caches.open(name)).match(new URL(at, location.origin).href);
      if (response) return ((await response.json()) as { html: string }).html;
    }
    return '';
  }, path);
}
