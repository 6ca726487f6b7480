/**
 * Feed HTML is written by people and untrusted: it is sanitized by DOMPurify before it
 * touches the page, and links in it open outside the app.
 */
import DOMPurify from 'dompurify';

/**
 * A sanitizer over a window: the page's own, or jsdom's when the build prerenders item pages,
 * so that both apply the same rules.
 */
export function createSanitizer(window?: Parameters<typeof DOMPurify>[0]): (html: string) => string {
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
    }
  });
  return (html) =>
    purifier.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
      FORBID_ATTR: ['style', 'srcset'],
    });
}

let pageSanitizer: ((html: string) => string) | undefined;

/** Safe HTML for `innerHTML`: no scripts, handlers, styles, forms or frames survive. */
export function sanitizeHtml(html: string): string {
  // Made on first use, so that build scripts can import this module in Node without a DOM.
  pageSanitizer ??= createSanitizer();
  return pageSanitizer(html);
}
