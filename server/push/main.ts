/**
 * `npm run push`: the push service, configured by the environment (every variable is in
 * docs/push.md "Running it"). A setting it cannot start with (a bad password, an unreachable
 * database host, missing or broken keys, a malformed number) stops it with one log line that
 * says what to fix, and exit code 1: no stack trace.
 */
import { join, resolve } from 'node:path';
import { keysInFile } from './keys';
import { createLog } from './log';
import { startPushService } from './service';
import { databaseProblem, senderSettings, StartupError, vapidFromEnv, wholeNumber } from './settings';

const env = process.env;
const log = createLog();

function fail(message: string): never {
  log('start-failed', { message });
  process.exit(1);
}

try {
  const dataDir = resolve(env.PUSH_DATA_DIR ?? '.push-data');
  let vapid = vapidFromEnv(env);
  if (!vapid) {
    const file = join(dataDir, 'vapid.json');
    const { keys, created } = keysInFile(file);
    vapid = keys;
    log(created ? 'vapid-keys-created' : 'vapid-keys-read', { file, publicKey: keys.publicKey });
  }
  const options = {
    vapid: { ...vapid, subject: env.VAPID_SUBJECT ?? 'mailto:push@citylink.invalid' },
    feedUrl: env.PUSH_FEED_URL ?? 'http://127.0.0.1:4173/feed.json',
    pollMs: wholeNumber(env, 'PUSH_POLL_SECONDS', 60, 1, 86_400) * 1000,
    host: env.PUSH_HOST ?? '127.0.0.1',
    port: wholeNumber(env, 'PUSH_PORT', 8787, 0, 65_535),
    basePath: env.PUSH_BASE_PATH ?? '/push',
    endpointHosts: (env.PUSH_ENDPOINT_HOSTS ?? '').split(',').filter(Boolean),
    trustProxy: env.PUSH_TRUST_PROXY === '1',
    rateLimit: wholeNumber(env, 'PUSH_RATE_LIMIT', 60, 1, 1_000_000),
    notifyToken: env.PUSH_NOTIFY_TOKEN || undefined,
    metricsToken: env.PUSH_METRICS_TOKEN || undefined,
    allowOrigins: (env.PUSH_ALLOW_ORIGIN ?? '').split(',').filter(Boolean),
    retentionDays: wholeNumber(env, 'PUSH_RETENTION_DAYS', 7, 1, 3650),
    watch: env.PUSH_WATCH !== '0',
    sender: senderSettings(env),
    log,
  };
  const database = env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: join(dataDir, 'db') };
  const service = await startPushService({ ...options, database }).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new StartupError(`${options.host}:${options.port} is taken: set PUSH_PORT to a free port.`);
    }
    throw new StartupError(databaseProblem(error, env.DATABASE_URL));
  });

  // A clean stop: in-flight requests finish and their deliveries are recorded.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log('stopping', { signal });
      void service.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  fail(
    error instanceof StartupError
      ? error.message
      : `The push service could not start: ${(error as Error).message}`,
  );
}
