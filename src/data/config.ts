/**
 * Build-time settings shared by page and worker.
 */

/**
 * Where the feed lives: `/feed.json` on the app's own origin unless the city's feed is another
 * system's (citylink.config.ts; the build sets it as `VITE_FEED_URL`).
 */
export function feedUrl(base: string): string {
  const configured = import.meta.env.VITE_FEED_URL as string | undefined;
  return new URL(configured || '/feed.json', base).href;
}

/**
 * The push service's API (server/push): `/push/` on the app's own host unless the city's
 * `pushUrl` (set by the build as `VITE_PUSH_URL`) names another (its origin then joins the page's `connect-src`, build/csp.ts).
 */
export function pushServiceUrl(base: string): string {
  const configured = import.meta.env.VITE_PUSH_URL as string | undefined;
  const url = new URL(configured || '/push/', base).href;
  return url.endsWith('/') ? url : `${url}/`;
}

/** The Cache Storage cache of feed images: filled by the worker, cleared from Settings. */
export const IMAGE_CACHE = 'citylink-images';

/**
 * Code only some devices need (the worker that holds the `opening_hours` parser,
 * src/lib/hours-worker.ts): the build puts its script in this folder of the site, the precache
 * skips the folder, and the service worker keeps a file from it in `ON_DEMAND_CACHE` once a
 * device has loaded it (src/sw/on-demand.ts).
 */
export const ON_DEMAND_DIR = 'assets/on-demand/';
export const ON_DEMAND_CACHE = 'citylink-on-demand';
/**
 * The build's list of the files in ON_DEMAND_DIR (a JSON array of site paths), precached: a
 * device that needs them fetches them through the worker without evaluating them first.
 */
export const ON_DEMAND_LIST = 'on-demand.json';
/**
 * The worker that converts Simplified Chinese for readers of Traditional (src/data/traditional.ts,
 * about 1 MB of OpenCC's dictionaries): like ON_DEMAND_DIR, skipped by the precache and kept by
 * the worker once a reader has loaded it, but apart, so that the opening-hours prefetch, which
 * fetches all of ON_DEMAND_LIST, never fetches it.
 */
export const TRADITIONAL_DIR = 'assets/traditional/';
export const TRADITIONAL_CACHE = 'citylink-traditional';

/**
 * Items per page: the first screen of a phone and more, and what the server renders first.
 * Here rather than in lists.ts, so that the screens' pager can know it without the data layer.
 */
export const PAGE_SIZE = 20;

/**
 * The attribute on `#root` that marks a snapshot the worker put in the shell; its value is the
 * snapshot's render key (the settings it was made under).
 */
export const SNAPSHOT_ATTRIBUTE = 'data-snapshot';

/**
 * The performance mark a sync asked for by a tab starts with: the benchmark times the main
 * thread from there to the end of the re-render after it (tools/bench/browser.ts).
 */
export const SYNC_STARTED = 'citylink:sync';
