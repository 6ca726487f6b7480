/**
 * Feed HTML is written by people and untrusted: it is sanitized by DOMPurify before it
 * touches the page, and links in it open outside the app. What survives also fits the
 * Content-Security-Policy (scripts/csp.ts): images load from the site or https hosts only, and
 * no media element is left that the policy would block.
 */
import DOMPurify from 'dompurify';
import { httpsImage } from './image-url';

/** With `noImages` (data saver) no images or other media survive either. */
export type Sanitizer = (html: string, options?: { noImages?: boolean }) => string;

// Video and audio: the policy loads media from the site only, never from the hosts feeds name.
const FORBID_TAGS = [
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'track',
];
// Everything that makes the browser fetch an image or other media by itself.
const MEDIA_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'image'];

/**
 * A sanitizer over a window: the page's own, or jsdom's when the build prerenders item pages,
 * so that both apply the same rules.
 */
export function createSanitizer(window?: Parameters<typeof DOMPurify>[0]): Sanitizer {
  const purifier = DOMPurify(window);
  configure(purifier, (window as { location?: Location } | undefined)?.location?.origin ?? 'null');
  return (html, options = {}) => purifier.sanitize(withoutInlineCode(html), config(options));
}

/** The hooks every sanitizer shares; `origin` is the page's, whose images may stay http. */
function configure(purifier: ReturnType<typeof DOMPurify>, origin: string): void {
  // Without a DOM, DOMPurify cannot sanitize: fail loudly rather than pass HTML through.
  if (!purifier.isSupported) throw new Error('DOMPurify needs a DOM window to sanitize.');
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    // Lazy, so that a data saver hiding them (styles.css) keeps them from being fetched at all.
    if (node.tagName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      const src = node.getAttribute('src');
      if (src) node.setAttribute('src', httpsImage(src, origin));
      // The image's host need not learn which item the reader has open (feeds name any host).
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
}

function config(options: { noImages?: boolean }) {
  return {
    USE_PROFILES: { html: true },
    FORBID_TAGS: options.noImages ? [...FORBID_TAGS, ...MEDIA_TAGS] : FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcset'],
  };
}

// Chromium checks the page's policy while DOMPurify parses feed HTML in its inert document: a
// style attribute, a <style> element or an on… handler is reported as a violation there,
// though it never applies and DOMPurify drops it. So they go from the markup first, and the
// reports that remain mean something. This only ever removes; DOMPurify still decides what is
// safe, and anything these patterns miss is dropped by it all the same.
const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const START_TAG = /<[a-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/gi;
const INLINE_ATTRIBUTE = /\s+(?:style|on[a-z]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?(?=[\s/>])/gi;

/** `html` without style elements, style attributes and event handler attributes. */
export function withoutInlineCode(html: string): string {
  return html.replace(STYLE_ELEMENT, '').replace(START_TAG, (tag) => tag.replace(INLINE_ATTRIBUTE, ''));
}

let pagePurifier: ReturnType<typeof DOMPurify> | undefined;

/**
 * For a server render: `sanitizeHtml` works over this window (jsdom's), with the same rules;
 * `origin` is the site's, whose images may stay http.
 */
export function sanitizeOver(window: Parameters<typeof DOMPurify>[0], origin: string): void {
  pagePurifier = DOMPurify(window);
  configure(pagePurifier, origin);
}

/**
 * Safe HTML for `innerHTML`: no scripts, handlers, styles, forms, frames or media players
 * survive; with `noImages` (data saver) no images either. Where the browser has Trusted Types
 * it is a TrustedHTML from DOMPurify's own policy, which the policy's
 * `require-trusted-types-for 'script'` lets through innerHTML (src/lib/trusted-types.ts).
 */
export function sanitizeHtml(html: string, options: { noImages?: boolean } = {}): TrustedHTML | string {
  // Made on first use, so that build scripts can import this module in Node without a DOM.
  if (!pagePurifier) {
    pagePurifier = DOMPurify();
    configure(pagePurifier, location.origin);
  }
  return pagePurifier.sanitize(withoutInlineCode(html), { ...config(options), RETURN_TRUSTED_TYPE: true });
}
