/**
 * Build-time settings shared by page and worker.
 */

/** Where the feed lives: `/feed.json` on the app's own origin unless `VITE_FEED_URL` says otherwise. */
export function feedUrl(base: string): string {
  const configured = import.meta.env.VITE_FEED_URL as string | undefined;
  return new URL(configured || '/feed.json', base).href;
}

/** The Cache Storage cache of feed images: filled by the worker, cleared from Settings. */
export const IMAGE_CACHE = 'citylink-images';
