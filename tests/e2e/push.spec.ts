import type { BrowserContext, Page } from '@playwright/test';
import {
  NOTIFY_TOKEN,
  notifications,
  registrationId,
  servePushSite,
  standInSubscribe,
  storedItem,
  type PushSite,
} from '../support/push';
import { demoFeedWith, typhoon } from '../support/urgent-feed';
import { expect, test, watchCsp } from './fixtures';
import { axeViolations, waitForController, waitForSync } from './helpers';

/**
 * Push notifications end to end (issue 14). The browser vendor's push service is out of reach,
 * so the test stands at its edge: the real push service (server/push, PGlite) sends to the
 * fake push service, which checks the VAPID signature and decrypts the message; the test then
 * hands that very message to the installed worker with the DevTools protocol
 * (`ServiceWorker.deliverPushMessage`). The page's one stand-in is `PushManager.subscribe()`
 * (tests/support/push.ts), which returns the subscription the test made on the fake service.
 */

let site: PushSite;
test.beforeAll(async () => {
  // Making the PGlite database (initdb in WebAssembly) takes seconds, more on a busy machine.
  test.setTimeout(180_000);
  site = await servePushSite(new URL('../../dist', import.meta.url).pathname);
  site.build.feed = () => demoFeedWith([]);
  // The service's first look at the feed: what is there already is no news.
  expect(await site.service.watcher.poll()).toMatchObject({ baseline: true });
});
test.afterAll(() => site.close());

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${site.origin}${path}`);
  await waitForController(page);
  await waitForSync(page);
}

/** The notification settings, once they know this device's subscription. */
async function settings(page: Page) {
  const section = page.locator('section.notifications');
  await expect(section).toHaveAttribute('data-push-ready', '', { timeout: 30_000 });
  return section;
}

/** Counts the page's calls to Notification.requestPermission (the app may only ask on a click). */
async function countPermissionAsks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const ask = Notification.requestPermission.bind(Notification);
    (window as unknown as { permissionAsks: number }).permissionAsks = 0;
    Notification.requestPermission = (...args) => {
      (window as unknown as { permissionAsks: number }).permissionAsks++;
      return ask(...args);
    };
  });
}
const asks = (page: Page) =>
  page.evaluate(() => (window as unknown as { permissionAsks: number }).permissionAsks);

test('subscribe in Settings; a published notice reaches the worker, in the reader’s language, and opens offline', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications'], { origin: site.origin });
  const reader = site.push.newSubscriber('settings-reader');
  await standInSubscribe(context, reader);
  await countPermissionAsks(context);
  await visit(page, '/more');

  const section = await settings(page);
  await expect(section).toContainText('Notifications are off for this device.');
  await expect(section.getByLabel('Urgent notices (typhoon warnings, closures)')).toBeChecked();
  await section.getByRole('radio', { name: '简体中文' }).check();
  expect(await asks(page)).toBe(0);
  await section.getByRole('button', { name: 'Turn on notifications' }).click();
  await expect(section.locator('[data-push-note]')).toHaveText('Notifications are on for this device.');
  await expect(section.locator('.push-summary')).toContainText('Urgent notices');
  await expect(section.locator('.push-summary')).toContainText('Language: 简体中文');
  expect(await asks(page)).toBe(1);
  // The service stored the subscription in PGlite, with the reader's choices.
  expect(await site.service.db.query('SELECT endpoint, language, urgent, events FROM subscriptions')).toEqual(
    [{ endpoint: reader.endpoint, language: 'zh-Hans', urgent: true, events: false }],
  );

  // The city publishes a typhoon notice; `citylink-feed notify` asks the service to read the feed.
  site.build.feed = () => demoFeedWith(typhoon());
  const poll = await fetch(`${site.origin}/push/poll`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${NOTIFY_TOKEN}` },
  });
  expect(poll.status).toBe(200);
  const [received] = await site.push.delivered(1);
  expect(received?.error).toBeUndefined();
  const message = received?.payload as { title: string; notice: string; item: { id: string } };
  expect(message).toMatchObject({ title: '紧急通知：八号风球：今日服务大厅关闭', lang: 'zh-Hans' });
  expect(message.item.id).toBe('typhoon-8-zh');

  // The push service hands it to the browser: here, the DevTools protocol, with no network at
  // all, so that what the worker stores can only come from the message.
  await context.setOffline(true);
  const worker = await registrationId(page);
  await worker.send('ServiceWorker.deliverPushMessage', {
    origin: site.origin,
    registrationId: worker.id,
    data: JSON.stringify(message),
  });
  await expect.poll(() => notifications(page), { timeout: 30_000 }).toHaveLength(1);
  const [shown] = await notifications(page);
  expect(shown).toMatchObject({
    title: '紧急通知：八号风球：今日服务大厅关闭',
    body: '请留在室内。信号除下前，市民服务大厅暂停开放。',
    lang: 'zh-Hans',
    tag: message.notice,
    data: { path: '/news/typhoon-8-zh' },
  });
  expect(await storedItem(page, 'typhoon-8-zh')).toMatchObject({
    title: '八号风球：今日服务大厅关闭',
    urgent: true,
  });

  // A tap, still offline. DevTools has no command to click a notification, so the worker gets a
  // `notificationclick` for the real notification it shows, dispatched in its own scope.
  const [serviceWorker] = context.serviceWorkers();
  await serviceWorker!.evaluate(async () => {
    // Worker globals, which the Node project's DOM types do not name.
    const scope = self as unknown as {
      registration: ServiceWorkerRegistration;
      dispatchEvent(event: Event): boolean;
    };
    const Click = (globalThis as unknown as { NotificationEvent: new (type: string, init: object) => Event })
      .NotificationEvent;
    const [notification] = await scope.registration.getNotifications();
    scope.dispatchEvent(new Click('notificationclick', { notification }));
  });
  await expect(page).toHaveURL(`${site.origin}/news/typhoon-8-zh`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('八号风球：今日服务大厅关闭');
  await expect.poll(() => notifications(page)).toHaveLength(0);

  // Back online, Settings still shows the subscription, and turns it off on the service too.
  await context.setOffline(false);
  await visit(page, '/more');
  const again = await settings(page);
  await expect(again.locator('.push-summary')).toContainText('Language: 简体中文');
  await again.getByRole('button', { name: 'Turn off notifications' }).click();
  await expect(again.locator('[data-push-note]')).toHaveText(
    'Notifications are off. This device was removed from the notification service.',
  );
  expect(await site.service.db.query('SELECT * FROM subscriptions')).toEqual([]);
});

test('the events list offers new events by topic, and nothing is asked before the reader chooses', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications'], { origin: site.origin });
  const reader = site.push.newSubscriber('events-reader');
  await standInSubscribe(context, reader);
  await countPermissionAsks(context);
  // A first visit, the home screen and the events list: no question.
  await visit(page, '/');
  await page.locator('.tab-bar a[href="/events"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events');
  await page.goto(`${site.origin}/events?tag=culture`);
  const open = page.getByRole('button', { name: 'Notify me of new events' });
  await expect(open).toHaveAttribute('aria-haspopup', 'dialog');
  await open.click();
  await expect(page.getByRole('dialog', { name: 'Notify me of new events' })).toBeVisible();
  const section = await settings(page);
  expect(await asks(page)).toBe(0);
  await expect(section.getByLabel('New events')).toBeChecked();
  await expect(section.getByRole('checkbox', { name: 'culture' })).toBeChecked();
  expect(await axeViolations(page, { include: 'section.notifications' })).toEqual([]);
  await section.getByRole('button', { name: 'Turn on notifications' }).click();
  await expect(section.locator('[data-push-note]')).toHaveText('Notifications are on for this device.');
  await expect(section.locator('.push-summary')).toContainText('New events: Culture');
  expect(
    await site.service.db.query('SELECT urgent, events, topics FROM subscriptions WHERE endpoint = $1', [
      reader.endpoint,
    ]),
  ).toEqual([{ urgent: true, events: true, topics: ['culture'] }]);
});

test('browsers without push are told why; on iOS, the app must be on the Home Screen', async ({
  browser,
}) => {
  for (const [userAgent, text] of [
    [undefined, 'This browser cannot receive notifications from websites'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'On iPhone and iPad, notifications need Citylink on the Home Screen',
    ],
  ] as const) {
    const context = await browser.newContext(userAgent ? { userAgent } : {});
    await watchCsp(context);
    // As in Safari's tabs (and browsers without push): no PushManager.
    await context.addInitScript(() => Reflect.deleteProperty(window, 'PushManager'));
    const page = await context.newPage();
    await visit(page, '/more');
    const section = await settings(page);
    await expect(section.locator('[data-push-block]')).toContainText(text);
    await expect(section.getByRole('button', { name: 'Turn on notifications' })).toHaveCount(0);
    await context.close();
  }
});

test('periodic background sync, where granted, refreshes the store with no page asking', async ({
  page,
  browser,
}) => {
  // Chromium grants it to installed apps it sees used; here the DevTools protocol grants it
  // (Playwright's grantPermissions has no name for it), in this test's browser context.
  const { targetInfo } = await (await page.context().newCDPSession(page)).send('Target.getTargetInfo');
  await (
    await browser.newBrowserCDPSession()
  ).send('Browser.grantPermissions', {
    origin: site.origin,
    browserContextId: targetInfo.browserContextId,
    permissions: ['periodicBackgroundSync'],
  });
  site.build.feed = () => demoFeedWith([]);
  await visit(page, '/');
  await expect(page.locator('html')).toHaveAttribute('data-periodic-sync', 'registered');
  const tags = await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
      periodicSync: { getTags(): Promise<string[]> };
    };
    return registration.periodicSync.getTags();
  });
  expect(tags).toEqual(['feed']);

  expect(await storedItem(page, 'typhoon-8-en')).toBeUndefined();
  site.build.feed = () => demoFeedWith(typhoon());
  const worker = await registrationId(page);
  await worker.send('ServiceWorker.dispatchPeriodicSyncEvent', {
    origin: site.origin,
    registrationId: worker.id,
    tag: 'feed',
  });
  await expect
    .poll(() => storedItem(page, 'typhoon-8-en'), { timeout: 30_000 })
    .toMatchObject({ urgent: true });
  // The open page hears of the sync, and its banner shows the new notice.
  await expect(page.locator('[data-urgent-announcer]')).toHaveAttribute('data-urgent-shown', '1');
});
