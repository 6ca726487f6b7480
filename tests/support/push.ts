/**
 * What the push end-to-end tests run: the production build (tools/support/builds.ts) with the
 * push service (server/push) behind the same host at `/push/`, as docs/push.md deploys it, and
 * the fake push service that stands for the browser vendor's (server/push/testing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { generateKeys } from '../../server/push/keys';
import { silentLog } from '../../server/push/log';
import { startPushService, type PushService } from '../../server/push/service';
import {
  startFakePushService,
  type FakePushService,
  type Subscriber,
} from '../../server/push/testing/fake-push-service';
import { serveBuild, type BuildServer } from '../../tools/support/builds';

export interface PushSite {
  /** The site's origin: the build, and the push service at `/push/`. */
  origin: string;
  build: BuildServer;
  service: PushService;
  push: FakePushService;
  close(): Promise<void>;
}

export const NOTIFY_TOKEN = 'e2e-notify-token';

/** Serves `dist` with the push service behind it at `/push/`, watching the site's own feed. */
export async function servePushSite(dist: string): Promise<PushSite> {
  const build = await serveBuild(dist);
  const vapid = { ...generateKeys(), subject: 'mailto:push-e2e@citylink.invalid' };
  const push = await startFakePushService(() => vapid.publicKey);
  const dataDir = mkdtempSync(join(tmpdir(), 'citylink-push-e2e-'));
  const service = await startPushService({
    database: { dataDir },
    vapid,
    feedUrl: `${build.origin}/feed.json`,
    watch: false,
    endpointHosts: [push.host],
    notifyToken: NOTIFY_TOKEN,
    log: silentLog,
  });
  // The front: `/push/…` to the push service, everything else to the build, one origin.
  const front: Server = createServer((incoming, outgoing) => {
    const target = new URL(incoming.url?.startsWith('/push/') ? service.origin : build.origin);
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    build,
    service,
    push,
    async close() {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await service.close();
      await push.close();
      await build.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The one stand-in of these tests: `PushManager.subscribe()` (and `getSubscription()`) return a
 * subscription whose endpoint and keys the test made on the fake push service, since a real one
 * would need the browser vendor's push service. Everything else (permission, the worker, the
 * push service's API and database) is real. Kept in localStorage, so it lasts across reloads.
 */
export async function standInSubscribe(context: BrowserContext, subscriber: Subscriber): Promise<void> {
  await context.addInitScript(
    ({ endpoint, keys }) => {
      const STORE = 'e2e.pushSubscription';
      const make = (key: number[]) => ({
        endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: new Uint8Array(key).buffer },
        toJSON: () => ({ endpoint, expirationTime: null, keys }),
        unsubscribe: () => {
          localStorage.removeItem(STORE);
          return Promise.resolve(true);
        },
      });
      const stored = () => {
        const key = localStorage.getItem(STORE);
        return key ? make(JSON.parse(key) as number[]) : null;
      };
      PushManager.prototype.getSubscription = function () {
        return Promise.resolve(stored() as unknown as PushSubscription | null);
      };
      PushManager.prototype.subscribe = function (options?: PushSubscriptionOptionsInit) {
        const key = [...new Uint8Array(options?.applicationServerKey as ArrayBuffer)];
        localStorage.setItem(STORE, JSON.stringify(key));
        return Promise.resolve(stored() as unknown as PushSubscription);
      };
    },
    { endpoint: subscriber.endpoint, keys: subscriber.keys },
  );
}

/** The worker registration's id, for the DevTools protocol's ServiceWorker commands. */
export async function registrationId(
  page: Page,
): Promise<{ id: string; send: (method: string, params: object) => Promise<unknown> }> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const mine = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (mine) resolve(mine.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return {
    id: await found,
    send: (method, params) => cdp.send(method as 'ServiceWorker.deliverPushMessage', params as never),
  };
}

/** The notifications the worker shows, as `registration.getNotifications()` lists them. */
export function notifications(
  page: Page,
): Promise<{ title: string; body: string; lang: string; tag: string; data: unknown }[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      lang: n.lang,
      tag: n.tag,
      data: n.data as unknown,
    }));
  });
}

/** The item with `id` as IndexedDB holds it, read in the page. */
export function storedItem(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    (key) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('citylink');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('items').objectStore('items').get(key);
          get.onsuccess = () => {
            resolve(get.result as Record<string, unknown> | undefined);
            db.close();
          };
          get.onerror = () => reject(new Error(String(get.error)));
        };
      }),
    id,
  );
}
