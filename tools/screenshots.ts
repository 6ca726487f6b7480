/**
 * Screenshots of every screen, from the production build (`npx vite build` first), as a reader
 * sees them: at 390x844 in English (light), Simplified Chinese (dark) and Traditional Chinese
 * (Hong Kong, light and dark), and at 1280x800 (English, light).
 * Output: screenshots/<route>-<mode>.png, the first screen (what a phone shows before any
 * scrolling); `--full` takes whole pages instead.
 *
 * Usage: [SCREENSHOT_PORT=4174] npx tsx tools/screenshots.ts [--full] [--mode <name>] [route …]
 * A route may end in `@<css selector>`: that element is clicked first (to open a dialog or a sheet).
 * `--walkthrough` takes the walkthrough in docs/screens/ instead (see walkthrough.ts); with
 * `--mode`, in that mode only.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunch } from './support/chromium';
import { phoneContext, PHONE } from './support/phone';
import { walkthrough } from './walkthrough';

/** Every screen, and the dialogs and sheets that open over them. */
const SCREENS = [
  '/',
  '/news/rail-links',
  '/news/rail-links@.qr-button',
  '/events',
  '/events?tag=health',
  '/events/taishan-roots-clinic-2027',
  '/events/taishan-roots-clinic-2027@.directions-button',
  '/events/taishan-roots-clinic-2027@.driver-button',
  '/events/spring-health-talk-2027',
  '/events/newcomers-welcome-2027',
  '/contacts',
  '/contacts?lang=yue',
  '/contacts/foreign-talent-station',
  '/saved',
  '/more',
  '/search',
  '/search?q=talent',
  '/news/no-such-story',
  '/no/such/page',
];

const MODES = [
  { name: 'en-light', locale: 'en-GB', colorScheme: 'light', ...PHONE },
  { name: 'zh-dark', locale: 'zh-CN', colorScheme: 'dark', ...PHONE },
  { name: 'zh-Hant-light', locale: 'zh-HK', colorScheme: 'light', ...PHONE },
  { name: 'zh-Hant-dark', locale: 'zh-HK', colorScheme: 'dark', ...PHONE },
  { name: 'en-light-1280', locale: 'en-GB', colorScheme: 'light', width: 1280, height: 800 },
] as const;

const args = process.argv.slice(2);
const full = args.includes('--full');
const only = args.includes('--mode') ? args[args.indexOf('--mode') + 1] : undefined;
const routes = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--mode');
const targets = routes.length ? routes : SCREENS;
const walk = args.includes('--walkthrough');
const out = new URL(walk ? '../docs/screens/' : '../screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });

// SCREENSHOT_PORT lets several checkouts take screenshots at once.
const port = Number(process.env.SCREENSHOT_PORT ?? 4174);
const server = await preview({ preview: { port, host: '127.0.0.1', strictPort: true } });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch(chromiumLaunch);

/**
 * A demo item's address in the reader's language: the Chinese translations' slugs end in -zh.
 * The demo publishes Simplified only, which a Traditional reader is shown converted.
 */
function inLanguage(route: string, locale: string): string {
  const item = /^\/(news|events|contacts)\/([\w-]+)$/.exec(route);
  return item && locale.startsWith('zh') && !route.includes('no-such') ? `${route}-zh` : route;
}

try {
  if (walk) await walkthrough(browser, base, out, only);
  for (const mode of walk ? [] : MODES.filter((m) => !only || m.name === only)) {
    const context = await phoneContext(browser, mode, 2);
    const page = await context.newPage();
    await page.goto(base + '/');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    await page.waitForSelector('html[data-synced]', { state: 'attached' });
    for (const target of targets) {
      const [route = '/', click] = target.split('@', 2);
      await page.goto(base + inLanguage(route, mode.locale));
      await page.locator('h1').first().waitFor();
      await page.waitForSelector('html[data-synced]', { state: 'attached' });
      if (click) await page.locator(click).first().click();
      // Let a sheet's entrance and the fonts settle.
      await page.waitForTimeout(400);
      const name = `${target.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${mode.name}.png`;
      await page.screenshot({ path: new URL(name, out).pathname, fullPage: full });
      console.log(name);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
