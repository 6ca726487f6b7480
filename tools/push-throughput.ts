/**
 * How fast the push service fans out one urgent notice: N subscriptions on the fake push service
 * (which verifies and decrypts every request, as in the tests), one sender, on PGlite or on the
 * PostgreSQL server of `DATABASE_URL`. Prints subscriptions, seconds and messages per second.
 * Not part of `npm test`; nothing asserts a time.
 *
 * `npx tsx tools/push-throughput.ts [subscriptions=2000] [concurrency=8]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/push/db';
import { generateKeys } from '../server/push/keys';
import { silentLog } from '../server/push/log';
import { ingestFeed } from '../server/push/notices';
import { Sender } from '../server/push/send';
import { startFakePushService } from '../server/push/testing/fake-push-service';
import { BEFORE, FEED_URL, NEWS, feed } from '../server/push/testing/feeds';

const count = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 8);
const vapid = { ...generateKeys(), subject: 'mailto:push-bench@citylink.invalid' };
const dir = mkdtempSync(join(tmpdir(), 'citylink-push-bench-'));
const db = await openDatabase(
  process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: dir },
);
const push = await startFakePushService(() => vapid.publicKey);
try {
  for (let i = 0; i < count; i += 500) {
    const batch = Array.from({ length: Math.min(500, count - i) }, () => push.newSubscriber());
    await db.query(
      `INSERT INTO subscriptions (endpoint, p256dh, auth, language, urgent, events)
       SELECT e, p, a, 'en', true, false FROM unnest($1::text[], $2::text[], $3::text[]) AS s(e, p, a)`,
      [batch.map((s) => s.endpoint), batch.map((s) => s.keys.p256dh), batch.map((s) => s.keys.auth)],
    );
  }
  await ingestFeed(db, FEED_URL, feed(BEFORE), Date.now());
  const fanOut = performance.now();
  await ingestFeed(db, FEED_URL, feed([...NEWS, ...BEFORE]), Date.now());
  const queued = performance.now();
  const sent = await new Sender(db, { vapid, log: silentLog, concurrency }).drain();
  const done = performance.now();
  const seconds = (done - queued) / 1000;
  console.log(
    JSON.stringify({
      database: db.kind,
      subscriptions: count,
      concurrency,
      queueMs: Math.round(queued - fanOut),
      sendSeconds: Number(seconds.toFixed(1)),
      perSecond: Math.round(sent.sent / seconds),
      sent: sent.sent,
      verifiedAndDecrypted: push.received.filter((r) => !r.error).length,
    }),
  );
} finally {
  await push.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
