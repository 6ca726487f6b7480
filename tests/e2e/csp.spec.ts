import { readFileSync } from 'node:fs';
import { headerPolicy, policyOf, staticHeaderPolicy, workerPolicy } from '../../build/csp';
import { SETTINGS_KEY } from '../../src/lib/settings';
import { expect, test } from './fixtures';
import { firstVisit, waitForController, waitForNews } from './helpers';

// The Content-Security-Policy and Trusted Types (build/csp.ts, src/lib/trusted-types.ts),
// and the fixture that fails every e2e test on a violation (tests/e2e/fixtures.ts): here it
// must see the violations these tests provoke on purpose.

const dist = new URL('../../dist/', import.meta.url);
const built = (path: string) => readFileSync(new URL(path, dist), 'utf8');

test('npm start sends each page its policy as a header, with frame-ancestors; the page carries it too', async ({
  page,
}) => {
  for (const [path, file] of [
    ['/', 'index.html'],
    ['/news/chenpi-season', 'news/chenpi-season/index.html'],
    ['/events/no-such-event', 'shell.html'],
  ] as const) {
    const meta = policyOf(built(file));
    expect(meta, file).toMatch(/^default-src 'none'; script-src 'self' 'report-sample' 'sha256-[\w+/]+=*'/);
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toBe(headerPolicy(meta ?? ''));
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // The first CSP meta of the head, before anything it must cover.
    const first = await page.evaluate(() => {
      const element = document.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
      return { policy: element?.getAttribute('content'), before: element?.previousElementSibling?.outerHTML };
    });
    expect(first.policy).toBe(meta);
    expect(first.before).toMatch(/^<meta charset/i);
  }
  const worker = await page.request.get('/sw.js');
  expect(worker.headers()['content-security-policy']).toBe(workerPolicy());
});

test('a server that sends one header for every page (docs/deployment.md, nginx) runs the app clean', async ({
  page,
  context,
  csp,
}) => {
  const header = staticHeaderPolicy();
  await context.route(
    (url) => !url.pathname.startsWith('/assets/') && !url.pathname.endsWith('.js'),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': header },
      });
    },
  );
  const response = await page.goto('/news/chenpi-season');
  expect(response?.headers()['content-security-policy']).toBe(header);
  await expect(page.locator('.prose')).toBeVisible();
  await page.goto('/contacts');
  await expect(page.locator('.card-list .open-state').first()).toBeVisible();
  // The shared header alone does not allow the inline script: the page's meta does.
  expect(header).not.toMatch(/script-src|default-src/);
  expect(csp.seen()).toEqual([]);
});

test('the pre-paint script runs by its hash: a stored dark theme applies with no app code', async ({
  page,
  context,
}) => {
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    SETTINGS_KEY,
    JSON.stringify({ theme: 'dark' }),
  ] as const);
  // Without the app's module, only index.html's inline script can set the theme.
  await context.route('**/assets/*.js', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('negative control: an inline script without a hash is blocked, and the fixture sees it', async ({
  page,
  context,
  csp,
}) => {
  await context.route('**/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</head>',
      '<script>document.documentElement.dataset.unhashed = "ran";</script></head>',
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto('/');
  await expect
    .poll(() => csp.seen().filter((v) => v.directive === 'script-src-elem').length)
    .toBeGreaterThan(0);
  expect(await page.locator('html').getAttribute('data-unhashed')).toBeNull();
  const taken = csp.take();
  expect(taken).toContainEqual(
    expect.objectContaining({
      directive: 'script-src-elem',
      blocked: 'inline',
      sample: expect.stringContaining('dataset.unhash'),
    }),
  );
  expect(taken.map((v) => v.directive).every((d) => d === 'script-src-elem' || d === 'console')).toBe(true);
});

test('Trusted Types: markup that can run code is refused at every HTML sink, plain markup passes', async ({
  page,
  csp,
}) => {
  await firstVisit(page);
  const result = await page.evaluate(async () => {
    const attempt = async (run: () => unknown) => {
      try {
        await run();
        return 'allowed';
      } catch (error) {
        return (error as Error).name;
      }
    };
    const box = document.createElement('div');
    document.body.append(box);
    return {
      handler: await attempt(() => (box.innerHTML = '<img src="/x.png" onerror="document.title = 1">')),
      scriptUrl: await attempt(() =>
        box.insertAdjacentHTML('beforeend', '<a href=" javascript:alert(1)">x</a>'),
      ),
      iframe: await attempt(
        () => (box.innerHTML = '<iframe srcdoc="<script>parent.x = 1</script>"></iframe>'),
      ),
      svgScript: await attempt(() => (box.innerHTML = '<svg><script>document.title = 1</script></svg>')),
      // A script URL as a plain string: only the app's own policy can vouch for /sw.js.
      worker: await attempt(() => navigator.serviceWorker.register('/evil.js')),
      plain: await attempt(
        () => (box.innerHTML = '<p class="x">Hello <b>there</b></p><svg><path d="M0 0h1"/></svg>'),
      ),
      text: box.textContent,
    };
  });
  expect(result).toEqual({
    handler: 'TypeError',
    scriptUrl: 'TypeError',
    iframe: 'TypeError',
    svgScript: 'TypeError',
    worker: 'TypeError',
    plain: 'allowed',
    text: 'Hello there',
  });
  await expect
    .poll(() => csp.seen().filter((v) => v.directive === 'require-trusted-types-for').length)
    .toBeGreaterThanOrEqual(5);
  const taken = csp.take();
  // Each sink was blocked by the policy (once per copy: header and meta), nothing else fired.
  const sinks = taken
    .filter((v) => v.directive === 'require-trusted-types-for')
    .map((v) => v.sample?.split('|')[0]);
  expect(new Set(sinks)).toEqual(
    new Set(['Element innerHTML', 'Element insertAdjacentHTML', 'ServiceWorkerContainer register']),
  );
  expect(await page.title()).not.toBe('1');
});

test('the app itself runs clean: worker, QR code, search highlights, feed HTML and opening hours', async ({
  page,
  csp,
}) => {
  await firstVisit(page);
  await page.getByRole('link', { name: 'Contacts' }).click();
  await expect(page.locator('.card-list .open-state').first()).toBeVisible();
  await page.locator('.card-list .card-title a').first().click();
  await page.getByRole('button', { name: 'QR code' }).click();
  await expect(page.getByRole('dialog').locator('svg.qr-code path')).toHaveAttribute('d', /^M\d/);
  await page.keyboard.press('Escape');
  await page.goto('/search?q=chenpi');
  await expect(page.locator('mark').first()).toBeVisible();
  await page.goto('/news/chenpi-season');
  await expect(page.locator('.prose a[target="_blank"]').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
  expect(csp.seen()).toEqual([]);
});

test('the worker fetches feed images from any https host under its own policy', async ({
  page,
  context,
  csp,
}) => {
  const feed = JSON.parse(built('feed.json')) as { items: { id: string; image?: string }[] };
  const image = 'https://images.example.org/city/photo.svg';
  for (const item of feed.items) if (item.image) item.image = image;
  await context.route('**/feed.json', (route) =>
    route.fulfill({ contentType: 'application/feed+json', body: JSON.stringify(feed) }),
  );
  // Stands in for the image host (no network here); the worker's request reaches it only if
  // its policy lets the fetch out.
  await context.route(image, (route) =>
    route.fulfill({
      contentType: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3"/></svg>',
    }),
  );
  await page.goto('/');
  await waitForController(page);
  await page.reload();
  await waitForNews(page);
  const shown = page.locator(`.card-list img[src="${image}"]`).first();
  await expect(shown).toBeVisible();
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4);
  const cached = await page.evaluate(async () =>
    (await (await caches.open('citylink-images')).keys()).map((r) => r.url),
  );
  expect(cached).toContain(image);
  expect(csp.seen()).toEqual([]);
});

test('negative control: a violation in the worker reaches the fixture', async ({ page, context, csp }) => {
  // The worker served with a policy that lets it fetch nothing: installing (the precache) fails.
  await context.route('**/sw.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'content-security-policy': "default-src 'none'; script-src 'self'; connect-src 'none'",
      },
    });
  });
  await page.goto('/');
  await expect
    .poll(() => csp.seen().filter((v) => v.where.endsWith('/sw.js')).length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  const taken = csp.take();
  expect(taken.filter((v) => v.where.endsWith('/sw.js'))).toContainEqual(
    expect.objectContaining({
      directive: 'console',
      blocked: expect.stringMatching(/worker's connect-src blocked http/),
    }),
  );
});
