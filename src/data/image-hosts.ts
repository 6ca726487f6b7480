// Apart from config.ts, which the code before the home is interactive carries: only the
// sanitizer of an item's body (src/lib/sanitize.ts) reads it.

/**
 * Hosts whose pictures a feed body may load by itself, besides the site's own and the feed's:
 * the city's `imageHosts` (citylink.config.ts), which the build sets as `VITE_IMAGE_HOSTS`: host
 * names (with a port where it is not the default) separated by commas, such as
 * `images.example.org,cdn.example.org`. A picture from any other host waits for the
 * reader's tap (src/lib/sanitize.ts): a host a city has not vetted learns nothing of who reads.
 */
export function imageHosts(): string[] {
  const configured = (import.meta.env.VITE_IMAGE_HOSTS as string | undefined) ?? '';
  return configured
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
}
