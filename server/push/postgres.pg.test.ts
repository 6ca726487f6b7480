/**
 * The push service on a real PostgreSQL server: the sending scenarios the units run on PGlite,
 * and the service end to end (HTTP API, feed watcher, sender). Run by scripts/pg-check.ts,
 * which starts the server and sets CITYLINK_PG_URL; without it this file fails, never skips.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readPushMessage } from '../../src/data/push-message';
import { generateKeys } from './keys';
import { silentLog } from './log';
import { startPushService } from './service';
import { startFakePushService, subscribe } from './testing/fake-push-service';
import { BEFORE, NEWS, feed } from './testing/feeds';
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
