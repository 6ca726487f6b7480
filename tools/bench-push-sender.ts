/**
 * One sender process of the push benchmark (tools/bench-push.ts): opens its database
 * (`DATABASE_URL`, or PGlite in `BENCH_PGLITE_DIR`), says `ready`, waits for `go` on stdin, then
 * sends what is queued until nothing is left and prints one JSON line: messages sent, CPU time,
 * wall time and peak memory (maxRSS). `BENCH_SENDER_MODULE` names the baseline's send.ts
 * (written beside today's by bench-push.ts), else today's runs. On PGlite, whose folder has one
 * owner, this process also reads the feed that queues the notice, after `go`.
 */
import { once } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../server/push/db';
import { silentLog } from '../server/push/log';
import { ingestFeed } from '../server/push/notices';
import { senderSettings } from '../server/push/settings';
import type { Sender as SenderType, SenderOptions } from '../server/push/send';
import { BEFORE, FEED_URL, NEWS, feed } from '../server/push/testing/feeds';

const env = process.env;
const modulePath = env.BENCH_SENDER_MODULE ?? resolve(import.meta.dirname, '../server/push/send.ts');
const { Sender } = (await import(pathToFileURL(modulePath).href)) as {
  Sender: new (db: unknown, options: SenderOptions) => SenderType;
};
const db = await openDatabase(
  env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.BENCH_PGLITE_DIR! },
);
const vapid = JSON.parse(env.BENCH_VAPID!) as SenderOptions['vapid'];
// The settings `npm run push` would use (PUSH_SEND_*); the baseline has its own defaults.
const settings = env.BENCH_SENDER_MODULE ? {} : senderSettings(env);
const sender = new Sender(db, { vapid, log: silentLog, ...settings });
process.stdout.write('ready\n');
await once(process.stdin, 'data');

const cpu = process.cpuUsage();
const started = performance.now();
if (db.kind === 'embedded') await ingestFeed(db, FEED_URL, feed([...NEWS, ...BEFORE]), Date.now());
const counts = await sender.drain();
await (sender as { close?: () => Promise<void> }).close?.();
const wallMs = performance.now() - started;
const used = process.cpuUsage(cpu);
await db.close();
process.stdout.write(
  `${JSON.stringify({
    ...counts,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((used.user + used.system) / 1000),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
process.exit(0);
