/**
 * Screenshots of every main screen at 390x844, light and dark, English and Chinese, from the
 * production build (`npm run build` first). Output: screenshots/<route>-<lang>-<theme>.png.
 * Usage: [SCREENSHOT_PORT=4174] npx tsx scripts/screenshots.ts [route …]
 * A route may end in `@<css selector>`: that element is clicked first (to open a dialog).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunch } from '../tests/support/chromium';

const routes = process.argv.slice(2);
const targets = routes.length ? routes : ['/', '/events', '/contacts', '/more'];
const out = new URL('../screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });

// SCREENSHOT_PORT lets several checkouts take screenshots at once.
const port = Number(process.env.SCREENSHOT_PORT ?? 4174);
const server = await preview({ preview: { port, host: '127.0.0.1', strictPort: true } });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch(chromiumLaunch);

try {
  for (const locale of ['en-GB', 'zh-CN']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        locale,
        colorScheme,
        timezoneId: 'Europe/Berlin',
      });
      const page = await context.newPage();
      await page.goto(base + '/');
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
      await page.locator('.card').first().waitFor();
      for (const target of targets) {
        const [route = '/', click] = target.split('@', 2);
        await page.goto(base + route);
        await page.locator('h1').first().waitFor();
        if (click) await page.locator(click).first().click();
        await page.waitForTimeout(300);
        const name = `${target.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${locale.slice(0, 2)}-${colorScheme}.png`;
        await page.screenshot({ path: new URL(name, out).pathname });
        console.log(name);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
