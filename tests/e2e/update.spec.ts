import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { rmSync } from 'node:fs';
import { buildApp, serveBuild, type BuildServer } from '../../tools/support/builds';
import { waitForController, waitForNews } from './helpers';

// Three builds on one origin, as three deploys: version A, version B, and the kill switch.
let builds: { a: string; b: string; kill: string };
let server: BuildServer;

test.beforeAll(() => {
  test.setTimeout(180_000);
  builds = {
    a: buildApp({ CITYLINK_BUILD: 'e2e-a' }),
    b: buildApp({ CITYLINK_BUILD: 'e2e-b' }),
    kill: buildApp({ CITYLINK_BUILD: 'e2e-kill', CITYLINK_KILL_SWITCH: '1' }),
  };
});

test.afterAll(() => {
  for (const dir of Object.values(builds ?? {})) rmSync(dir, { recursive: true, force: true });
});

test.beforeEach(async () => {
  server = await serveBuild(builds.a);
});

test.afterEach(async () => {
  await server.close();
});

/** Counts full page loads of a tab from now on. */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on('load', () => loads++);
  return () => loads;
}

async function openMore(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'More', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'More', exact: true })).toBeVisible();
}

test('a new version: "Update available · Reload" reloads every open tab exactly once into it', async ({
  context,
}) => {
  const first = await context.newPage();
  await first.goto(server.origin + '/');
  await waitForController(first);
  await waitForNews(first);
  // The first copy kept says so on the list's status line (no toast to cover anything).
  await expect(first.locator('.status-line')).toContainText('Saved on this device');
  await openMore(first);
  await expect(first.getByText('App version e2e-a')).toBeVisible();

  const second = await context.newPage();
  await second.goto(server.origin + '/more');
  await waitForController(second);
  await expect(second.getByText('App version e2e-a')).toBeVisible();

  // Deploy B; the first tab comes back to the foreground and checks for updates.
  server.root = builds.b;
  const secondLoads = countLoads(second);
  await first.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const update = first.getByRole('status').getByText('Update available');
  await expect(update).toBeVisible({ timeout: 30_000 });
  // The other tab is told too: it must not be left on the old version.
  await expect(second.getByRole('status').getByText('Update available')).toBeVisible();

  // "Later" puts it away for now; the next start asks again, as the new version still waits.
  await first.getByRole('button', { name: 'Later' }).click();
  await expect(update).toBeHidden();
  await expect(second.getByRole('status').getByText('Update available')).toBeVisible();
  await first.reload();
  await expect(update).toBeVisible({ timeout: 30_000 });
  const firstLoads = countLoads(first);
  expect(secondLoads()).toBe(0);

  await first.getByRole('button', { name: 'Reload' }).click();
  await expect(first.getByText('App version e2e-b')).toBeVisible({ timeout: 30_000 });
  await expect(second.getByText('App version e2e-b')).toBeVisible({ timeout: 30_000 });

  // No loop. A tab reloads only when a new worker takes it over (`controllerchange`); once
  // B is activated (its activate handler, clients.claim() included, has run) with nothing
  // installing or waiting, no takeover and so no reload can follow. Wait for that, then count.
  for (const page of [first, second]) {
    await expect
      .poll(() =>
        page
          .evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            return (
              registration?.active?.state === 'activated' &&
              !registration.installing &&
              !registration.waiting &&
              navigator.serviceWorker.controller?.scriptURL === registration.active.scriptURL
            );
          })
          .catch(() => false),
      )
      .toBe(true);
  }
  expect(firstLoads()).toBe(1);
  expect(secondLoads()).toBe(1);
  for (const page of [first, second]) {
    await expect(page.getByText('Update available')).toBeHidden();
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        controller: navigator.serviceWorker.controller?.scriptURL,
        waiting: registration?.waiting ?? null,
      };
    });
    expect(worker.controller).toBe(server.origin + '/sw.js');
    expect(worker.waiting).toBeNull();
  }
});

test('the kill switch removes the worker and its caches, and the app still works online', async ({
  page,
}) => {
  // Counts the app's calls to register a worker in this tab.
  await page.addInitScript(() => {
    const container = ServiceWorkerContainer.prototype;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to `this` below
    const register = container.register;
    container.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
      sessionStorage.setItem('test.registers', String(Number(sessionStorage.getItem('test.registers')) + 1));
      return register.apply(this, args);
    };
  });
  await page.goto(server.origin + '/');
  await waitForController(page);
  await waitForNews(page);
  expect(await page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);

  server.root = builds.kill;
  await page.reload();
  // The old page (from the precache) finds the new /sw.js, which retires itself and reloads us.
  await expect
    .poll(
      () =>
        page
          .evaluate(async () => ({
            controlled: navigator.serviceWorker.controller !== null,
            registrations: (await navigator.serviceWorker.getRegistrations()).length,
            caches: (await caches.keys()).length,
          }))
          .catch(() => null),
      { timeout: 30_000 },
    )
    .toEqual({ controlled: false, registrations: 0, caches: 0 });

  // The counter sees registrations: the normal build's pages made some.
  expect(Number(await page.evaluate(() => sessionStorage.getItem('test.registers')))).toBeGreaterThan(0);
  // From here on, the kill-switch build's own page runs.
  await page.evaluate(() => sessionStorage.removeItem('test.registers'));
  await page.reload();
  await waitForNews(page);
  await openMore(page);
  await expect(page.getByText('App version e2e-kill')).toBeVisible();
  // The signal: the page has loaded (a normal build registers its worker right at `load`) and
  // its first sync has ended. By then the kill-switch build has registered nothing.
  await page.waitForLoadState('load');
  await expect(page.locator('html')).toHaveAttribute('data-sync-done', /\d+/);
  expect(await page.evaluate(() => sessionStorage.getItem('test.registers'))).toBeNull();
  const after = await page.evaluate(async () => ({
    controlled: navigator.serviceWorker.controller !== null,
    registrations: (await navigator.serviceWorker.getRegistrations()).length,
    caches: (await caches.keys()).length,
  }));
  expect(after).toEqual({ controlled: false, registrations: 0, caches: 0 });
});
