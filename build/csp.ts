/**
 * The Content-Security-Policy of every page of the build (docs/deployment.md says what each
 * directive allows and why).
 *
 * After the build, and after every step that writes HTML (the prerender, later server
 * rendering), `cspPlugin()` walks every `.html` file in the output, hashes each inline script
 * and style element that file has, and inserts the file's policy as the first
 * `<meta http-equiv="Content-Security-Policy">` of its `<head>`, so that it also holds when the
 * service worker serves the page offline. `vite preview` (`npm start`) sends the same policy
 * as a header, with `frame-ancestors`, which a `<meta>` cannot carry, and `/sw.js` gets the
 * worker's own policy.
 *
 * By hand: `npx tsx build/csp.ts [dist]` (for the city of `CITYLINK_CONFIG`, else the root's).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import type { Plugin } from 'vite';
import { cityFile, loadCity, type City } from './city';
import { SHELL, textOf } from './html';
import { attribute, elements, text, type Element } from './markup';

/** What a page's policy depends on besides its own inline code. */
export interface PolicySettings {
  /** The feed's origin when it is not the site's own (the city's feed URL), for `connect-src`. */
  feedOrigin?: string;
  /** The push service's origin when it is not the site's own (the city's `pushUrl`), for `connect-src`. */
  pushOrigin?: string;
}

/** The Trusted Types policies the page may create (src/lib/trusted-types.ts and its callers). */
export const TRUSTED_TYPES_POLICIES = [
  'default',
  'citylink-inspect',
  'citylink-worker',
  'citylink-traditional',
  'citylink-hours',
  'dompurify',
];

/** Who may frame the app: nobody, unless a deployment says otherwise (`CITYLINK_FRAME_ANCESTORS`). */
export function frameAncestors(env: Record<string, string | undefined> = process.env): string {
  return env.CITYLINK_FRAME_ANCESTORS?.trim() || "'none'";
}

/** The origin of `VITE_FEED_URL` when it names another site; undefined for a path on this one. */
export function feedOrigin(feedUrl: string | undefined, variable = 'VITE_FEED_URL'): string | undefined {
  if (!feedUrl || !/^[a-z][a-z0-9+.-]*:/i.test(feedUrl)) return undefined;
  const url = new URL(feedUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${variable} must be an http(s) address, not "${feedUrl}".`);
  }
  return url.origin;
}

/** The origin of `VITE_PUSH_URL` when it names another site (docs/push.md); undefined for a path. */
export function pushOrigin(pushUrl: string | undefined): string | undefined {
  return feedOrigin(pushUrl, 'VITE_PUSH_URL');
}

/** A city's policy settings: the origins of its feed and push service (citylink.config.ts). */
export function cityPolicy(city: City): PolicySettings {
  return {
    feedOrigin: city.feed.from === 'url' ? feedOrigin(city.feed.url) : undefined,
    pushOrigin: pushOrigin(city.pushUrl),
  };
}

/**
 * A page's policy, as its `<meta>` carries it: everything but `frame-ancestors`.
 * `scripts` and `styles` are the page's inline elements as CSP hash sources ('sha256-…').
 */
export function pagePolicy(
  inline: { scripts: readonly string[]; styles: readonly string[] },
  settings: PolicySettings = {},
): string {
  const quoted = (hashes: readonly string[]) => [...new Set(hashes)].map((hash) => `'${hash}'`);
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    // 'report-sample': a report shows the start of what was blocked.
    ['script-src', "'self'", "'report-sample'", ...quoted(inline.scripts)],
    ['style-src', "'self'", ...quoted(inline.styles)],
    ['img-src', "'self'", 'https:', 'data:'],
    ['font-src', "'self'"],
    [
      'connect-src',
      "'self'",
      ...new Set([settings.feedOrigin, settings.pushOrigin].filter((origin) => origin !== undefined)),
    ],
    ['manifest-src', "'self'"],
    ['worker-src', "'self'"],
    ['form-action', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['require-trusted-types-for', "'script'"],
    ['trusted-types', ...TRUSTED_TYPES_POLICIES],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The header form of a page's policy: the `<meta>` one plus `frame-ancestors`. */
export function headerPolicy(metaPolicy: string, ancestors = frameAncestors()): string {
  return `${metaPolicy}; frame-ancestors ${ancestors}`;
}

/**
 * One header for every HTML response, for servers that cannot send each page its own policy
 * (nginx, most static hosts; docs/deployment.md). It holds every directive that needs no hash,
 * plus `frame-ancestors`; the page's `<meta>` adds `default-src`, `script-src` and `style-src`
 * with the page's own hashes. Both policies apply, so the page gets the full one.
 */
export function staticHeaderPolicy(settings: PolicySettings = {}, ancestors = frameAncestors()): string {
  const perPage = new Set(['default-src', 'script-src', 'style-src']);
  const shared = pagePolicy({ scripts: [], styles: [] }, settings)
    .split('; ')
    .filter((directive) => !perPage.has(directive.split(' ')[0] ?? ''));
  return [...shared, `frame-ancestors ${ancestors}`].join('; ');
}

/**
 * The service worker's own policy (a worker takes it from its script's response, not from the
 * page). It fetches the app's files, the feed, and feed images from any https host for its
 * image cache; it runs no other code and needs no eval.
 */
export function workerPolicy(settings: PolicySettings = {}): string {
  const feed = settings.feedOrigin ? ` ${settings.feedOrigin}` : '';
  return `default-src 'none'; script-src 'self'; connect-src 'self' https:${feed}`;
}

/** A CSP hash source for an inline element's text: `sha256-<base64>` of its UTF-8 bytes. */
export function hashSource(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

// Script types a browser runs; any other type (`application/json`, `application/ld+json`, …)
// is a data block, never executed, so it needs no hash.
const JS_TYPES = new Set([
  '',
  'module',
  'importmap',
  'speculationrules',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

/** Whether a `<script>` with this `type` attribute (null: none) runs. */
export function runsAsScript(type: string | null): boolean {
  return JS_TYPES.has((type ?? '').trim().toLowerCase());
}

/**
 * Hashes the inline code of one HTML document and inserts its policy; returns the new HTML and
 * the policy. An older policy `<meta>` (a second run over the same file) is replaced. Markup
 * that no hash can allow (event handler attributes, `javascript:` URLs, `style` attributes)
 * stops the build with the file's name: it would break in every browser that enforces the policy.
 */
export function applyPolicy(
  html: string,
  settings: PolicySettings = {},
  name = 'page',
): { html: string; policy: string } {
  // The same parser as browsers (and jsdom): script text exactly as a browser hashes it.
  const document = parse(html, { sourceCodeLocationInfo: true });
  const all = [...elements(document)];

  const problems: string[] = [];
  for (const element of all) {
    for (const { name: attr, value } of element.attrs) {
      const tag = `<${element.tagName} ${attr}>`;
      if (/^on/i.test(attr)) problems.push(`${tag}: an inline event handler`);
      else if (attr === 'style') problems.push(`${tag}: an inline style attribute`);
      // Browsers strip ASCII whitespace and controls from URLs before reading the scheme.
      // eslint-disable-next-line no-control-regex -- those characters are what is stripped
      else if (/^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
        problems.push(`${tag}: a javascript: URL`);
      }
    }
  }
  if (problems.length) {
    throw new Error(`csp: ${name} has markup no policy hash allows:\n  ${problems.join('\n  ')}`);
  }

  const scripts = all
    .filter((el) => el.tagName === 'script' && attribute(el, 'src') === undefined)
    .filter((el) => runsAsScript(attribute(el, 'type') ?? null))
    .map((el) => hashSource(text(el)));
  const styles = all.filter((el) => el.tagName === 'style').map((el) => hashSource(text(el)));
  const policy = pagePolicy({ scripts, styles }, settings);

  const head = all.find((el) => el.tagName === 'head');
  const headTag = head?.sourceCodeLocation?.startTag;
  if (!head || !headTag) throw new Error(`csp: ${name} has no <head> tag to put the policy in`);
  // Right after <meta charset> when it comes first (it must stay within the first 1024 bytes),
  // else first in <head>: before any script, style or link the policy must cover.
  const first = head.childNodes.find((child): child is Element => 'tagName' in child);
  const afterCharset =
    first?.tagName === 'meta' && attribute(first, 'charset') !== undefined
      ? first.sourceCodeLocation?.endOffset
      : undefined;
  const at = afterCharset ?? headTag.endOffset;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;

  // Cut old policies out (from the end, so earlier offsets stay valid), then insert.
  const cuts = head.childNodes
    .filter(
      (child): child is Element =>
        'tagName' in child &&
        child.tagName === 'meta' &&
        attribute(child, 'http-equiv')?.toLowerCase() === 'content-security-policy',
    )
    .map((child) => child.sourceCodeLocation)
    .filter((location) => location !== undefined && location !== null)
    .sort((a, b) => b.startOffset - a.startOffset);
  let out = html;
  let insertAt = at;
  for (const cut of cuts) {
    out = out.slice(0, cut.startOffset) + out.slice(cut.endOffset);
    if (cut.startOffset < insertAt) insertAt -= cut.endOffset - cut.startOffset;
  }
  return { html: out.slice(0, insertAt) + meta + out.slice(insertAt), policy };
}

/** Every `.html` file under `dir`. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(dir, path))
    .filter((path) => statSync(path).isFile());
}

/** Applies the policy to every HTML file of a build; returns how many and how many hashes. */
export function applyToBuild(distDir: string, settings: PolicySettings = {}): { files: number } {
  const files = htmlFiles(distDir);
  for (const file of files) {
    const { html } = applyPolicy(readFileSync(file, 'utf8'), settings, relative(distDir, file));
    writeFileSync(file, html);
  }
  return { files: files.length };
}

/** The policy a built HTML file carries in its `<meta>`, if any. */
export function policyOf(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1];
}

/**
 * The HTML file `vite preview` answers a path with: the file itself, `<path>.html`,
 * `<path>/index.html`, else the single-page fallback `shell.html` for an address without an
 * extension. Undefined when the answer is not an HTML page.
 */
export function htmlFileFor(distDir: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?', 1)[0] ?? '/');
  } catch {
    return undefined;
  }
  const candidates = path.endsWith('/')
    ? [`${path}index.html`]
    : [path, `${path}.html`, `${path}/index.html`];
  for (const candidate of candidates) {
    const file = resolve(distDir, `.${candidate}`);
    if (!file.startsWith(distDir + sep)) return undefined;
    if (existsSync(file) && statSync(file).isFile()) return file.endsWith('.html') ? file : undefined;
  }
  return extname(path) ? undefined : join(distDir, SHELL);
}

/**
 * Vite plugin. Register it after every plugin that writes HTML in `closeBundle` (the prerender,
 * server rendering): post-order, sequential hooks run in registration order.
 */
export function cspPlugin(settings: PolicySettings): Plugin {
  let distDir = 'dist';
  return {
    name: 'citylink-csp',
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    configResolved(config) {
      distDir = resolve(config.root, config.build.outDir);
    },
    // index.html, and the shell made from it with its stylesheet inline (build/prerender.ts),
    // get their policy as they are emitted, before vite-plugin-pwa lists the shell for the
    // precache with a hash of its content, so that the listed revision is that of the file
    // served. Registered after the prerender plugin, so its post-order hook runs after the one
    // that emits the shell.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          file.source = applyPolicy(textOf(file.source), settings, file.fileName).html;
        }
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '/';
        if (url.split('?', 1)[0] === '/sw.js') {
          res.setHeader('Content-Security-Policy', workerPolicy(settings));
        } else {
          const file = htmlFileFor(distDir, url);
          const policy = file && existsSync(file) ? policyOf(readFileSync(file, 'utf8')) : undefined;
          if (policy) res.setHeader('Content-Security-Policy', headerPolicy(policy));
        }
        next();
      });
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        // Other builds in the same run (the worker's) write no HTML: nothing to do there.
        if (!existsSync(join(distDir, SHELL))) return;
        const shell = join(distDir, SHELL);
        const before = readFileSync(shell, 'utf8');
        const { files } = applyToBuild(distDir, settings);
        if (readFileSync(shell, 'utf8') !== before) {
          // A step after the precache list rewrote the shell: installed workers would keep
          // serving the old one (tests/e2e/build-output.spec.ts checks the revision).
          this.warn(`${SHELL} changed after the precache was listed: its revision there is stale`);
        }
        console.log(`csp: policy in ${files} HTML files`);
      },
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const city = await loadCity(cityFile(process.cwd()));
  const { files } = applyToBuild(dist, cityPolicy(city));
  console.log(`csp: policy in ${files} HTML files of ${dist}`);
}
