/**
 * Feed HTML is written by people and untrusted: it is sanitized by DOMPurify before it
 * touches the page, and links in it open outside the app.
 */
import DOMPurify from 'dompurify';

/** With `noImages` (data saver) no images or other media survive either. */
export type Sanitizer = (html: string, options?: { noImages?: boolean }) => string;

const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'];
// Everything that makes the browser fetch an image or other media by itself.
const MEDIA_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'image'];

/**
 * A sanitizer over a window: the page's own, or jsdom's when the build prerenders item pages,
 * so that both apply the same rules.
 */
export function createSanitizer(window?: Parameters<typeof DOMPurify>[0]): Sanitizer {
  const purifier = DOMPurify(window);
  // Without a DOM, DOMPurify cannot sanitize: fail loudly rather than pass HTML through.
  if (!purifier.isSupported) throw new Error('DOMPurify needs a DOM window to sanitize.');
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    if (node.tagName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      // The image's host need not learn which item the reader has open (feeds name any host).
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  return (html, options = {}) =>
    purifier.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS: options.noImages ? [...FORBID_TAGS, ...MEDIA_TAGS] : FORBID_TAGS,
      FORBID_ATTR: ['style', 'srcset'],
    });
}

let pageSanitizer: Sanitizer | undefined;

/**
 * Safe HTML for `innerHTML`: no scripts, handlers, styles, forms or frames survive; with
 * `noImages` (data saver) no images or other media either.
 */
export function sanitizeHtml(html: string, options: { noImages?: boolean } = {}): string {
  // Made on first use, so that build scripts can import this module in Node without a DOM.
  pageSanitizer ??= createSanitizer();
  return pageSanitizer(html, options);
}
