/**
 * Push notifications in the worker: a push stores its item through the shared data layer, then
 * shows the notification (so a tap opens the item offline), then reads the feed for the rest.
 * A tap opens the item's address in a window of the app, or a new one.
 */
import { feedUrl } from '../data/config';
import { itemPath } from '@citylink/core/paths';
import { storePushedItem } from '../data/push';
import { readPushMessage } from '@citylink/core/push-message';
import { syncNow } from './feed-sync';

declare const self: ServiceWorkerGlobalScope;

/** What a notification keeps: the address its tap opens, and its item (for a retraction to close it). */
interface NotificationData {
  path: string;
  id?: string;
}

// Built by vite-plugin-pwa's assets generator from public/icon.svg.
const ICON = '/pwa-192x192.png';

export function registerPush(): void {
  self.addEventListener('push', (event) => {
    event.waitUntil(onPush(event.data));
  });
  self.addEventListener('notificationclick', (event) => {
    event.notification.close();
    event.waitUntil(openAddress(event.notification.data));
  });
}

async function onPush(data: PushMessageData | null): Promise<void> {
  let json: unknown;
  try {
    json = data?.json();
  } catch {
    json = undefined;
  }
  const message = readPushMessage(json);
  if (!message) {
    // Chromium shows a notification of its own for a push that shows none; say at least whose.
    console.warn('Citylink: a push message that is not ours was ignored.');
    await self.registration.showNotification('Citylink', { data: { path: '/' } satisfies NotificationData });
    return;
  }
  let path = message.path;
  let id: string | undefined;
  try {
    const pushed = await storePushedItem(message, feedUrl(self.location.href), Date.now());
    if (pushed.retracted) {
      // Sent before its retraction, delivered after it: the item must not come back, not even
      // as a notification. The feed is read as for any push.
      console.warn('Citylink: a push message for a retracted item was ignored.');
      await syncNow();
      return;
    }
    // The device's own address of the item: its key may differ from the server's (a slug taken).
    if (pushed.item) {
      path = itemPath(pushed.item);
      id = pushed.item.id;
    }
  } catch (error) {
    // Storage refused: the notification still tells the news; a tap reads the item online.
    console.warn('Citylink: the pushed item could not be stored.', error);
  }
  await self.registration.showNotification(message.title, {
    body: message.body,
    lang: message.lang,
    // One notification per notice: a second copy of a message replaces the first, silently.
    tag: message.notice,
    icon: ICON,
    // An urgent notice stays until the reader acts on it.
    requireInteraction: message.kind === 'urgent',
    data: { path, id } satisfies NotificationData,
  });
  // The rest of the feed (and the item's body if the message had to leave it out): fresh when
  // the reader taps. Offline this fails quietly; what was stored stays.
  await syncNow();
}

/** Opens `data.path` of a tapped notification: in an open window of the app, else a new one. */
async function openAddress(data: unknown): Promise<void> {
  const asked = (data as Partial<NotificationData> | null)?.path;
  // Only an address of this app: never another site, whatever a message said.
  const url = new URL(typeof asked === 'string' && asked.startsWith('/') ? asked : '/', self.location.origin);
  if (url.origin !== self.location.origin) url.href = new URL('/', self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) {
    try {
      // Focus first: the tap's permission to bring a window forward does not last long.
      await client.focus().catch(() => undefined);
      if (await client.navigate(url.href)) return;
    } catch {
      // Not controlled by this worker (a tab opened before it): try another, or a new window.
    }
  }
  await self.clients.openWindow(url.href);
}
