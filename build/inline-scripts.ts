/**
 * Minifies index.html's own inline scripts at build time (its first script: theme, language,
 * the install offer, early taps). Every page of the build carries them in its head, before the
 * first paint; their comments say why for us, and need not cross a reader's metered connection.
 */
import { minifySync, type Plugin } from 'vite';

export function inlineScriptsPlugin(): Plugin {
  return {
    name: 'citylink-inline-scripts',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: minifyInlineScripts },
  };
}

/**
 * `html` with each classic inline script (`<script>` with no attribute) minified. A script the
 * minifier cannot read fails the build rather than ship as it is.
 */
export function minifyInlineScripts(html: string): string {
  return html.replace(/<script>([\s\S]*?)<\/script>/g, (_, code: string) => {
    const result = minifySync('inline.js', code);
    if (result.errors.length > 0) {
      throw new Error(`An inline script of index.html: ${result.errors.map((e) => e.message).join('; ')}`);
    }
    return `<script>${result.code.trim()}</script>`;
  });
}
