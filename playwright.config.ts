import { defineConfig } from '@playwright/test';
// Specs that import the app's catalogues (to find a text on screen) need the app's names, which
// a build defines as constants: globals here, in the runner and in each worker (both load this).
import './build/city-globals';
import { chromiumLaunch, olderChromium } from './tools/support/chromium';

/**
 * End-to-end tests drive the production build (`vite preview`, service worker included) in
 * the system's Chromium: Playwright cannot download its own browser here. Set CHROMIUM_PATH
 * to use another Chromium-based browser.
 */
/**
 * The tests' own port, not `npm start`'s 4173 nor the push service's 8787: the tests run while
 * the app is being served in another terminal. Fixed, not one the OS picks: the build writes
 * the site's address (CITYLINK_SITE_URL) into its pages, and `npm run test:e2e` builds for
 * this one.
 */
const port = Number(process.env.E2E_PORT ?? 4190);

/**
 * The second project: the oldest Chromium we support (tools/support/chromium.ts), on the specs
 * of what has differed between versions: the offline state (navigator.onLine under a lost
 * network), the worker's offline answers, kept screens, and storage. Not the whole suite: it
 * would double CI's end-to-end time on two cores, and the other specs drive screens whose
 * behaviour does not depend on these platform features.
 */
const older = olderChromium();
const OLDER_SPECS = [
  'offline.spec.ts',
  'nginx.spec.ts',
  'repeat-visit.spec.ts',
  'navigation.spec.ts',
  'large-feed.spec.ts',
  'storage.spec.ts',
];

export default defineConfig({
  testDir: 'tests/e2e',
  // Not test-results/ itself: Playwright empties its output folder, and the tests' figures
  // (test-results/reliability, see tools/support/figures.ts) must outlive a run of another tier.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 390, height: 844 },
    locale: 'en-GB',
  },
  projects: [
    { name: 'chromium', use: { launchOptions: chromiumLaunch } },
    ...(older
      ? [
          {
            name: `chromium-${older.major}`,
            testMatch: OLDER_SPECS,
            use: { launchOptions: { ...chromiumLaunch, executablePath: older.executablePath } },
          },
        ]
      : []),
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
