/**
 * The layers of the code, every folder's, checked by dependency-cruiser (`npm run lint`).
 *
 * Why dependency-cruiser and not eslint-plugin-boundaries: it finds import loops across the
 * whole graph (the plugin has no loop rule, and eslint-plugin-import's no-cycle re-walks the
 * graph for every file), it follows TypeScript's imports itself, type-only ones included, and
 * its rules are plain path patterns that a test runs on fixtures (scripts/layers.test.ts)
 * through the same command as `npm run lint`.
 *
 * The app, from the top down; a layer imports only layers below it:
 *   the entry points (src/main.tsx, src/entry-server.tsx) -> src/app (the shell: composes and
 *   routes) -> src/features: the screens (apart from each other) -> the sections they embed
 *   (settings, notifications) -> src/features/shared -> src/features/status -> src/pwa
 *   -> src/state (reactive state the screens share: data queries, clock, router and its hooks,
 *   history parts) -> src/ui -> src/i18n -> src/lib -> src/data -> packages/core (the feed's
 *   rules: nothing else of ours, no DOM, no Node).
 * src/sw is the service worker: it uses src/data only; src/loader, inlined in the rendered
 * pages, imports nothing. The push server (server/push) and the publisher's CLI
 * (packages/feed) are deployables of their own: each uses the core only. scripts/, build/ and
 * tools/ use anything but tests/ (the build not tools/ either), sharing code with tests
 * through tools/support; tests/ use anything. The exceptions are named where they are made, each with its reason.
 */
/** Features that are screens of their own; each owns its state. */
const SCREENS = 'news|events|contacts|saved|search|more|notices';
/** Features that screens embed, below the screens. */
const SECTIONS = 'settings|notifications';
const SRC_LAYERS = ['app', 'features', 'pwa', 'state', 'ui', 'i18n', 'lib', 'data', 'sw'];

/** Paths in src/ other than the given layers (and the entry points). */
const srcExcept = (...allowed) =>
  `^src/(${SRC_LAYERS.filter((layer) => !allowed.includes(layer)).join('|')})/|^src/(main|entry-server)\\.tsx$`;

/**
 * The src/lib helpers that write words of the interface (an image's placeholder, a calendar
 * file's notes): above src/i18n, which uses the rest of src/lib (settings, hydration).
 */
const SPEAKING_LIB = '^src/lib/(sanitize|item-files)\\.ts$';

/** Test files: they may also use tests/support. */
const TEST = '\\.test\\.tsx?$';

/** Every folder of ours, for the rules of folders that import nothing else of ours. */
const OURS = '^(src|packages|server|scripts|build|tools|tests)/';

/** npm packages made for the page (a UI framework, DOMPurify), with `more` of them. */
const pageLibraries = (...more) =>
  `^node_modules/(${['solid-js', '@solidjs', '@solid-primitives', 'dompurify', ...more].join('|')})`;

/** A rule that files under `from` import none of `to`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid('no-loops', 'No import loops anywhere.', {}, { circular: true }),
    forbid(
      'nothing-imports-the-shell',
      'src/app composes the screens and routes; only the entry points import it.',
      { pathNot: '^src/app/|^src/(main|entry-server)\\.tsx$|^scripts/|^tests/' },
      { path: '^src/app/' },
    ),
    forbid(
      'entry-points-are-tops',
      'Nothing in src imports an entry point.',
      { path: '^src/' },
      { path: '^src/(main|entry-server)\\.tsx$|^src/sw/sw\\.ts$' },
    ),
    forbid(
      'screens-apart',
      'A screen owns its state: screens do not import each other.',
      { path: `^src/features/(${SCREENS})/` },
      { path: `^src/features/(${SCREENS})/`, pathNot: '^src/features/$1/' },
    ),
    forbid(
      'sections-below-screens',
      'The sections screens embed (settings, notifications, status) know no screen.',
      { path: `^src/features/(${SECTIONS}|status)/` },
      { path: `^src/features/(${SCREENS})/` },
    ),
    forbid(
      'status-below-sections',
      'The status line and bar are below the sections that show them.',
      { path: '^src/features/status/' },
      { path: `^src/features/(${SECTIONS})/` },
    ),
    forbid(
      'features-below-the-shell',
      'Features read shared state from src/state, not from the shell.',
      { path: '^src/features/' },
      { path: srcExcept('features', 'pwa', 'state', 'ui', 'i18n', 'lib', 'data') },
    ),
    forbid(
      'shared-below-features',
      'src/features/shared is below every screen and section.',
      { path: '^src/features/shared/' },
      {
        path: `^src/features/(${SCREENS}|${SECTIONS})/`,
        // Every card shows the saved mark and button: the saved feature's parts below its screen.
        pathNot: '^src/features/saved/(NewMark|SaveButton|data)\\.tsx?$',
      },
    ),
    forbid(
      'pwa-layer',
      "src/pwa (install, update, the worker's registration) uses the layers below it.",
      { path: '^src/pwa/' },
      // The page starts the page-sync worker by its built URL (`?worker&url`), not its code.
      { path: srcExcept('pwa', 'state', 'ui', 'i18n', 'lib', 'data'), pathNot: '^src/sw/page-sync\\.ts$' },
    ),
    forbid(
      'state-layer',
      'src/state holds the reactive state screens share; it knows no screen.',
      { path: '^src/state/' },
      { path: srcExcept('state', 'i18n', 'lib', 'data') },
    ),
    forbid(
      'ui-layer',
      'Presentational components take props: no screens, no shared state, no data access.',
      { path: '^src/ui/' },
      { path: [srcExcept('ui', 'i18n', 'lib', 'data'), '^src/data/(db|sync)\\.ts$'] },
    ),
    forbid(
      'ui-through-i18n',
      'Components read strings through the i18n module, not its catalogue files.',
      { path: '^src/(ui|features|app|pwa|state)/' },
      { path: '^src/i18n/(en|zh-Hans)(|\\.core|\\.more)\\.ts$' },
    ),
    forbid(
      'i18n-layer',
      'src/i18n uses src/lib and src/data only, and of src/lib not the helpers that speak.',
      { path: '^src/i18n/' },
      { path: [srcExcept('i18n', 'lib', 'data'), SPEAKING_LIB] },
    ),
    forbid(
      'lib-layer',
      'src/lib (helpers without screens) uses src/data; the helpers that speak, src/i18n too.',
      { path: '^src/lib/', pathNot: SPEAKING_LIB },
      { path: srcExcept('lib', 'data') },
    ),
    forbid(
      'speaking-lib-layer',
      'The src/lib helpers that speak use src/i18n, src/lib and src/data.',
      { path: SPEAKING_LIB },
      { path: srcExcept('i18n', 'lib', 'data') },
    ),
    forbid(
      'data-self-contained',
      'src/data runs in page and worker: it imports nothing of ours outside itself.',
      { path: '^src/data/', pathNot: TEST },
      // The core is below it: the one import of ours it may have.
      { path: OURS, pathNot: '^src/data/|^packages/core/' },
    ),
    forbid(
      'data-no-ui',
      'src/data runs in the worker too: no UI framework, no DOM-only libraries.',
      { path: '^src/data/' },
      {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        path: pageLibraries('workbox-'),
      },
    ),
    forbid(
      'idb-in-db-only',
      'IndexedDB is reached through src/data/db.ts only.',
      { pathNot: '^src/data/db\\.ts$' },
      { path: '^node_modules/idb/' },
    ),
    forbid(
      'worker-uses-data',
      'The service worker uses src/data only.',
      { path: '^src/sw/' },
      { path: srcExcept('sw', 'data') },
    ),
    forbid(
      'worker-no-ui',
      'Not in the worker: no UI framework, no page-only libraries.',
      { path: '^src/sw/' },
      { path: pageLibraries('workbox-window/') },
    ),
    forbid(
      'src-is-the-app',
      'The app imports neither the server, the CLI, the scripts, the build, the tools nor the tests.',
      { path: '^src/', pathNot: TEST },
      { path: '^(server|scripts|build|tools|tests|packages/feed)/' },
    ),
    forbid(
      'server-stands-alone',
      'server/push is its own deployable: it uses the core and Node, nothing else of ours.',
      { path: '^server/' },
      { path: OURS, pathNot: '^(server|packages/core)/' },
    ),
    forbid(
      'scripts-not-tests',
      'Scripts, the build and the tools share code with tests through tools/support, not tests/.',
      { path: '^(scripts|build|tools|packages/feed)/', pathNot: '\\.test\\.ts$' },
      { path: '^tests/' },
    ),
    forbid(
      'build-not-tools',
      'The build is part of the product: it does not use the dev tools.',
      { path: '^build/', pathNot: '\\.test\\.ts$' },
      { path: '^tools/' },
    ),
    forbid(
      'loader-stands-alone',
      'src/loader is inlined in every rendered page before the app: it imports nothing of ours.',
      { path: '^src/loader/', pathNot: TEST },
      { path: OURS, pathNot: '^src/loader/' },
    ),
    forbid(
      'cli-stands-alone',
      'packages/feed is its own deployable: it uses the core and Node, nothing else of ours (its tests may).',
      { path: '^packages/feed/', pathNot: TEST },
      { path: OURS, pathNot: '^packages/(feed|core)/' },
    ),
    forbid(
      'core-imports-nothing-of-ours',
      'packages/core holds the rules of the feed: it imports nothing else of ours (its tests may).',
      { path: '^packages/core/', pathNot: TEST },
      { path: OURS, pathNot: '^packages/core/' },
    ),
    forbid(
      'core-no-node',
      'packages/core runs in page, worker, server and CLI: no Node modules (its tests run in Node).',
      { path: '^packages/core/', pathNot: TEST },
      { dependencyTypes: ['core'] },
    ),
    forbid(
      'core-no-dom',
      'packages/core runs in page, worker, server and CLI: no UI or DOM libraries.',
      { path: '^packages/core/' },
      { path: pageLibraries('idb', 'workbox-') },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: '^(node_modules|dist|packages/feed/dist|dev-dist|coverage|test-results|playwright-report|\\.push-data|tests/fixtures/layers)/',
    },
    // Type-only imports are edges too: a loop through a type is still a loop.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
