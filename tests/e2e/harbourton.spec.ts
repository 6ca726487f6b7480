import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoFeed } from '../../tools/support/demo-feed';
import { waitForController, waitForNews } from './helpers';

// A second city, Harbourton (tests/cities/harbourton/), built from the same code with nothing
// but its configuration, content folder and icon: one build into its own folder, served on the
// next port by `vite preview` as the e2e build is.

const CONFIG = 'tests/cities/harbourton/citylink.config.ts';
const OUT = resolve('test-results/harbourton/dist');
const port = Number(process.env.E2E_PORT ?? 4190) + 1;
const origin = `http://127.0.0.1:${port}`;
const env = { ...process.env, CITYLINK_CONFIG: CONFIG, CITYLINK_SITE_URL: origin };

let preview: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(OUT, { recursive: true, force: true });
  const build = spawnSync('npx', ['vite', 'build', '--outDir', OUT, '--emptyOutDir'], {
    env,
    encoding: 'utf8',
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  // Node itself runs Vite, so that the test's end stops the preview and not only npx: a
  // preview left behind held this port after CI, for the next run on the machine to meet.
  preview = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--outDir',
      OUT,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { env, stdio: 'ignore' },
  );
  await expect
    .poll(
      () =>
        fetch(`${origin}/`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  preview?.kill();
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('nothing of Jiangmen or its demo is in any file of the build', () => {
  const demoTitles = demoFeed<{ items: { title?: string }[] }>()
    .items.map((item) => item.title)
    .filter((title): title is string => !!title && title.length > 12);
  expect(demoTitles.length).toBeGreaterThan(10);
  const found: string[] = [];
  for (const file of files(OUT)) {
    const text = readFileSync(file).toString('utf8');
    for (const word of ['Jiangmen', '江门', '江門', 'sample data', ...demoTitles]) {
      if (text.includes(word)) found.push(`${relative(OUT, file)}: ${word}`);
    }
  }
  expect(found).toEqual([]);
  expect(existsSync(join(OUT, 'demo'))).toBe(false);
  expect(existsSync(join(OUT, 'screenshots'))).toBe(false);
  // Its own feed and pages are there instead.
  expect(readFileSync(join(OUT, 'news/night-ferry/index.html'), 'utf8')).toContain(
    'Night ferry returns to the inner harbour',
  );
});

test('its manifest, theme colour and icons are its own', async () => {
  const manifest = (await (await fetch(`${origin}/manifest.webmanifest`)).json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({
    name: 'Citylink Harbourton',
    short_name: 'Citylink',
    description: "Harbourton's news, events and contacts, online or offline.",
    lang: 'en',
    theme_color: '#1d4f91',
    screenshots: [],
  });
  const home = await (await fetch(`${origin}/`)).text();
  expect(home).toContain('<meta property="og:site_name" content="Citylink Harbourton">');
  expect(home).toContain('content="Harbourton&#39;s news, events and contacts, online or offline."');
  const css = readFileSync(join(OUT, 'shell.html'), 'utf8');
  expect(css).toContain('--accent:#1d4f91');
  expect(css).toContain('--accent:#a8c8ff');
  // The icons are made from its own drawing: none is byte for byte the demo's.
  const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  for (const icon of [
    'pwa-192x192.png',
    'maskable-icon-512x512.png',
    'apple-touch-icon-180x180.png',
    'favicon.ico',
  ]) {
    expect(existsSync(join(OUT, icon)), icon).toBe(true);
    if (existsSync(join('dist', icon)))
      expect(hash(join(OUT, icon)), icon).not.toBe(hash(join('dist', icon)));
  }
  expect(readFileSync(join(OUT, 'icon.svg'), 'utf8')).toContain('#1d4f91');
});

test.describe('in the browser', () => {
  test.use({ timezoneId: 'Europe/London' });

  test('its times are labelled "Harbourton time", across the DST change', async ({ page }) => {
    await page.goto(`${origin}/events/lantern-festival-2027`);
    const facts = page.locator('.facts');
    await expect(facts).toContainText('Harbourton time');
    await expect(facts).toContainText('Your time');
    await page.goto(`${origin}/contacts`);
    await expect(page.locator('main')).toContainText('Harbourton Visitor Centre');
  });

  test('it works offline: load, go offline, reload', async ({ page, context }) => {
    await page.goto(`${origin}/`);
    await waitForController(page);
    await waitForNews(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.card-list')).toContainText('Night ferry returns to the inner harbour');
    await context.setOffline(false);
  });
});

test('its nginx config is generated for its own origins', () => {
  const nginx = spawnSync('npx', ['tsx', 'build/deploy-config.ts', 'nginx'], { env, encoding: 'utf8' });
  expect(nginx.status, nginx.stderr).toBe(0);
  // The pages' policy lets them reach its push service; the worker's has its own.
  const policies = [...nginx.stdout.matchAll(/Content-Security-Policy "([^"]*)"/g)].map((found) => found[1]);
  expect(policies).toContainEqual(
    expect.stringMatching(/connect-src 'self' https:\/\/push\.harbourton\.example;/),
  );
  expect(nginx.stdout).not.toMatch(/Jiangmen|citylink\.example\.org/);
});
