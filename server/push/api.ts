/**
 * The push service's HTTP API (Hono), under its base path (`/push` by default, on the app's own
 * host: see docs/push.md):
 *
 * - `GET  /key`: the VAPID public key, for `PushManager.subscribe()`.
 * - `PUT  /subscription`: stores or updates a subscription: `{ endpoint, keys: { p256dh, auth },
 *   language, urgent, events, topics }`. An existing endpoint changes only with its own `auth`.
 * - `POST /subscription/read`: `{ endpoint, auth }` → what that subscription receives, or 404.
 * - `DELETE /subscription`: `{ endpoint, auth }` → 204: unsubscribed, or 404 when nothing was.
 * - `POST /poll`: reads the feed now (`citylink-feed notify`); needs `Authorization: Bearer
 *   <PUSH_NOTIFY_TOKEN>`, and is off without a token.
 * - `GET  /health`: 200 `{ ok: true }` when the database answers, else 503.
 * - `GET  /metrics`: Prometheus text (metrics.ts); needs `Authorization: Bearer
 *   <PUSH_METRICS_TOKEN>`, and is off without a token.
 *
 * Every body is checked with valibot and at most 4 KB; every client is rate-limited. Answers
 * never echo keys, and the log names an endpoint only by its label (log.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as v from 'valibot';
import type { Sql } from './db';
import { endpointLabel, type Log } from './log';
import type { Metrics } from './metrics';
import type { RateLimit } from './rate-limit';
import { LANGUAGES } from '../../packages/core/src/languages';
import type { PollAnswer, PollResult } from '../../packages/core/src/poll';

export interface ApiOptions {
  basePath: string;
  publicKey: string;
  sql: Sql;
  log: Log;
  limiter: RateLimit;
  /** Whether a push service's URL may receive our requests (see `endpointAllowed`). */
  allowEndpoint: (url: URL) => boolean;
  /** Take the client's address from `X-Forwarded-For` (behind the site's own reverse proxy). */
  trustProxy: boolean;
  /** The token `POST /poll` needs; the route answers 404 without one. */
  notifyToken?: string;
  /** Reads the feed now. */
  poll?: () => Promise<PollResult>;
  /**
   * Origins of the app when it is served from another host than the service (`VITE_PUSH_URL`):
   * answered with CORS headers. Empty on the same host, which needs none.
   */
  allowOrigins?: readonly string[];
  metrics?: Metrics;
  /** The token `GET /metrics` needs; the route answers 404 without one. */
  metricsToken?: string;
  /** How long `/health` waits for the database (ms). */
  healthTimeoutMs?: number;
}

// base64url of a P-256 public key (65 bytes, uncompressed) and of a 16-byte auth secret.
const P256DH = /^[A-Za-z0-9_-]{87}$/;
const AUTH = /^[A-Za-z0-9_-]{22}$/;

const endpointSchema = v.pipe(v.string(), v.maxLength(1024), v.url());
const ownerSchema = v.object({ endpoint: endpointSchema, auth: v.pipe(v.string(), v.regex(AUTH)) });
const subscriptionSchema = v.object({
  endpoint: endpointSchema,
  keys: v.object({ p256dh: v.pipe(v.string(), v.regex(P256DH)), auth: v.pipe(v.string(), v.regex(AUTH)) }),
  language: v.picklist(LANGUAGES),
  urgent: v.boolean(),
  events: v.boolean(),
  // Empty: every topic. Topics are the feed's item tags.
  topics: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(64))), v.maxLength(50)),
});

export type SubscriptionInput = v.InferOutput<typeof subscriptionSchema>;

/** What a subscription receives, as the API answers it (no keys, no endpoint). */
export interface SubscriptionChoices {
  language: string;
  urgent: boolean;
  events: boolean;
  topics: string[];
}

export function createApi(options: ApiOptions): Hono {
  const app = new Hono().basePath(options.basePath);
  const { sql, log } = options;
  if (options.allowOrigins?.length) {
    app.use(
      '*',
      cors({
        origin: [...options.allowOrigins],
        allowMethods: ['GET', 'PUT', 'POST', 'DELETE'],
        allowHeaders: ['Content-Type'],
        maxAge: 86_400,
      }),
    );
  }

  // Requests are counted (metrics), not logged: a line per request, or per refused request in a
  // flood, is noise that buries what matters. What a request changes is logged by its route.
  app.use('*', async (c, next) => {
    // Answers are per reader and may change at any time; a refusal too.
    c.header('Cache-Control', 'no-store');
    const forwarded = options.trustProxy ? c.req.header('X-Forwarded-For') : undefined;
    const wait = options.limiter.take(
      clientAddress(forwarded, () => getConnInfo(c as Context).remote.address),
    );
    if (wait !== undefined) {
      c.header('Retry-After', String(wait));
      options.metrics?.request(429);
      return c.json({ error: 'rate-limited' }, 429);
    }
    await next();
    c.header('Cache-Control', 'no-store');
    options.metrics?.request(c.res.status);
  });
  app.use('*', bodyLimit({ maxSize: 4 * 1024, onError: (c) => c.json({ error: 'too-large' }, 413) }));

  app.get('/health', async (c) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer in time')), options.healthTimeoutMs ?? 3_000);
    });
    try {
      await Promise.race([sql.query('SELECT 1'), timeout]);
      return c.json({ ok: true });
    } catch (error) {
      log('health-failed', { message: (error as Error).message });
      return c.json({ ok: false, error: 'database' }, 503);
    } finally {
      clearTimeout(timer);
    }
  });
  app.get('/metrics', async (c) => {
    if (!options.metricsToken || !options.metrics) return c.json({ error: 'not-found' }, 404);
    if (!sameSecret(c.req.header('Authorization') ?? '', `Bearer ${options.metricsToken}`)) {
      return c.json({ error: 'unauthorized' }, 401);
    }
    const { registry } = options.metrics;
    return c.text(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
  });
  app.get('/key', (c) => c.json({ publicKey: options.publicKey }));

  app.put('/subscription', async (c) => {
    const input = await valid(c, subscriptionSchema);
    if (!input.ok) return input.response;
    const { endpoint, keys, language, urgent, events, topics } = input.value;
    if (!options.allowEndpoint(new URL(endpoint))) return c.json({ error: 'endpoint-not-allowed' }, 400);
    const rows = await sql.query<SubscriptionChoices>(
      `INSERT INTO subscriptions (endpoint, p256dh, auth, language, urgent, events, topics)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (endpoint) DO UPDATE
       SET language = EXCLUDED.language, urgent = EXCLUDED.urgent, events = EXCLUDED.events,
           topics = EXCLUDED.topics, updated_at = now()
       WHERE subscriptions.auth = EXCLUDED.auth AND subscriptions.p256dh = EXCLUDED.p256dh
       RETURNING language, urgent, events, topics`,
      [endpoint, keys.p256dh, keys.auth, language, urgent, events, [...new Set(topics)]],
    );
    // The endpoint is someone else's subscription (other keys): not ours to change.
    if (rows.length === 0) return c.json({ error: 'forbidden' }, 403);
    log('subscribed', { endpoint: endpointLabel(endpoint), language, urgent, events, topics: topics.length });
    return c.json(rows[0]);
  });

  app.post('/subscription/read', async (c) => {
    const input = await valid(c, ownerSchema);
    if (!input.ok) return input.response;
    const [row] = await sql.query<SubscriptionChoices>(
      'SELECT language, urgent, events, topics FROM subscriptions WHERE endpoint = $1 AND auth = $2',
      [input.value.endpoint, input.value.auth],
    );
    return row ? c.json(row) : c.json({ error: 'not-found' }, 404);
  });

  app.delete('/subscription', async (c) => {
    const input = await valid(c, ownerSchema);
    if (!input.ok) return input.response;
    const deleted = await sql.query<{ endpoint: string }>(
      'DELETE FROM subscriptions WHERE endpoint = $1 AND auth = $2 RETURNING endpoint',
      [input.value.endpoint, input.value.auth],
    );
    // Nothing deleted (no such subscription, or not its own `auth`): said so, as `read` does,
    // and not logged as an unsubscription that did not happen.
    if (deleted.length === 0) return c.json({ error: 'not-found' }, 404);
    log('unsubscribed', { endpoint: endpointLabel(input.value.endpoint) });
    return c.body(null, 204);
  });

  app.post('/poll', async (c) => {
    if (!options.notifyToken || !options.poll) return c.json({ error: 'not-found' }, 404);
    if (!sameSecret(c.req.header('Authorization') ?? '', `Bearer ${options.notifyToken}`)) {
      return c.json({ error: 'unauthorized' }, 401);
    }
    const result = await options.poll();
    return c.json({ result } satisfies PollAnswer);
  });

  app.notFound((c) => c.json({ error: 'not-found' }, 404));
  app.onError((error, c) => {
    log('error', { method: c.req.method, path: c.req.path, message: error.message });
    return c.json({ error: 'internal' }, 500);
  });
  return app;
}

/** The request's JSON body checked against `schema`; a 400 naming the fields that failed, else. */
async function valid<S extends v.GenericSchema>(
  c: Context,
  schema: S,
): Promise<{ ok: true; value: v.InferOutput<S> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { ok: false, response: c.json({ error: 'invalid', fields: ['body'] }, 400) };
  }
  const checked = v.safeParse(schema, body);
  if (checked.success) return { ok: true, value: checked.output };
  // Field paths only: the values (keys among them) are never echoed.
  const fields = [...new Set(checked.issues.map((issue) => v.getDotPath(issue) ?? 'body'))];
  return { ok: false, response: c.json({ error: 'invalid', fields }, 400) };
}

/** Who is asking: the proxy's `X-Forwarded-For` when trusted, else the connection's address. */
function clientAddress(forwarded: string | undefined, connection: () => string | undefined): string {
  const first = forwarded?.split(',')[0]?.trim();
  if (first) return first;
  try {
    return connection() ?? 'unknown';
  } catch {
    // Not served by @hono/node-server (`app.request()` in a test): one bucket.
    return 'local';
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The push services of today's browsers; a deployment adds its own with `PUSH_ENDPOINT_HOSTS`. */
export const PUSH_SERVICE_HOSTS = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  '*.push.apple.com',
  '*.notify.windows.com',
];

/**
 * Whether the service may post to `url`: https to a known push service (or one the deployment
 * names), so that nobody can use it to send requests into the city's own network. `extra`
 * entries are host names or `host:port`, `*.` for any subdomain; `http:` only for those.
 */
export function endpointAllowed(url: URL, extra: readonly string[] = []): boolean {
  const matches = (pattern: string) => {
    const host = pattern.includes(':') ? url.host : url.hostname;
    return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
  };
  if (extra.some(matches)) return url.protocol === 'https:' || url.protocol === 'http:';
  return url.protocol === 'https:' && url.port === '' && PUSH_SERVICE_HOSTS.some(matches);
}
