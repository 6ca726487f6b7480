/**
 * The tags that start the app on a rendered page: the loader (src/loader/, built by Vite as an
 * entry of its own) and its settings, a JSON block no policy needs to allow.
 *
 * The loader's built code goes into the page, hashed into its policy by build/csp.ts like any
 * inline script, rather than linked by its file name: a file would be one more request before
 * the largest paint, which is what the loader exists to avoid, and its bytes would take Home's
 * JavaScript over its budget (tools/bytes.ts) while leaving the HTML's as they were.
 */
import type { LoaderSettings } from '../src/loader/start';
import { SETTINGS_ID } from '../src/loader/start';

/** The loader's entry module, as vite.config.ts names it and Vite's manifest keys it. */
export const LOADER_MODULE = 'src/loader/main.ts';

/** The loader's script (`code`, its built file's text) and its settings, for the end of `<body>`. */
export function loaderTags(code: string, settings: LoaderSettings): string {
  if (/<\/script/i.test(code)) throw new Error('The built loader holds "</script" and cannot be inline.');
  // `<` escaped, so nothing in the JSON can close the element.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  // A module script: its code's top-level names stay its own, not the page's globals.
  return (
    `<script type="application/json" id="${SETTINGS_ID}">${json}</script>` +
    `<script type="module">${code.trim()}</script>`
  );
}
