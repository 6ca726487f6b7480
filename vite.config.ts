import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { cityDefines, cityFile, loadCity } from './build/city';
import { cityAssetsPlugin, cityIcons } from './build/city-assets';
import { contentFeedPlugin } from './build/city-feed';
import { cityPolicy, cspPlugin } from './build/csp';
import { demoFeedPlugin } from './build/demo-feed';
import { inlineScriptsPlugin } from './build/inline-scripts';
import { LOADER_MODULE } from './build/loader';
import { prerenderPlugin } from './build/prerender';
import { previewPlugin } from './build/preview';
import { siteUrl } from './build/site';
import { ON_DEMAND_DIR, ON_DEMAND_LIST, TRADITIONAL_DIR } from './src/data/config';

// The city this build is for: citylink.config.ts, or the file CITYLINK_CONFIG names
// (build/city.ts checks it and stops the build with every mistake it finds).
const city = await loadCity(cityFile(fileURLToPath(new URL('.', import.meta.url))));
const site = siteUrl(process.env, city.siteUrl);
// The feed's language first: the manifest speaks the city's first language.
const lang = city.languages[0];

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// `CITYLINK_KILL_SWITCH=1 npm run build` makes a build whose /sw.js retires every installed
// worker and its caches (docs/deployment.md). Same file name, so installed copies pick it up.
const killSwitch = process.env.CITYLINK_KILL_SWITCH === '1';
// Shown in the More tab; CI or a deploy may name a build, tests use it to tell two builds apart.
const build = process.env.CITYLINK_BUILD ?? pkg.version;
const entryModules = ['./index.html', './src/main.tsx'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);
// The loader of the rendered pages (build/loader.ts): an entry of its own, which must stay one
// small self-contained file rather than join the app's chunk, as the pages inline it.
const loaderDir = fileURLToPath(new URL('./src/loader/', import.meta.url));
const homeModules = [
  'src/features/news/NewsList.tsx',
  'src/features/shared/ItemMarks.tsx',
  'src/features/shared/CardList.tsx',
  'src/features/saved/NewMark.tsx',
  'src/ui/ItemCard.tsx',
  'src/features/shared/Paging.tsx',
  'src/features/shared/pager.ts',
  'src/lib/page-window.ts',
  'src/ui/States.tsx',
  'src/state/title.ts',
  'src/lib/format.ts',
].map((path) => {
  // A module moved elsewhere would silently leave the home's chunk: say so instead.
  const file = fileURLToPath(new URL(`./${path}`, import.meta.url));
  if (!existsSync(file)) throw new Error(`vite.config.ts: homeModules names ${path}, which is gone.`);
  return file;
});
// The conversion to Traditional Chinese (src/data/traditional.ts), about 1 MB of dictionaries:
// its worker, and the same code as a chunk for a page with no worker, go where the precache does
// not look; the service worker keeps them for the readers who load them (src/sw/on-demand.ts).
const traditionalWorker = fileURLToPath(new URL('./src/data/traditional-worker.ts', import.meta.url));
const traditionalConverter = fileURLToPath(new URL('./packages/core/src/to-traditional.ts', import.meta.url));
// Code only some devices need goes to ON_DEMAND_DIR, which the precache skips and the service
// worker caches once a device has loaded it (src/sw/on-demand.ts): the worker that holds the
// opening_hours parser (src/lib/open-state.ts), ~116 KB gzip, as most feeds have no hours.
const hoursWorker = fileURLToPath(new URL('./src/lib/hours-worker.ts', import.meta.url));

export default defineConfig({
  define: {
    __CITYLINK_BUILD__: JSON.stringify(build),
    __CITYLINK_KILL_SWITCH__: JSON.stringify(killSwitch),
    ...cityDefines(city),
  },
  // The city's own files served as they are (its icon); the demo's public/ holds its feed and
  // pictures, which no other city's build may carry.
  publicDir: city.publicDir,
  plugins: [
    // The demo: public/feed.json and its archive pages, built from content/ (build/demo-feed.ts).
    // A city's own content folder is built into the output instead (build/city-feed.ts); a
    // feed another system publishes is read by the prerender.
    ...(city.feed.from === 'demo' ? [demoFeedPlugin()] : []),
    ...(city.feed.from === 'content' ? [contentFeedPlugin(city.feed.folder)] : []),
    // The city's names, description and brand colours in index.html and the stylesheet.
    cityAssetsPlugin(city),
    inlineScriptsPlugin(),
    // Hydratable output: the build renders every page's first screen on the server
    // (build/prerender.ts) and the app hydrates it.
    solid({ ssr: true }),
    VitePWA({
      strategies: 'injectManifest',
      // The kill switch is its own worker entry, also emitted as sw.js: the name never changes.
      srcDir: killSwitch ? 'src/sw/kill-switch' : 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      // The page registers the worker itself through workbox-window (src/pwa/worker.ts).
      injectRegister: false,
      // The glob below already takes the icons; the plugin adds the web manifest by itself.
      includeManifestIcons: false,
      // Icons, the maskable icon, apple-touch-icon and favicon from the city's icon
      // (build/city-assets.ts); they are added to the manifest and to index.html's head.
      // The head already has a theme colour per colour scheme.
      pwaAssets: cityIcons(city),
      injectManifest: {
        // vite-plugin-pwa 2 + Vite 8 emits an ES module otherwise, which a classic worker
        // registration cannot evaluate: the app would silently have no offline support.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webp,woff2}', ON_DEMAND_LIST],
        // The feed is synced into IndexedDB; it must never sit in the precache. The manifest's
        // screenshots are for install dialogs only, never shown offline. Prerendered item pages
        // are for link previews and first visits; once the worker runs, every address gets the
        // app shell, so caching them would only cost storage.
        // index.html is the rendered home page, for first visits: offline, the worker answers
        // every address with shell.html and the app renders from IndexedDB. On-demand code
        // (above) is fetched only by the devices that need it.
        globIgnores: [
          'index.html',
          'feed*.json',
          '**/feed*.json',
          'screenshots/**',
          'news/**',
          'events/**',
          'contacts/**',
          `${ON_DEMAND_DIR}**`,
          `${TRADITIONAL_DIR}**`,
          // The rendered pages' loader: inline in each of them (build/loader.ts), never fetched.
          'assets/loader-*.js',
        ],
        // The kill-switch worker precaches nothing.
        ...(killSwitch ? { injectionPoint: undefined } : {}),
      },
      manifest: {
        id: '/',
        name: city.app.name[lang],
        short_name: city.app.shortName[lang],
        description: city.description[lang],
        lang,
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        display_override: ['standalone', 'minimal-ui'],
        theme_color: city.colours.light,
        background_color: '#ffffff',
        categories: ['news', 'travel', 'navigation'],
        // A link or shortcut opened while the app is open reuses its window instead of a second one.
        launch_handler: { client_mode: ['navigate-existing', 'auto'] },
        shortcuts: [
          { name: 'News', short_name: 'News', url: '/news' },
          { name: 'Events', short_name: 'Events', url: '/events' },
          { name: 'Contacts', short_name: 'Contacts', url: '/contacts' },
          { name: 'Saved', short_name: 'Saved', url: '/saved' },
        ],
        // Taken from the real app by `npm run manifest-screenshots` (tools/manifest-screenshots.ts).
        // The demo's: a city without its own has none (an install dialog does without).
        screenshots: city.screenshots
          ? [
              {
                src: '/screenshots/narrow-news.png',
                sizes: '390x844',
                type: 'image/png',
                form_factor: 'narrow',
                label: `News from ${city.city.en}, readable offline`,
              },
              {
                src: '/screenshots/narrow-events.png',
                sizes: '390x844',
                type: 'image/png',
                form_factor: 'narrow',
                label: 'Upcoming events, grouped by day',
              },
              {
                src: '/screenshots/wide-news.png',
                sizes: '1280x800',
                type: 'image/png',
                form_factor: 'wide',
                label: `News from ${city.city.en} on a wide screen`,
              },
            ]
          : [],
      },
    }),
    onDemandListPlugin(),
    prerenderPlugin({ site, feedUrl: city.feed.from === 'url' ? city.feed.url : undefined }),
    previewPlugin(),
    // Last: it hashes the inline code of every HTML file the steps above wrote (build/csp.ts).
    cspPlugin(cityPolicy(city)),
  ],
  // `npm start` with `npm run push` beside it: the push service behind the same host at /push/,
  // as docs/push.md deploys it. Nothing asks for /push/ until a reader uses notifications.
  preview: {
    proxy: { '/push/': process.env.CITYLINK_PUSH_ORIGIN ?? 'http://127.0.0.1:8787' },
  },
  worker: {
    rolldownOptions: {
      output: {
        // The conversion's and the hours' workers apart from the precache (see above).
        entryFileNames: (chunk) =>
          chunk.facadeModuleId === traditionalWorker
            ? `${TRADITIONAL_DIR}[name]-[hash].js`
            : chunk.facadeModuleId === hoursWorker
              ? `${ON_DEMAND_DIR}[name]-[hash].js`
              : 'assets/[name]-[hash].js',
      },
    },
  },
  build: {
    target: 'es2022',
    // The entry's chunks are preloaded from the page (index.html, and the loader of each rendered
    // page, build/prerender.ts), but a dynamic import() does not preload what its chunk imports:
    // Vite's helper for that was 0.9 KB brotli of the code the home needs before it is
    // interactive (issue 10), and each import() it wrapped added link tags to the document in the
    // task that asked for it. The chunks come from the worker's precache once it is installed; before
    // that, a screen's first opening waits one more round trip for the chunks it imports.
    // No polyfill either: a browser without modulepreload only loads those chunks a little later.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    // build/prerender.ts reads which chunks each screen needs, to preload them.
    manifest: true,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        loader: fileURLToPath(new URL(`./${LOADER_MODULE}`, import.meta.url)),
      },
      output: {
        // File names' hashes in lower-case letters and digits: the app chunk names some thirty
        // chunks in its import() calls, and these compress better than base64's mixed case
        // (67 B less brotli of the home's 25,000 B budget; 8 characters of base36 is 41 bits,
        // plenty for this many files).
        hashCharacters: 'base36',
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId === traditionalConverter
            ? `${TRADITIONAL_DIR}[name]-[hash].js`
            : 'assets/[name]-[hash].js',
        // Everything the entry imports statically loads on every start, whatever the screen: one
        // chunk rather than the many small ones shared with screens, each fetched and compressed
        // on its own (issue 10's budget counts brotli per file). Not the entry itself (index.html
        // and src/main.tsx): it awaits the first screen's chunk at its top level, and that chunk
        // imports this one, so the two in one chunk would wait on each other for ever.
        codeSplitting: {
          groups: [
            {
              name: 'app',
              tags: ['$initial'],
              test: (id) => !entryModules.includes(id) && !id.startsWith(loaderDir),
            },
            // The home screen and the list pieces it shares with the other lists: one chunk rather
            // than six small ones, for the same reason (the other lists load it too, precached).
            { name: 'home', test: (id) => homeModules.includes(id) },
          ],
        },
      },
    },
  },
});

/** Emits ON_DEMAND_LIST: the site paths of the chunks the build put in ON_DEMAND_DIR. */
function onDemandListPlugin(): Plugin {
  return {
    name: 'citylink-on-demand-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => name.startsWith(ON_DEMAND_DIR))
        .map((name) => `/${name}`);
      // The worker's own build has none: nothing to list there.
      if (files.length === 0) return;
      this.emitFile({ type: 'asset', fileName: ON_DEMAND_LIST, source: JSON.stringify(files) });
    },
  };
}
