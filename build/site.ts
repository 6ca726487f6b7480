/** The site's address: the origin every canonical, Open Graph and sitemap link starts with. */

/** Where a local build is served (`npm start`): the origin used when none is configured. */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:4173';

/**
 * The origin canonical links point at: `CITYLINK_SITE_URL` (a test or local build), else the
 * city's (citylink.config.ts), else the local preview's. The app lives at the root of its
 * origin (its worker's scope is `/`), so only the origin counts.
 */
export function siteUrl(env: Record<string, string | undefined> = process.env, city?: string): string {
  const configured = env.CITYLINK_SITE_URL?.trim() || city || DEFAULT_SITE_URL;
  // A wrong address would put wrong links in every preview: the build stops instead.
  const url = new URL(configured);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`CITYLINK_SITE_URL must be an http(s) address, not "${configured}".`);
  }
  return url.origin;
}
