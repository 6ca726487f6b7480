/**
 * The push service's sending tests, over any database: Vitest runs them on PGlite
 * (server/push/send.test.ts) and, in `npm test`, on a real PostgreSQL server
 * (server/push/postgres.pg.test.ts, started by scripts/pg-check.ts).
 *
 * The server side is real (SQL, web-push's encryption and VAPID signature, HTTP); the push
 * service is the fake of fake-push-service.ts, which checks and decrypts every request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPushMessage, type PushMessage } from '../../../packages/core/src/push-message';
import { openDatabase, type Database, type DatabaseOptions } from '../db';
import { generateKeys } from '../keys';
import { silentLog } from '../log';
import { ingestFeed } from '../notices';
import { prune } from '../retention';
import { Sender, type SenderOptions } from '../send';
import { BEFORE, FEED_URL, NEWS, feed } from './feeds';
import { startFakePushService, type FakePushService, type Subscriber } from './fake-push-service';

/** A fresh, empty database for each test; `reopen` opens the same one again (a restart). */
export interface DatabaseFactory {
  fresh(): Promise<DatabaseOptions>;
  cleanUp?(): Promise<void>;
}

export function sendingScenarios(name: string, factory: DatabaseFactory): void {
  describe(`sending over ${name}`, () => {
    const vapid = { ...generateKeys(), subject: 'mailto:push-test@citylink.invalid' };
    let where: DatabaseOptions;
    let db: Database;
    let push: FakePushService;
    const open: Database[] = [];

    const connect = async () => {
      const database = await openDatabase(where);
      open.push(database);
      return database;
    };
    const sender = (database: Database, options: Partial<SenderOptions> = {}) =>
      new Sender(database, { vapid, log: silentLog, baseDelayMs: 20, ...options });

    beforeEach(async () => {
      where = await factory.fresh();
      db = await connect();
      push = await startFakePushService(() => vapid.publicKey);
    }, 60_000);
    afterEach(async () => {
      await push.close();
      for (const database of open.splice(0)) await database.close().catch(() => undefined);
      await factory.cleanUp?.();
    }, 60_000);

    async function subscribe(
      subscriber: Subscriber,
      choice: { language: string; urgent: boolean; events: boolean; topics?: string[] },
    ): Promise<void> {
      await db.query(
        `INSERT INTO subscriptions (endpoint, p256dh, auth, language, urgent, events, topics)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          subscriber.endpoint,
          subscriber.keys.p256dh,
          subscriber.keys.auth,
          choice.language,
          choice.urgent,
          choice.events,
          choice.topics ?? [],
        ],
      );
    }

    /** The feed as first read (the baseline), then with the news. */
    async function publish(database = db): Promise<void> {
      expect((await ingestFeed(database, FEED_URL, feed(BEFORE), Date.now())).baseline).toBe(true);
      const result = await ingestFeed(database, FEED_URL, feed([...NEWS, ...BEFORE]), Date.now());
      expect(result.baseline).toBe(false);
    }

    const messagesTo = (id: string) =>
      push.received
        .filter((r) => r.id === id && r.status < 300)
        .map((r) => readPushMessage(r.payload))
        .filter((m): m is PushMessage => m !== undefined);

    it('sends each new notice to its subscribers only, in their language, signed and encrypted', async () => {
      await subscribe(push.newSubscriber('urgent-en'), { language: 'en', urgent: true, events: false });
      await subscribe(push.newSubscriber('urgent-zh'), { language: 'zh-Hans', urgent: true, events: false });
      await subscribe(push.newSubscriber('events-all'), { language: 'en', urgent: false, events: true });
      await subscribe(push.newSubscriber('tech-zh'), {
        language: 'zh-Hans',
        urgent: false,
        events: true,
        topics: ['tech'],
      });
      await subscribe(push.newSubscriber('culture'), {
        language: 'en',
        urgent: false,
        events: true,
        topics: ['culture'],
      });
      await subscribe(push.newSubscriber('nothing'), { language: 'en', urgent: false, events: false });

      await publish();
      const counts = await sender(db).drain();
      expect(counts).toMatchObject({ sent: 6, failed: 0, unknown: 0, retried: 0 });
      // Every request passed the VAPID and decryption checks.
      expect(push.received.filter((r) => r.error)).toEqual([]);

      const [en] = messagesTo('urgent-en');
      expect(en).toMatchObject({
        kind: 'urgent',
        lang: 'en',
        title: 'Urgent: Typhoon signal No. 8',
        path: '/news/typhoon',
      });
      expect(en?.body).toBe('Service desks are closed today.');
      expect(en?.item).toMatchObject({ id: 'typhoon-en' });
      const [zh] = messagesTo('urgent-zh');
      expect(zh).toMatchObject({ lang: 'zh-Hans', title: '紧急通知：八号风球', path: '/news/typhoon-zh' });
      expect(zh?.item).toMatchObject({ id: 'typhoon-zh' });
      // One notice, two languages: the same tag on every device.
      expect(zh?.notice).toBe(en?.notice);

      expect(
        messagesTo('events-all')
          .map((m) => m.title)
          .sort(),
      ).toEqual(['New event: AI forum', 'New event: Cantonese opera night']);
      const [tech] = messagesTo('tech-zh');
      expect(messagesTo('tech-zh')).toHaveLength(1);
      expect(tech).toMatchObject({ title: '新活动：人工智能论坛', path: '/events/ai-forum-zh' });
      expect(tech?.body).toContain('2099');
      expect(messagesTo('culture').map((m) => m.title)).toEqual(['New event: Cantonese opera night']);
      expect(messagesTo('nothing')).toEqual([]);

      const urgentRequest = push.received.find((r) => r.id === 'urgent-en');
      expect(urgentRequest?.headers.urgency).toBe('high');
      expect(urgentRequest?.headers.topic).toBe(en?.notice);
      expect(Number(urgentRequest?.headers.ttl)).toBeGreaterThan(0);
      expect(push.received.find((r) => r.id === 'culture')?.headers.urgency).toBe('normal');

      // The same feed again, and a translation published later: no news, nothing sent.
      await ingestFeed(db, FEED_URL, feed([...NEWS, ...BEFORE]), Date.now());
      const late = {
        ...NEWS[4]!,
        id: 'opera-zh',
        language: 'zh-Hans',
        _city: {
          kind: 'event',
          translations: [{ language: 'en', id: 'opera' }],
          event: { start: '2099-09-02', all_day: true },
        },
      };
      expect((await ingestFeed(db, FEED_URL, feed([late, ...NEWS, ...BEFORE]), Date.now())).notices).toEqual(
        [],
      );
      expect(await sender(db).drain()).toMatchObject({ sent: 0 });
    });

    it('deletes subscriptions whose endpoint answers 404 or 410', async () => {
      await subscribe(push.newSubscriber('gone'), { language: 'en', urgent: true, events: false });
      await subscribe(push.newSubscriber('unknown'), { language: 'en', urgent: true, events: false });
      await subscribe(push.newSubscriber('fine'), { language: 'en', urgent: true, events: false });
      push.respond('gone', 410);
      push.respond('unknown', 404);
      await publish();
      expect(await sender(db).drain()).toMatchObject({ sent: 1, gone: 2 });
      const left = await db.query<{ endpoint: string }>('SELECT endpoint FROM subscriptions');
      expect(left.map((row) => row.endpoint.split('/').pop())).toEqual(['fine']);
      expect(await db.query('SELECT * FROM deliveries WHERE state <> $1', ['sent'])).toEqual([]);
    });

    it('retries 429 and 5xx with backoff, as Retry-After asks, and gives up after the last attempt', async () => {
      await subscribe(push.newSubscriber('busy'), { language: 'en', urgent: true, events: false });
      await subscribe(push.newSubscriber('down'), { language: 'en', urgent: true, events: false });
      push.respond('busy', { status: 429, retryAfter: '0' }, 503);
      push.respond('down', 500, 502, 503);
      await publish();
      const send = sender(db, { maxAttempts: 3 });
      const total = { sent: 0, retried: 0, failed: 0 };
      // Each pass sends what is due; waiting for the next retry is waiting for it to be due.
      for (let pass = 0; pass < 20 && total.sent + total.failed < 2; pass++) {
        const counts = await send.drain();
        total.sent += counts.sent;
        total.retried += counts.retried;
        total.failed += counts.failed;
        const wait = await send.nextDue();
        if (wait !== undefined) await new Promise((resolve) => setTimeout(resolve, wait + 5));
      }
      expect(total).toEqual({ sent: 1, retried: 4, failed: 1 });
      expect(push.received.filter((r) => r.id === 'busy').map((r) => r.status)).toEqual([429, 503, 201]);
      expect(push.received.filter((r) => r.id === 'down').map((r) => r.status)).toEqual([500, 502, 503]);
      const rows = await db.query<{ state: string; attempts: number; last_status: number }>(
        'SELECT state, attempts, last_status FROM deliveries ORDER BY subscription_id',
      );
      expect(rows).toEqual([
        { state: 'sent', attempts: 2, last_status: 201 },
        { state: 'failed', attempts: 3, last_status: 503 },
      ]);
    });

    it('sends no notice twice to a subscription when a sender dies mid-send and another takes over', async () => {
      const ids = Array.from({ length: 6 }, (_, i) => `reader-${i}`);
      for (const id of ids)
        await subscribe(push.newSubscriber(id), { language: 'en', urgent: true, events: false });
      await publish();

      // The first sender gets two requests out, then its process dies while they are in flight.
      const held = push.hold(2);
      const first = sender(db, { concurrency: 2, batchSize: 4, leaseSeconds: 1 });
      const dying = first.sendDue().catch(() => 'died');
      await held.held;
      await db.close();
      // The push service took both messages; it answers into a dead connection.
      held.release();
      expect(await dying).toBe('died');

      // The restart: the same database, a new sender. The two caught mid-request are never
      // sent again; the two it had only claimed, and the rest, are sent once.
      const again = await connect();
      const second = sender(again, { leaseSeconds: 1 });
      // Its four claims (two in flight, two waiting) may come back in more than one recovery.
      let found = 0;
      for (let tries = 0; tries < 100; tries++) {
        const recovered = await second.recover(again.kind === 'embedded');
        found += recovered.unknown + recovered.requeued;
        if (found >= 4) break;
        // On a server, the dead sender's lease must run out first (1 s).
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await second.drain()).toMatchObject({ sent: 4 });
      const perReader = ids.map((id) => push.received.filter((r) => r.id === id && r.status < 300).length);
      expect(perReader).toEqual([1, 1, 1, 1, 1, 1]);
      const states = await again.query<{ state: string; n: number }>(
        'SELECT state, count(*)::int AS n FROM deliveries GROUP BY state ORDER BY state',
      );
      expect(states).toEqual([
        { state: 'sent', n: 4 },
        { state: 'unknown', n: 2 },
      ]);
    });

    it('lets two senders share one queue, each delivery taken by one of them', async () => {
      const ids = Array.from({ length: 20 }, (_, i) => `reader-${i}`);
      for (const id of ids)
        await subscribe(push.newSubscriber(id), { language: 'en', urgent: true, events: false });
      await publish();
      // Two processes on a server; on PGlite, whose folder has one owner, two senders of one process.
      const other = db.kind === 'server' ? await connect() : db;
      const [a, b] = await Promise.all([
        sender(db, { batchSize: 3 }).drain(),
        sender(other, { batchSize: 3 }).drain(),
      ]);
      expect(a.sent + b.sent).toBe(20);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      const perReader = ids.map((id) => push.received.filter((r) => r.id === id).length);
      expect(new Set(perReader)).toEqual(new Set([1]));
    });

    it('opens a PGlite folder in one place at a time', async () => {
      if (db.kind === 'server') return expect(await connect()).toBeDefined();
      await expect(connect()).rejects.toThrow(/in use by this process/);
    });

    it('stops a retracted notice’s claimed deliveries before their send', async () => {
      const ids = Array.from({ length: 5 }, (_, i) => `reader-${i}`);
      for (const id of ids)
        await subscribe(push.newSubscriber(id), { language: 'en', urgent: true, events: false });
      await publish();
      // The sender claims all five, then sends one window of two: both held on the wire.
      const held = push.hold(2);
      const sending = sender(db, { concurrency: 2, batchSize: 5 }).sendDue();
      await held.held;
      const retracted = await ingestFeed(
        db,
        FEED_URL,
        feed([{ id: 'typhoon-en', _city: { deleted: true } }, ...NEWS.slice(1), ...BEFORE]),
        Date.now(),
      );
      // The three claimed but not yet on their way are stopped; the two on the wire cannot be.
      expect(retracted.cancelled).toBe(3);
      held.release();
      expect(await sending).toMatchObject({ sent: 2 });
      expect(push.received.filter((r) => r.status < 300)).toHaveLength(2);
      const states = await db.query<{ state: string; n: number }>(
        'SELECT state, count(*)::int AS n FROM deliveries GROUP BY state ORDER BY state',
      );
      expect(states).toEqual([
        { state: 'expired', n: 3 },
        { state: 'sent', n: 2 },
      ]);
    });

    it('prunes finished deliveries, old notices and items gone from the feed, and nothing else', async () => {
      await subscribe(push.newSubscriber('reader'), { language: 'en', urgent: true, events: true });
      await publish();
      await sender(db).drain();
      // Eight days later: what finished a week ago goes; the feed's items stay while it holds them.
      const past = `now() - interval '8 days'`;
      await db.query(`UPDATE deliveries SET finished_at = ${past}`);
      await db.query(`UPDATE notices SET created_at = ${past}`);
      await db.query(`UPDATE feed_items SET seen_at = ${past}`);
      await db.query(`UPDATE feed_state SET read_at = ${past}`);
      // A new notice still on its way is kept, with its delivery.
      const [urgent] = await db.query<{ id: number }>(
        `INSERT INTO notices (key, feed_url, kind, item_ids, messages) VALUES ('k', $1, 'urgent', '{x}', '{}') RETURNING id`,
        [FEED_URL],
      );
      await db.query(`UPDATE notices SET created_at = ${past} WHERE id = $1`, [urgent!.id]);
      await db.query('INSERT INTO deliveries (notice_id, subscription_id) SELECT $1, id FROM subscriptions', [
        urgent!.id,
      ]);
      // The feed read again today without the old news: that item may be forgotten, not the rest.
      const today = feed([...NEWS, BEFORE[1]]);
      expect((await ingestFeed(db, FEED_URL, today, Date.now())).fresh).toBe(0);
      const pruned = await prune(db, 7);
      expect(pruned).toEqual({ deliveries: 3, notices: 3, items: 1 });
      expect(await db.query('SELECT state FROM deliveries')).toEqual([{ state: 'pending' }]);
      const items = await db.query<{ id: string }>('SELECT id FROM feed_items ORDER BY id');
      expect(items.map((row) => row.id)).not.toContain('old-news');
      expect(items).toHaveLength(NEWS.length + 1);
      // Nothing in today's feed is news again after the prune.
      expect((await ingestFeed(db, FEED_URL, today, Date.now())).notices).toEqual([]);
    });

    it('sends nothing once a notice has expired or been retracted', async () => {
      await subscribe(push.newSubscriber('reader'), { language: 'en', urgent: true, events: true });
      await publish();
      // The publisher withdraws the typhoon notice before anything was sent.
      const retracted = await ingestFeed(
        db,
        FEED_URL,
        feed([{ id: 'typhoon-en', _city: { deleted: true } }, ...NEWS.slice(1), ...BEFORE]),
        Date.now(),
      );
      expect(retracted.cancelled).toBe(1);
      await db.query(`UPDATE notices SET expires_at = now() - interval '1 minute' WHERE kind = 'event'`);
      expect(await sender(db).drain()).toMatchObject({ sent: 0, expired: 2 });
      expect(push.received).toEqual([]);
    });
  });
}
