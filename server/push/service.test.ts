import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readPushMessage } from '@citylink/core/push-message';
import { endpointAllowed } from './api';
import { generateKeys } from './keys';
import { endpointLabel } from './log';
import { RateLimit } from './rate-limit';
import { retryDelay } from './send';
import { startPushService, type PushService } from './service';
import { startFakePushService, type FakePushService, type Subscriber } from './testing/fake-push-service';
import { BEFORE, NEWS, feed } from './testing/feeds';
import { pgliteFolders } from './testing/pglite';

const folders = pgliteFolders();
beforeAll(() => folders.prepare(), 120_000);
afterAll(() => folders.remove(), 120_000);

/** A feed server with an ETag, counting what it answered. */
async function feedServer(): Promise<{
  url: string;
  items: unknown[];
  answers: number[];
  close(): Promise<void>;
}> {
  const state = { items: BEFORE as unknown[], answers: [] as number[] };
  const server: Server = createServer((request, response) => {
    const body = JSON.stringify(feed(state.items));
    const etag = `"${Buffer.from(body).length}-${state.items.length}"`;
    const status = request.headers['if-none-match'] === etag ? 304 : 200;
    state.answers.push(status);
    response
      .writeHead(status, { ETag: etag, 'Content-Type': 'application/feed+json' })
      .end(status === 200 ? body : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.json`,
    get items() {
      return state.items;
    },
    set items(value) {
      state.items = value;
    },
    answers: state.answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the push service', () => {
  const vapid = { ...generateKeys(), subject: 'mailto:push-test@citylink.invalid' };
  let service: PushService;
  let push: FakePushService;
  let site: Awaited<ReturnType<typeof feedServer>>;
  const lines: string[] = [];

  const start = async (
    options: { rateLimit?: number; allowOrigins?: string[]; metricsToken?: string } = {},
  ) => {
    push = await startFakePushService(() => vapid.publicKey);
    site = await feedServer();
    service = await startPushService({
      database: { dataDir: folders.fresh() },
      vapid,
      feedUrl: site.url,
      watch: false,
      endpointHosts: [push.host],
      notifyToken: 'secret-token',
      log: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
      ...options,
    });
  };
  afterEach(async () => {
    await service.close();
    await push.close();
    await site.close();
    lines.length = 0;
  }, 60_000);

  const api = (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    fetch(`${service.origin}${service.basePath}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', ...init.headers },
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
  const body = (s: Subscriber, extra: Record<string, unknown> = {}) => ({
    endpoint: s.endpoint,
    keys: s.keys,
    language: 'zh-Hans',
    urgent: true,
    events: true,
    topics: ['tech'],
    ...extra,
  });

  it('stores, reads, updates and deletes a subscription, only with its own keys', async () => {
    await start();
    expect(await (await api('/key')).json()).toEqual({ publicKey: vapid.publicKey });
    const reader = push.newSubscriber();
    const put = await api('/subscription', { method: 'PUT', body: body(reader) });
    expect(put.status).toBe(200);
    expect(put.headers.get('Cache-Control')).toBe('no-store');
    expect(await put.json()).toEqual({ language: 'zh-Hans', urgent: true, events: true, topics: ['tech'] });

    const owner = { endpoint: reader.endpoint, auth: reader.keys.auth };
    const changed = await api('/subscription', {
      method: 'PUT',
      body: body(reader, { language: 'en', topics: [] }),
    });
    expect(await changed.json()).toMatchObject({ language: 'en', topics: [] });
    expect(await (await api('/subscription/read', { method: 'POST', body: owner })).json()).toMatchObject({
      language: 'en',
    });

    // Someone who knows the endpoint but not its keys changes nothing.
    const stranger = push.newSubscriber();
    const taken = await api('/subscription', {
      method: 'PUT',
      body: body(stranger, { endpoint: reader.endpoint }),
    });
    expect(taken.status).toBe(403);
    expect(
      (await api('/subscription/read', { method: 'POST', body: { ...owner, auth: stranger.keys.auth } }))
        .status,
    ).toBe(404);
    const linesBefore = lines.length;
    expect(
      (await api('/subscription', { method: 'DELETE', body: { ...owner, auth: stranger.keys.auth } })).status,
    ).toBe(404);
    expect((await api('/subscription/read', { method: 'POST', body: owner })).status).toBe(200);
    // Nothing was deleted, and the log does not say otherwise.
    expect(lines.slice(linesBefore).join('\n')).not.toContain('"event":"unsubscribed"');

    expect((await api('/subscription', { method: 'DELETE', body: owner })).status).toBe(204);
    expect((await api('/subscription/read', { method: 'POST', body: owner })).status).toBe(404);
    expect(await service.db.query('SELECT * FROM subscriptions')).toHaveLength(0);

    // The log names endpoints by label only, and never holds a key.
    const log = lines.join('\n');
    expect(log).toContain(endpointLabel(reader.endpoint));
    for (const secret of [reader.keys.p256dh, reader.keys.auth, reader.endpoint, stranger.keys.auth]) {
      expect(log).not.toContain(secret);
    }
  });

  it('refuses bad input, naming the fields but never echoing them, and endpoints it may not call', async () => {
    await start();
    const reader = push.newSubscriber();
    const refused = async (input: unknown) => {
      const response = await api('/subscription', { method: 'PUT', body: input });
      return {
        status: response.status,
        json: (await response.json()) as { error: string; fields?: string[] },
      };
    };
    const bad = await refused(
      body(reader, { keys: { p256dh: 'short', auth: reader.keys.auth }, language: 'fr' }),
    );
    expect(bad).toEqual({ status: 400, json: { error: 'invalid', fields: ['keys.p256dh', 'language'] } });
    expect(JSON.stringify(bad)).not.toContain(reader.keys.auth);
    expect(
      (await refused(body(reader, { topics: Array.from({ length: 51 }, (_, i) => `t${i}`) }))).status,
    ).toBe(400);
    expect((await refused(body(reader, { urgent: 'yes' }))).json.fields).toEqual(['urgent']);
    expect((await refused('{not json')).json).toEqual({ error: 'invalid', fields: ['body'] });
    // Not a push service: the API will not send requests there.
    expect((await refused(body(reader, { endpoint: 'http://10.0.0.1/admin' }))).json.error).toBe(
      'endpoint-not-allowed',
    );
    const huge = await api('/subscription', { method: 'PUT', body: 'x'.repeat(5000) });
    expect(huge.status).toBe(413);
  });

  it('answers the app with CORS only when it is on another host', async () => {
    await start({ allowOrigins: ['https://city.example.org'] });
    const preflight = (origin: string) =>
      api('/subscription', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT' },
      });
    const allowed = await preflight('https://city.example.org');
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://city.example.org');
    expect(allowed.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
    expect(
      (await preflight('https://elsewhere.example')).headers.get('Access-Control-Allow-Origin'),
    ).toBeNull();
  });

  it('rate-limits each client, with no-store answers and no log line per refusal', async () => {
    await start({ rateLimit: 3 });
    const logged = lines.length;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api('/health')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api('/key');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    // A proxy or a browser must not keep a refusal and serve it again.
    expect(limited.headers.get('Cache-Control')).toBe('no-store');
    // A flood of refused requests writes nothing: a log line each would be the flood again.
    for (let i = 0; i < 50; i++) await api('/key');
    expect(lines.slice(logged)).toEqual([]);
  });

  it('says it is unhealthy when its database does not answer', async () => {
    await start();
    expect(await (await api('/health')).json()).toEqual({ ok: true });
    await service.db.close();
    const health = await api('/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, error: 'database' });
    expect(lines.map((line) => (JSON.parse(line) as { event: string }).event)).toContain('health-failed');
  });

  it('reports the queue, outcomes and latencies in Prometheus text, to its scraper only', async () => {
    await start({ metricsToken: 'scrape-token' });
    const reader = push.newSubscriber();
    await api('/subscription', { method: 'PUT', body: body(reader) });
    await service.watcher.poll();
    site.items = [...NEWS, ...BEFORE];
    await service.watcher.poll();
    await push.delivered(2);
    expect((await api('/metrics')).status).toBe(401);
    const scrape = async () =>
      (await api('/metrics', { headers: { Authorization: 'Bearer scrape-token' } })).text();
    // The sender counts once it has written the outcomes.
    let text = await scrape();
    for (let i = 0; i < 100 && !text.includes('citylink_push_deliveries_total{outcome="sent"} 2'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      text = await scrape();
    }
    expect(text).toContain('citylink_push_deliveries_total{outcome="sent"} 2');
    expect(text).toContain('citylink_push_queue{state="pending"} 0');
    expect(text).toMatch(/citylink_push_request_seconds\{quantile="0\.99"\} \d/);
    expect(text).toMatch(/citylink_push_notice_to_delivery_seconds_count 2/);
    expect(text).toMatch(/citylink_push_api_requests_total\{status="200"\} \d/);
  });

  it('a Traditional Chinese subscriber reads a Simplified-only feed converted', async () => {
    await start();
    const reader = push.newSubscriber();
    const put = await api('/subscription', { method: 'PUT', body: body(reader, { language: 'zh-Hant' }) });
    expect(await put.json()).toMatchObject({ language: 'zh-Hant' });
    await service.watcher.poll();
    site.items = [...NEWS, ...BEFORE];
    await service.watcher.poll();
    const got = (await push.delivered(2))
      .map((r) => readPushMessage(r.payload))
      .sort((a, b) => ((a?.title ?? '') < (b?.title ?? '') ? -1 : 1));
    // The feed's zh-Hans versions, in Hong Kong's characters, in the app's Traditional words.
    expect(got.map((m) => m?.title)).toEqual(['新活動：人工智能論壇', '緊急通知：八號風球']);
    expect(got.map((m) => m?.lang)).toEqual(['zh-Hant', 'zh-Hant']);
    expect(got[1]?.body).toBe('服務大廳今天關閉。');
  });

  it('watches the feed with conditional requests and sends what is new, on a poll or a notify call', async () => {
    await start();
    const reader = push.newSubscriber();
    await api('/subscription', { method: 'PUT', body: body(reader) });
    expect(await service.watcher.poll()).toMatchObject({ baseline: true });
    expect(await service.watcher.poll()).toBe('unchanged');
    expect(site.answers).toEqual([200, 304]);

    site.items = [...NEWS, ...BEFORE];
    // `citylink-feed notify` asks the running service to read the feed now.
    expect((await api('/poll', { method: 'POST' })).status).toBe(401);
    const poll = await api('/poll', { method: 'POST', headers: { Authorization: 'Bearer secret-token' } });
    expect(poll.status).toBe(200);
    // The woken sender delivers the typhoon notice and the tech event, in Chinese.
    const got = (await push.delivered(2)).map((r) => readPushMessage(r.payload)?.title).sort();
    expect(got).toEqual(['新活动：人工智能论坛', '紧急通知：八号风球']);
    expect(site.answers).toEqual([200, 304, 200]);
  });
});

describe('helpers', () => {
  it('allows https push services and the hosts a deployment names, nothing else', () => {
    expect(endpointAllowed(new URL('https://fcm.googleapis.com/fcm/send/abc'))).toBe(true);
    expect(endpointAllowed(new URL('https://web.push.apple.com/abc'))).toBe(true);
    expect(endpointAllowed(new URL('http://fcm.googleapis.com/fcm/send/abc'))).toBe(false);
    expect(endpointAllowed(new URL('https://fcm.googleapis.com:8443/x'))).toBe(false);
    expect(endpointAllowed(new URL('https://evil.example/push.apple.com'))).toBe(false);
    expect(endpointAllowed(new URL('http://127.0.0.1:9000/x'), ['127.0.0.1:9000'])).toBe(true);
    expect(endpointAllowed(new URL('http://127.0.0.1:9001/x'), ['127.0.0.1:9000'])).toBe(false);
  });

  it('waits as Retry-After asks, else backs off exponentially within bounds', () => {
    expect(retryDelay(1, '7', 1000, 60_000)).toBe(7000);
    expect(retryDelay(1, new Date(Date.now() + 30_000).toUTCString(), 1000, 60_000)).toBeGreaterThan(28_000);
    expect(retryDelay(1, '600', 1000, 60_000)).toBe(60_000);
    for (let attempt = 1; attempt <= 4; attempt++) {
      const delay = retryDelay(attempt, null, 1000, 60_000);
      expect(delay).toBeGreaterThanOrEqual(750 * 2 ** (attempt - 1));
      expect(delay).toBeLessThanOrEqual(1250 * 2 ** (attempt - 1));
    }
  });

  it('counts requests per client in fixed windows', () => {
    let now = 0;
    const limit = new RateLimit(2, 60_000, () => now);
    expect([limit.take('a'), limit.take('a'), limit.take('b'), limit.take('a')]).toEqual([
      undefined,
      undefined,
      undefined,
      60,
    ]);
    now = 60_000;
    expect(limit.take('a')).toBeUndefined();
  });
});
