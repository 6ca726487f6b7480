/**
 * Image addresses for the Content-Security-Policy. Apart from `sanitize.ts` so that settings
 * (which every screen needs) can use it without loading DOMPurify, which only item pages need.
 */

/**
 * An image address the policy allows: an `http:` image of another host than `origin` (the
 * page's) is asked for over https, as browsers do themselves for an image on an https page
 * (mixed content). The site's own images, relative addresses and other schemes stay as they are.
 */
export function httpsImage(src: string, origin: string): string {
  if (!/^\s*http:/i.test(src)) return src;
  try {
    const url = new URL(src);
    if (url.origin === origin) return src;
    url.protocol = 'https:';
    return url.href;
  } catch {
    return src;
  }
}
