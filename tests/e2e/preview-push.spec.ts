import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeys } from '../../server/push/keys';
import { startFakePushService, type FakePushService } from '../../server/push/testing/fake-push-service';
import { standInSubscribe } from '../support/push';
import { expect, test } from './fixtures';
import { waitForController, waitForSync } from './helpers';

/**
 * `npm start` with `npm run push` beside it, as README and docs/push.md promise a local
 * deployment: the preview (`vite preview`, as `npm start` runs it, on the built app) forwards
 * /push/ to the push service (`CITYLINK_PUSH_ORIGIN`), rather than its page rule answering
 * /push/key with the app's page. The push service is `npm run push` itself, in a process of
 * its own. Both on ports of their own, so that a developer's `npm start` does not stop the test.
 * The other push tests put their own front in place of the preview, so only this one checks
 * the preview itself.
 */

let service: ChildProcess;
let serviceOrigin: string;
let publicKey: string;
let push: FakePushService;
let preview: ChildProcess;
let origin: string;
let dataDir: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const vapid = { ...generateKeys(), subject: 'mailto:push-e2e@citylink.invalid' };
  push = await startFakePushService(() => vapid.publicKey);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'citylink-preview-push-'));
  publicKey = vapid.publicKey;
  const servicePort = await freePort();
  serviceOrigin = `http://127.0.0.1:${servicePort}`;
  // Its own process group, so that the test's end stops npm and the service npm started.
  service = spawn('npm', ['run', 'push'], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PUSH_PORT: String(servicePort),
      PUSH_DATA_DIR: dataDir,
      PUSH_FEED_URL: `${origin}/feed.json`,
      PUSH_WATCH: '0',
      PUSH_ENDPOINT_HOSTS: push.host,
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: vapid.subject,
    },
  });
  await expect
    .poll(
      async () =>
        service.exitCode ??
        (await fetch(`${serviceOrigin}/push/health`).then(
          (r) => r.status,
          () => 0,
        )),
      { timeout: 120_000 },
    )
    .toBe(200);
  // Node itself runs Vite, so that the test's end stops the preview and not only a wrapper.
  preview = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { env: { ...process.env, CITYLINK_PUSH_ORIGIN: serviceOrigin }, stdio: 'ignore' },
  );
  // Serving once it answers, as Playwright's own webServer waits (loading the config takes
  // 5 to 25 s on a busy machine).
  await expect
    .poll(
      async () =>
        preview.exitCode ??
        (await fetch(origin).then(
          (r) => r.status,
          () => 0,
        )),
      {
        timeout: 120_000,
      },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (preview.exitCode === null) {
    const exited = new Promise((resolve) => preview.once('exit', resolve));
    preview.kill();
    await exited;
  }
  if (service.exitCode === null && service.pid !== undefined) {
    const exited = new Promise((resolve) => service.once('exit', resolve));
    process.kill(-service.pid, 'SIGTERM');
    await exited;
  }
  await push.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('npm start forwards /push/ to the push service, and Settings turns notifications on through it', async ({
  page,
  context,
}) => {
  // The service's own answers, through the preview, not the app's page.
  const key = await page.request.get(`${origin}/push/key`);
  expect(key.headers()['content-type']).toContain('application/json');
  expect(((await key.json()) as { publicKey: string }).publicKey).toBe(publicKey);
  expect(await (await page.request.get(`${origin}/push/health`)).json()).toEqual({ ok: true });
  // App addresses still get the app.
  const events = await page.request.get(`${origin}/events`);
  expect(events.headers()['content-type']).toContain('text/html');

  // A reader turns notifications on in Settings, as on a deployed site.
  await context.grantPermissions(['notifications'], { origin });
  const reader = push.newSubscriber('preview-reader');
  await standInSubscribe(context, reader);
  await page.goto(`${origin}/more`);
  await waitForController(page);
  await waitForSync(page);
  const section = page.locator('section.notifications');
  await expect(section).toHaveAttribute('data-push-ready', '', { timeout: 30_000 });
  await section.getByRole('button', { name: 'Turn on notifications' }).click();
  // Shown once the service has stored the subscription.
  await expect(section.locator('[data-push-note]')).toHaveText('Notifications are on for this device.');
});
