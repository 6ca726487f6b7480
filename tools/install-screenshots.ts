/**
 * Screenshots of the install experience at 390x844, light and dark, English and Chinese, from
 * the production build (`npx vite build` first): the second-visit banner and the steps sheet
 * on iOS, and the banner in WeChat. Output: screenshots/install-<what>-<lang>-<theme>.png.
 * Usage: [SCREENSHOT_PORT=4174] npx tsx tools/install-screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunch } from './support/chromium';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const WECHAT =
  'Mozilla/5.0 (Linux; Android 14; V2244A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI';

const out = new URL('../screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });
const port = Number(process.env.SCREENSHOT_PORT ?? 4174);
const server = await preview({ preview: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch(chromiumLaunch);

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL(`${name}.png`, out).pathname });
  console.log(`${name}.png`);
}

try {
  for (const locale of ['en-GB', 'zh-CN']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const suffix = `${locale.slice(0, 2)}-${colorScheme}`;
      for (const [what, userAgent] of [
        ['ios', IPHONE],
        ['wechat', WECHAT],
      ] as const) {
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          locale,
          colorScheme,
          userAgent,
          isMobile: true,
          hasTouch: true,
        });
        // The second visit is the one that offers installing.
        await context.addInitScript(() => localStorage.setItem('citylink.visits', '1'));
        const page = await context.newPage();
        await page.goto(base + '/');
        await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
        await page.locator('.card').first().waitFor();
        await page.locator('.install-banner').waitFor();
        await shoot(page, `install-banner-${what}-${suffix}`);
        if (what === 'ios') {
          await page.locator('.install-banner button.primary').click();
          await page.locator('dialog.install-sheet[open]').waitFor();
          await shoot(page, `install-sheet-${suffix}`);
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
