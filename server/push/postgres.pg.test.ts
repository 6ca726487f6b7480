/**
 * The push service on a real PostgreSQL server: the sending scenarios the units run on PGlite,
 * and the service end to end (HTTP API, feed watcher, sender). Run by scripts/pg-check.ts,
 * which starts the server and sets CITYLINK_PG_URL; without it this file fails, never skips.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readPushMessage } from '@citylink/core/push-message';
import { openDatabase } from './db';
import { generateKeys } from './keys';
import { silentLog } from './log';
import { ingestFeed } from './notices';
import { startPushService } from './service';
import { startFakePushService, subscribe } from './testing/fake-push-service';
import { BEFORE, FEED_URL, NEWS, feed } from './testing/feeds';
import { sendingScenarios } from './testing/scenarios';

const server = process.env.CITYLINK_PG_URL;
if (!server) throw new Error('CITYLINK_PG_URL is not set: run this through `npx tsx scripts/pg-check.ts`.');

let serial = 0;
const made: string[] = [];

/** A new, empty database on the server. */
async function freshDatabase(): Promise<{ url: string }> {
  const name = `citylink_push_${process.pid}_${++serial}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  made.push(name);
  const url = new URL(server!);
  url.pathname = `/${name}`;
  return { url: url.href };
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('the PostgreSQL server', () => {
  it('is a real PostgreSQL 15 or later', async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    await client.end();
    expect(Number(rows[0]!.server_version_num)).toBeGreaterThanOrEqual(150000);
  });
});

sendingScenarios('PostgreSQL', { fresh: freshDatabase });

describe('the service on PostgreSQL', () => {
  it('takes a subscription over HTTP, watches the feed and delivers the news', async () => {
    const vapid = { ...generateKeys(), subject: 'mailto:push-test@citylink.invalid' };
    const push = await startFakePushService(() => vapid.publicKey);
    let items: unknown[] = BEFORE;
    const site = createServer((_request, response) => response.end(JSON.stringify(feed(items))));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const service = await startPushService({
      database: await freshDatabase(),
      vapid,
      feedUrl: `http://127.0.0.1:${(site.address() as AddressInfo).port}/feed.json`,
      watch: false,
      endpointHosts: [push.host],
      log: silentLog,
    });
    try {
      const reader = push.newSubscriber();
      expect(await subscribe(`${service.origin}/push/subscription`, reader, false)).toBe(200);
      expect(await service.watcher.poll()).toMatchObject({ baseline: true });
      items = [...NEWS, ...BEFORE];
      const read = await service.watcher.poll();
      // Three notices (the typhoon, two events); only the typhoon has a subscriber.
      expect(typeof read === 'object' && read.notices.map((n) => [n.kind, n.deliveries])).toEqual([
        ['urgent', 1],
        ['event', 0],
        ['event', 0],
      ]);
      const [received] = await push.delivered(1);
      expect(readPushMessage(received?.payload)).toMatchObject({
        title: 'Urgent: Typhoon signal No. 8',
        lang: 'en',
      });
    } finally {
      await service.close();
      await push.close();
      site.close();
    }
  });
});

describe('senders as processes on PostgreSQL', () => {
  /** `npm run push` as a deployment runs its extra senders: no watcher, settings by environment. */
  function senderProcess(env: Record<string, string>): { process: ChildProcess; started: Promise<void> } {
    // Node itself, not npx: a kill must reach the sender, not a wrapper around it.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/push/main.ts'], {
      env: { ...process.env, PUSH_PORT: '0', PUSH_WATCH: '0', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('"event":"started"')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`sender exited ${code}: ${out}`)));
    });
    return { process: child, started };
  }

  it('sends nothing twice and loses only what was on the wire when one of three is killed mid-send', async () => {
    const vapid = { ...generateKeys(), subject: 'mailto:push-test@citylink.invalid' };
    const push = await startFakePushService(() => vapid.publicKey);
    const database = await freshDatabase();
    const db = await openDatabase(database);
    const children: ChildProcess[] = [];
    try {
      const readers = Array.from({ length: 60 }, (_, i) => push.newSubscriber(`reader-${i}`));
      await db.query(
        `INSERT INTO subscriptions (endpoint, p256dh, auth, language, urgent, events)
         SELECT e, p, a, 'en', true, false FROM unnest($1::text[], $2::text[], $3::text[]) AS s(e, p, a)`,
        [readers.map((r) => r.endpoint), readers.map((r) => r.keys.p256dh), readers.map((r) => r.keys.auth)],
      );
      await ingestFeed(db, FEED_URL, feed(BEFORE), Date.now());
      await ingestFeed(db, FEED_URL, feed([...NEWS, ...BEFORE]), Date.now());

      const env = {
        DATABASE_URL: database.url,
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: vapid.subject,
        PUSH_FEED_URL: FEED_URL,
        PUSH_SEND_CONCURRENCY: '4',
        PUSH_SEND_BATCH: '8',
        PUSH_SEND_LEASE_SECONDS: '2',
      };
      // The first sender claims 8 and gets a window of 4 on the wire; there it is killed.
      const held = push.hold(4);
      const doomed = senderProcess(env);
      children.push(doomed.process);
      await doomed.started;
      await held.held;
      doomed.process.kill('SIGKILL');
      await new Promise((resolve) => doomed.process.once('exit', resolve));
      // The push service had taken those 4; it answers into dead connections.
      held.release();

      // Two others share the rest, and take over the dead one's claims once its lease runs out.
      const others = [senderProcess(env), senderProcess(env)];
      children.push(...others.map((o) => o.process));
      await Promise.all(others.map((o) => o.started));
      await push.delivered(60);
      const settled = async () =>
        db.query<{ state: string; n: number }>(
          'SELECT state, count(*)::int AS n FROM deliveries GROUP BY state ORDER BY state',
        );
      let states = await settled();
      for (let i = 0; i < 200 && states.some((s) => s.state !== 'sent' && s.state !== 'unknown'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        states = await settled();
      }
      // The 4 caught on the wire are `unknown` (never sent again: here they had arrived, so
      // nothing is lost; a push service that had not taken them is the documented bound).
      expect(states).toEqual([
        { state: 'sent', n: 56 },
        { state: 'unknown', n: 4 },
      ]);
      const perReader = readers.map(
        (_, i) => push.received.filter((r) => r.id === `reader-${i}` && r.status < 300).length,
      );
      expect(perReader).toEqual(readers.map(() => 1));
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(
        children
          .filter((child) => child.exitCode === null && child.signalCode === null)
          .map((child) => new Promise((resolve) => child.once('exit', resolve))),
      );
      await db.close();
      await push.close();
    }
  }, 120_000);
});
