/**
 * `npm run push`: the push service, configured by the environment (docs/push.md):
 *
 * | variable               | default                                   |
 * | ---------------------- | ----------------------------------------- |
 * | PUSH_FEED_URL          | http://127.0.0.1:4173/feed.json           |
 * | PUSH_POLL_SECONDS      | 60                                        |
 * | PUSH_HOST, PUSH_PORT   | 127.0.0.1, 8787                           |
 * | PUSH_BASE_PATH         | /push                                     |
 * | DATABASE_URL           | none: PGlite in PUSH_DATA_DIR             |
 * | PUSH_DATA_DIR          | .push-data                                |
 * | VAPID_PUBLIC_KEY/…_PRIVATE_KEY | a pair made in PUSH_DATA_DIR/vapid.json |
 * | VAPID_SUBJECT          | mailto:push@citylink.invalid              |
 * | PUSH_ENDPOINT_HOSTS    | none (browsers' push services only)       |
 * | PUSH_TRUST_PROXY       | off (1: read X-Forwarded-For)             |
 * | PUSH_RATE_LIMIT        | 60 requests per client and minute         |
 * | PUSH_NOTIFY_TOKEN      | none (POST /poll off)                     |
 * | PUSH_ALLOW_ORIGIN      | none (the app on the same host)           |
 */
import { join, resolve } from 'node:path';
import { keysInFile } from './keys';
import { createLog } from './log';
import { startPushService } from './service';

const env = process.env;
const log = createLog();
const dataDir = resolve(env.PUSH_DATA_DIR ?? '.push-data');

let vapid = { publicKey: env.VAPID_PUBLIC_KEY ?? '', privateKey: env.VAPID_PRIVATE_KEY ?? '' };
if (!vapid.publicKey || !vapid.privateKey) {
  const file = join(dataDir, 'vapid.json');
  const { keys, created } = keysInFile(file);
  vapid = keys;
  log(created ? 'vapid-keys-created' : 'vapid-keys-read', { file, publicKey: keys.publicKey });
}

const service = await startPushService({
  database: env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: join(dataDir, 'db') },
  vapid: { ...vapid, subject: env.VAPID_SUBJECT ?? 'mailto:push@citylink.invalid' },
  feedUrl: env.PUSH_FEED_URL ?? 'http://127.0.0.1:4173/feed.json',
  pollMs: Number(env.PUSH_POLL_SECONDS ?? 60) * 1000,
  host: env.PUSH_HOST ?? '127.0.0.1',
  port: Number(env.PUSH_PORT ?? 8787),
  basePath: env.PUSH_BASE_PATH ?? '/push',
  endpointHosts: (env.PUSH_ENDPOINT_HOSTS ?? '').split(',').filter(Boolean),
  trustProxy: env.PUSH_TRUST_PROXY === '1',
  rateLimit: Number(env.PUSH_RATE_LIMIT ?? 60),
  notifyToken: env.PUSH_NOTIFY_TOKEN || undefined,
  allowOrigins: (env.PUSH_ALLOW_ORIGIN ?? '').split(',').filter(Boolean),
  log,
});

// A clean stop: in-flight requests finish and their deliveries are recorded.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log('stopping', { signal });
    void service.close().then(() => process.exit(0));
  });
}
