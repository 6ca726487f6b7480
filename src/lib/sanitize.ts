/**
 * Feed HTML is written by people and untrusted. This module is the one policy for it
 * (docs/feed-format.md, "What the reader keeps of your HTML"): the item pages apply it, the build
 * applies it to the pages it prerenders (over jsdom), and a screen is kept for the worker to show
 * offline only if its feed HTML comes out of it unchanged (src/app/snapshot.ts). Notifications
 * carry plain text only.
 *
 * DOMPurify removes what can run. The rest of the policy is about what feed HTML may look like
 * or claim to be, since the app is trusted with official information:
 * - nothing the app's own code looks up: no `data-*` (hydration claims elements by `data-hk`),
 *   no `class`, no `style`; `id` and `name` are moved into a namespace of their own
 *   (`user-content-…`, with the body's `#…` links moved with them), so they neither clobber
 *   globals (`window.citylinkInstallPrompt`) nor duplicate the app's ids;
 * - nothing that passes for the app's frame: no landmarks (nav, main, header, footer, aside,
 *   search, dialog: their content stays), no roles, ARIA, tab order, popovers or commands;
 *   headings one level down when the body has an `h1`, so the screen keeps one `h1`;
 * - pictures load by themselves only from the site, the feed's own origin and the hosts of
 *   `VITE_IMAGE_HOSTS` (`imageHosts()`); any other waits for a tap, as a button that says whose
 *   it is ("Show image from example.com"). The button is written so that the policy applied to
 *   its own output gives the same markup, which is what the kept screens check.
 * Links open outside the app. What survives also fits the Content-Security-Policy
 * (build/csp.ts): no media element is left that the policy would block.
 */
import DOMPurify from 'dompurify';
import { feedUrl } from '../data/config';
import { imageHosts } from '../data/image-hosts';
import { t } from '../i18n';
import { httpsImage } from './image-url';

export interface SanitizeOptions {
  /** Data saver: no images, held or not, and no other media survive. */
  noImages?: boolean;
  /** The held picture's button text; the interface's own by default. */
  showImage?: (host: string) => string;
}

export type Sanitizer = (html: string, options?: SanitizeOptions) => string;

/** The attributes of a held picture's button: the picture's address and its text alternative. */
export const HELD_SRC = 'data-held-src';
export const HELD_ALT = 'data-held-alt';
/** The app's class for a held picture's button (styles.css); feed HTML keeps no class. */
const HELD_CLASS = 'held-image';
/** Where feed ids and names go, DOMPurify's own prefix (`SANITIZE_NAMED_PROPS`). */
const NAMESPACE = 'user-content-';

// Video and audio: the policy loads media from the site only, never from the hosts feeds name.
// Landmarks and dialogs: only the app's frame has them; a feed's are unwrapped, content kept.
const FORBID_TAGS = [
  'style',
  'form',
  'input',
  'textarea',
  'select',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'track',
  'nav',
  'main',
  'header',
  'footer',
  'aside',
  'search',
  'dialog',
];
// Everything that makes the browser fetch an image or other media by itself.
const MEDIA_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'image'];
// Styles and the app's own hooks (classes; roles, tab order, popovers and commands, which make
// feed markup act as part of the app); `background` is a picture on a table, loaded by itself.
const FORBID_ATTR = [
  'style',
  'srcset',
  'class',
  'role',
  'tabindex',
  'popover',
  'popovertarget',
  'popovertargetaction',
  'command',
  'commandfor',
  'background',
  'part',
  'exportparts',
  'slot',
  'nonce',
];

function config(options: SanitizeOptions) {
  return {
    USE_PROFILES: { html: true },
    FORBID_TAGS: options.noImages ? [...FORBID_TAGS, ...MEDIA_TAGS] : FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    SANITIZE_NAMED_PROPS: true,
  };
}

/** What one sanitize call needs in the hooks, which DOMPurify installs once per instance. */
interface Call {
  noImages: boolean;
  showImage: (host: string) => string;
  /** Whether headings move one level down: the body has an `h1`. Decided on the first heading. */
  shift?: boolean;
  /** Elements this call wrote (held pictures' buttons), kept as written. */
  ours: WeakSet<Node>;
  /** Headings already moved down, which the walk meets again. */
  moved: WeakSet<Node>;
}

type Purifier = ReturnType<typeof DOMPurify>;

/** A purifier with the policy's hooks; `origin` is the site's, whose images may stay http. */
function purifierOver(window: Parameters<typeof DOMPurify>[0] | undefined, origin: string) {
  const purifier: Purifier = window ? DOMPurify(window) : DOMPurify();
  // Without a DOM, DOMPurify cannot sanitize: fail loudly rather than pass HTML through.
  if (!purifier.isSupported) throw new Error('DOMPurify needs a DOM window to sanitize.');
  const allowed = allowedHosts(origin);
  let call: Call | undefined;

  purifier.addHook('uponSanitizeElement', (node, data) => {
    if (!call || call.ours.has(node)) return;
    // Comments carry nothing a reader sees; hydration reads comment markers.
    if (node.nodeType === 8) {
      node.parentNode?.removeChild(node);
      return;
    }
    // An element (DOMPurify's document has no window whose Element class could tell).
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = data.tagName;
    if (/^h[1-6]$/.test(tag) && !call.moved.has(element)) {
      call.shift ??= element.ownerDocument.querySelector('h1') !== null;
      if (call.shift) replace(element, `h${Math.min(Number(tag[1]) + 1, 6)}`, call.moved);
    } else if (tag === 'img' && !call.noImages) {
      const src = element.getAttribute('src');
      if (src !== null && !loadsByItself(src, allowed, origin)) {
        hold(element, src, element.getAttribute('alt') ?? '', call);
      }
    } else if (tag === 'button') {
      // The policy's own held pictures (or a feed's copy of one: the same as its <img>) are
      // decided again; any other button of a feed is unwrapped, its text kept.
      const src = element.getAttribute(HELD_SRC);
      const alt = element.getAttribute(HELD_ALT) ?? '';
      if (src === null) unwrap(element);
      else if (call.noImages) element.parentNode?.removeChild(element);
      else if (loadsByItself(src, allowed, origin)) picture(element, src, alt);
      else hold(element, src, alt, call);
    }
  });

  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    if (call?.ours.has(node)) data.forceKeepAttr = true;
  });

  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      const href = node.getAttribute('href') ?? '';
      if (href.startsWith('#')) {
        // A link within the body follows its target's id into the namespace.
        if (href.length > 1 && !href.startsWith(`#${NAMESPACE}`)) {
          node.setAttribute('href', `#${NAMESPACE}${href.slice(1)}`);
        }
      } else {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    }
    // Lazy, so that a data saver hiding them (styles.css) keeps them from being fetched at all.
    if (node.tagName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      const src = node.getAttribute('src');
      if (src) node.setAttribute('src', httpsImage(src, origin));
      // The image's host need not learn which item the reader has open.
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });

  return (html: string, options: SanitizeOptions, trusted: boolean): TrustedHTML | string => {
    call = {
      noImages: options.noImages === true,
      showImage: options.showImage ?? ((host) => t('item.showImage', { host })),
      ours: new WeakSet(),
      moved: new WeakSet(),
    };
    try {
      const clean = withoutInlineCode(html);
      return trusted
        ? purifier.sanitize(clean, { ...config(options), RETURN_TRUSTED_TYPE: true })
        : purifier.sanitize(clean, config(options));
    } finally {
      call = undefined;
    }
  };
}

/** The hosts whose pictures load by themselves: the site's, the feed's and the configured. */
function allowedHosts(origin: string): Set<string> {
  const hosts = new Set(imageHosts());
  for (const address of [origin, feedUrl(origin === 'null' ? 'http://localhost' : origin)]) {
    try {
      hosts.add(new URL(address).host);
    } catch {
      // No origin (a window without an address): only the configured hosts.
    }
  }
  return hosts;
}

/** Whether a picture at `src` may load without the reader's tap. */
function loadsByItself(src: string, allowed: Set<string>, origin: string): boolean {
  try {
    const url = new URL(src, origin === 'null' ? undefined : origin);
    // A data: picture is in the markup itself; nothing is asked of any host.
    return url.protocol === 'data:' || allowed.has(url.host);
  } catch {
    return false;
  }
}

/** The host a held picture's button names. */
function hostOf(src: string): string {
  try {
    return new URL(src).host;
  } catch {
    return src;
  }
}

/**
 * Puts `next` where `element` is. The walk of DOMPurify then visits `next` and what it holds:
 * it goes on from the node before `element` once `element` is out of the document.
 */
function swap(element: Element, next: Element): void {
  element.parentNode?.insertBefore(next, element.nextSibling);
  element.parentNode?.removeChild(element);
}

/** `element` as a `tag` element, with its attributes and children (checked in their turn). */
function replace(element: Element, tag: string, moved: WeakSet<Node>): void {
  const next = element.ownerDocument.createElement(tag);
  for (const { name, value } of element.attributes) {
    try {
      next.setAttribute(name, value);
    } catch {
      // A name the parser accepts but setAttribute does not: dropped.
    }
  }
  next.append(...element.childNodes);
  moved.add(next);
  swap(element, next);
}

/** The element's children in its place. */
function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.lastChild) parent.insertBefore(element.lastChild, element.nextSibling);
  parent.removeChild(element);
}

/** A picture from a held picture's button whose host now loads by itself. */
function picture(element: Element, src: string, alt: string): void {
  const image = element.ownerDocument.createElement('img');
  image.setAttribute('src', src);
  image.setAttribute('alt', alt);
  swap(element, image);
}

/** The held picture's button in place of `element`: it loads nothing until tapped. */
function hold(element: Element, src: string, alt: string, call: Call): void {
  const doc = element.ownerDocument;
  const button = doc.createElement('button');
  button.setAttribute('type', 'button');
  button.setAttribute('class', HELD_CLASS);
  button.setAttribute(HELD_SRC, src);
  button.setAttribute(HELD_ALT, alt);
  button.append(call.showImage(hostOf(src)));
  if (alt.trim() !== '') {
    const description = doc.createElement('span');
    description.setAttribute('class', `${HELD_CLASS}-alt`);
    description.append(alt);
    call.ours.add(description);
    button.append(description);
  }
  call.ours.add(button);
  // Not inside a link: a control in a control. The link keeps the picture's text, or its host,
  // so it still has a name, and the button follows it.
  const link = element.parentElement?.closest('a');
  if (link?.parentNode) {
    element.parentNode?.replaceChild(doc.createTextNode(alt.trim() || hostOf(src)), element);
    link.parentNode.insertBefore(button, link.nextSibling);
  } else {
    swap(element, button);
  }
}

/**
 * A sanitizer over a window: jsdom's in tests, with the same rules as the page's. `origin` is
 * the site's (the window's own address by default).
 */
export function createSanitizer(window: Parameters<typeof DOMPurify>[0], origin?: string): Sanitizer {
  const sanitize = purifierOver(
    window,
    origin ?? (window as { location?: Location }).location?.origin ?? 'null',
  );
  return (html, options = {}) => sanitize(html, options, false) as string;
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

let pageSanitizer: ReturnType<typeof purifierOver> | undefined;

/**
 * For a server render: `sanitizeHtml` works over this window (jsdom's), with the same rules;
 * `origin` is the site's.
 */
export function sanitizeOver(window: Parameters<typeof DOMPurify>[0], origin: string): void {
  pageSanitizer = purifierOver(window, origin);
}

/**
 * Safe HTML for `innerHTML`, by the policy above; with `noImages` (data saver) no images
 * either. Where the browser has Trusted Types it is a TrustedHTML from DOMPurify's own policy,
 * which the policy's `require-trusted-types-for 'script'` lets through innerHTML
 * (src/lib/trusted-types.ts).
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): TrustedHTML | string {
  // Made on first use, so that build scripts can import this module in Node without a DOM.
  pageSanitizer ??= purifierOver(undefined, location.origin);
  return pageSanitizer(html, options, true);
}
