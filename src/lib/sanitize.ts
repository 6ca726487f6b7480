/**
 * Feed HTML is written by people and untrusted: it is sanitized by DOMPurify before it
 * touches the page, and links in it open outside the app.
 */
import DOMPurify from 'dompurify';

const purifier = DOMPurify();

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('loading', 'lazy');
  }
});

const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'];
// Everything that makes the browser fetch an image or other media by itself.
const MEDIA_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'image'];

/**
 * Safe HTML for `innerHTML`: no scripts, handlers, styles, forms or frames survive; with
 * `noImages` (data saver) no images or other media either.
 */
export function sanitizeHtml(html: string, options: { noImages?: boolean } = {}): string {
  return purifier.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: options.noImages ? [...FORBID_TAGS, ...MEDIA_TAGS] : FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcset'],
  });
}
