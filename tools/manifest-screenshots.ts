/**
 * The web manifest's screenshots (shown by install dialogs), taken from the real app: builds
 * it into a temporary folder, serves it, and captures narrow (390x844) and wide (1280x800)
 * screens in Chromium into public/screenshots/, as palette PNGs to keep them small.
 * Usage: npm run manifest-screenshots   ([MANIFEST_SCREENSHOT_PORT=4175])
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import { preview } from 'vite';
import { chromiumLaunch } from './support/chromium';

const shots = [
  { file: 'narrow-news.png', route: '/', width: 390, height: 844 },
  { file: 'narrow-events.png', route: '/events', width: 390, height: 844 },
  { file: 'wide-news.png', route: '/', width: 1280, height: 800 },
];

const outDir = mkdtempSync(join(tmpdir(), 'citylink-shots-'));
const target = new URL('../public/screenshots/', import.meta.url);
mkdirSync(target, { recursive: true });
execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
  stdio: 'inherit',
});

const port = Number(process.env.MANIFEST_SCREENSHOT_PORT ?? 4175);
const server = await preview({
  build: { outDir },
  preview: { port, host: '127.0.0.1', strictPort: true },
  logLevel: 'warn',
});
const browser = await chromium.launch(chromiumLaunch);
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      locale: 'en-GB',
      colorScheme: 'light',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}${shot.route}`);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    await page.locator('.card').first().waitFor();
    await page.waitForTimeout(300);
    const png = await page.screenshot();
    await sharp(png)
      .png({ palette: true, quality: 90, compressionLevel: 9 })
      .toFile(new URL(shot.file, target).pathname);
    console.log(`public/screenshots/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  rmSync(outDir, { recursive: true, force: true });
}
