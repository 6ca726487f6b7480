/**
 * The push service's settings from the environment (docs/push.md "Running it"), checked once at
 * start: a wrong value stops the service with a sentence naming the variable, never a stack.
 */
import webpush from 'web-push';
import { SENDER_DEFAULTS, type SenderOptions } from './send';

/** A setting the service cannot start with; main.ts prints its message and exits. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

type Env = Record<string, string | undefined>;

/** A whole number in [min, max] from `name`, else `fallback` when unset. */
export function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new StartupError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

/** How a sender works: PUSH_SEND_CONCURRENCY, PUSH_SEND_BATCH, PUSH_SEND_LEASE_SECONDS. */
export function senderSettings(env: Env): Pick<SenderOptions, 'concurrency' | 'batchSize' | 'leaseSeconds'> {
  const concurrency = wholeNumber(env, 'PUSH_SEND_CONCURRENCY', SENDER_DEFAULTS.concurrency, 1, 1000);
  const batchSize = wholeNumber(
    env,
    'PUSH_SEND_BATCH',
    Math.max(SENDER_DEFAULTS.batchSize, concurrency),
    1,
    100_000,
  );
  const leaseSeconds = wholeNumber(env, 'PUSH_SEND_LEASE_SECONDS', SENDER_DEFAULTS.leaseSeconds, 1, 86_400);
  if (batchSize < concurrency) {
    throw new StartupError(
      `PUSH_SEND_BATCH (${batchSize}) must be at least PUSH_SEND_CONCURRENCY (${concurrency}): a batch is sent in windows of that many.`,
    );
  }
  return { concurrency, batchSize, leaseSeconds };
}

/**
 * The VAPID pair of the environment, checked as web-push checks it, or undefined when neither
 * half is set (`npm run push` then keeps a pair in its data folder). A server shared by several
 * processes needs the pair in the environment: a pair per process would each sign for
 * subscriptions made with another key.
 */
export function vapidFromEnv(env: Env): { publicKey: string; privateKey: string } | undefined {
  const publicKey = env.VAPID_PUBLIC_KEY ?? '';
  const privateKey = env.VAPID_PRIVATE_KEY ?? '';
  if (!publicKey && !privateKey) {
    if (env.DATABASE_URL) {
      throw new StartupError(
        'DATABASE_URL is set but VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not: every process sharing the database must sign with the same pair. Make one with `npm run push:keys`.',
      );
    }
    return undefined;
  }
  if (!publicKey || !privateKey) {
    throw new StartupError(
      `${publicKey ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'} is missing: set both halves of the pair (npm run push:keys makes one).`,
    );
  }
  try {
    webpush.setVapidDetails('mailto:check@citylink.invalid', publicKey, privateKey);
  } catch (error) {
    throw new StartupError(
      `The VAPID keys are not a valid pair of base64url P-256 keys: ${(error as Error).message}`,
    );
  }
  return { publicKey, privateKey };
}

/**
 * A sentence for why the database would not open: the usual mistakes of a deployment by name
 * (PostgreSQL's SQLSTATE codes, the socket's errors), the driver's message otherwise. The URL's
 * password never appears.
 */
export function databaseProblem(error: unknown, url: string | undefined): string {
  const code = (error as { code?: unknown }).code;
  let where = 'the PGlite folder';
  if (url) {
    try {
      const parsed = new URL(url);
      where = `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432} (database "${parsed.pathname.slice(1) || parsed.username}", user "${parsed.username}")`;
    } catch {
      return 'DATABASE_URL is not a URL: write postgres://user:password@host:5432/database.';
    }
  }
  switch (code) {
    case '28P01':
    case '28000':
      return `${where} refused the login: check the user name and password in DATABASE_URL.`;
    case '3D000':
      return `${where}: the database does not exist; create it (createdb) or fix DATABASE_URL.`;
    case 'ECONNREFUSED':
      return `${where} refused the connection: is the server running and listening there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: the host name does not resolve.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} cannot be reached from here (${String(code)}).`;
    default:
      return `${where} could not be opened: ${(error as Error).message}`;
  }
}
