/**
 * Trusted Types. The Content-Security-Policy (build/csp.ts) says
 * `require-trusted-types-for 'script'`: the browser refuses a plain string at every sink that
 * can run code (innerHTML and its kin, script URLs, eval-like calls) unless a policy vouches
 * for it, and `trusted-types` names the only policies that may exist. This module is imported
 * first of all by src/main.tsx, so the default policy is there before any other code runs.
 *
 * Who hands such sinks a value, and how:
 * - Solid's compiled templates: `template()` (solid-js/web) sets `innerHTML` on a `<template>`
 *   element to markup that the compiler wrote from our JSX at build time, never from data
 *   (data reaches the DOM as text nodes and properties). Solid creates no policy, so these
 *   strings reach the `default` policy below.
 * - Feed HTML: src/lib/sanitize.ts hands DOMPurify's own result over as TrustedHTML
 *   (`RETURN_TRUSTED_TYPE`; DOMPurify's internal policy is named `dompurify`), so it never
 *   reaches the default policy.
 * - The service worker's registration: src/pwa/worker.ts has a named policy that passes one
 *   fixed script URL, `/sw.js`.
 *
 * Why the default policy is safe: it passes a string only if it holds no markup that can run
 * code. It parses the string into a template of a document of its own, without a window
 * (nothing in it runs or loads), and refuses it if any element can run or load code (script,
 * iframe, object, embed, base, meta, link, style, nested templates, SVG animation and `use`,
 * …), any attribute is an event handler (`on…`) or `srcdoc`, or any attribute value is a
 * `javascript:`, `vbscript:` or `data:` URL.
 * Solid's templates are plain elements and SVG shapes, so they all pass; a refused string is
 * blocked by the browser, which reports a violation (the e2e suite fails on any). The default
 * policy has no `createScript` and no `createScriptURL`: strings stay blocked at eval-like sinks
 * and at script URLs. The inspection needs to parse, itself a guarded sink, so it uses a second
 * policy (`citylink-inspect`) that lives only inside this module and feeds only that inert
 * parse.
 */

// Elements that run code, load a document or code, or change how URLs resolve. Forms stay
// allowed (the app has some): their URLs are checked like any attribute value.
const CODE_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'style',
  'template',
  'noscript',
  'portal',
  'fencedframe',
  'foreignobject',
  'animate',
  'animatemotion',
  'animatetransform',
  'set',
  'use',
  'handler',
  'listener',
]);

const CODE_URL = /^(?:javascript|vbscript|data):/i;

/**
 * Why markup under `root` could run code (its first such element or attribute), or undefined
 * when it cannot.
 */
export function scriptCapable(root: ParentNode): string | undefined {
  for (const element of root.querySelectorAll('*')) {
    const name = element.localName.toLowerCase();
    if (CODE_ELEMENTS.has(name)) return `<${name}>`;
    for (const { name: attribute, value } of element.attributes) {
      const lower = attribute.toLowerCase();
      if (lower.startsWith('on') || lower === 'srcdoc') return `<${name} ${attribute}>`;
      // Browsers drop ASCII whitespace and control characters from a URL before its scheme.
      // eslint-disable-next-line no-control-regex -- those characters are what is dropped
      if (CODE_URL.test(value.replace(/[\u0000-\u0020]/g, ''))) return `<${name} ${attribute}="${value}">`;
    }
  }
  return undefined;
}

/**
 * Creates the app's default policy (and its private inspection policy) with `factory`.
 * Returns the default policy's `createHTML`, for tests.
 */
export function createDefaultPolicy(factory: TrustedTypePolicyFactory): (html: string) => string | null {
  const inspect = factory.createPolicy('citylink-inspect', { createHTML: (html: string) => html });
  // Parsed into a template of a document of its own, without a window (nothing in it runs or
  // loads), as Solid's `template()` parses it. One template for every call: a new document each
  // time (DOMParser) cost 0.2-0.3 ms per template at CPU 4x in Chromium, the template 0.03-0.09
  // ms, and a list's first cards after a sync make a dozen templates in one turn. A template
  // drops the attributes of <html>, <head>, <body> and <frameset>, which a sink such as
  // document.write would keep: markup naming those is parsed as a whole document instead.
  const holder = document.implementation.createHTMLDocument('').createElement('template');
  const parser = new DOMParser();
  const createHTML = (html: string): string | null => {
    const trusted = inspect.createHTML(html) as unknown as string;
    let root: ParentNode;
    if (/<\/?(?:html|head|body|frameset)\b/i.test(html)) {
      root = parser.parseFromString(trusted, 'text/html');
    } else {
      holder.innerHTML = trusted;
      root = holder.content;
    }
    const reason = scriptCapable(root);
    if (reason === undefined) return html;
    console.error(`Trusted Types: refused markup with ${reason}`);
    return null;
  };
  // Returning null is how a default policy refuses (the typings only know strings): the browser
  // then blocks the sink and reports a violation, where a thrown error would report none.
  factory.createPolicy('default', { createHTML: createHTML as (html: string) => string });
  return createHTML;
}

// Browsers without Trusted Types (they ignore the directive too) need no policy.
if (typeof window !== 'undefined' && window.trustedTypes && !window.trustedTypes.defaultPolicy) {
  createDefaultPolicy(window.trustedTypes);
}
